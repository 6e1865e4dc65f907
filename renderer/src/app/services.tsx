/** The app's long-lived objects, created once at bootstrap and handed down by context. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlpApi } from '../../../shared/ipc/api';
import type { ProjectStore, ProjectStoreState } from '../state/project-store';
import type { DocumentActions } from './document-actions';
import type { UiState, UiStore } from './ui-store';

export interface Services {
  readonly api: PlpApi;
  readonly store: ProjectStore;
  readonly uiStore: UiStore;
  readonly actions: DocumentActions;
  /** Flip light/dark and remember it in the preferences. */
  toggleTheme(): void;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}

/** Subscribe to one slice of the project store. */
export function useProject<T>(selector: (state: ProjectStoreState) => T): T {
  return useStore(useServices().store, selector);
}

/** Subscribe to one slice of the session (UI) store. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useServices().uiStore, selector);
}
