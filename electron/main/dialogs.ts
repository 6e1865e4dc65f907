/**
 * The real file dialogs behind the studio's `DialogsPort`: Open and Save As, filtered to
 * PLP Studio projects (`.plp`), and the spreadsheet picker of the import wizard (.csv/.tsv/.xlsx), attached to the studio window when there is one. The handlers
 * add a missing `.plp` to the chosen name (and refuse to replace a file the dialog did not
 * warn about), so this module returns exactly what the user chose.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { DialogsPort } from '../services/studio/ports';

export const PROJECT_FILTERS = [{ name: 'PLP Studio project', extensions: ['plp'] }];
export const SPREADSHEET_FILTERS = [{ name: 'Spreadsheet (CSV, TSV, Excel)', extensions: ['csv', 'tsv', 'xlsx'] }];
export const LOGO_FILTERS = [{ name: 'Logo image (PNG, JPEG)', extensions: ['png', 'jpg', 'jpeg'] }];
export const TEMPLATE_FILTERS = [{ name: 'Word template (.docx)', extensions: ['docx'] }];
export const EXPORT_FILTERS: Record<'docx' | 'pdf', { name: string; extensions: string[] }[]> = { docx: [{ name: 'Word document', extensions: ['docx'] }], pdf: [{ name: 'PDF document', extensions: ['pdf'] }] };

export interface DialogsOptions {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialog belongs to (a sheet on macOS, modal elsewhere); null for none. */
  parentWindow: () => BrowserWindow | null;
  /** Where Save As starts for a never-saved project (e.g. the Documents folder). */
  defaultDirectory: () => string;
}

export function createDialogsPort({ dialog, parentWindow, defaultDirectory }: DialogsOptions): DialogsPort {
  return {
    async chooseProjectToOpen() {
      const options = { title: 'Open Project', properties: ['openFile' as const], filters: PROJECT_FILTERS };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    async chooseSpreadsheet() {
      const options = { title: 'Import Assessments', properties: ['openFile' as const], filters: SPREADSHEET_FILTERS };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    async chooseFolder(title) {
      const options = { title, defaultPath: defaultDirectory(), properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const] };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    async chooseBrandingFile(kind) {
      const options = {
        title: kind === 'logo' ? 'Choose Logo' : 'Choose Word Template',
        properties: ['openFile' as const],
        filters: kind === 'logo' ? LOGO_FILTERS : TEMPLATE_FILTERS,
      };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      if (result.canceled) return null;
      return result.filePaths[0] ?? null;
    },

    async chooseExportLocation(suggestedFileName, format) {
      const options = {
        title: format === 'docx' ? 'Export Word Document' : 'Export PDF',
        defaultPath: path.join(defaultDirectory(), path.basename(suggestedFileName.replace(/\\/g, '/'))),
        filters: EXPORT_FILTERS[format],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath;
    },

    async chooseSaveLocation(suggestedFileName) {
      const options = {
        title: 'Save Project',
        // Only the base name of the suggestion: it must not steer the dialog to another folder.
        defaultPath: path.join(defaultDirectory(), path.basename(suggestedFileName.replace(/\\/g, '/'))),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const parent = parentWindow();
      const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      if (result.canceled || !result.filePath) return null;
      return result.filePath;
    },
  };
}
