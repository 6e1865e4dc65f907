import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECENT_FILES,
  SettingsService,
  SettingsValidationError,
  defaultSettings,
  openSettingsFile,
} from '../../../electron/services/settings/settings-service';
import type { PreferencesPatch, WindowBounds } from '../../../electron/services/settings/settings-service';
import { MemoryStore, createConfStore, fixedClock, makeTempDir, removeTempDir } from './helpers';

const file = (n: number) => path.resolve(`/projects/plan-${n}.plp`);

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

const open = (now = fixedClock('2025-03-04T05:06:07.089Z')) => openSettingsFile({ dir, createStore: createConfStore, now });

describe('SettingsService through conf', () => {
  it('starts from defaults on first run', () => {
    const { service, recoveredFrom } = open();
    expect(recoveredFrom).toBeUndefined();
    expect(service.get()).toEqual({
      recentFiles: [],
      preferences: { authorName: '', theme: 'system', backupIntervalSeconds: 30 },
    });
    expect(service.get()).toEqual(defaultSettings());
    expect(service.recentFiles()).toEqual([]);
    expect(service.windowBounds()).toBeUndefined();
    expect(service.path).toBe(path.join(dir, 'settings.json'));
  });

  it('keeps recent files most recent first', () => {
    const { service } = open();
    service.addRecentFile(file(1));
    service.addRecentFile(file(2));
    expect(service.addRecentFile(file(3))).toEqual([file(3), file(2), file(1)]);
    expect(service.recentFiles()).toEqual([file(3), file(2), file(1)]);
  });

  it('moves a re-opened file to the top instead of duplicating it', () => {
    const { service } = open();
    for (const n of [1, 2, 3]) service.addRecentFile(file(n));
    expect(service.addRecentFile(file(1))).toEqual([file(1), file(3), file(2)]);
  });

  it('dedupes paths that only differ before normalization', () => {
    const { service } = open();
    const plain = path.resolve('/projects/a/plan.plp');
    service.addRecentFile(plain);
    service.addRecentFile(path.resolve('/projects/b/other.plp'));
    const messy = `${path.resolve('/projects/a/x')}${path.sep}..${path.sep}plan.plp`;
    expect(service.addRecentFile(messy)).toEqual([plain, path.resolve('/projects/b/other.plp')]);
  });

  it(`caps recent files at ${MAX_RECENT_FILES}, dropping the oldest`, () => {
    const { service } = open();
    for (let n = 1; n <= 13; n += 1) service.addRecentFile(file(n));
    const expected = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4].map(file);
    expect(service.recentFiles()).toEqual(expected);
    expect(service.recentFiles()).toHaveLength(MAX_RECENT_FILES);
  });

  it('records lastOpenedAt from the injected clock when a file is added', () => {
    const { service } = open(fixedClock('2025-06-07T08:09:10.000Z'));
    expect(service.get().lastOpenedAt).toBeUndefined();
    service.addRecentFile(file(1));
    expect(service.get().lastOpenedAt).toBe('2025-06-07T08:09:10.000Z');
  });

  it('removes and clears recent files', () => {
    const { service } = open();
    for (const n of [1, 2, 3]) service.addRecentFile(file(n));
    expect(service.removeRecentFile(file(2))).toEqual([file(3), file(1)]);
    expect(service.removeRecentFile(file(99))).toEqual([file(3), file(1)]);
    expect(service.removeRecentFile('not/absolute')).toEqual([file(3), file(1)]);
    service.clearRecentFiles();
    expect(service.recentFiles()).toEqual([]);
  });

  it('merges preference patches and ignores undefined values', () => {
    const { service } = open();
    expect(service.updatePreferences({ authorName: 'Ada', theme: 'dark' })).toEqual({
      authorName: 'Ada',
      theme: 'dark',
      backupIntervalSeconds: 30,
    });
    expect(service.updatePreferences({ backupIntervalSeconds: 300, theme: undefined })).toEqual({
      authorName: 'Ada',
      theme: 'dark',
      backupIntervalSeconds: 300,
    });
    expect(service.updatePreferences({ backupIntervalSeconds: 5 }).backupIntervalSeconds).toBe(5);
    expect(service.preferences()).toEqual(service.get().preferences);
  });

  it('saves window bounds, with or without a position, rounding to whole pixels', () => {
    const { service } = open();
    expect(service.saveWindowBounds({ x: -1919.6, y: 10.2, width: 1200.5, height: 800, maximized: true })).toEqual({
      x: -1920,
      y: 10,
      width: 1201,
      height: 800,
      maximized: true,
    });
    expect(service.windowBounds()).toEqual({ x: -1920, y: 10, width: 1201, height: 800, maximized: true });
    service.saveWindowBounds({ width: 1000, height: 700, maximized: false });
    expect(service.windowBounds()).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('persists everything across re-open', () => {
    const first = open().service;
    first.addRecentFile(file(1));
    first.addRecentFile(file(2));
    first.updatePreferences({ authorName: 'Grace', theme: 'light', backupIntervalSeconds: 120 });
    first.saveWindowBounds({ x: 100, y: 50, width: 1300, height: 850, maximized: false });

    const { service: second, recoveredFrom } = open();
    expect(recoveredFrom).toBeUndefined();
    expect(second.get()).toEqual({
      recentFiles: [file(2), file(1)],
      windowBounds: { x: 100, y: 50, width: 1300, height: 850, maximized: false },
      preferences: { authorName: 'Grace', theme: 'light', backupIntervalSeconds: 120 },
      lastOpenedAt: '2025-03-04T05:06:07.089Z',
    });
    const onDisk: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(onDisk).toEqual(second.get());
  });

  it('returns copies, so callers cannot change stored settings by mutation', () => {
    const { service } = open();
    service.addRecentFile(file(1));
    const snapshot = service.get();
    snapshot.recentFiles.push(file(2));
    snapshot.preferences.theme = 'dark';
    service.recentFiles().push(file(3));
    expect(service.get().recentFiles).toEqual([file(1)]);
    expect(service.get().preferences.theme).toBe('system');
  });
});

describe('invalid writes are rejected and never stored', () => {
  const badPreferences: [string, unknown, RegExp][] = [
    ['interval below 5', { backupIntervalSeconds: 4 }, /preferences\.backupIntervalSeconds/],
    ['interval above 300', { backupIntervalSeconds: 301 }, /preferences\.backupIntervalSeconds/],
    ['fractional interval', { backupIntervalSeconds: 30.5 }, /preferences\.backupIntervalSeconds/],
    ['NaN interval', { backupIntervalSeconds: Number.NaN }, /preferences\.backupIntervalSeconds/],
    ['string interval', { backupIntervalSeconds: '60' }, /preferences\.backupIntervalSeconds/],
    ['unknown theme', { theme: 'neon' }, /preferences\.theme/],
    ['unknown key', { fontSize: 12 }, /fontSize/],
    ['non-string author', { authorName: 42 }, /preferences\.authorName/],
    ['over-long author', { authorName: 'x'.repeat(201) }, /preferences\.authorName/],
  ];

  it.each(badPreferences)('updatePreferences rejects %s', (_label, patch, message) => {
    const { service } = open();
    service.updatePreferences({ authorName: 'Ada' });
    const before = fs.readFileSync(service.path);
    expect(() => service.updatePreferences(patch as PreferencesPatch)).toThrow(SettingsValidationError);
    expect(() => service.updatePreferences(patch as PreferencesPatch)).toThrow(message);
    expect(fs.readFileSync(service.path)).toEqual(before);
    expect(service.preferences()).toEqual({ authorName: 'Ada', theme: 'system', backupIntervalSeconds: 30 });
  });

  it.each([
    ['relative path', 'plans/a.plp', /absolute/],
    ['empty path', '', /empty/],
    ['NUL in path', `${path.resolve('/a')}\0b`, /NUL/],
    ['non-string', 42, /string/],
  ])('addRecentFile rejects a %s', (_label, bad, message) => {
    const { service } = open();
    service.addRecentFile(file(1));
    const before = fs.readFileSync(service.path);
    expect(() => service.addRecentFile(bad as string)).toThrow(message);
    expect(() => service.addRecentFile(bad as string)).toThrow(/Invalid recent file path/);
    expect(fs.readFileSync(service.path)).toEqual(before);
    expect(service.recentFiles()).toEqual([file(1)]);
  });

  it.each([
    ['zero width', { x: 0, y: 0, width: 0, height: 600, maximized: false }, /windowBounds\.width/],
    ['negative height', { x: 0, y: 0, width: 800, height: -1, maximized: false }, /windowBounds\.height/],
    ['NaN x', { x: Number.NaN, y: 0, width: 800, height: 600, maximized: false }, /windowBounds\.x/],
    ['infinite width', { x: 0, y: 0, width: Infinity, height: 600, maximized: false }, /windowBounds\.width/],
    ['missing maximized', { x: 0, y: 0, width: 800, height: 600 }, /windowBounds\.maximized/],
    ['not an object', null, /Expected an object/],
  ])('saveWindowBounds rejects %s', (_label, bad, message) => {
    const { service } = open();
    service.saveWindowBounds({ x: 1, y: 2, width: 800, height: 600, maximized: false });
    const before = fs.readFileSync(service.path);
    expect(() => service.saveWindowBounds(bad as WindowBounds)).toThrow(message);
    expect(fs.readFileSync(service.path)).toEqual(before);
    expect(service.windowBounds()).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: false });
  });

  it('does not create a settings file when the very first write is invalid', () => {
    const { service } = open();
    expect(() => service.updatePreferences({ theme: 'sepia' as never })).toThrow(SettingsValidationError);
    expect(fs.existsSync(service.path)).toBe(false);
  });
});

describe('SettingsService with an injected store', () => {
  it('refuses store contents that fail the schema', () => {
    const store = new MemoryStore({ recentFiles: [42] });
    expect(() => new SettingsService(store)).toThrow(/Invalid settings in \/memory\/settings\.json: recentFiles\.0/);
  });

  it('keeps its state unchanged when the store fails to write', () => {
    const store = new MemoryStore();
    const service = new SettingsService(store);
    service.addRecentFile(file(1));
    store.failWrites = true;
    expect(() => service.addRecentFile(file(2))).toThrow('disk full');
    expect(() => service.updatePreferences({ theme: 'dark' })).toThrow('disk full');
    expect(service.recentFiles()).toEqual([file(1)]);
    expect(service.preferences().theme).toBe('system');
  });

  it('does not write when removing a path that is not in the list', () => {
    const store = new MemoryStore();
    const service = new SettingsService(store);
    service.addRecentFile(file(1));
    const writes = store.writes;
    service.removeRecentFile(file(2));
    expect(store.writes).toBe(writes);
  });

  it('matches a simple model of the recent-files list for any sequence of operations', () => {
    type Op = { kind: 'add' | 'remove'; n: number } | { kind: 'clear' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('add' as const), n: fc.integer({ min: 0, max: 14 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), n: fc.integer({ min: 0, max: 14 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const store = new MemoryStore();
        const service = new SettingsService(store);
        let model: string[] = [];
        for (const step of ops) {
          if (step.kind === 'add') {
            service.addRecentFile(file(step.n));
            model = [file(step.n), ...model.filter((p) => p !== file(step.n))].slice(0, MAX_RECENT_FILES);
          } else if (step.kind === 'remove') {
            service.removeRecentFile(file(step.n));
            model = model.filter((p) => p !== file(step.n));
          } else {
            service.clearRecentFiles();
            model = [];
          }
          const list = service.recentFiles();
          expect(list).toEqual(model);
          expect(new Set(list).size).toBe(list.length);
          expect(list.length).toBeLessThanOrEqual(MAX_RECENT_FILES);
        }
        // What was persisted is what a fresh service reads back.
        expect(new SettingsService(store).recentFiles()).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });
});
