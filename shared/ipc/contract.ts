/**
 * The one declaration of everything the renderer may ask of the main process, and everything
 * the main process may tell the renderer. Main validates every request payload with these
 * schemas; the preload and the renderer's client are typed from them.
 *
 * Expected outcomes (a cancelled dialog, a full disk, a broken file) are part of each
 * request's output, not exceptions: the UI must handle them, so the type says so.
 */
import { z } from 'zod';
import { IdSchema, IsoDate, LOGO_MEDIA_TYPES, ProjectSchema } from '../domain/schema';
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

// ---------------------------------------------------------------------------------------------
// Export

export const EXPORT_FORMATS = ['docx', 'pdf'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.output<typeof ExportFormatSchema>;
/** What to do with files already in the export folder; `ask` reports them first. */
export const ON_EXISTING_CHOICES = ['ask', 'overwrite', 'skip', 'keep-both'] as const;
export type OnExistingChoice = (typeof ON_EXISTING_CHOICES)[number];
export const EXPORT_DOCUMENT_KINDS = ['plan', 'manager-summary', 'framework-guide'] as const;
export type ExportDocumentKind = (typeof EXPORT_DOCUMENT_KINDS)[number];
const JobId = z.string().regex(/^job-[a-z0-9]{4,40}$/, 'must be an export job id');

/** Which document: a learner's plan or manager summary, or a framework's guide. */
const DocumentTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), learnerId: IdSchema }).strict(),
  z.object({ kind: z.literal('manager-summary'), learnerId: IdSchema }).strict(),
  z.object({ kind: z.literal('framework-guide'), frameworkId: IdSchema }).strict(),
]);
export type DocumentTarget = z.output<typeof DocumentTarget>;

const DocumentSettings = {
  project: ProjectSchema,
  /** Add the engine's warnings (over budget, uncovered gaps) as "Points to discuss". */
  includeWarnings: z.boolean().default(false),
  /** Fill the client's Word template even though it has placeholders the studio does not know (they stay as typed). */
  allowUnknownPlaceholders: z.boolean().default(false),
};

export const ExportSummarySchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  /** Absolute paths of the files written. */
  written: z.array(FilePath),
  skipped: z.array(z.object({ name: z.string(), file: z.string().nullable(), reason: z.string() })),
  failed: z.array(z.object({ name: z.string(), file: z.string(), message: z.string() })),
  roster: FilePath.nullable(),
  /** Plans drafted for learners without one (in the files only, not saved to the project). */
  generatedPlans: z.number().int(),
  folder: FilePath,
  /** Word files came from the client's template; their PDFs from the built-in template. */
  notes: z.array(z.string()),
});
export type ExportSummary = z.output<typeof ExportSummarySchema>;

const ExportCohortOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exported'), summary: ExportSummarySchema }),
  z.object({ status: z.literal('cancelled'), summary: ExportSummarySchema }),
  /** `onExisting: 'ask'` and these files are already in the folder: ask, then export again with a choice. */
  z.object({ status: z.literal('existing'), folder: FilePath, files: z.array(z.string()) }),
  /** The folder dialog was dismissed. */
  z.object({ status: z.literal('dismissed') }),
  /** The client's Word template has placeholders the studio does not know: nothing was written. Ask, then export with `allowUnknownPlaceholders`. */
  z.object({ status: z.literal('unknown-placeholders'), fileName: z.string(), unknown: z.array(z.string()), folder: FilePath.nullable() }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type ExportCohortOutcome = z.output<typeof ExportCohortOutcomeSchema>;

const ExportDocumentOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exported'), filePath: FilePath, notes: z.array(z.string()) }),
  z.object({ status: z.literal('dismissed') }),
  z.object({ status: z.literal('unknown-placeholders'), fileName: z.string(), unknown: z.array(z.string()), folder: FilePath.nullable() }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type ExportDocumentOutcome = z.output<typeof ExportDocumentOutcomeSchema>;

const PreviewOutcomeSchema = z.discriminatedUnion('status', [
  /** The PDF exactly as Export writes it, base64. */
  z.object({ status: z.literal('ready'), pdfBase64: z.string(), title: z.string(), notes: z.array(z.string()) }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type PreviewOutcome = z.output<typeof PreviewOutcomeSchema>;

export const TemplateReportSchema = z.object({
  /** Placeholders found in the template (body, headers, footers), in order of first use. */
  placeholders: z.array(z.string()),
  /** Placeholders the studio does not know, each with the closest known one. */
  unknown: z.array(z.object({ name: z.string(), suggestion: z.string().nullable() })),
});
export type TemplateReport = z.output<typeof TemplateReportSchema>;

const BrandingFileOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('logo'), fileName: z.string(), mediaType: z.enum(LOGO_MEDIA_TYPES), data: z.string() }),
  z.object({ status: z.literal('template'), fileName: z.string(), data: z.string(), report: TemplateReportSchema }),
  z.object({ status: z.literal('dismissed') }),
  z.object({ status: z.literal('failed'), error: StudioErrorSchema }),
]);
export type BrandingFileOutcome = z.output<typeof BrandingFileOutcomeSchema>;

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
  /** Shows an open dialog for the logo (PNG/JPEG) or the client's Word template, checks the file and returns it. */
  chooseBrandingFile: {
    channel: REQUEST_CHANNELS.chooseBrandingFile,
    input: z.object({ kind: z.enum(['logo', 'template']) }).strict(),
    output: BrandingFileOutcomeSchema,
  },
  /** The document rendered as the PDF that Export writes, for the in-studio preview. */
  previewDocument: {
    channel: REQUEST_CHANNELS.previewDocument,
    input: z.object({ ...DocumentSettings, target: DocumentTarget }).strict(),
    output: PreviewOutcomeSchema,
  },
  /** One document to a file the user picks in a save dialog. */
  exportDocument: {
    channel: REQUEST_CHANNELS.exportDocument,
    input: z.object({ ...DocumentSettings, target: DocumentTarget, format: ExportFormatSchema }).strict(),
    output: ExportDocumentOutcomeSchema,
  },
  /**
   * Every (or the selected) learner's plan into a folder, plus roster.csv. Without `folder` the
   * main process shows a folder dialog. Progress arrives as `exportProgress` events with the same
   * `jobId`; `cancelExport` stops between documents.
   */
  exportCohort: {
    channel: REQUEST_CHANNELS.exportCohort,
    input: z
      .object({
        ...DocumentSettings,
        jobId: JobId,
        learnerIds: z.array(IdSchema).max(100_000).optional(),
        formats: z.array(ExportFormatSchema).min(1, 'choose Word, PDF or both').max(2),
        folder: FilePath.optional(),
        onExisting: z.enum(ON_EXISTING_CHOICES).default('ask'),
        roster: z.boolean().default(true),
        /** `YYYY-MM-DD` printed as "Prepared on"; default today in the main process. */
        generatedOn: IsoDate.optional(),
      })
      .strict(),
    output: ExportCohortOutcomeSchema,
  },
  cancelExport: { channel: REQUEST_CHANNELS.cancelExport, input: z.object({ jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
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
  /** A cohort export finished one more learner. */
  exportProgress: {
    channel: EVENT_CHANNELS.exportProgress,
    payload: z.object({ jobId: JobId, done: z.number().int().min(0), total: z.number().int().min(0), current: z.string() }),
  },
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
