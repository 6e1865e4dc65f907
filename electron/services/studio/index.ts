export { createStudioHandlers, createStudioServices, newDocumentId, suggestedFileName, withPlpExtension } from './handlers';
export type { StudioDeps, StudioServicesOptions } from './handlers';
export { createMemorySettings, createScriptedDialogs, DEFAULT_PREFERENCES } from './ports';
export type { DialogScript, DialogsPort, MemorySettingsInit, PreferencesPatch, ScriptedDialogs, SettingsPort, ShownDialog, WindowPort } from './ports';
