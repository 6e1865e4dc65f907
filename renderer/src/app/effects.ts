/**
 * The app's long-running wiring: startup, the OS and menu events, keyboard shortcuts and the
 * crash-backup timer. Each is a hook the App mounts once.
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { selectNeedsBackup } from '../state/project-store';
import { mantineUi } from './mantine-ui';
import type { Services } from './services';
import { isTextEditingTarget, matchShortcut, type ShortcutId } from './shortcuts';
import { runStartup } from './startup';
import { WORKSPACE_IDS } from './ui-store';

/** Undo/redo inside a text field is the field's own; everywhere else it is the project's. */
function historyStep(services: Services, step: 'undo' | 'redo'): void {
  if (isTextEditingTarget(document.activeElement)) {
    document.execCommand(step);
    return;
  }
  services.actions[step]();
}

/** A modal (an unsaved-changes prompt, the recovery list) owns the keyboard while it is open. */
function modalOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}

/** Leave an inline editor first, so what was typed is committed before a save or a switch. */
function commitPendingEdit(): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && isTextEditingTarget(active)) active.blur();
}

export function runMenuCommand(services: Services, command: MenuCommand): void {
  const { actions } = services;
  switch (command) {
    case 'new-project':
      void actions.newProject('blank');
      return;
    case 'open-sample':
      void actions.newProject('sample');
      return;
    case 'open-project':
      void actions.open();
      return;
    case 'save':
      commitPendingEdit();
      void actions.save();
      return;
    case 'save-as':
      commitPendingEdit();
      void actions.saveAs();
      return;
    case 'close-project':
      commitPendingEdit();
      void actions.close();
      return;
    case 'undo':
    case 'redo':
      historyStep(services, command);
      return;
    case 'toggle-theme':
      services.toggleTheme();
      return;
  }
}

const SHORTCUT_COMMANDS: Partial<Record<ShortcutId, MenuCommand>> = {
  'new-project': 'new-project',
  'open-project': 'open-project',
  save: 'save',
  'save-as': 'save-as',
  undo: 'undo',
  redo: 'redo',
};

export function handleShortcut(services: Services, event: KeyboardEvent): boolean {
  const id = matchShortcut(event);
  if (!id || modalOpen() || services.uiStore.getState().phase !== 'ready') return false;
  const inText = isTextEditingTarget(event.target);
  const hasDocument = services.store.getState().document !== null;

  if (id === 'undo' || id === 'redo') {
    if (inText) return false; // the browser's own text undo
    if (!hasDocument) return false;
  }
  if (id === 'rename-project') {
    if (inText || !hasDocument) return false;
    services.uiStore.getState().setEditingTitle(true);
    return true;
  }
  if (id.startsWith('workspace-')) {
    if (!hasDocument) return false;
    const workspace = WORKSPACE_IDS[Number(id.slice('workspace-'.length)) - 1];
    if (!workspace) return false;
    commitPendingEdit();
    services.uiStore.getState().showWorkspace(workspace);
    return true;
  }
  const command = SHORTCUT_COMMANDS[id];
  if (!command) return false;
  // Nothing to save: still swallow the keys, so a browser never offers to save the page instead.
  if ((command === 'save' || command === 'save-as') && !hasDocument) return true;
  runMenuCommand(services, command);
  return true;
}

export function useKeyboardShortcuts(services: Services): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (handleShortcut(services, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [services]);
}

export function usePlatformEvents(services: Services): void {
  useEffect(() => {
    const { api, actions } = services;
    const unsubscribers = [
      api.events.menuCommand(({ command }) => runMenuCommand(services, command)),
      api.events.openFileRequested(({ filePath }) => void actions.openPath(filePath)),
      api.events.closeRequested(() => {
        commitPendingEdit();
        void actions.handleCloseRequest();
      }),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [services]);
}

/** Runs the startup flow once per app (React's development double-mount included). */
export function useStartup(services: Services): void {
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void runStartup({ ...services, ui: mantineUi });
  }, [services]);
}

/**
 * While the project is unsaved, write a crash backup every `backupIntervalSeconds`, but only
 * when it changed since the last one.
 */
export function useCrashBackups(services: Services, intervalSeconds: number): void {
  useEffect(() => {
    const { api, store } = services;
    let writing = false;
    const tick = async () => {
      const state = store.getState();
      if (writing || !state.document || !state.history || !selectNeedsBackup(state)) return;
      const snapshot = state.history.present;
      const documentId = state.document.documentId;
      writing = true;
      try {
        const { backedUpAt } = await api.writeBackup({ documentId, project: snapshot });
        if (store.getState().document?.documentId === documentId) store.getState().markBackedUp(snapshot, backedUpAt);
      } catch (error) {
        mantineUi.notify({
          kind: 'warning',
          id: 'backup-failed',
          title: 'Automatic backup failed',
          message: `${error instanceof Error ? error.message : String(error)} Save your work to be safe.`,
        });
      } finally {
        writing = false;
      }
    };
    const timer = window.setInterval(() => void tick(), Math.max(5, intervalSeconds) * 1000);
    return () => window.clearInterval(timer);
  }, [services, intervalSeconds]);
}
