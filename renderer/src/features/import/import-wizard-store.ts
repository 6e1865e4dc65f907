/** Whether the import wizard is open: one tiny store, so a menu item can open it from anywhere. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface ImportWizardState {
  opened: boolean;
}

export const importWizardStore = createStore<ImportWizardState>()(() => ({ opened: false }));

export function openImportWizard(): void {
  importWizardStore.setState({ opened: true });
}

export function closeImportWizard(): void {
  importWizardStore.setState({ opened: false });
}

export function useImportWizardOpened(): boolean {
  return useStore(importWizardStore, (state) => state.opened);
}
