import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToCurrent, type JsonObject, type Migration } from '../../../shared/domain/migrations';
import { parseProjectText } from '../../../shared/domain/project-file';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/domain/schema';

const MIGRATION_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/migrations');

function step(from: number, change: (document: JsonObject) => JsonObject, log?: number[]): Migration {
  return {
    from,
    to: from + 1,
    description: `synthetic ${from} → ${from + 1}`,
    migrate(document) {
      log?.push(from);
      return change(document);
    },
  };
}

describe('migrateToCurrent: the registry mechanism', () => {
  it('applies a chain v1 → v2 → v3 in order, each step seeing the previous output', () => {
    const log: number[] = [];
    const migrations = [
      step(1, (d) => ({ ...d, renamed: d['old'], old: undefined }), log),
      step(2, (d) => ({ ...d, tags: [String(d['renamed']), `v${String(d['schemaVersion'])}`] }), log),
    ];
    const result = migrateToCurrent({ schemaVersion: 1, old: 'value' }, 1, migrations, 3);
    expect(log).toEqual([1, 2]);
    expect(result).toEqual({ ok: true, value: { schemaVersion: 3, renamed: 'value', old: undefined, tags: ['value', 'v2'] } });
  });

  it('finds the steps whatever order they are registered in', () => {
    const log: number[] = [];
    const migrations = [step(3, (d) => d, log), step(1, (d) => d, log), step(2, (d) => d, log)];
    const result = migrateToCurrent({ schemaVersion: 1 }, 1, migrations, 4);
    expect(log).toEqual([1, 2, 3]);
    expect(result.ok && result.value['schemaVersion']).toBe(4);
  });

  it('starts from the file’s version: a v2 file skips the v1 step', () => {
    const log: number[] = [];
    const result = migrateToCurrent({ schemaVersion: 2 }, 2, [step(1, (d) => d, log), step(2, (d) => d, log)], 3);
    expect(log).toEqual([2]);
    expect(result.ok).toBe(true);
  });

  it('does nothing to a current file', () => {
    const log: number[] = [];
    const document = { schemaVersion: 3, a: 1 };
    const result = migrateToCurrent(document, 3, [step(1, (d) => d, log), step(2, (d) => d, log)], 3);
    expect(log).toEqual([]);
    expect(result).toEqual({ ok: true, value: document });
  });

  it('a gap in the chain is an error naming the missing version, and later steps do not run', () => {
    const log: number[] = [];
    const result = migrateToCurrent({ schemaVersion: 1 }, 1, [step(1, (d) => d, log), step(3, (d) => d, log)], 4);
    expect(log).toEqual([1]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no migration from version 2/);
  });

  it('a step that skips a version (1 → 3) is refused', () => {
    const skipping: Migration = { from: 1, to: 3, description: 'skips', migrate: (d) => d };
    const result = migrateToCurrent({ schemaVersion: 1 }, 1, [skipping], 3);
    expect(result.ok).toBe(false);
  });

  it('a throwing migration fails with a message naming the version and the reason', () => {
    const log: number[] = [];
    const migrations = [
      step(1, (d) => d, log),
      step(2, () => {
        throw new Error('capabilities[3] has no domain');
      }, log),
      step(3, (d) => d, log),
    ];
    const result = migrateToCurrent({ schemaVersion: 1 }, 1, migrations, 4);
    expect(log).toEqual([1, 2]);
    expect(result).toEqual({ ok: false, error: 'Upgrading this project from file format 2 failed: capabilities[3] has no domain.' });
  });

  it('a migration that throws a non-Error still gives a message', () => {
    const result = migrateToCurrent({ schemaVersion: 1 }, 1, [step(1, () => { throw 'plain string'; })], 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('plain string');
  });
});

describe('the MIGRATIONS registry', () => {
  it('every migration goes up exactly one version, and no version has two', () => {
    expect(MIGRATIONS.every((migration) => migration.to === migration.from + 1)).toBe(true);
    const froms = MIGRATIONS.map((migration) => migration.from);
    expect(new Set(froms).size).toBe(froms.length);
    expect(MIGRATIONS.every((migration) => migration.from >= 1 && migration.to <= CURRENT_SCHEMA_VERSION)).toBe(true);
  });

  it('the chain from format 1 reaches CURRENT_SCHEMA_VERSION', () => {
    for (let version = 1; version < CURRENT_SCHEMA_VERSION; version++) {
      expect(MIGRATIONS.some((migration) => migration.from === version), `a migration from version ${version}`).toBe(true);
    }
    const result = migrateToCurrent({ schemaVersion: 1 }, 1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value['schemaVersion'] ?? 1).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('every migration has a before/after fixture pair, and migrating before gives after', () => {
    for (const migration of MIGRATIONS) {
      const before = path.join(MIGRATION_FIXTURES, `v${migration.from}.before.json`);
      const after = path.join(MIGRATION_FIXTURES, `v${migration.from}.after.json`);
      expect(existsSync(before), `${before} must exist for the migration ${migration.from} → ${migration.to}`).toBe(true);
      expect(existsSync(after), `${after} must exist for the migration ${migration.from} → ${migration.to}`).toBe(true);
      const beforeDocument = JSON.parse(readFileSync(before, 'utf8')) as JsonObject;
      const afterDocument = JSON.parse(readFileSync(after, 'utf8')) as JsonObject;
      expect(beforeDocument['schemaVersion']).toBe(migration.from);
      expect(afterDocument['schemaVersion']).toBe(migration.to);
      const migrated = migrateToCurrent(structuredClone(beforeDocument), migration.from, MIGRATIONS, migration.to);
      expect(migrated).toEqual({ ok: true, value: afterDocument });
      if (migration.to === CURRENT_SCHEMA_VERSION) {
        const loaded = parseProjectText(readFileSync(after, 'utf8'));
        expect(loaded.ok, `${after} must load as a current project`).toBe(true);
        // …and the old file loads through the whole chain, reporting where it came from.
        const upgraded = parseProjectText(readFileSync(before, 'utf8'));
        expect(upgraded.ok && upgraded.value.migratedFrom).toBe(migration.from);
      }
    }
  });

  it('every fixture pair in tests/fixtures/migrations belongs to a registered migration', () => {
    const names = readdirSync(MIGRATION_FIXTURES).filter((name) => name.endsWith('.json'));
    for (const name of names) {
      const match = /^v(\d+)\.(before|after)\.json$/.exec(name);
      expect(match, `${name} is not named v<from>.before.json or v<from>.after.json`).not.toBeNull();
      const from = Number(match![1]);
      expect(MIGRATIONS.some((migration) => migration.from === from), `${name} has no migration from version ${from}`).toBe(true);
    }
  });
});
