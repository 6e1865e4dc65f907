/**
 * What the studio's request handlers need from the outside world, as small interfaces: the
 * Electron main process implements them with native dialogs, the settings store and its windows;
 * unit tests and the end-to-end harness use the scripted and in-memory versions below.
 */
import path from 'node:path';
import type { EventName, EventPayload, ExportFormat, Preferences } from '../../../shared/ipc/contract';

export interface DialogsPort {
  /** The absolute path the user chose, or null when they cancelled. */
  chooseProjectToOpen(): Promise<string | null>;
  /** The absolute path the user chose (the dialog confirmed any overwrite), or null when they cancelled. */
  chooseSaveLocation(suggestedFileName: string): Promise<string | null>;
  /** The absolute path of the spreadsheet (.csv, .tsv, .xlsx) to import, or null when they cancelled. */
  chooseSpreadsheet(): Promise<string | null>;
  /** The folder to export a cohort into (created if the dialog allows), or null when they cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** A logo image (PNG/JPEG) or the organisation's Word template (.docx), or null when they cancelled. */
  chooseBrandingFile(kind: 'logo' | 'template'): Promise<string | null>;
  /** Where to save one exported document (the dialog confirmed any overwrite), or null when they cancelled. */
  chooseExportLocation(suggestedFileName: string, format: ExportFormat): Promise<string | null>;
}

/** Events from the main process to one window's renderer (progress of long work). */
export interface EventsPort {
  send<E extends EventName>(windowId: number, name: E, payload: EventPayload<E>): void;
}

export type PreferencesPatch = Partial<Preferences>;

/** `SettingsService` (electron/services/settings) satisfies this. */
export interface SettingsPort {
  /** Most recent first. */
  recentFiles(): string[];
  /** `p` is absolute. */
  addRecentFile(p: string): void;
  removeRecentFile(p: string): void;
  clearRecentFiles(): void;
  preferences(): Preferences;
  /** Throws when the patch is invalid; nothing is stored then. */
  updatePreferences(patch: PreferencesPatch): Preferences;
}

export interface WindowPort {
  /** The renderer has dealt with unsaved work; true when the window will now close (main closes it). */
  confirmClose(windowId: number): boolean;
}

// ---------------------------------------------------------------------------------------------
// Scripted dialogs

export interface DialogScript {
  /** Answers for the open dialog, in order (null = the user cancelled). */
  open?: (string | null)[];
  /** Answers for the save dialog, in order (null = the user cancelled). */
  save?: (string | null)[];
  /** Answers for the spreadsheet (import) open dialog, in order (null = the user cancelled). */
  spreadsheet?: (string | null)[];
  /** Answers for the export folder dialog. */
  folder?: (string | null)[];
  /** Answers for the logo / Word template open dialog. */
  brandingFile?: (string | null)[];
  /** Answers for the save dialog of one exported document. */
  exportFile?: (string | null)[];
}

export type ShownDialog =
  | { kind: 'open' }
  | { kind: 'save'; suggestedFileName: string }
  | { kind: 'spreadsheet' }
  | { kind: 'folder'; title: string }
  | { kind: 'branding-file'; file: 'logo' | 'template' }
  | { kind: 'export-file'; suggestedFileName: string; format: ExportFormat };

export interface ScriptedDialogs extends DialogsPort {
  /** Every dialog shown so far, in order. */
  readonly shown: readonly ShownDialog[];
  /** Queue more answers. */
  enqueue(script: DialogScript): void;
  /** Answers not used yet; a test can assert that every scripted dialog was shown. */
  remaining(): { open: number; save: number; spreadsheet: number; folder: number; brandingFile: number; exportFile: number };
}

/**
 * Dialogs that answer from a script. Showing a dialog the script has no answer for throws, so a
 * test (or the end-to-end harness) fails loudly on a dialog nobody expected.
 */
export function createScriptedDialogs(script: DialogScript = {}): ScriptedDialogs {
  const open = [...(script.open ?? [])];
  const save = [...(script.save ?? [])];
  const spreadsheet = [...(script.spreadsheet ?? [])];
  const folder = [...(script.folder ?? [])];
  const brandingFile = [...(script.brandingFile ?? [])];
  const exportFile = [...(script.exportFile ?? [])];
  const shown: ShownDialog[] = [];
  const answer = (queue: (string | null)[], what: string): Promise<string | null> => {
    if (queue.length === 0) return Promise.reject(new Error(`Scripted dialogs: the ${what} dialog was shown, but the script has no answer left for it.`));
    return Promise.resolve(queue.shift() ?? null);
  };
  return {
    shown,
    enqueue(more) {
      open.push(...(more.open ?? []));
      save.push(...(more.save ?? []));
      spreadsheet.push(...(more.spreadsheet ?? []));
      folder.push(...(more.folder ?? []));
      brandingFile.push(...(more.brandingFile ?? []));
      exportFile.push(...(more.exportFile ?? []));
    },
    remaining: () => ({ open: open.length, save: save.length, spreadsheet: spreadsheet.length, folder: folder.length, brandingFile: brandingFile.length, exportFile: exportFile.length }),
    chooseProjectToOpen() {
      shown.push({ kind: 'open' });
      if (open.length === 0) return Promise.reject(new Error('Scripted dialogs: the open-project dialog was shown, but the script has no answer left for it.'));
      return Promise.resolve(open.shift() ?? null);
    },
    chooseSaveLocation(suggestedFileName) {
      shown.push({ kind: 'save', suggestedFileName });
      if (save.length === 0) {
        return Promise.reject(new Error(`Scripted dialogs: the save dialog was shown (suggesting ${JSON.stringify(suggestedFileName)}), but the script has no answer left for it.`));
      }
      return Promise.resolve(save.shift() ?? null);
    },
    chooseSpreadsheet() {
      shown.push({ kind: 'spreadsheet' });
      if (spreadsheet.length === 0) return Promise.reject(new Error('Scripted dialogs: the spreadsheet (import) dialog was shown, but the script has no answer left for it.'));
      return Promise.resolve(spreadsheet.shift() ?? null);
    },
    chooseFolder(title) {
      shown.push({ kind: 'folder', title });
      return answer(folder, 'export folder');
    },
    chooseBrandingFile(file) {
      shown.push({ kind: 'branding-file', file });
      return answer(brandingFile, file === 'logo' ? 'logo' : 'Word template');
    },
    chooseExportLocation(suggestedFileName, format) {
      shown.push({ kind: 'export-file', suggestedFileName, format });
      return answer(exportFile, `export (${suggestedFileName})`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In-memory settings

export const MEMORY_MAX_RECENT_FILES = 10;

export const DEFAULT_PREFERENCES: Preferences = { authorName: '', theme: 'system', backupIntervalSeconds: 30 };

export interface MemorySettingsInit {
  recentFiles?: string[];
  preferences?: Partial<Preferences>;
}

/** Settings kept in memory, with the same rules as the real service (absolute paths, 10 recent, no duplicates). */
export function createMemorySettings(initial: MemorySettingsInit = {}): SettingsPort {
  let recent = [...(initial.recentFiles ?? [])];
  let preferences: Preferences = { ...DEFAULT_PREFERENCES, ...initial.preferences };
  return {
    recentFiles: () => [...recent],
    addRecentFile(p) {
      if (!path.isAbsolute(p)) throw new Error(`Recent files must be absolute paths, not ${JSON.stringify(p)}`);
      recent = [p, ...recent.filter((existing) => existing !== p)].slice(0, MEMORY_MAX_RECENT_FILES);
    },
    removeRecentFile(p) {
      recent = recent.filter((existing) => existing !== p);
    },
    clearRecentFiles() {
      recent = [];
    },
    preferences: () => ({ ...preferences }),
    updatePreferences(patch) {
      const next = { ...preferences };
      if (patch.authorName !== undefined) {
        if (patch.authorName.length > 200) throw new Error('authorName: must be at most 200 characters');
        next.authorName = patch.authorName;
      }
      if (patch.theme !== undefined) next.theme = patch.theme;
      if (patch.backupIntervalSeconds !== undefined) {
        const seconds = patch.backupIntervalSeconds;
        if (!Number.isInteger(seconds) || seconds < 5 || seconds > 300) throw new Error('backupIntervalSeconds: must be a whole number from 5 to 300');
        next.backupIntervalSeconds = seconds;
      }
      preferences = next;
      return { ...preferences };
    },
  };
}
