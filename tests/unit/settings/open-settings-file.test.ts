import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, openSettingsFile } from '../../../electron/services/settings/settings-service';
import type { CreateStoreOptions } from '../../../electron/services/settings/settings-service';
import { createConfStore, fixedClock, makeTempDir, removeTempDir } from './helpers';

const NOW = '2025-03-04T05:06:07.089Z';
const ASIDE_NAME = 'settings.corrupt-2025-03-04T05-06-07.089Z.json';
const abs = (p: string) => path.resolve(p);

let dir: string;
let settingsPath: string;
beforeEach(() => {
  dir = makeTempDir();
  settingsPath = path.join(dir, 'settings.json');
});
afterEach(() => {
  removeTempDir(dir);
});

const open = () => openSettingsFile({ dir, createStore: createConfStore, now: fixedClock(NOW) });

function expectKeptAside(original: Buffer, result: ReturnType<typeof open>): void {
  const asidePath = path.join(dir, ASIDE_NAME);
  expect(result.recoveredFrom).toBe(asidePath);
  expect(fs.readFileSync(asidePath)).toEqual(original);
  expect(result.service.get()).toEqual(defaultSettings());
  expect(fs.existsSync(settingsPath)).toBe(false);
}

describe('openSettingsFile: damaged files are kept aside, defaults used', () => {
  it('keeps a file that is not valid JSON aside, byte-identical, and starts from defaults', () => {
    const original = Buffer.from('{"recentFiles": ["/a.plp",\n  "preferences": {', 'utf8');
    fs.writeFileSync(settingsPath, original);
    const result = open();
    expectKeptAside(original, result);
    expect(result.recoveryReason).toMatch(/not valid JSON/);
  });

  it('keeps bytes that are not even UTF-8 byte-identical', () => {
    const original = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0xc3, 0x28, 0x80, 0x0a]);
    fs.writeFileSync(settingsPath, original);
    expectKeptAside(original, open());
  });

  it('keeps an empty file (e.g. a crash mid-write) aside', () => {
    const original = Buffer.alloc(0);
    fs.writeFileSync(settingsPath, original);
    expectKeptAside(original, open());
  });

  it('keeps a schema-invalid file aside even when only one value is wrong', () => {
    const original = Buffer.from(
      JSON.stringify({ recentFiles: [abs('/projects/a.plp'), 42], preferences: { authorName: 'Ada', theme: 'dark' } }, null, '\t'),
    );
    fs.writeFileSync(settingsPath, original);
    const result = open();
    expectKeptAside(original, result);
    expect(result.recoveryReason).toMatch(/does not match the settings schema.*recentFiles\.1/);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['an interval below the minimum', { preferences: { backupIntervalSeconds: 1 } }],
    ['an interval above the maximum', { preferences: { backupIntervalSeconds: 301 } }],
    ['an unknown theme', { preferences: { theme: 'neon' } }],
    ['duplicate recent files', { recentFiles: [abs('/a.plp'), abs('/a.plp')] }],
    ['more than 10 recent files', { recentFiles: Array.from({ length: 11 }, (_, i) => abs(`/f${i}.plp`)) }],
    ['a relative recent file', { recentFiles: ['relative/a.plp'] }],
    ['a negative window width', { windowBounds: { x: 0, y: 0, width: -5, height: 600, maximized: false } }],
    ['window bounds without maximized', { windowBounds: { x: 0, y: 0, width: 800, height: 600 } }],
    ['a lastOpenedAt that is not a timestamp', { lastOpenedAt: 'yesterday' }],
    ['preferences of the wrong type', { preferences: 'dark' }],
  ])('keeps a file with %s aside', (_label, content) => {
    const original = Buffer.from(JSON.stringify(content));
    fs.writeFileSync(settingsPath, original);
    expectKeptAside(original, open());
  });

  it('keeps working after recovery without touching the kept copy', () => {
    const original = Buffer.from('not json at all');
    fs.writeFileSync(settingsPath, original);
    const { service, recoveredFrom } = open();
    service.addRecentFile(abs('/projects/new.plp'));
    expect(fs.readFileSync(recoveredFrom!)).toEqual(original);

    const reopened = open();
    expect(reopened.recoveredFrom).toBeUndefined();
    expect(reopened.service.recentFiles()).toEqual([abs('/projects/new.plp')]);
  });

  it('never overwrites an earlier kept copy with the same timestamp', () => {
    fs.writeFileSync(settingsPath, 'first damage');
    const first = open();
    first.service.clearRecentFiles(); // creates a valid file again
    fs.writeFileSync(settingsPath, 'second damage');
    const second = open();

    expect(first.recoveredFrom).toBe(path.join(dir, ASIDE_NAME));
    expect(second.recoveredFrom).toBe(path.join(dir, 'settings.corrupt-2025-03-04T05-06-07.089Z-1.json'));
    expect(fs.readFileSync(first.recoveredFrom!, 'utf8')).toBe('first damage');
    expect(fs.readFileSync(second.recoveredFrom!, 'utf8')).toBe('second damage');
  });

  it('uses a custom file name for both the store and the kept copy', () => {
    fs.writeFileSync(path.join(dir, 'prefs.json'), '{');
    const result = openSettingsFile({ dir, fileName: 'prefs', createStore: createConfStore, now: fixedClock(NOW) });
    expect(result.recoveredFrom).toBe(path.join(dir, 'prefs.corrupt-2025-03-04T05-06-07.089Z.json'));
    expect(result.service.path).toBe(path.join(dir, 'prefs.json'));
  });
});

describe('openSettingsFile: healthy files', () => {
  it('does not recover when there is no file yet', () => {
    const result = open();
    expect(result.recoveredFrom).toBeUndefined();
    expect(result.recoveryReason).toBeUndefined();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('fills in keys missing from an older file without treating it as damaged', () => {
    fs.writeFileSync(settingsPath, JSON.stringify({ recentFiles: [abs('/old.plp')], preferences: { theme: 'dark' } }));
    const result = open();
    expect(result.recoveredFrom).toBeUndefined();
    expect(result.service.get()).toEqual({
      recentFiles: [abs('/old.plp')],
      preferences: { authorName: '', theme: 'dark', backupIntervalSeconds: 30 },
    });
  });

  it('ignores unknown keys rather than treating the file as damaged', () => {
    fs.writeFileSync(settingsPath, JSON.stringify({ someFutureSetting: true, preferences: { authorName: 'Lin' } }));
    const result = open();
    expect(result.recoveredFrom).toBeUndefined();
    expect(result.service.preferences().authorName).toBe('Lin');
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
  });

  it('passes the directory and base name to createStore', () => {
    const calls: CreateStoreOptions[] = [];
    openSettingsFile({
      dir,
      fileName: 'settings.json',
      createStore: (options) => {
        calls.push(options);
        return createConfStore(options);
      },
    });
    expect(calls).toEqual([{ cwd: dir, name: 'settings' }]);
  });
});

describe('openSettingsFile: misuse', () => {
  it('refuses a store created somewhere other than the checked file', () => {
    expect(() =>
      openSettingsFile({ dir, createStore: ({ cwd }) => createConfStore({ cwd, name: 'elsewhere' }) }),
    ).toThrow(/expected .*settings\.json/);
  });

  it.each(['', '../settings', 'a/b', 'a\\b', '..'])('refuses the file name %j', (fileName) => {
    expect(() => openSettingsFile({ dir, fileName, createStore: createConfStore })).toThrow(/Invalid settings file name/);
  });

  it('reports an unreadable settings path instead of discarding it', () => {
    fs.mkdirSync(settingsPath);
    expect(() => open()).toThrow(/Cannot read settings file/);
    expect(fs.statSync(settingsPath).isDirectory()).toBe(true);
  });
});
