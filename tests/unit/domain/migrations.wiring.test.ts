/**
 * How parseProjectText uses the migrations, tested today although format 1 is the only one: the
 * schema module is replaced by one whose current format is 3 (the real schema with
 * `schemaVersion: 3`), so a v1 file has to go through synthetic 1 → 2 → 3 migrations.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { JsonObject, Migration } from '../../../shared/domain/migrations';
import type * as SchemaModule from '../../../shared/domain/schema';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { buildRichProject } from './rich-project';

vi.mock('../../../shared/domain/schema', async (importOriginal) => {
  const actual = await importOriginal<typeof SchemaModule>();
  return { ...actual, CURRENT_SCHEMA_VERSION: 3, ProjectSchema: actual.ProjectSchema.extend({ schemaVersion: z.literal(3) }) };
});

function step(from: number, change: (document: JsonObject) => JsonObject): Migration {
  return { from, to: from + 1, description: `synthetic ${from} → ${from + 1}`, migrate: change };
}

// (The factory reads the mocked CURRENT_SCHEMA_VERSION, so set the file's version explicitly.)
const v1Text = serializeProject({ ...buildRichProject(), schemaVersion: 1 } as unknown as Parameters<typeof serializeProject>[0]);

describe('parseProjectText with migrations (current format mocked to 3)', () => {
  it('(setup) the test file is format 1', () => {
    expect(v1Text).toContain('"schemaVersion": 1,');
  });

  it('migrates a v1 file through 1 → 2 → 3 in memory and reports migratedFrom', () => {
    const order: number[] = [];
    const migrations = [
      step(2, (d) => {
        order.push(2);
        return { ...d, meta: { ...(d['meta'] as JsonObject), clientOrganisation: `${String((d['meta'] as JsonObject)['clientOrganisation'])} (v3)` } };
      }),
      step(1, (d) => {
        order.push(1);
        return { ...d, meta: { ...(d['meta'] as JsonObject), title: 'Renamed by v2' } };
      }),
    ];
    const result = parseProjectText(v1Text, migrations);
    expect(order).toEqual([1, 2]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.migratedFrom).toBe(1);
    expect(result.value.project.schemaVersion).toBe(3);
    expect(result.value.project.meta.title).toBe('Renamed by v2');
    expect(result.value.project.meta.clientOrganisation).toBe('Helix Therapeutics (v3)');
  });

  it('a current (v3) file is not migrated', () => {
    const text = v1Text.replace('"schemaVersion": 1', '"schemaVersion": 3');
    const result = parseProjectText(text, [step(1, () => { throw new Error('must not run'); }), step(2, () => { throw new Error('must not run'); })]);
    expect(result.ok && result.value.migratedFrom).toBe(null);
  });

  it('a throwing migration gives migration-failed with a one-line message', () => {
    const result = parseProjectText(v1Text, [
      step(1, (d) => d),
      step(2, () => {
        throw new Error('a framework node has no kind');
      }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('migration-failed');
    expect(result.error.message).toContain('file format 2');
    expect(result.error.message).toContain('a framework node has no kind');
    expect(result.error.message).not.toMatch(/\n/);
  });

  it('a gap gives migration-failed naming the version that cannot be upgraded', () => {
    const result = parseProjectText(v1Text, [step(1, (d) => d)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('migration-failed');
      expect(result.error.message).toContain('no migration from version 2');
    }
  });

  it('the migrated document is still validated: a migration producing garbage is refused with a path', () => {
    const result = parseProjectText(v1Text, [step(1, (d) => d), step(2, (d) => ({ ...d, scale: 'broken' }))]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid', path: '$.scale' });
  });

  it('a file newer than 3 is refused before any migration', () => {
    const text = v1Text.replace('"schemaVersion": 1', '"schemaVersion": 4');
    const result = parseProjectText(text, [step(1, () => { throw new Error('must not run'); })]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('newer-version');
  });
});
