/**
 * Session state that is not part of the project: which workspace is shown, the theme
 * preference, how startup is going. Kept apart from the project store so a theme toggle or a
 * navigation never touches the undo history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Preferences } from '../../../shared/ipc/contract';

export const WORKSPACE_IDS = ['needs-analysis', 'capability-model', 'pathways', 'learners-plans', 'export'] as const;
export type WorkspaceId = (typeof WORKSPACE_IDS)[number];

export type StartupPhase = 'starting' | 'ready';

export interface UiState {
  readonly workspace: WorkspaceId;
  readonly phase: StartupPhase;
  readonly preferences: Preferences;
  readonly recentFiles: readonly string[];
  readonly appVersion: string;
  /** Set while the project title is being edited inline (F2). */
  readonly editingTitle: boolean;
  showWorkspace(workspace: WorkspaceId): void;
  setPhase(phase: StartupPhase): void;
  setPreferences(preferences: Preferences): void;
  setRecentFiles(files: readonly string[]): void;
  setAppVersion(version: string): void;
  setEditingTitle(editing: boolean): void;
}

export type UiStore = StoreApi<UiState>;

export const DEFAULT_PREFERENCES: Preferences = { authorName: '', theme: 'system', backupIntervalSeconds: 30 };

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    workspace: 'needs-analysis',
    phase: 'starting',
    preferences: DEFAULT_PREFERENCES,
    recentFiles: [],
    appVersion: '',
    editingTitle: false,
    showWorkspace: (workspace) => set({ workspace }),
    setPhase: (phase) => set({ phase }),
    setPreferences: (preferences) => set({ preferences }),
    setRecentFiles: (recentFiles) => set({ recentFiles }),
    setAppVersion: (appVersion) => set({ appVersion }),
    setEditingTitle: (editingTitle) => set({ editingTitle }),
  }));
}
