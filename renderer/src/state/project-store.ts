/**
 * The open document and its undo history, outside React so document actions, keyboard
 * shortcuts, the crash-backup timer and the error boundary all read the same state.
 *
 * Components subscribe to slices (`useProject(selectPresent)`), so an edit re-renders only
 * what shows the edited part. Every change of project data goes through `run` (one undoable
 * command) or a gesture; loading a file starts a fresh history and is not undoable.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OpenedProject } from '../../../shared/ipc/contract';
import { CommandError, type ProjectCommand } from '../../../shared/domain/commands/command';
import * as H from '../../../shared/domain/history';
import type { Project } from '../../../shared/domain/schema';

export interface OpenDocument {
  readonly documentId: string;
  /** null until the project is first saved. */
  readonly filePath: string | null;
  /** The file format the project was upgraded from when it was opened, if any. */
  readonly migratedFrom: number | null;
}

export interface BackupMark {
  /** The snapshot that was backed up (compared by identity). */
  readonly project: Project;
  /** ISO time reported by the backup service. */
  readonly at: string;
}

/** A command, or a function that builds one: command constructors validate and may throw. */
export type CommandInput = ProjectCommand | (() => ProjectCommand);

export type RunResult = { ok: true; changed: boolean } | { ok: false; message: string };

export interface ProjectStoreState {
  readonly document: OpenDocument | null;
  readonly history: H.History | null;
  readonly lastBackup: BackupMark | null;

  /** Replace whatever is open with this project (fresh history; not an undo step). */
  load(opened: OpenedProject): void;
  /** Close the document: nothing is open afterwards. */
  clear(): void;
  /** Apply one undoable edit. A CommandError becomes a message (and `onCommandError`), never a throw. */
  run(command: CommandInput): RunResult;
  undo(): void;
  redo(): void;
  beginGesture(label: string): void;
  updateGesture(command: CommandInput): RunResult;
  endGesture(): void;
  cancelGesture(): void;
  /** `snapshot` (the project that was sent to disk) is now the saved state, at `filePath`. */
  markSaved(snapshot: Project, filePath: string): void;
  /** A crash backup of `snapshot` was written at `at`. */
  markBackedUp(snapshot: Project, at: string): void;
}

export type ProjectStore = StoreApi<ProjectStoreState>;

export interface ProjectStoreOptions {
  /** Told about every refused edit (the app shows a toast). */
  onCommandError?: (message: string, label: string | null) => void;
}

function resolveCommand(input: CommandInput): ProjectCommand {
  return typeof input === 'function' ? input() : input;
}

export function createProjectStore(options: ProjectStoreOptions = {}): ProjectStore {
  const refuse = (error: unknown, label: string | null): RunResult => {
    if (error instanceof CommandError) {
      options.onCommandError?.(error.message, label);
      return { ok: false, message: error.message };
    }
    throw error;
  };

  return createStore<ProjectStoreState>()((set, get) => {
    const apply = (input: CommandInput, step: (history: H.History, command: ProjectCommand) => H.History): RunResult => {
      const { history } = get();
      if (!history) return { ok: false, message: 'No project is open.' };
      let label: string | null = null;
      try {
        const command = resolveCommand(input);
        label = command.label;
        const next = step(history, command);
        const changed = next.present !== history.present;
        set({ history: next });
        return { ok: true, changed };
      } catch (error) {
        return refuse(error, label);
      }
    };
    const update = (step: (history: H.History) => H.History) => {
      const { history } = get();
      if (history) set({ history: step(history) });
    };

    return {
      document: null,
      history: null,
      lastBackup: null,

      load: (opened) =>
        set({
          document: { documentId: opened.documentId, filePath: opened.filePath, migratedFrom: opened.migratedFrom },
          history: H.startHistory(opened.project, { saved: !opened.unsaved }),
          lastBackup: null,
        }),
      clear: () => set({ document: null, history: null, lastBackup: null }),
      run: (command) => apply(command, H.execute),
      undo: () => update(H.undo),
      redo: () => update(H.redo),
      beginGesture: (label) => update((history) => H.beginGesture(history, label)),
      updateGesture: (command) => apply(command, H.updateGesture),
      endGesture: () => update(H.endGesture),
      cancelGesture: () => update(H.cancelGesture),
      markSaved: (snapshot, filePath) => {
        const { history, document } = get();
        if (!history || !document) return;
        set({ history: H.markSaved(history, snapshot), document: { ...document, filePath, migratedFrom: null } });
      },
      markBackedUp: (snapshot, at) => {
        if (get().history) set({ lastBackup: { project: snapshot, at } });
      },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Selectors: small, stable slices so components re-render only when their slice changes.

export const selectDocument = (state: ProjectStoreState): OpenDocument | null => state.document;
export const selectHasDocument = (state: ProjectStoreState): boolean => state.document !== null;
export const selectPresent = (state: ProjectStoreState): Project | null => state.history?.present ?? null;
export const selectTitle = (state: ProjectStoreState): string => state.history?.present.meta.title ?? '';
export const selectIsUnsaved = (state: ProjectStoreState): boolean => (state.history ? H.isUnsaved(state.history) : false);
export const selectUndoLabel = (state: ProjectStoreState): string | null => (state.history ? H.undoLabel(state.history) : null);
export const selectRedoLabel = (state: ProjectStoreState): string | null => (state.history ? H.redoLabel(state.history) : null);
export const selectFilePath = (state: ProjectStoreState): string | null => state.document?.filePath ?? null;
export const selectLastBackupAt = (state: ProjectStoreState): string | null => state.lastBackup?.at ?? null;
/** True when the present differs from what the last crash backup holds. */
export const selectNeedsBackup = (state: ProjectStoreState): boolean =>
  state.history !== null && H.isUnsaved(state.history) && state.lastBackup?.project !== state.history.present;

/** Subscribe a component to one slice of a store. */
export function useProjectStore<T>(store: ProjectStore, selector: (state: ProjectStoreState) => T): T {
  return useStore(store, selector);
}
