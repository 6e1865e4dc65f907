/**
 * Which view the Pathways workspace shows: the framework (graph) editor or the activity
 * catalog. View state only (never an undo step); one store for the app's life, so the choice
 * survives a trip to another workspace.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type PathwaysView = 'frameworks' | 'catalog';

interface ViewState {
  readonly view: PathwaysView;
  setView(view: PathwaysView): void;
}

export const pathwaysViewStore = createStore<ViewState>()((set) => ({
  view: 'frameworks',
  setView: (view) => set({ view }),
}));

export function usePathwaysView(): PathwaysView {
  return useStore(pathwaysViewStore, (state) => state.view);
}
