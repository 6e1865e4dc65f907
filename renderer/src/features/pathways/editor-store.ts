/**
 * The pathway editor's view state: which framework is open, what is selected, which side panel
 * shows, the in-app clipboard. None of this is project data, so none of it is an undo step:
 * selecting a step, switching frameworks or copying never touches the history.
 *
 * One store for the app's life, so the open framework and the clipboard survive a trip to
 * another workspace (and copy in one framework, paste in another works).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClipboardFragment } from '../../../../shared/domain/pathways/clipboard';

export type SidePanel = 'step' | 'framework';

export interface ClipboardEntry {
  readonly fragment: ClipboardFragment;
  /** The framework it was copied from, and how often it was pasted back there (each paste lands a little further on). */
  readonly frameworkId: string;
  readonly pastes: number;
}

export interface EditorState {
  readonly frameworkId: string | null;
  readonly selectedNodes: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  readonly panel: SidePanel;
  readonly clipboard: ClipboardEntry | null;
  readonly problemsOpen: boolean;
  openFramework(frameworkId: string | null): void;
  /** Replace the selection. Selecting steps brings the Step panel forward. */
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  /** Apply React Flow's select/deselect changes. */
  applySelectionChanges(nodes: readonly { id: string; selected: boolean }[], edges: readonly { id: string; selected: boolean }[]): void;
  clearSelection(): void;
  showPanel(panel: SidePanel): void;
  setClipboard(entry: ClipboardEntry | null): void;
  notePaste(): void;
  setProblemsOpen(open: boolean): void;
}

export type EditorStore = StoreApi<EditorState>;

const EMPTY: ReadonlySet<string> = new Set();

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

export function createEditorStore(): EditorStore {
  return createStore<EditorState>()((set, get) => {
    const setSelection = (nodes: ReadonlySet<string>, edges: ReadonlySet<string>) => {
      const state = get();
      const nodesChanged = !sameSet(nodes, state.selectedNodes);
      const edgesChanged = !sameSet(edges, state.selectedEdges);
      if (!nodesChanged && !edgesChanged) return;
      set({
        selectedNodes: nodesChanged ? nodes : state.selectedNodes,
        selectedEdges: edgesChanged ? edges : state.selectedEdges,
        panel: nodes.size > 0 || edges.size > 0 ? 'step' : state.panel,
      });
    };
    return {
      frameworkId: null,
      selectedNodes: EMPTY,
      selectedEdges: EMPTY,
      panel: 'framework',
      clipboard: null,
      problemsOpen: true,
      openFramework: (frameworkId) => {
        if (frameworkId === get().frameworkId) return;
        set({ frameworkId, selectedNodes: EMPTY, selectedEdges: EMPTY, panel: 'framework' });
      },
      select: (nodes, edges = []) => setSelection(new Set(nodes), new Set(edges)),
      applySelectionChanges: (nodeChanges, edgeChanges) => {
        const state = get();
        let nodes: Set<string> | null = null;
        for (const change of nodeChanges) {
          if (change.selected === state.selectedNodes.has(change.id)) continue;
          nodes ??= new Set(state.selectedNodes);
          if (change.selected) nodes.add(change.id);
          else nodes.delete(change.id);
        }
        let edges: Set<string> | null = null;
        for (const change of edgeChanges) {
          if (change.selected === state.selectedEdges.has(change.id)) continue;
          edges ??= new Set(state.selectedEdges);
          if (change.selected) edges.add(change.id);
          else edges.delete(change.id);
        }
        if (nodes || edges) setSelection(nodes ?? state.selectedNodes, edges ?? state.selectedEdges);
      },
      clearSelection: () => setSelection(EMPTY, EMPTY),
      showPanel: (panel) => set({ panel }),
      setClipboard: (clipboard) => set({ clipboard }),
      notePaste: () => {
        const { clipboard } = get();
        if (clipboard) set({ clipboard: { ...clipboard, pastes: clipboard.pastes + 1 } });
      },
      setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
    };
  });
}

/** The editor's store for this window. */
export const editorStore: EditorStore = createEditorStore();

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editorStore, selector);
}
