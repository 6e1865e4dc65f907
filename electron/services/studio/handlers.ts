/**
 * The main-process side of every request in the contract, in plain Node: the Electron main
 * process registers these with `dispatchRequest` (which validates each payload first) and
 * provides the ports; tests and the end-to-end harness provide scripted ones.
 *
 * The rules that keep work safe live here:
 * - opening never writes; a file that no longer exists leaves the recent-files list;
 * - a never-saved document (and Save As) asks where to save; the chosen name gets `.plp`;
 * - a document's crash backup is deleted only after a successful save or an explicit discard;
 * - a restored backup stays until the recovered document is saved (or discarded), and a later
 *   save still detects a file changed on disk since the edits began.
 */
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_FILE_EXTENSION } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { MAX_IPC_TABLE_CELLS, type BackupSummary, type OpenOutcome, type ReadSpreadsheetOutcome, type SaveOutcome, type StartupState } from '../../../shared/ipc/contract';
import type { MainHandlers } from '../../../shared/ipc/dispatch';
import { BackupService } from '../backups/backup-service';
import { readSpreadsheet as readSpreadsheetFile } from '../import/read-spreadsheet';
import { writeFileAtomic } from '../files/atomic-write';
import { DOCUMENT_ID_PATTERN, ProjectDocumentService, type AtomicWriter, type DocumentFs } from '../projects/project-documents';
import { createExportHandlers } from '../export/export-handlers';
import type { PdfRenderer } from '../export/pdf-renderer';
import type { DialogsPort, EventsPort, PreferencesPatch, SettingsPort, WindowPort } from './ports';

export interface StudioDeps {
  documents: ProjectDocumentService;
  backups: BackupService;
  dialogs: DialogsPort;
  settings: SettingsPort;
  windows: WindowPort;
  /** A project path given on the command line or by the OS, for the startup state. */
  launchFile(): string | null;
  /** Where a damaged settings file was kept aside at startup, if it was. */
  settingsRecoveredFrom: string | null;
  appVersion: string;
  platform: string;
  /** The text of resources/sample/executive-presence.plp. */
  sampleProjectText(): Promise<string>;
  /** Problems that must not fail the request (a settings write, a leftover backup). Default: console.warn. */
  warn?(message: string): void;
  /** Reads a spreadsheet for the import wizard; default `readSpreadsheet` of electron/services/import. */
  readSpreadsheet?: typeof readSpreadsheetFile;
  /** Progress of long work to the window that asked; default: dropped. */
  events?: EventsPort;
  now?: () => Date;
  /** The PDF renderer, shared by previews and exports; default one made on first use. */
  pdfRenderer?: () => Promise<PdfRenderer>;
}

export interface StudioServicesOptions {
  /** The crash-backup folder (inside the app's user-data folder). */
  backupDir: string;
  appVersion: string;
  now?: () => Date;
  write?: AtomicWriter;
  fs?: DocumentFs;
  newDocumentId?: () => string;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 'doc-' + 12 random [a-z0-9]. */
export function newDocumentId(): string {
  let body = '';
  for (const byte of randomBytes(12)) body += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `doc-${body}`;
}

/** The document and backup services with the real file system and atomic writer. */
export function createStudioServices(options: StudioServicesOptions): { documents: ProjectDocumentService; backups: BackupService } {
  const now = options.now ?? (() => new Date());
  const write = options.write ?? ((target: string, data: string | Uint8Array) => writeFileAtomic(target, data));
  return {
    documents: new ProjectDocumentService({
      ...(options.fs ? { fs: options.fs } : {}),
      write,
      now,
      appVersion: options.appVersion,
      newDocumentId: options.newDocumentId ?? newDocumentId,
    }),
    backups: new BackupService({ dir: options.backupDir, write, now }),
  };
}

const PLP_EXTENSION = `.${PROJECT_FILE_EXTENSION}`;
const MAX_FILE_STEM = 100;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A file name for the save dialog from a project title: no path separators, control or bidi characters, reserved names or trailing dots. */
export function suggestedFileName(title: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ');
  stem = Array.from(stem.trim()).slice(0, MAX_FILE_STEM).join('');
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem} project`;
  if (stem === '') stem = 'Untitled project';
  return stem + PLP_EXTENSION;
}

/** `p` with the `.plp` extension (any case) ensured. */
export function withPlpExtension(p: string): string {
  if (path.extname(p).toLowerCase() === PLP_EXTENSION) return p;
  return p.replace(/\.+$/, '') + PLP_EXTENSION;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.lstat(p);
    return true;
  } catch {
    return false;
  }
}

function stripUndefined(patch: PreferencesPatch): PreferencesPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as PreferencesPatch;
}

export function createStudioHandlers(deps: StudioDeps): MainHandlers {
  const { documents, backups, dialogs, settings, windows } = deps;
  const warn = deps.warn ?? ((message: string) => console.warn(`[studio] ${message}`));
  /** Documents restored from a backup whose id could not be reused as the document id. */
  const originBackup = new Map<string, string>();

  const safely = (what: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Backups of `documentId` (its own and the one it was restored from). */
  const backupIdsOf = (documentId: string): string[] => {
    const origin = originBackup.get(documentId);
    return origin ? [documentId, origin] : [documentId];
  };

  /** The window (other than `windowId`) whose open document this backup protects. */
  const heldByOtherWindow = (backupId: string, windowId: number): boolean => {
    const holder = documents.windowOf(backupId);
    if (holder !== null && holder !== windowId) return true;
    for (const [documentId, origin] of originBackup) {
      if (origin !== backupId) continue;
      const window = documents.windowOf(documentId);
      if (window !== null && window !== windowId) return true;
    }
    return false;
  };

  const discardBackupsOf = async (documentId: string): Promise<void> => {
    for (const backupId of backupIdsOf(documentId)) {
      try {
        await backups.discard(backupId);
      } catch (error) {
        warn(`the backup ${backupId} could not be deleted: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    originBackup.delete(documentId);
  };

  const visibleBackups = async (windowId: number): Promise<BackupSummary[]> => {
    let all: BackupSummary[];
    try {
      all = await backups.list();
    } catch (error) {
      warn(`the crash backups could not be listed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
    return all.filter((backup) => !heldByOtherWindow(backup.backupId, windowId));
  };

  const staleOutcome = (): SaveOutcome => ({
    status: 'failed',
    error: { code: 'stale-document', message: 'This document is no longer open in this window, so it was not saved. Reopen it and try again.' },
  });

  /** Asks where to save. */
  const chooseTarget = async (project: Project): Promise<{ path: string } | { outcome: SaveOutcome }> => {
    const chosen = await dialogs.chooseSaveLocation(suggestedFileName(project.meta.title));
    if (chosen === null) return { outcome: { status: 'cancelled' } };
    if (!path.isAbsolute(chosen)) {
      return { outcome: { status: 'failed', error: { code: 'invalid-path', message: `PLP Studio can only save to a full path, not ${JSON.stringify(chosen)}.` } } };
    }
    const resolved = path.resolve(chosen);
    const target = withPlpExtension(resolved);
    // The dialog confirmed overwriting the name the user typed, not the one with ".plp" added.
    if (target !== resolved && (await exists(target))) {
      return {
        outcome: {
          status: 'failed',
          error: {
            code: 'file-exists',
            message: `${JSON.stringify(path.basename(target))} already exists. Save As again and choose that file to replace it, or choose another name.`,
          },
        },
      };
    }
    return { path: target };
  };

  const finishSave = async (windowId: number, documentId: string, project: Project, options: { targetPath?: string; overwriteChanged: boolean }): Promise<SaveOutcome> => {
    const outcome = await documents.save(windowId, documentId, project, options);
    if (outcome.status === 'saved') {
      safely('the recent-files list could not be updated', () => settings.addRecentFile(outcome.filePath));
      await discardBackupsOf(documentId);
    }
    return outcome;
  };

  const exportHandlers = createExportHandlers({
    dialogs,
    events: deps.events ?? { send: () => undefined },
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.pdfRenderer ? { pdfRenderer: deps.pdfRenderer } : {}),
  });

  return {
    ...exportHandlers,
    async getStartupState(_input, { windowId }): Promise<StartupState> {
      let recentFiles: string[] = [];
      safely('the recent-files list could not be read', () => {
        recentFiles = settings.recentFiles();
      });
      const launchFile = deps.launchFile();
      return {
        appVersion: deps.appVersion,
        platform: deps.platform,
        recentFiles,
        preferences: settings.preferences(),
        recoverableBackups: await visibleBackups(windowId),
        launchFile: launchFile !== null && path.isAbsolute(launchFile) && launchFile.length <= 4096 ? launchFile : null,
        settingsRecoveredFrom: deps.settingsRecoveredFrom,
      };
    },

    async newProject({ kind }, { windowId }) {
      const sampleText = kind === 'sample' ? await deps.sampleProjectText() : undefined;
      let author = '';
      safely('the preferences could not be read', () => {
        author = settings.preferences().authorName.trim();
      });
      return documents.newProject(windowId, kind, sampleText, author ? { author } : {});
    },

    async openProject({ filePath }, { windowId }): Promise<OpenOutcome> {
      const chosen = filePath ?? (await dialogs.chooseProjectToOpen());
      if (chosen === null) return { status: 'cancelled' };
      if (!path.isAbsolute(chosen)) {
        return { status: 'failed', error: { code: 'invalid-path', message: `PLP Studio can only open a file by its full path, not ${JSON.stringify(chosen)}.` } };
      }
      const target = path.resolve(chosen);
      const opened = await documents.open(windowId, target);
      if (!opened.ok) {
        if (opened.error.code === 'not-found') {
          safely('the recent-files list could not be updated', () => {
            settings.removeRecentFile(target);
            if (chosen !== target) settings.removeRecentFile(chosen);
          });
        }
        return { status: 'failed', error: opened.error };
      }
      safely('the recent-files list could not be updated', () => settings.addRecentFile(target));
      return { status: 'opened', document: opened.value };
    },

    async saveProject({ documentId, project, overwriteChanged }, { windowId }) {
      const session = documents.currentSession(windowId);
      if (!session || session.documentId !== documentId) return staleOutcome();
      if (session.filePath !== null) return finishSave(windowId, documentId, project, { overwriteChanged });
      const target = await chooseTarget(project);
      if ('outcome' in target) return target.outcome;
      return finishSave(windowId, documentId, project, { targetPath: target.path, overwriteChanged });
    },

    async saveProjectAs({ documentId, project }, { windowId }) {
      const session = documents.currentSession(windowId);
      if (!session || session.documentId !== documentId) return staleOutcome();
      const target = await chooseTarget(project);
      if ('outcome' in target) return target.outcome;
      return finishSave(windowId, documentId, project, { targetPath: target.path, overwriteChanged: false });
    },

    async closeProject({ documentId, discardBackup }, { windowId }) {
      const closed = documents.close(windowId, documentId);
      // "Don't save": the user chose to lose these edits, so their backup goes too — unless the
      // document is still open somewhere else.
      if (discardBackup && documents.windowOf(documentId) === null) await discardBackupsOf(documentId);
      else if (closed) originBackup.delete(documentId);
      return { closed };
    },

    listRecentFiles() {
      return settings.recentFiles();
    },

    clearRecentFiles() {
      settings.clearRecentFiles();
      return settings.recentFiles();
    },

    async writeBackup({ documentId, project }, { windowId }) {
      const session = documents.currentSession(windowId);
      if (!session || session.documentId !== documentId) {
        throw new Error('this document is no longer open in this window, so no backup was written');
      }
      return backups.write(documentId, { title: project.meta.title, filePath: session.filePath, project, baseFingerprint: session.fingerprint });
    },

    listBackups(_input, { windowId }) {
      return visibleBackups(windowId);
    },

    async restoreBackup({ backupId }, { windowId }): Promise<OpenOutcome> {
      if (heldByOtherWindow(backupId, windowId)) {
        return { status: 'failed', error: { code: 'backup-in-use', message: 'This backup belongs to a project open in another window.' } };
      }
      const recovered = await backups.read(backupId);
      if (!recovered.ok) return { status: 'failed', error: recovered.error };
      const { project, filePath, migratedFrom, baseFingerprint } = recovered.value;
      // Reusing the backup's id means later backups replace it and the save deletes it.
      const session = await documents.adopt(windowId, {
        ...(DOCUMENT_ID_PATTERN.test(backupId) ? { documentId: backupId } : {}),
        project,
        filePath,
        fingerprint: baseFingerprint,
      });
      if (session.documentId !== backupId) originBackup.set(session.documentId, backupId);
      return { status: 'opened', document: { documentId: session.documentId, project, filePath, migratedFrom, unsaved: true } };
    },

    async discardBackup({ backupId }, { windowId }) {
      if (heldByOtherWindow(backupId, windowId)) return { discarded: false };
      return { discarded: await backups.discard(backupId) };
    },

    updatePreferences(patch) {
      return settings.updatePreferences(stripUndefined(patch));
    },

    async readSpreadsheet({ filePath, sheet }): Promise<ReadSpreadsheetOutcome> {
      const chosen = filePath ?? (await dialogs.chooseSpreadsheet());
      if (chosen === null) return { status: 'cancelled' };
      if (!path.isAbsolute(chosen)) {
        return { status: 'failed', error: { code: 'invalid-path', message: `PLP Studio can only import a file by its full path, not ${JSON.stringify(chosen)}.` } };
      }
      const target = path.resolve(chosen);
      const read = await (deps.readSpreadsheet ?? readSpreadsheetFile)(target, sheet === undefined ? {} : { sheet });
      if (!read.ok) return { status: 'failed', error: { code: read.error.code, message: read.error.message, path: target } };
      const { table } = read.value;
      const cells = table.rows.length * (table.rows[0]?.length ?? 0);
      if (cells > MAX_IPC_TABLE_CELLS) {
        const what = read.value.sheet === null ? path.basename(target) : `The sheet "${read.value.sheet}"`;
        return {
          status: 'failed',
          error: {
            code: 'too-large',
            message: `${what} has ${cells.toLocaleString('en')} cells (${table.rows.length.toLocaleString('en')} rows × ${table.rows[0]?.length ?? 0} columns); PLP Studio imports at most ${MAX_IPC_TABLE_CELLS.toLocaleString('en')} at once. Split it into several files.`,
            path: target,
          },
        };
      }
      return { status: 'read', filePath: target, fileName: path.basename(target), sheets: read.value.sheets, sheet: read.value.sheet, table: { rows: table.rows } };
    },

    confirmClose(_input, { windowId }) {
      const closing = windows.confirmClose(windowId);
      if (closing) {
        const session = documents.currentSession(windowId);
        if (session) originBackup.delete(session.documentId);
        documents.forgetWindow(windowId);
      }
      return { closing };
    },
  };
}
