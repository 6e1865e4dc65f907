/**
 * The one declaration of everything the renderer may ask of the main process, and everything
 * the main process may tell the renderer. Main validates every request payload with these
 * schemas; the preload and the renderer's client are typed from them.
 *
 * Expected outcomes (a cancelled dialog, a full disk, a broken file) are part of each
 * request's output, not exceptions: the UI must handle them, so the type says so.
 */
import { z } from 'zod';
import { ProjectSchema } from '../domain/schema';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from './channels';

const FilePath = z.string().min(1).max(4096);
const DocumentId = z.string().regex(/^doc-[a-z0-9]{4,40}$/, 'must be a document id');
const BackupId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a backup id');
const Empty = z.object({}).strict();

export const StudioErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  details: z.array(z.string()).optional(),
});
export type StudioError = z.output<typeof StudioErrorSchema>;

export const OpenedProjectSchema = z.object({
  documentId: DocumentId,
  project: ProjectSchema,
  /** null for a project never saved (new, or the sample). */
  filePath: FilePath.nullable(),
  /** The file's format version when it was upgraded on open; saving writes the new one. */
  migratedFrom: z.number().int().nullable(),
  /** True when the project differs from its file (recovered backups). */
  unsaved: z.boolean(),
});
export type OpenedProject = z.output<typeof OpenedProjectSchema>;

const OpenOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), document: OpenedProjectSchema }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type OpenOutcome = z.output<typeof OpenOutcomeSchema>;

const SaveOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), filePath: FilePath, savedAt: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  /** The file changed on disk since it was opened or last saved: ask before overwriting. */
  z.object({ status: z.literal('conflict'), filePath: FilePath, message: z.string() }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type SaveOutcome = z.output<typeof SaveOutcomeSchema>;

export const BackupSummarySchema = z.object({
  backupId: BackupId,
  title: z.string(),
  filePath: FilePath.nullable(),
  backedUpAt: z.string(),
});
export type BackupSummary = z.output<typeof BackupSummarySchema>;

export const PreferencesSchema = z.object({
  authorName: z.string().max(200),
  theme: z.enum(['light', 'dark', 'system']),
  backupIntervalSeconds: z.number().int().min(5).max(300),
});
export type Preferences = z.output<typeof PreferencesSchema>;

export const StartupStateSchema = z.object({
  appVersion: z.string(),
  platform: z.string(),
  recentFiles: z.array(FilePath),
  preferences: PreferencesSchema,
  recoverableBackups: z.array(BackupSummarySchema),
  /** A project path given on the command line or by the OS (file association). */
  launchFile: FilePath.nullable(),
  /** Set when the settings file was damaged and kept aside at this path. */
  settingsRecoveredFrom: z.string().nullable(),
});
export type StartupState = z.output<typeof StartupStateSchema>;

/** Cells sent over IPC at most: a bigger sheet is refused with a message, never truncated silently. */
export const MAX_IPC_TABLE_CELLS = 2_000_000;

export const SpreadsheetTableSchema = z.object({
  /** Row i is spreadsheet row i + 1 (blank rows kept); every row has the same width. */
  rows: z.array(z.array(z.string())),
});

const ReadSpreadsheetOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    /** The full path, to read another sheet of the same workbook. */
    filePath: FilePath,
    fileName: z.string(),
    /** The workbook's sheet names in order; [] for CSV/TSV. */
    sheets: z.array(z.string()),
    /** The sheet that was read; null for CSV/TSV. */
    sheet: z.string().nullable(),
    table: SpreadsheetTableSchema,
  }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type ReadSpreadsheetOutcome = z.output<typeof ReadSpreadsheetOutcomeSchema>;

const SaveInput = z.object({
  documentId: DocumentId,
  project: ProjectSchema,
  /** Overwrite even though the file changed on disk (the user chose "Overwrite"). */
  overwriteChanged: z.boolean().default(false),
});

export const requestContract = {
  getStartupState: { channel: REQUEST_CHANNELS.getStartupState, input: Empty, output: StartupStateSchema },
  newProject: { channel: REQUEST_CHANNELS.newProject, input: z.object({ kind: z.enum(['blank', 'sample']) }).strict(), output: OpenedProjectSchema },
  /** Without a path the main process shows the open dialog. */
  openProject: { channel: REQUEST_CHANNELS.openProject, input: z.object({ filePath: FilePath.optional() }).strict(), output: OpenOutcomeSchema },
  /** A never-saved project asks for a location, as Save As does. */
  saveProject: { channel: REQUEST_CHANNELS.saveProject, input: SaveInput.strict(), output: SaveOutcomeSchema },
  saveProjectAs: { channel: REQUEST_CHANNELS.saveProjectAs, input: SaveInput.omit({ overwriteChanged: true }).strict(), output: SaveOutcomeSchema },
  /** Forget the document; `discardBackup` also drops its crash backup (the user chose "Don't save"). */
  closeProject: { channel: REQUEST_CHANNELS.closeProject, input: z.object({ documentId: DocumentId, discardBackup: z.boolean() }).strict(), output: z.object({ closed: z.boolean() }) },
  listRecentFiles: { channel: REQUEST_CHANNELS.listRecentFiles, input: Empty, output: z.array(FilePath) },
  clearRecentFiles: { channel: REQUEST_CHANNELS.clearRecentFiles, input: Empty, output: z.array(FilePath) },
  /** Crash backup of unsaved edits; kept until the document is saved. */
  writeBackup: { channel: REQUEST_CHANNELS.writeBackup, input: z.object({ documentId: DocumentId, project: ProjectSchema }).strict(), output: z.object({ backedUpAt: z.string() }) },
  listBackups: { channel: REQUEST_CHANNELS.listBackups, input: Empty, output: z.array(BackupSummarySchema) },
  restoreBackup: { channel: REQUEST_CHANNELS.restoreBackup, input: z.object({ backupId: BackupId }).strict(), output: OpenOutcomeSchema },
  discardBackup: { channel: REQUEST_CHANNELS.discardBackup, input: z.object({ backupId: BackupId }).strict(), output: z.object({ discarded: z.boolean() }) },
  updatePreferences: { channel: REQUEST_CHANNELS.updatePreferences, input: PreferencesSchema.partial().strict(), output: PreferencesSchema },
  /** The renderer has dealt with unsaved work; the window may close now. */
  confirmClose: { channel: REQUEST_CHANNELS.confirmClose, input: Empty, output: z.object({ closing: z.boolean() }) },
  /**
   * A spreadsheet (.csv, .tsv, .xlsx) as a grid of text for the import wizard. Without a path the
   * main process shows an open dialog; `sheet` picks a workbook's sheet (default the first).
   */
  readSpreadsheet: {
    channel: REQUEST_CHANNELS.readSpreadsheet,
    input: z.object({ filePath: FilePath.optional(), sheet: z.string().min(1).max(200).optional() }).strict(),
    output: ReadSpreadsheetOutcomeSchema,
  },
} as const;

export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'open-sample',
  'save',
  'save-as',
  'close-project',
  'undo',
  'redo',
  'toggle-theme',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const eventContract = {
  /** A native menu item or its accelerator was used. */
  menuCommand: { channel: EVENT_CHANNELS.menuCommand, payload: z.object({ command: z.enum(MENU_COMMANDS) }) },
  /** Open Recent, a second launch or the OS asked to open this file. */
  openFileRequested: { channel: EVENT_CHANNELS.openFileRequested, payload: z.object({ filePath: FilePath }) },
  /** The user is closing the window: save or discard unsaved work, then call confirmClose. */
  closeRequested: { channel: EVENT_CHANNELS.closeRequested, payload: Empty },
} as const;

export type RequestContract = typeof requestContract;
export type RequestName = keyof RequestContract;
export type RequestInput<K extends RequestName> = z.input<RequestContract[K]['input']>;
/** What a handler receives: the payload after validation (defaults applied). */
export type ValidatedInput<K extends RequestName> = z.output<RequestContract[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<RequestContract[K]['output']>;

export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]['payload']>;

export const REQUEST_NAMES = Object.keys(requestContract) as RequestName[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];

// The channel lists and the contract must name exactly the same requests and events.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const requestsMatch: SameKeys<typeof REQUEST_CHANNELS, RequestContract> = true;
const eventsMatch: SameKeys<typeof EVENT_CHANNELS, EventContract> = true;
void requestsMatch;
void eventsMatch;
