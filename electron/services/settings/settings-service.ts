/**
 * Application settings (recent files, window bounds, preferences), persisted through an
 * injected key-value store.
 *
 * This module runs in plain Node: it never imports `electron` or `electron-store`. The
 * Electron main process creates the electron-store instance and hands it in through
 * `openSettingsFile({ createStore })`; tests use `conf` (the library electron-store is
 * built on) or an in-memory store.
 *
 * Every value written is validated with `SettingsSchema`; an invalid value throws a
 * `SettingsValidationError` and nothing is stored. A settings file that is not valid JSON
 * or does not match the schema is renamed aside (never deleted) before the store opens,
 * so the app starts from defaults and the user can be told where the copy is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MAX_RECENT_FILES = 10;
export const BACKUP_INTERVAL_SECONDS = { min: 5, max: 300, default: 30 } as const;
export const AUTHOR_NAME_MAX_LENGTH = 200;
export const DEFAULT_SETTINGS_FILE_NAME = 'settings';

const absolutePath = z
  .string()
  .min(1, 'Path must not be empty')
  .refine((value) => !value.includes('\0'), 'Path must not contain NUL characters')
  .refine((value) => path.isAbsolute(value), 'Path must be absolute');

export const RecentFilesSchema = z
  .array(absolutePath)
  .max(MAX_RECENT_FILES, `At most ${MAX_RECENT_FILES} recent files are kept`)
  .refine((list) => new Set(list).size === list.length, 'Recent files must not contain duplicates');

export const WindowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export const ThemeSchema = z.enum(['light', 'dark', 'system']);

const authorNameSchema = z.string().max(AUTHOR_NAME_MAX_LENGTH);
const backupIntervalSchema = z.number().int().min(BACKUP_INTERVAL_SECONDS.min).max(BACKUP_INTERVAL_SECONDS.max);

export const PreferencesSchema = z.object({
  authorName: authorNameSchema.default(''),
  theme: ThemeSchema.default('system'),
  backupIntervalSeconds: backupIntervalSchema.default(BACKUP_INTERVAL_SECONDS.default),
});

/**
 * A preferences patch: any subset of the keys, unknown keys rejected. Built without
 * defaults so that a missing key stays missing (and keeps its current value).
 */
const PreferencesPatchSchema = z
  .strictObject({ authorName: authorNameSchema, theme: ThemeSchema, backupIntervalSeconds: backupIntervalSchema })
  .partial();

/**
 * The settings file. Missing keys take their defaults (so files written by an older
 * version still load); a key that is present but has a bad value fails the whole parse.
 * Unknown top-level keys are dropped.
 */
export const SettingsSchema = z.object({
  recentFiles: RecentFilesSchema.default(() => []),
  windowBounds: WindowBoundsSchema.optional(),
  preferences: PreferencesSchema.prefault({}),
  lastOpenedAt: z.iso.datetime({ offset: true }).optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type PreferencesPatch = Partial<Preferences>;
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;
export type Theme = z.infer<typeof ThemeSchema>;

/** A fresh copy of the default settings. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

/**
 * The part of electron-store / conf this service uses. Both `new Store(...)` (electron-store)
 * and `new Conf(...)` satisfy it: `.store` reads/writes the whole object, `.path` is the file.
 */
export interface KeyValueStore {
  store: Record<string, unknown>;
  readonly path: string;
}

/** Thrown when a value does not match the settings schema. Nothing is stored. */
export class SettingsValidationError extends Error {
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[]) {
    super(`Invalid ${what}: ${issues.join('; ')}`);
    this.name = 'SettingsValidationError';
    this.issues = issues;
  }
}

function describeIssues(error: z.ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const at = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join('.');
    return at === '' ? issue.message : `${at}: ${issue.message}`;
  });
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, prefix?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new SettingsValidationError(what, describeIssues(result.error, prefix));
  }
  return result.data;
}

export interface SettingsServiceOptions {
  /** Clock used for `lastOpenedAt`; defaults to the system clock. */
  now?: () => Date;
}

export class SettingsService {
  readonly #store: KeyValueStore;
  readonly #now: () => Date;
  #current: Settings;

  /**
   * Reads and validates the store's contents once. Throws `SettingsValidationError` if
   * they are invalid — use `openSettingsFile` to get corrupt-file recovery first.
   */
  constructor(store: KeyValueStore, options: SettingsServiceOptions = {}) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.#current = parseOrThrow(SettingsSchema, store.store, `settings in ${store.path}`);
  }

  /** The path of the settings file. */
  get path(): string {
    return this.#store.path;
  }

  /** A copy of all settings (mutating it changes nothing). */
  get(): Settings {
    return structuredClone(this.#current);
  }

  preferences(): Preferences {
    return structuredClone(this.#current.preferences);
  }

  /**
   * Merges `patch` into the preferences. Keys whose value is `undefined` are ignored;
   * unknown keys or out-of-range values throw and nothing is stored.
   */
  updatePreferences(patch: PreferencesPatch): Preferences {
    const definedEntries = Object.entries(patch ?? {}).filter(([, value]) => value !== undefined);
    const checked = parseOrThrow(PreferencesPatchSchema, Object.fromEntries(definedEntries), 'preferences', 'preferences');
    this.#write({ ...this.#current, preferences: { ...this.#current.preferences, ...checked } });
    return this.preferences();
  }

  /** Most recent first, at most `MAX_RECENT_FILES`, no duplicates. */
  recentFiles(): string[] {
    return [...this.#current.recentFiles];
  }

  /**
   * Moves `filePath` (absolute; normalized) to the top of the recent-files list, dropping
   * the oldest entry past `MAX_RECENT_FILES`, and records `lastOpenedAt`. Returns the list.
   */
  addRecentFile(filePath: string): string[] {
    const normalized = parseOrThrow(absolutePath, filePath, 'recent file path');
    const entry = path.normalize(normalized);
    const recentFiles = [entry, ...this.#current.recentFiles.filter((existing) => existing !== entry)].slice(0, MAX_RECENT_FILES);
    this.#write({ ...this.#current, recentFiles, lastOpenedAt: this.#now().toISOString() });
    return this.recentFiles();
  }

  /** Removes `filePath` (e.g. the file no longer exists). Unknown paths are a no-op. */
  removeRecentFile(filePath: string): string[] {
    if (typeof filePath !== 'string') {
      throw new SettingsValidationError('recent file path', ['Expected a string']);
    }
    const entry = path.isAbsolute(filePath) ? path.normalize(filePath) : filePath;
    const recentFiles = this.#current.recentFiles.filter((existing) => existing !== entry);
    if (recentFiles.length !== this.#current.recentFiles.length) {
      this.#write({ ...this.#current, recentFiles });
    }
    return this.recentFiles();
  }

  clearRecentFiles(): void {
    this.#write({ ...this.#current, recentFiles: [] });
  }

  /** The last saved bounds; pass them through `fitBoundsToDisplays` before use. */
  windowBounds(): WindowBounds | undefined {
    const bounds = this.#current.windowBounds;
    return bounds === undefined ? undefined : { ...bounds };
  }

  /**
   * Saves window bounds (e.g. `{ ...win.getNormalBounds(), maximized: win.isMaximized() }`).
   * Coordinates are rounded to whole pixels; NaN, infinite or non-positive sizes throw.
   */
  saveWindowBounds(bounds: WindowBounds): WindowBounds {
    if (typeof bounds !== 'object' || bounds === null) {
      throw new SettingsValidationError('window bounds', ['Expected an object']);
    }
    const round = (value: unknown): unknown => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : value);
    const candidate: Record<string, unknown> = {
      width: round(bounds.width),
      height: round(bounds.height),
      maximized: bounds.maximized,
    };
    if (bounds.x !== undefined) candidate['x'] = round(bounds.x);
    if (bounds.y !== undefined) candidate['y'] = round(bounds.y);
    const checked = parseOrThrow(WindowBoundsSchema, candidate, 'window bounds', 'windowBounds');
    this.#write({ ...this.#current, windowBounds: checked });
    return { ...checked };
  }

  /** Validates the whole object, writes it, and only then updates the in-memory copy. */
  #write(next: Settings): void {
    const checked = parseOrThrow(SettingsSchema, next, 'settings');
    this.#store.store = structuredClone(checked);
    this.#current = checked;
  }
}

// ---------------------------------------------------------------------------
// Opening the file, with corrupt-file recovery
// ---------------------------------------------------------------------------

/** What `createStore` must build: a JSON store at `<cwd>/<name>.json`. */
export interface CreateStoreOptions {
  /** Directory of the settings file (electron-store / conf `cwd`). */
  cwd: string;
  /** File name without extension (electron-store `name`, conf `configName`). */
  name: string;
}

export interface OpenSettingsOptions {
  /** Directory holding the settings file (in Electron: `app.getPath('userData')`). */
  dir: string;
  /** File name without `.json`; default `settings`. */
  fileName?: string;
  /** Builds the store; must put it at `<cwd>/<name>.json` (checked through `store.path`). */
  createStore: (options: CreateStoreOptions) => KeyValueStore;
  now?: () => Date;
}

export interface OpenSettingsResult {
  service: SettingsService;
  /** Set when the file was damaged: the path where the damaged file was kept. */
  recoveredFrom?: string;
  /** Why the file was considered damaged (for logs). */
  recoveryReason?: string;
}

/**
 * Opens the settings file. Before the store is created, the file is read directly: if it
 * is not valid JSON or does not match `SettingsSchema` (even partially), it is renamed to
 * `<name>.corrupt-<ISO timestamp>.json` next to it (colons in the timestamp become `-` so
 * the name is valid on Windows) and the store starts from defaults.
 */
export function openSettingsFile(options: OpenSettingsOptions): OpenSettingsResult {
  const now = options.now ?? (() => new Date());
  const name = settingsBaseName(options.fileName ?? DEFAULT_SETTINGS_FILE_NAME);
  const dir = path.resolve(options.dir);
  const filePath = path.join(dir, `${name}.json`);

  const problem = inspectSettingsFile(filePath);
  let recoveredFrom: string | undefined;
  if (problem !== undefined) {
    recoveredFrom = keepAside(dir, name, filePath, now());
  }

  const store = options.createStore({ cwd: dir, name });
  if (path.resolve(store.path) !== filePath) {
    throw new Error(`createStore built the settings store at ${store.path}, expected ${filePath}`);
  }
  const service = new SettingsService(store, { now });
  return recoveredFrom === undefined ? { service } : { service, recoveredFrom, recoveryReason: problem };
}

function settingsBaseName(fileName: string): string {
  const name = fileName.endsWith('.json') ? fileName.slice(0, -'.json'.length) : fileName;
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new Error(`Invalid settings file name: ${JSON.stringify(fileName)}`);
  }
  return name;
}

/** Returns why the file is unusable, or undefined if it is fine or does not exist yet. */
function inspectSettingsFile(filePath: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read settings file ${filePath}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  const result = SettingsSchema.safeParse(data);
  return result.success ? undefined : `does not match the settings schema (${describeIssues(result.error).join('; ')})`;
}

function keepAside(dir: string, name: string, filePath: string, at: Date): string {
  const stamp = at.toISOString().replace(/:/g, '-');
  for (let attempt = 0; ; attempt += 1) {
    const suffix = attempt === 0 ? '' : `-${attempt}`;
    const target = path.join(dir, `${name}.corrupt-${stamp}${suffix}.json`);
    if (fs.existsSync(target)) continue;
    fs.renameSync(filePath, target);
    return target;
  }
}
