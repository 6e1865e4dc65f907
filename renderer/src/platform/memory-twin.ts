/**
 * An in-memory PlpApi: the whole contract with a virtual disk, for running the renderer in a
 * plain browser (the Vite dev server, screenshots) and for unit tests of document actions.
 *
 * It goes through the same `createPlpApi` + `dispatchRequest` pair as Electron, so payloads are
 * validated by the contract exactly as in the main process, and the same outcomes (cancelled,
 * conflict, failed) come back. `control` drives what a person or the OS would do: answer a file
 * dialog, change a file behind the studio's back, fill the disk, send a menu command.
 *
 * Loaded only by dynamic import in development (see platform/api.ts), so it is not in the
 * production bundle. It can also be bundled on its own to an IIFE (global `PlpMemoryTwin`).
 */
import '../zod-jitless';
import { createBlankProject } from '../../../shared/domain/factory';
import { parseCsv } from '../../../shared/domain/import/table';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { createPlpApi, type PlpApi, type Unsubscribe } from '../../../shared/ipc/api';
import { EVENT_CHANNELS } from '../../../shared/ipc/channels';
import { MAX_IPC_TABLE_CELLS, type BackupSummary, type EventName, type EventPayload, type OpenedProject, type Preferences, type ReadSpreadsheetOutcome, type StudioError } from '../../../shared/ipc/contract';
import { dispatchRequest, requestNameForChannel, type MainHandlers } from '../../../shared/ipc/dispatch';

function desktopOnly(what: string): StudioError {
  return { code: 'desktop-only', message: `${what} needs the desktop studio: the in-memory studio has no Word or PDF writer.` };
}

export interface MemoryBackup {
  backupId: string;
  documentId: string | null;
  title: string;
  filePath: string | null;
  backedUpAt: string;
  project: Project;
}

export interface MemoryTwinOptions {
  /** The sample project, as file text or as a project. Without it the sample is a blank project. */
  sample?: string | Project;
  /** The virtual disk: path → file text. */
  files?: Record<string, string>;
  recentFiles?: string[];
  /** Crash backups left by a "previous session", offered at startup. */
  backups?: MemoryBackup[];
  preferences?: Partial<Preferences>;
  launchFile?: string | null;
  settingsRecoveredFrom?: string | null;
  appVersion?: string;
  platform?: string;
  now?: () => Date;
  /** Answers the open dialog: a path, or null for Cancel. */
  openDialog?: () => string | null | Promise<string | null>;
  /** Answers the save dialog (given a suggested path): a path, or null for Cancel. */
  saveDialog?: (suggestedPath: string) => string | null | Promise<string | null>;
  /** Answers the import wizard's spreadsheet dialog: a path on the virtual disk, or null for Cancel. */
  spreadsheetDialog?: () => string | null | Promise<string | null>;
  /** Milliseconds each request takes (to see loading states). */
  latencyMs?: number;
}

export interface MemoryTwinControl {
  readonly files: Map<string, string>;
  readonly backups: Map<string, MemoryBackup>;
  readonly preferences: Preferences;
  readonly recentFiles: string[];
  /** Every request made, in order: name and validated payload. */
  readonly calls: { name: string; input: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  setOpenDialog(answer: MemoryTwinOptions['openDialog']): void;
  setSaveDialog(answer: MemoryTwinOptions['saveDialog']): void;
  setSpreadsheetDialog(answer: MemoryTwinOptions['spreadsheetDialog']): void;
  /** Make every save fail with this error until set back to null (a full disk, a locked file). */
  failSaves(error: StudioError | null): void;
  /** Whether confirmClose was called. */
  readonly closeConfirmed: boolean;
}

export interface MemoryTwin {
  readonly api: PlpApi;
  readonly control: MemoryTwinControl;
}

interface OpenSession {
  filePath: string | null;
  /** The file text as this document last read or wrote it: a different text on disk means a conflict. */
  knownText: string | null;
}

const DEFAULT_PREFERENCES: Preferences = { authorName: '', theme: 'system', backupIntervalSeconds: 30 };

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'untitled'
  );
}

export function createMemoryTwin(options: MemoryTwinOptions = {}): MemoryTwin {
  const now = options.now ?? (() => new Date());
  const files = new Map(Object.entries(options.files ?? {}));
  const backups = new Map((options.backups ?? []).map((backup) => [backup.backupId, backup]));
  const preferences: Preferences = { ...DEFAULT_PREFERENCES, ...options.preferences };
  const recentFiles = [...(options.recentFiles ?? [])];
  const sessions = new Map<string, OpenSession>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { name: string; input: unknown }[] = [];
  let openDialog = options.openDialog ?? defaultOpenDialog;
  let saveDialog = options.saveDialog ?? ((suggested: string) => suggested);
  let spreadsheetDialog = options.spreadsheetDialog ?? defaultOpenDialog;
  let saveFailure: StudioError | null = null;
  let closeConfirmed = false;
  let counter = 0;

  function defaultOpenDialog(): string | null {
    const prompt = (globalThis as { prompt?: (message: string, value?: string) => string | null }).prompt;
    if (typeof prompt !== 'function') return null;
    const known = [...files.keys()];
    return prompt(`Open which file? (in-memory disk: ${known.join(', ') || 'empty'})`, known[0] ?? '');
  }

  const nextDocumentId = () => `doc-${(++counter).toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 8)}`;

  const touchRecent = (path: string) => {
    const index = recentFiles.indexOf(path);
    if (index >= 0) recentFiles.splice(index, 1);
    recentFiles.unshift(path);
    recentFiles.splice(10);
  };

  const opened = (project: Project, session: OpenSession, extra: { migratedFrom?: number | null; unsaved?: boolean } = {}): OpenedProject => {
    const documentId = nextDocumentId();
    sessions.set(documentId, session);
    return { documentId, project, filePath: session.filePath, migratedFrom: extra.migratedFrom ?? null, unsaved: extra.unsaved ?? false };
  };

  const sampleProject = (): Project => {
    const sample = options.sample;
    if (sample === undefined) return createBlankProject({ title: 'Sample project', now: now(), appVersion: options.appVersion ?? '0.0.0-dev' });
    if (typeof sample !== 'string') return sample;
    const parsed = parseProjectText(sample);
    if (!parsed.ok) throw new Error(`The sample project is not valid: ${parsed.error.message}`);
    return parsed.value.project;
  };

  const openPath = (filePath: string) => {
    const text = files.get(filePath);
    if (text === undefined) {
      return { status: 'failed' as const, error: { code: 'not-found', message: `“${baseName(filePath)}” could not be found. It may have been moved, renamed or deleted.`, path: filePath } };
    }
    const parsed = parseProjectText(text);
    if (!parsed.ok) return { status: 'failed' as const, error: { ...parsed.error } };
    touchRecent(filePath);
    return { status: 'opened' as const, document: opened(parsed.value.project, { filePath, knownText: text }, { migratedFrom: parsed.value.migratedFrom }) };
  };

  const writeTo = (documentId: string, project: Project, filePath: string) => {
    if (saveFailure) return { status: 'failed' as const, error: saveFailure };
    const text = serializeProject(project);
    files.set(filePath, text);
    sessions.set(documentId, { filePath, knownText: text });
    for (const [id, backup] of backups) if (backup.documentId === documentId) backups.delete(id);
    touchRecent(filePath);
    return { status: 'saved' as const, filePath, savedAt: now().toISOString() };
  };

  const saveAs = async (documentId: string, project: Project) => {
    const session = sessions.get(documentId);
    const suggested = session?.filePath ?? `/memory/${slug(project.meta.title)}.plp`;
    const target = await saveDialog(suggested);
    if (target === null) return { status: 'cancelled' as const };
    return writeTo(documentId, project, target);
  };

  const summary = (backup: MemoryBackup): BackupSummary => ({ backupId: backup.backupId, title: backup.title, filePath: backup.filePath, backedUpAt: backup.backedUpAt });

  const handlers: MainHandlers = {
    getStartupState: () => ({
      appVersion: options.appVersion ?? '0.0.0-dev',
      platform: options.platform ?? 'browser',
      recentFiles: [...recentFiles],
      preferences: { ...preferences },
      recoverableBackups: [...backups.values()].filter((backup) => backup.documentId === null || !sessions.has(backup.documentId)).map(summary),
      launchFile: options.launchFile ?? null,
      settingsRecoveredFrom: options.settingsRecoveredFrom ?? null,
    }),
    newProject: ({ kind }) => {
      const project =
        kind === 'sample' ? sampleProject() : createBlankProject({ now: now(), appVersion: options.appVersion ?? '0.0.0-dev', author: preferences.authorName || undefined });
      return opened(project, { filePath: null, knownText: null });
    },
    openProject: async ({ filePath }) => {
      const target = filePath ?? (await openDialog());
      if (target === null || target === '') return { status: 'cancelled' as const };
      return openPath(target);
    },
    saveProject: async ({ documentId, project, overwriteChanged }) => {
      const session = sessions.get(documentId);
      if (!session) throw new Error(`No open document "${documentId}"`);
      if (session.filePath === null) return saveAs(documentId, project);
      const onDisk = files.get(session.filePath);
      if (!overwriteChanged && onDisk !== undefined && onDisk !== session.knownText) {
        return { status: 'conflict' as const, filePath: session.filePath, message: `“${baseName(session.filePath)}” was changed by another program since you opened it.` };
      }
      return writeTo(documentId, project, session.filePath);
    },
    saveProjectAs: ({ documentId, project }) => {
      if (!sessions.has(documentId)) throw new Error(`No open document "${documentId}"`);
      return saveAs(documentId, project);
    },
    closeProject: ({ documentId, discardBackup }) => {
      const closed = sessions.delete(documentId);
      if (discardBackup) for (const [id, backup] of backups) if (backup.documentId === documentId) backups.delete(id);
      return { closed };
    },
    listRecentFiles: () => [...recentFiles],
    clearRecentFiles: () => {
      recentFiles.splice(0);
      return [];
    },
    writeBackup: ({ documentId, project }) => {
      const backedUpAt = now().toISOString();
      const backupId = `backup-${documentId}`;
      backups.set(backupId, { backupId, documentId, title: project.meta.title, filePath: sessions.get(documentId)?.filePath ?? null, backedUpAt, project });
      return { backedUpAt };
    },
    listBackups: () => [...backups.values()].map(summary),
    restoreBackup: ({ backupId }) => {
      const backup = backups.get(backupId);
      if (!backup) return { status: 'failed' as const, error: { code: 'backup-missing', message: 'That backup no longer exists.' } };
      backups.delete(backupId);
      const document = opened(backup.project, { filePath: backup.filePath, knownText: backup.filePath ? (files.get(backup.filePath) ?? null) : null }, { unsaved: true });
      return { status: 'opened' as const, document };
    },
    discardBackup: ({ backupId }) => ({ discarded: backups.delete(backupId) }),
    updatePreferences: (update) => {
      Object.assign(preferences, Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)));
      return { ...preferences };
    },
    confirmClose: () => {
      closeConfirmed = true;
      return { closing: true };
    },
    /** CSV/TSV text from the virtual disk; workbooks need exceljs, which only the main process has. */
    readSpreadsheet: async ({ filePath }): Promise<ReadSpreadsheetOutcome> => {
      const target = filePath ?? (await spreadsheetDialog());
      if (target === null || target === '') return { status: 'cancelled' };
      const fileName = baseName(target);
      const extension = fileName.toLowerCase().split('.').pop() ?? '';
      if (extension !== 'csv' && extension !== 'tsv') {
        return { status: 'failed', error: { code: 'unsupported-file', message: `${fileName}: the in-memory studio reads only .csv and .tsv files.`, path: target } };
      }
      const text = files.get(target);
      if (text === undefined) return { status: 'failed', error: { code: 'not-found', message: `The file ${fileName} does not exist. Check the name and the folder.`, path: target } };
      const table = parseCsv(text, extension === 'tsv' ? { delimiter: '\t' } : {});
      if (!table.ok) return { status: 'failed', error: { code: table.error.code, message: `${fileName}: ${table.error.message}`, path: target } };
      const cells = table.value.rows.length * (table.value.rows[0]?.length ?? 0);
      if (cells > MAX_IPC_TABLE_CELLS) return { status: 'failed', error: { code: 'too-large', message: `${fileName} has ${cells} cells, more than the ${MAX_IPC_TABLE_CELLS} PLP Studio imports at once.`, path: target } };
      return { status: 'read', filePath: target, fileName, sheets: [], sheet: null, table: { rows: table.value.rows } };
    },
    // Word and PDF are written by docx and pdfkit in the main process; the in-memory studio says so.
    chooseBrandingFile: () => ({ status: 'failed', error: desktopOnly('Choosing a logo or Word template') }),
    previewDocument: () => ({ status: 'failed', error: desktopOnly('The preview') }),
    exportDocument: () => ({ status: 'failed', error: desktopOnly('Export') }),
    exportCohort: () => ({ status: 'failed', error: desktopOnly('Export') }),
    cancelExport: () => ({ cancelled: false }),
  };

  const api = createPlpApi({
    invoke: async (channel, payload) => {
      const name = requestNameForChannel(channel);
      if (!name) return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel ${channel}` } };
      if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      calls.push({ name, input: payload });
      // Structured clone, as IPC does: the renderer never shares objects with "main".
      const envelope = await dispatchRequest(handlers, name, structuredClone(payload), { windowId: 1 });
      return structuredClone(envelope);
    },
    subscribe: (channel, listener): Unsubscribe => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  });

  const control: MemoryTwinControl = {
    files,
    backups,
    preferences,
    recentFiles,
    calls,
    emit: (event, payload) => {
      for (const listener of listeners.get(EVENT_CHANNELS[event]) ?? []) listener(structuredClone(payload));
    },
    setOpenDialog: (answer) => {
      openDialog = answer ?? defaultOpenDialog;
    },
    setSaveDialog: (answer) => {
      saveDialog = answer ?? ((suggested: string) => suggested);
    },
    setSpreadsheetDialog: (answer) => {
      spreadsheetDialog = answer ?? defaultOpenDialog;
    },
    failSaves: (error) => {
      saveFailure = error;
    },
    get closeConfirmed() {
      return closeConfirmed;
    },
  };

  return { api, control };
}
