/**
 * Forward migrations of the project file, one step per schema version. A file is migrated in
 * memory on open and written in the new version only when the user saves, so opening an old
 * file never changes it on disk.
 *
 * Every registered migration must have a before/after fixture pair in
 * tests/fixtures/migrations (`v<from>.before.json`, `v<from>.after.json`); a test fails for any
 * migration without one.
 */
import { err, ok, type Result } from '../result';
import { CURRENT_SCHEMA_VERSION } from './schema';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** What changed in the format, for the release notes and the log. */
  description: string;
  migrate(document: JsonObject): JsonObject;
}

/** The registry, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    description: 'Adds the project branding of exported documents (logo, accent colour, font, template, client Word template) and the scale mappings saved by imports.',
    migrate: (document) => ({
      ...document,
      scaleMappings: [],
      branding: { logo: null, accentColor: '#1F4E79', font: 'sans', template: 'classic', clientTemplate: null },
    }),
  },
];

export function migrateToCurrent(
  document: JsonObject,
  fromVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): Result<JsonObject, string> {
  let version = fromVersion;
  let current = document;
  while (version < currentVersion) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step || step.to !== version + 1) {
      return err(`This project uses file format ${version}, which this PLP Studio cannot upgrade (no migration from version ${version}).`);
    }
    try {
      current = { ...step.migrate(current), schemaVersion: step.to };
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return err(`Upgrading this project from file format ${version} failed: ${reason}.`);
    }
    version = step.to;
  }
  return ok(current);
}
