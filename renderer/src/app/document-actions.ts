/**
 * Everything that opens, saves or closes a document, once, for every way of asking: toolbar
 * buttons, keyboard shortcuts, native menu commands, the welcome screen, the OS.
 *
 * Each action first deals with unsaved work ("Save changes to “X”?"), and handles every
 * outcome the contract declares: a cancelled dialog does nothing, a conflict asks, a failure
 * says what happened and keeps the edits unsaved. Nothing here renders: prompts and toasts go
 * through `DocumentUi`, so the whole flow is unit-tested with a fake UI and the memory twin.
 */
import type { PlpApi } from '../../../shared/ipc/api';
import type { OpenOutcome, OpenedProject, SaveOutcome, StudioError } from '../../../shared/ipc/contract';
import { isUnsaved } from '../../../shared/domain/history';
import type { ProjectStore } from '../state/project-store';
import type { UiStore } from './ui-store';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';
export type ConflictChoice = 'overwrite' | 'save-as' | 'cancel';

export type ToastKind = 'success' | 'info' | 'warning' | 'error';
export interface Toast {
  kind: ToastKind;
  title: string;
  message: string;
  /** Extra lines shown collapsed (a file's every problem, say). */
  details?: readonly string[];
  /** Stays until dismissed (errors the user must read). */
  persistent?: boolean;
  /** A toast with the same id replaces the previous one. */
  id?: string;
}

export interface DocumentUi {
  askUnsaved(title: string): Promise<UnsavedChoice>;
  askConflict(fileName: string, message: string): Promise<ConflictChoice>;
  notify(toast: Toast): void;
}

export type SaveResult = 'saved' | 'cancelled' | 'failed';

export interface DocumentActions {
  newProject(kind: 'blank' | 'sample'): Promise<boolean>;
  /** Show the open dialog. */
  open(): Promise<boolean>;
  openPath(filePath: string): Promise<boolean>;
  save(): Promise<SaveResult>;
  saveAs(): Promise<SaveResult>;
  close(): Promise<boolean>;
  /** The window is closing: settle unsaved work, then let it close (or not). */
  handleCloseRequest(): Promise<boolean>;
  /** Load a project that was opened elsewhere (a recovered backup), replacing nothing unsaved. */
  adopt(opened: OpenedProject): void;
  undo(): void;
  redo(): void;
  /** True while a document action is in progress (a second one is ignored meanwhile). */
  isBusy(): boolean;
}

export interface DocumentActionsDeps {
  api: PlpApi;
  store: ProjectStore;
  ui: DocumentUi;
  uiStore?: UiStore;
}

export function fileNameOf(filePath: string): string {
  return filePath.split(/[\\/]/).pop() || filePath;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createDocumentActions({ api, store, ui, uiStore }: DocumentActionsDeps): DocumentActions {
  let busy = false;

  /** One document action at a time: a second Ctrl+S while the save dialog is open is ignored. */
  const exclusive =
    <A extends unknown[], R>(fallback: R, action: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (busy) return fallback;
      busy = true;
      try {
        return await action(...args);
      } catch (error) {
        ui.notify({ kind: 'error', title: 'Something went wrong', message: errorMessage(error), persistent: true });
        return fallback;
      } finally {
        busy = false;
      }
    };

  const refreshRecent = async () => {
    if (!uiStore) return;
    try {
      uiStore.getState().setRecentFiles(await api.listRecentFiles({}));
    } catch {
      // The recent list is a convenience; never let it disturb an open or a save.
    }
  };

  const saveFailed = (error: StudioError, fileName: string | null) =>
    ui.notify({
      kind: 'error',
      id: 'save-failed',
      title: fileName ? `Couldn't save “${fileName}”` : "Couldn't save the project",
      message: `${error.message} Your changes are still here, unsaved: try again, or use Save As to choose another place.`,
      details: error.details,
      persistent: true,
    });

  /** Send the present to disk and deal with the answer. */
  async function writeOut(mode: 'save' | 'save-as', overwriteChanged = false): Promise<SaveResult> {
    const { document, history } = store.getState();
    if (!document || !history) return 'cancelled';
    const snapshot = history.present;
    const outcome: SaveOutcome =
      mode === 'save-as'
        ? await api.saveProjectAs({ documentId: document.documentId, project: snapshot })
        : await api.saveProject({ documentId: document.documentId, project: snapshot, overwriteChanged });

    switch (outcome.status) {
      case 'saved':
        if (store.getState().document?.documentId === document.documentId) store.getState().markSaved(snapshot, outcome.filePath);
        ui.notify({ kind: 'success', id: 'saved', title: 'Saved', message: fileNameOf(outcome.filePath) });
        await refreshRecent();
        return 'saved';
      case 'cancelled':
        return 'cancelled';
      case 'conflict': {
        const choice = await ui.askConflict(fileNameOf(outcome.filePath), outcome.message);
        if (choice === 'overwrite') return writeOut('save', true);
        if (choice === 'save-as') return writeOut('save-as');
        return 'cancelled';
      }
      case 'failed':
        saveFailed(outcome.error, document.filePath ? fileNameOf(document.filePath) : null);
        return 'failed';
    }
  }

  /** What to do with unsaved work before it is replaced: 'proceed' keeps going, with or without saving. */
  async function settleUnsaved(): Promise<{ proceed: false } | { proceed: true; discarded: boolean }> {
    const { document, history } = store.getState();
    if (!document || !history || !isUnsaved(history)) return { proceed: true, discarded: false };
    const choice = await ui.askUnsaved(history.present.meta.title);
    if (choice === 'cancel') return { proceed: false };
    if (choice === 'discard') return { proceed: true, discarded: true };
    const saved = await writeOut('save');
    return saved === 'saved' ? { proceed: true, discarded: false } : { proceed: false };
  }

  /** Replace the open document with `opened`, letting main forget the previous one. */
  async function replaceWith(opened: OpenedProject, discarded: boolean): Promise<void> {
    const previous = store.getState().document;
    store.getState().load(opened);
    if (previous && previous.documentId !== opened.documentId) {
      try {
        await api.closeProject({ documentId: previous.documentId, discardBackup: discarded });
      } catch {
        // The new document is open; a failure to forget the old one must not undo that.
      }
    }
    if (opened.migratedFrom !== null) {
      ui.notify({
        kind: 'info',
        id: 'migrated',
        title: 'Project upgraded',
        message: `Upgraded from file format ${opened.migratedFrom}; saving will write the new format.`,
        persistent: true,
      });
    }
  }

  async function handleOpenOutcome(outcome: OpenOutcome, requestedPath: string | null, discarded: boolean): Promise<boolean> {
    if (outcome.status === 'cancelled') return false;
    if (outcome.status === 'failed') {
      const path = outcome.error.path && !outcome.error.path.startsWith('$') ? outcome.error.path : requestedPath;
      ui.notify({
        kind: 'error',
        id: 'open-failed',
        title: path ? `Couldn't open “${fileNameOf(path)}”` : "Couldn't open the project",
        message: outcome.error.message,
        details: outcome.error.details,
        persistent: true,
      });
      return false;
    }
    await replaceWith(outcome.document, discarded);
    await refreshRecent();
    return true;
  }

  const openWith = async (filePath: string | null): Promise<boolean> => {
    const settled = await settleUnsaved();
    if (!settled.proceed) return false;
    const outcome = await api.openProject(filePath === null ? {} : { filePath });
    return handleOpenOutcome(outcome, filePath, settled.discarded);
  };

  return {
    newProject: exclusive(false, async (kind: 'blank' | 'sample') => {
      const settled = await settleUnsaved();
      if (!settled.proceed) return false;
      await replaceWith(await api.newProject({ kind }), settled.discarded);
      return true;
    }),
    open: exclusive(false, () => openWith(null)),
    openPath: exclusive(false, (filePath: string) => openWith(filePath)),
    save: exclusive<[], SaveResult>('cancelled', () => writeOut('save')),
    saveAs: exclusive<[], SaveResult>('cancelled', () => writeOut('save-as')),
    close: exclusive(false, async () => {
      const document = store.getState().document;
      if (!document) return true;
      const settled = await settleUnsaved();
      if (!settled.proceed) return false;
      store.getState().clear();
      await api.closeProject({ documentId: document.documentId, discardBackup: settled.discarded });
      return true;
    }),
    handleCloseRequest: exclusive(false, async () => {
      const settled = await settleUnsaved();
      if (!settled.proceed) return false;
      const document = store.getState().document;
      if (document) {
        try {
          await api.closeProject({ documentId: document.documentId, discardBackup: settled.discarded });
        } catch {
          // Closing the window matters more than tidying the session.
        }
      }
      const { closing } = await api.confirmClose({});
      return closing;
    }),
    adopt: (opened) => {
      void replaceWith(opened, false);
    },
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),
    isBusy: () => busy,
  };
}
