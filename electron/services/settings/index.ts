export {
  AUTHOR_NAME_MAX_LENGTH,
  BACKUP_INTERVAL_SECONDS,
  DEFAULT_SETTINGS_FILE_NAME,
  MAX_RECENT_FILES,
  PreferencesSchema,
  RecentFilesSchema,
  SettingsSchema,
  SettingsService,
  SettingsValidationError,
  ThemeSchema,
  WindowBoundsSchema,
  defaultSettings,
  openSettingsFile,
} from './settings-service';
export type {
  CreateStoreOptions,
  KeyValueStore,
  OpenSettingsOptions,
  OpenSettingsResult,
  Preferences,
  PreferencesPatch,
  Settings,
  SettingsServiceOptions,
  Theme,
  WindowBounds,
} from './settings-service';
export { DEFAULT_WINDOW_SIZE, fitBoundsToDisplays } from './window-bounds';
export type { DisplayArea, FitOptions } from './window-bounds';
