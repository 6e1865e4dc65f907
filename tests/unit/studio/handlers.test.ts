import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { SaveError } from '../../../electron/services/files/atomic-write';
import type { SettingsService } from '../../../electron/services/settings/settings-service';
import { createStudioHandlers, suggestedFileName, withPlpExtension, type StudioDeps } from '../../../electron/services/studio/handlers';
import type { SettingsPort } from '../../../electron/services/studio/ports';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { REQUEST_NAMES, type OpenedProject } from '../../../shared/ipc/contract';
import type { MainHandlers } from '../../../shared/ipc/dispatch';
import { buildMinimalProject, buildRichProject } from '../domain/rich-project';
import { createHarness } from './harness';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-studio-'));
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

let work: string;
let backupDir: string;

beforeEach(async () => {
  work = await fsp.mkdtemp(path.join(root, 'case-'));
  backupDir = path.join(work, 'user-data', 'backups');
});

function edited(project: Project, title: string): Project {
  return { ...project, meta: { ...project.meta, title } };
}

async function loadFromDisk(file: string): Promise<Project> {
  const result = parseProjectText(await fsp.readFile(file, 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.project;
}

async function backupFiles(): Promise<string[]> {
  try {
    return (await fsp.readdir(backupDir)).sort();
  } catch {
    return [];
  }
}

async function writeProjectFile(name: string, project: Project = buildRichProject()): Promise<string> {
  const file = path.join(work, name);
  await fsp.writeFile(file, serializeProject(project));
  return file;
}

function opened(outcome: { status: string; document?: OpenedProject }): OpenedProject {
  if (outcome.status !== 'opened' || !outcome.document) throw new Error(`expected opened, got ${JSON.stringify(outcome)}`);
  return outcome.document;
}

describe('crash recovery end to end', () => {
  it('new sample → edits backed up → crash → recovery offered → restored unsaved → saved via dialog → backup gone', async () => {
    // Session 1: the studio before the crash.
    const before = createHarness({ backupDir });
    const created = await before.call('newProject', { kind: 'sample' });
    expect(created.filePath).toBeNull();
    const edits = edited(created.project, 'Presence — workshop edits');
    const { backedUpAt } = await before.call('writeBackup', { documentId: created.documentId, project: edits });
    expect(await before.call('listBackups', {})).toEqual([{ backupId: created.documentId, title: 'Presence — workshop edits', filePath: null, backedUpAt }]);

    // The process dies. Session 2 starts over the same user-data folder.
    const target = path.join(work, 'Recovered');
    const after = createHarness({ backupDir, dialogs: { save: [target] } });
    const startup = await after.call('getStartupState', {});
    expect(startup.recoverableBackups).toEqual([{ backupId: created.documentId, title: 'Presence — workshop edits', filePath: null, backedUpAt }]);

    const restored = opened(await after.call('restoreBackup', { backupId: created.documentId }));
    expect(restored).toMatchObject({ unsaved: true, filePath: null, migratedFrom: null });
    expect(restored.project).toEqual(edits);
    // Kept until the recovered work is saved.
    expect((await after.call('listBackups', {})).map((backup) => backup.backupId)).toEqual([created.documentId]);

    const saved = await after.call('saveProject', { documentId: restored.documentId, project: restored.project });
    expect(saved).toMatchObject({ status: 'saved', filePath: `${target}.plp` });
    expect(after.dialogs.shown).toEqual([{ kind: 'save', suggestedFileName: 'Presence — workshop edits.plp' }]);
    expect((await loadFromDisk(`${target}.plp`)).meta.title).toBe('Presence — workshop edits');
    expect(await after.call('listBackups', {})).toEqual([]);
    expect(await backupFiles()).toEqual([]);
    expect(await after.call('listRecentFiles', {})).toEqual([`${target}.plp`]);
  });

  it('a restored backup of a saved file keeps its path and saves without a dialog', async () => {
    const file = await writeProjectFile('presence.plp');
    const before = createHarness({ backupDir });
    const doc = opened(await before.call('openProject', { filePath: file }));
    await before.call('writeBackup', { documentId: doc.documentId, project: edited(doc.project, 'Unsaved edit') });

    const after = createHarness({ backupDir });
    const [summary] = (await after.call('getStartupState', {})).recoverableBackups;
    expect(summary).toMatchObject({ backupId: doc.documentId, title: 'Unsaved edit', filePath: file });
    const restored = opened(await after.call('restoreBackup', { backupId: doc.documentId }));
    expect(restored).toMatchObject({ filePath: file, unsaved: true });
    expect(await after.call('saveProject', { documentId: restored.documentId, project: restored.project })).toMatchObject({ status: 'saved', filePath: file });
    expect(after.dialogs.shown).toEqual([]);
    expect((await loadFromDisk(file)).meta.title).toBe('Unsaved edit');
    expect(await backupFiles()).toEqual([]);
  });

  it('if the file changed on disk while the studio was down, saving the recovered work is a conflict — and the backup stays', async () => {
    const file = await writeProjectFile('presence.plp');
    const before = createHarness({ backupDir });
    const doc = opened(await before.call('openProject', { filePath: file }));
    await before.call('writeBackup', { documentId: doc.documentId, project: edited(doc.project, 'My edit') });

    const theirs = serializeProject(edited(buildRichProject(), 'Colleague edit'));
    await fsp.writeFile(file, theirs);

    const after = createHarness({ backupDir });
    const restored = opened(await after.call('restoreBackup', { backupId: doc.documentId }));
    const outcome = await after.call('saveProject', { documentId: restored.documentId, project: restored.project });
    expect(outcome).toMatchObject({ status: 'conflict', filePath: file });
    expect(await fsp.readFile(file, 'utf8')).toBe(theirs);
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`]);

    expect(await after.call('saveProject', { documentId: restored.documentId, project: restored.project, overwriteChanged: true })).toMatchObject({ status: 'saved' });
    expect(await backupFiles()).toEqual([]);
  });

  it('declining recovery discards the backup; a discarded backup cannot be restored', async () => {
    const before = createHarness({ backupDir });
    const doc = await before.call('newProject', { kind: 'blank' });
    await before.call('writeBackup', { documentId: doc.documentId, project: doc.project });
    const after = createHarness({ backupDir });
    expect(await after.call('discardBackup', { backupId: doc.documentId })).toEqual({ discarded: true });
    expect(await after.call('discardBackup', { backupId: doc.documentId })).toEqual({ discarded: false });
    const restore = await after.call('restoreBackup', { backupId: doc.documentId });
    expect(restore).toMatchObject({ status: 'failed', error: { code: 'backup-not-found' } });
  });
});

describe('a backup is deleted only after a successful save or an explicit discard', () => {
  async function withBackup(options: Parameters<typeof createHarness>[0]) {
    const harness = createHarness(options);
    const doc = await harness.call('newProject', { kind: 'blank' });
    await harness.call('writeBackup', { documentId: doc.documentId, project: doc.project });
    return { harness, doc };
  }

  it('a cancelled save dialog keeps it', async () => {
    const { harness, doc } = await withBackup({ backupDir, dialogs: { save: [null] } });
    expect(await harness.call('saveProject', { documentId: doc.documentId, project: doc.project })).toEqual({ status: 'cancelled' });
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`]);
  });

  it('a failed save (full disk) keeps it', async () => {
    const { harness, doc } = await withBackup({
      backupDir,
      dialogs: { save: [path.join(work, 'full.plp')] },
      write: (target, data) => (target.endsWith('.plp') ? Promise.reject(new SaveError('disk-full', target)) : import('../../../electron/services/files/atomic-write').then((m) => m.writeFileAtomic(target, data))),
    });
    const outcome = await harness.call('saveProject', { documentId: doc.documentId, project: doc.project });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'disk-full' } });
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`]);
    expect(await harness.call('listRecentFiles', {})).toEqual([]);
  });

  it('closing without discarding keeps it; "Don’t save" (discardBackup) deletes it', async () => {
    const { harness, doc } = await withBackup({ backupDir });
    expect(await harness.call('closeProject', { documentId: doc.documentId, discardBackup: false })).toEqual({ closed: true });
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`]);

    const second = await harness.call('newProject', { kind: 'blank' });
    await harness.call('writeBackup', { documentId: second.documentId, project: second.project });
    expect(await harness.call('closeProject', { documentId: second.documentId, discardBackup: true })).toEqual({ closed: true });
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`]);
  });

  it('Save As deletes it as well', async () => {
    const { harness, doc } = await withBackup({ backupDir, dialogs: { save: [path.join(work, 'as.plp')] } });
    expect(await harness.call('saveProjectAs', { documentId: doc.documentId, project: doc.project })).toMatchObject({ status: 'saved' });
    expect(await backupFiles()).toEqual([]);
  });
});

describe('open', () => {
  it('without a path shows the open dialog; cancelling opens nothing', async () => {
    const harness = createHarness({ backupDir, dialogs: { open: [null] } });
    expect(await harness.call('openProject', {})).toEqual({ status: 'cancelled' });
    expect(harness.dialogs.shown).toEqual([{ kind: 'open' }]);
    expect(harness.deps.documents.currentSession(1)).toBeNull();
  });

  it('the chosen file opens and goes to the top of the recent files', async () => {
    const file = await writeProjectFile('presence.plp');
    const other = await writeProjectFile('other.plp', buildMinimalProject('Other'));
    const harness = createHarness({ backupDir, dialogs: { open: [file] }, settings: { recentFiles: [other] } });
    const doc = opened(await harness.call('openProject', {}));
    expect(doc).toMatchObject({ filePath: file, unsaved: false, migratedFrom: null });
    expect(doc.project).toEqual(buildRichProject());
    expect(await harness.call('listRecentFiles', {})).toEqual([file, other]);
  });

  it('a file that no longer exists fails with not-found and leaves the recent files', async () => {
    const gone = path.join(work, 'gone.plp');
    const kept = await writeProjectFile('kept.plp');
    const harness = createHarness({ backupDir, settings: { recentFiles: [gone, kept] } });
    const outcome = await harness.call('openProject', { filePath: gone });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    expect(await harness.call('listRecentFiles', {})).toEqual([kept]);
  });

  it('a broken file fails with its typed error and stays in the recent files', async () => {
    const broken = path.join(work, 'broken.plp');
    await fsp.writeFile(broken, JSON.stringify({ schemaVersion: 99, meta: { appVersion: '9.0.0' } }));
    const harness = createHarness({ backupDir, settings: { recentFiles: [broken] } });
    const outcome = await harness.call('openProject', { filePath: broken });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'newer-version', path: '$.schemaVersion' } });
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/newer PLP Studio/);
    expect(await harness.call('listRecentFiles', {})).toEqual([broken]);
  });

  it('a relative path is refused', async () => {
    const harness = createHarness({ backupDir });
    expect(await harness.call('openProject', { filePath: 'relative.plp' })).toMatchObject({ status: 'failed', error: { code: 'invalid-path' } });
  });
});

describe('save and save as', () => {
  it('Save As adds .plp to a name without it, and suggests a safe name from the title', async () => {
    const harness = createHarness({ backupDir, dialogs: { save: [path.join(work, 'plan')] } });
    const doc = await harness.call('newProject', { kind: 'blank' });
    const project = edited(doc.project, 'Q3: "Leaders"/Managers?');
    const outcome = await harness.call('saveProjectAs', { documentId: doc.documentId, project });
    expect(outcome).toMatchObject({ status: 'saved', filePath: path.join(work, 'plan.plp') });
    expect(harness.dialogs.shown).toEqual([{ kind: 'save', suggestedFileName: 'Q3 Leaders Managers.plp' }]);
    expect(await fsp.readdir(work)).toEqual(['plan.plp']);
    expect(await harness.call('listRecentFiles', {})).toEqual([path.join(work, 'plan.plp')]);
  });

  it('a name that already ends in .plp (any case) is kept', async () => {
    const harness = createHarness({ backupDir, dialogs: { save: [path.join(work, 'Plan.PLP')] } });
    const doc = await harness.call('newProject', { kind: 'blank' });
    expect(await harness.call('saveProjectAs', { documentId: doc.documentId, project: doc.project })).toMatchObject({ filePath: path.join(work, 'Plan.PLP') });
  });

  it('adding .plp never silently replaces a file the dialog did not confirm', async () => {
    const existing = await writeProjectFile('plan.plp', buildMinimalProject('Existing'));
    const before = await fsp.readFile(existing);
    const harness = createHarness({ backupDir, dialogs: { save: [path.join(work, 'plan')] } });
    const doc = await harness.call('newProject', { kind: 'blank' });
    const outcome = await harness.call('saveProjectAs', { documentId: doc.documentId, project: doc.project });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'file-exists' } });
    expect((await fsp.readFile(existing)).equals(before)).toBe(true);
  });

  it('a saved document saves in place without a dialog; Save As always asks', async () => {
    const file = await writeProjectFile('presence.plp');
    const copy = path.join(work, 'copy.plp');
    const harness = createHarness({ backupDir, dialogs: { save: [copy] } });
    const doc = opened(await harness.call('openProject', { filePath: file }));
    expect(await harness.call('saveProject', { documentId: doc.documentId, project: edited(doc.project, 'In place') })).toMatchObject({ status: 'saved', filePath: file });
    expect(harness.dialogs.shown).toEqual([]);
    expect(await harness.call('saveProjectAs', { documentId: doc.documentId, project: edited(doc.project, 'Copy') })).toMatchObject({ status: 'saved', filePath: copy });
    expect(harness.dialogs.shown).toHaveLength(1);
    expect((await loadFromDisk(file)).meta.title).toBe('In place');
    expect((await loadFromDisk(copy)).meta.title).toBe('Copy');
    // The document now lives at the copy.
    expect(await harness.call('saveProject', { documentId: doc.documentId, project: edited(doc.project, 'Copy 2') })).toMatchObject({ filePath: copy });
  });

  it('a stale document shows no dialog and writes nothing', async () => {
    const harness = createHarness({ backupDir });
    const doc = await harness.call('newProject', { kind: 'blank' });
    await harness.call('closeProject', { documentId: doc.documentId, discardBackup: false });
    for (const name of ['saveProject', 'saveProjectAs'] as const) {
      expect(await harness.call(name, { documentId: doc.documentId, project: doc.project })).toMatchObject({ status: 'failed', error: { code: 'stale-document' } });
    }
    expect(harness.dialogs.shown).toEqual([]);
  });

  it('a dialog the script did not expect fails the request loudly', async () => {
    const harness = createHarness({ backupDir });
    const doc = await harness.call('newProject', { kind: 'blank' });
    const envelope = await harness.raw('saveProject', { documentId: doc.documentId, project: doc.project });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!envelope.ok && envelope.error.message).toMatch(/Scripted dialogs: the save dialog was shown/);
  });
});

describe('requests the contract refuses', () => {
  it('saveProject with project: {} is invalid-request; nothing is written and no dialog shown', async () => {
    const harness = createHarness({ backupDir, dialogs: { save: [path.join(work, 'x.plp')] } });
    const doc = await harness.call('newProject', { kind: 'blank' });
    const envelope = await harness.raw('saveProject', { documentId: doc.documentId, project: {} });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(harness.dialogs.shown).toEqual([]);
    expect(await fsp.readdir(work)).toEqual([]);
  });

  it.each([
    ['writeBackup', 'an incomplete project', { documentId: 'doc-abcd1234', project: { schemaVersion: 1 } }],
    ['writeBackup', 'a path as document id', { documentId: '../../etc', project: buildMinimalProject() }],
    ['restoreBackup', 'a path as backup id', { backupId: '../settings' }],
    ['discardBackup', 'a path as backup id', { backupId: 'a/b' }],
    ['openProject', 'an unknown key', { filePath: '/x.plp', extra: true }],
    ['newProject', 'an unknown kind', { kind: 'evil' }],
    ['updatePreferences', 'an unknown theme', { theme: 'pink' }],
    ['getStartupState', 'an unexpected key', { anything: 1 }],
  ] as const)('%s with %s is refused before any handler runs', async (name, _what, payload) => {
    const harness = createHarness({ backupDir });
    const envelope = await harness.raw(name, payload);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await fsp.readdir(work)).toEqual([]);
  });

  it('writeBackup for a document not open in this window writes nothing', async () => {
    const harness = createHarness({ backupDir });
    const doc = await harness.call('newProject', { kind: 'blank' }, 1);
    const envelope = await harness.raw('writeBackup', { documentId: doc.documentId, project: doc.project }, 2);
    expect(envelope.ok).toBe(false);
    expect(await backupFiles()).toEqual([]);
  });
});

describe('corrupt and foreign backups', () => {
  it('a corrupt backup file is kept aside and not offered', async () => {
    await fsp.mkdir(backupDir, { recursive: true });
    await fsp.writeFile(path.join(backupDir, 'doc-corrupt1.json'), '{"kind": "plp-studio-backup", "projectText": ');
    const before = createHarness({ backupDir });
    const doc = await before.call('newProject', { kind: 'blank' });
    await before.call('writeBackup', { documentId: doc.documentId, project: doc.project });

    const after = createHarness({ backupDir });
    const startup = await after.call('getStartupState', {});
    expect(startup.recoverableBackups.map((backup) => backup.backupId)).toEqual([doc.documentId]);
    expect(await backupFiles()).toEqual([`${doc.documentId}.json`, 'doc-corrupt1.json.corrupt'].sort());
  });

  it('a backup of a document open in another window is neither offered, restored nor discarded there', async () => {
    const harness = createHarness({ backupDir });
    const doc = await harness.call('newProject', { kind: 'blank' }, 2);
    await harness.call('writeBackup', { documentId: doc.documentId, project: doc.project }, 2);
    expect(await harness.call('listBackups', {}, 1)).toEqual([]);
    expect((await harness.call('getStartupState', {}, 1)).recoverableBackups).toEqual([]);
    expect(await harness.call('restoreBackup', { backupId: doc.documentId }, 1)).toMatchObject({ status: 'failed', error: { code: 'backup-in-use' } });
    expect(await harness.call('discardBackup', { backupId: doc.documentId }, 1)).toEqual({ discarded: false });
    // Its own window (e.g. after a renderer reload) sees it.
    expect((await harness.call('listBackups', {}, 2)).map((backup) => backup.backupId)).toEqual([doc.documentId]);
  });

  it('a backup whose project is broken fails to restore with the loader’s error and stays for the user to discard', async () => {
    await fsp.mkdir(backupDir, { recursive: true });
    const text = serializeProject(buildRichProject()).replace('"target": "n-core"', '"target": "n-ghost"');
    await fsp.writeFile(
      path.join(backupDir, 'doc-broken01.json'),
      JSON.stringify({ kind: 'plp-studio-backup', backedUpAt: '2025-01-01T00:00:00.000Z', filePath: null, title: 'Broken', projectText: text }),
    );
    const harness = createHarness({ backupDir });
    expect(await harness.call('restoreBackup', { backupId: 'doc-broken01' })).toMatchObject({ status: 'failed', error: { code: 'integrity' } });
    expect(await backupFiles()).toEqual(['doc-broken01.json']);
    expect(await harness.call('discardBackup', { backupId: 'doc-broken01' })).toEqual({ discarded: true });
  });
});

describe('startup, preferences, recent files, closing', () => {
  it('getStartupState reports the app, settings and launch file', async () => {
    const launch = path.join(work, 'launch.plp');
    const harness = createHarness({
      backupDir,
      launchFile: launch,
      settingsRecoveredFrom: '/user-data/settings.corrupt-2025.json',
      settings: { recentFiles: ['/a/one.plp'], preferences: { authorName: 'Dana', theme: 'dark' } },
    });
    expect(await harness.call('getStartupState', {})).toEqual({
      appVersion: '0.2.0',
      platform: 'linux',
      recentFiles: ['/a/one.plp'],
      preferences: { authorName: 'Dana', theme: 'dark', backupIntervalSeconds: 30 },
      recoverableBackups: [],
      launchFile: launch,
      settingsRecoveredFrom: '/user-data/settings.corrupt-2025.json',
    });
  });

  it('a blank project takes the author from the preferences; the sample comes from sampleProjectText with a fresh id', async () => {
    const sample = buildRichProject();
    const harness = createHarness({ backupDir, settings: { preferences: { authorName: 'Dana' } }, sampleText: serializeProject(sample) });
    expect((await harness.call('newProject', { kind: 'blank' })).project.meta.authors).toEqual(['Dana']);
    const fromSample = await harness.call('newProject', { kind: 'sample' });
    expect(fromSample.project.meta.title).toBe(sample.meta.title);
    expect(fromSample.project.capabilities).toEqual(sample.capabilities);
    expect(fromSample.project.meta.id).not.toBe(sample.meta.id);
  });

  it('the bundled sample (resources/sample/executive-presence.plp) becomes a new, never-saved project', async () => {
    const sampleText = await fsp.readFile(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/sample/executive-presence.plp'), 'utf8');
    const bundled = parseProjectText(sampleText);
    expect(bundled.ok).toBe(true);
    const harness = createHarness({ backupDir, sampleText });
    const doc = await harness.call('newProject', { kind: 'sample' });
    expect(doc).toMatchObject({ filePath: null, unsaved: false });
    expect(bundled.ok && doc.project.meta.title).toBe(bundled.ok && bundled.value.project.meta.title);
    expect(bundled.ok && doc.project.meta.id).not.toBe(bundled.ok && bundled.value.project.meta.id);
  });

  it('updatePreferences merges a partial patch', async () => {
    const harness = createHarness({ backupDir });
    expect(await harness.call('updatePreferences', { theme: 'dark' })).toEqual({ authorName: '', theme: 'dark', backupIntervalSeconds: 30 });
    expect(await harness.call('updatePreferences', { backupIntervalSeconds: 60, authorName: 'Kim' })).toEqual({ authorName: 'Kim', theme: 'dark', backupIntervalSeconds: 60 });
  });

  it('clearRecentFiles empties the list', async () => {
    const harness = createHarness({ backupDir, settings: { recentFiles: ['/a/one.plp', '/a/two.plp'] } });
    expect(await harness.call('clearRecentFiles', {})).toEqual([]);
    expect(await harness.call('listRecentFiles', {})).toEqual([]);
  });

  it('confirmClose asks the window port and forgets the window’s document when it closes', async () => {
    const harness = createHarness({ backupDir });
    const doc = await harness.call('newProject', { kind: 'blank' }, 3);
    expect(await harness.call('confirmClose', {}, 3)).toEqual({ closing: true });
    expect(harness.closeRequests).toEqual([3]);
    expect(harness.deps.documents.currentSession(3)).toBeNull();
    expect(await harness.call('closeProject', { documentId: doc.documentId, discardBackup: false }, 3)).toEqual({ closed: false });
  });

  it('confirmClose that does not close keeps the document', async () => {
    const harness = createHarness({ backupDir, closing: false });
    await harness.call('newProject', { kind: 'blank' });
    expect(await harness.call('confirmClose', {})).toEqual({ closing: false });
    expect(harness.deps.documents.currentSession(1)).not.toBeNull();
  });
});

describe('shape of the API', () => {
  it('createStudioHandlers implements every request of the contract', () => {
    const harness = createHarness({ backupDir });
    const handlers = createStudioHandlers(harness.deps);
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_NAMES].sort());
    expectTypeOf(createStudioHandlers).returns.toEqualTypeOf<MainHandlers>();
    expectTypeOf<StudioDeps['settings']>().toEqualTypeOf<SettingsPort>();
  });

  it('the real SettingsService fits SettingsPort (checked by the compiler)', () => {
    expectTypeOf<SettingsService>().toMatchTypeOf<SettingsPort>();
  });

  it.each([
    ['Executive presence', 'Executive presence.plp'],
    ['  ../../etc/passwd  ', 'etc passwd.plp'],
    ['a\u202egpj.exe', 'agpj.exe.plp'],
    ['CON', 'CON project.plp'],
    ['...', 'Untitled project.plp'],
    ['tab\there\nnewline', 'tab here newline.plp'],
    ['x'.repeat(300), `${'x'.repeat(100)}.plp`],
  ])('suggestedFileName(%j) = %j', (title, expected) => {
    expect(suggestedFileName(title)).toBe(expected);
  });

  it.each([
    ['/a/plan', '/a/plan.plp'],
    ['/a/plan.plp', '/a/plan.plp'],
    ['/a/plan.PLP', '/a/plan.PLP'],
    ['/a/plan.json', '/a/plan.json.plp'],
    ['/a/plan.', '/a/plan.plp'],
  ])('withPlpExtension(%j) = %j', (input, expected) => {
    expect(withPlpExtension(input)).toBe(expected);
  });
});
