/**
 * Channel names only, free of schemas, so the sandboxed preload bundles a few hundred bytes
 * instead of the whole validation library. `contract.ts` pairs each with its schema, and a
 * type check there keeps the two lists identical.
 */
export const REQUEST_CHANNELS = {
  getStartupState: 'app:startup-state',
  newProject: 'project:new',
  openProject: 'project:open',
  saveProject: 'project:save',
  saveProjectAs: 'project:save-as',
  closeProject: 'project:close',
  listRecentFiles: 'recent:list',
  clearRecentFiles: 'recent:clear',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  restoreBackup: 'backup:restore',
  discardBackup: 'backup:discard',
  updatePreferences: 'settings:update-preferences',
  confirmClose: 'window:confirm-close',
  readSpreadsheet: 'import:read-spreadsheet',
  chooseBrandingFile: 'export:choose-branding-file',
  previewDocument: 'export:preview',
  exportDocument: 'export:document',
  exportCohort: 'export:cohort',
  cancelExport: 'export:cancel',
} as const;

export const EVENT_CHANNELS = {
  menuCommand: 'event:menu-command',
  openFileRequested: 'event:open-file',
  closeRequested: 'event:close-requested',
  exportProgress: 'event:export-progress',
} as const;
