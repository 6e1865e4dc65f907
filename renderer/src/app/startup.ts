/**
 * What the studio shows when it starts, in order of what the user most likely wants:
 * 1. work a crash interrupted (offer each backup: recover or discard),
 * 2. the file the OS or the command line asked for,
 * 3. the project they had open last,
 * 4. on first launch, the sample project, so nobody starts in front of an empty screen.
 * Whatever fails along the way, the user ends with something useful (at worst the welcome
 * screen with New / Open / Sample).
 */
import type { PlpApi } from '../../../shared/ipc/api';
import type { BackupSummary, OpenOutcome } from '../../../shared/ipc/contract';
import type { ProjectStore } from '../state/project-store';
import type { DocumentActions, Toast } from './document-actions';
import type { UiStore } from './ui-store';

export interface RecoveryHandlers {
  /** Restore one backup and open it; resolves false when that failed (the row stays). */
  recover(backup: BackupSummary): Promise<boolean>;
  discard(backup: BackupSummary): Promise<boolean>;
}

export interface StartupUi {
  /** Shows the backups; resolves once the user recovered one, or dealt with or postponed all. */
  askRecovery(backups: readonly BackupSummary[], handlers: RecoveryHandlers): Promise<void>;
  notify(toast: Toast): void;
}

export interface StartupDeps {
  api: PlpApi;
  store: ProjectStore;
  uiStore: UiStore;
  actions: DocumentActions;
  ui: StartupUi;
}

export type StartupResult = 'recovered' | 'launch-file' | 'recent' | 'sample' | 'welcome';

export async function runStartup({ api, store, uiStore, actions, ui }: StartupDeps): Promise<StartupResult> {
  const ui$ = uiStore.getState();
  try {
    const state = await api.getStartupState({});
    ui$.setPreferences(state.preferences);
    ui$.setRecentFiles(state.recentFiles);
    ui$.setAppVersion(state.appVersion);

    if (state.settingsRecoveredFrom) {
      ui.notify({
        kind: 'warning',
        title: 'Settings were reset',
        message: `Your settings file was damaged, so PLP Studio started with default settings. The damaged file was kept at ${state.settingsRecoveredFrom}.`,
        persistent: true,
      });
    }

    if (state.recoverableBackups.length > 0) {
      await ui.askRecovery(state.recoverableBackups, {
        recover: async (backup) => {
          const outcome: OpenOutcome = await api.restoreBackup({ backupId: backup.backupId });
          if (outcome.status !== 'opened') {
            if (outcome.status === 'failed') ui.notify({ kind: 'error', title: `Couldn't recover “${backup.title}”`, message: outcome.error.message, persistent: true });
            return false;
          }
          actions.adopt({ ...outcome.document, unsaved: true });
          ui.notify({ kind: 'info', title: 'Work recovered', message: `“${backup.title}” is open with the changes that were not saved. Save it to keep them.` });
          return true;
        },
        discard: async (backup) => (await api.discardBackup({ backupId: backup.backupId })).discarded,
      });
      if (store.getState().document) return 'recovered';
    }

    if (state.launchFile && (await actions.openPath(state.launchFile))) return 'launch-file';
    if (!state.launchFile) {
      const mostRecent = state.recentFiles[0];
      if (mostRecent !== undefined) return (await actions.openPath(mostRecent)) ? 'recent' : 'welcome';
      if (await actions.newProject('sample')) return 'sample';
    }
    return 'welcome';
  } catch (error) {
    ui.notify({
      kind: 'error',
      title: "PLP Studio couldn't finish starting",
      message: `${error instanceof Error ? error.message : String(error)} You can still create or open a project.`,
      persistent: true,
    });
    return 'welcome';
  } finally {
    uiStore.getState().setPhase('ready');
  }
}
