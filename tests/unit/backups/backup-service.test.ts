import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupService, BACKUP_KIND } from '../../../electron/services/backups/backup-service';
import { SaveError, writeFileAtomic } from '../../../electron/services/files/atomic-write';
import type { AtomicWriter } from '../../../electron/services/projects/project-documents';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { BackupSummarySchema } from '../../../shared/ipc/contract';
import { buildMinimalProject, buildRichProject } from '../domain/rich-project';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-backups-'));
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

let dir: string;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  dir = path.join(await fsp.mkdtemp(path.join(root, 'case-')), 'backups'); // not created yet
  clock = Date.parse('2025-03-01T10:00:00.000Z');
});

function service(write: AtomicWriter = (target, data) => writeFileAtomic(target, data)): BackupService {
  return new BackupService({ dir, write, now });
}

const tick = (ms = 1_000) => {
  clock += ms;
};

describe('write', () => {
  it('creates the folder and writes <documentId>.json with the envelope, atomically', async () => {
    const write = vi.fn<AtomicWriter>((target, data) => writeFileAtomic(target, data));
    const backups = service(write);
    const project = buildRichProject();
    const fingerprint = { mtimeMs: 5, size: 10, sha256: 'a'.repeat(64) };
    const { backedUpAt } = await backups.write('doc-abc12345', { title: 'Presence', filePath: '/work/p.plp', project, baseFingerprint: fingerprint });
    expect(backedUpAt).toBe('2025-03-01T10:00:00.000Z');
    expect(write).toHaveBeenCalledOnce();
    expect(write.mock.calls[0]![0]).toBe(path.join(dir, 'doc-abc12345.json'));

    const file = JSON.parse(await fsp.readFile(path.join(dir, 'doc-abc12345.json'), 'utf8')) as Record<string, unknown>;
    expect(file).toEqual({ kind: BACKUP_KIND, backedUpAt, filePath: '/work/p.plp', title: 'Presence', projectText: serializeProject(project), baseFingerprint: fingerprint });
    const parsed = parseProjectText(file['projectText'] as string);
    expect(parsed.ok && parsed.value.project).toEqual(project);
  });

  it('a second write replaces the first', async () => {
    const backups = service();
    await backups.write('doc-abc12345', { title: 'One', filePath: null, project: buildMinimalProject('One') });
    tick();
    await backups.write('doc-abc12345', { title: 'Two', filePath: null, project: buildMinimalProject('Two') });
    const listed = await backups.list();
    expect(listed).toEqual([{ backupId: 'doc-abc12345', title: 'Two', filePath: null, backedUpAt: '2025-03-01T10:00:01.000Z' }]);
    expect(await fsp.readdir(dir)).toEqual(['doc-abc12345.json']);
  });

  it('a failed write (disk full) rejects and leaves the previous backup intact', async () => {
    const good = service();
    await good.write('doc-abc12345', { title: 'Kept', filePath: null, project: buildMinimalProject('Kept') });
    const before = await fsp.readFile(path.join(dir, 'doc-abc12345.json'));
    const failing = service((target) => Promise.reject(new SaveError('disk-full', target)));
    await expect(failing.write('doc-abc12345', { title: 'Lost', filePath: null, project: buildMinimalProject('Lost') })).rejects.toThrow(/disk is full/);
    expect((await fsp.readFile(path.join(dir, 'doc-abc12345.json'))).equals(before)).toBe(true);
  });

  it('refuses ids that are not plain names', async () => {
    const backups = service();
    for (const id of ['../escape', 'a/b', '', 'x'.repeat(81), 'doc.json']) {
      await expect(backups.write(id, { title: 't', filePath: null, project: buildMinimalProject() })).rejects.toThrow(/backup id/);
    }
  });

  it('writes and discards of one backup run in order: a discard right after a write leaves nothing', async () => {
    const backups = service();
    const writing = backups.write('doc-abc12345', { title: 'Racing', filePath: null, project: buildRichProject() });
    const discarding = backups.discard('doc-abc12345');
    await writing;
    expect(await discarding).toBe(true);
    expect(await backups.list()).toEqual([]);
  });
});

describe('list', () => {
  it('is empty when the folder does not exist yet', async () => {
    expect(await service().list()).toEqual([]);
  });

  it('lists newest first, each a valid BackupSummary', async () => {
    const backups = service();
    await backups.write('doc-old00001', { title: 'Old', filePath: '/a/old.plp', project: buildMinimalProject('Old') });
    tick(60_000);
    await backups.write('doc-new00001', { title: 'New', filePath: null, project: buildMinimalProject('New') });
    tick(1_000);
    await backups.write('doc-mid00001', { title: 'Mid', filePath: null, project: buildMinimalProject('Mid') });
    const listed = await backups.list();
    expect(listed.map((backup) => backup.title)).toEqual(['Mid', 'New', 'Old']);
    for (const backup of listed) expect(BackupSummarySchema.safeParse(backup).success).toBe(true);
    expect(listed[2]).toMatchObject({ backupId: 'doc-old00001', filePath: '/a/old.plp' });
  });

  it('keeps unreadable backups aside as .corrupt, never crashes, and still lists the good ones', async () => {
    const backups = service();
    await backups.write('doc-good0001', { title: 'Good', filePath: null, project: buildMinimalProject('Good') });
    const broken = {
      'doc-json0001.json': '{ "kind": "plp-studio-backup", ',
      'doc-shape001.json': JSON.stringify({ kind: 'something-else', projectText: 1 }),
      'doc-empty001.json': '',
      'doc-binary01.json': Buffer.from([0xff, 0xfe, 0x00, 0x81]),
      'doc-proto001.json': '{"__proto__": {"polluted": true}}',
    };
    for (const [name, content] of Object.entries(broken)) await fsp.writeFile(path.join(dir, name), content);
    await fsp.writeFile(path.join(dir, 'notes.txt'), 'not a backup, not ours');
    await fsp.writeFile(path.join(dir, 'not an id.json'), 'garbage, but not named like ours');

    const scan = await backups.scan();
    expect(scan.backups.map((backup) => backup.backupId)).toEqual(['doc-good0001']);
    expect(scan.keptAside.map((p) => path.basename(p)).sort()).toEqual(Object.keys(broken).map((name) => `${name}.corrupt`).sort());
    const names = (await fsp.readdir(dir)).sort();
    for (const name of Object.keys(broken)) {
      expect(names).not.toContain(name);
      expect(names).toContain(`${name}.corrupt`);
    }
    // Kept byte for byte, for a person to look at; files that are not ours are left alone.
    expect(await fsp.readFile(path.join(dir, 'doc-json0001.json.corrupt'), 'utf8')).toBe(broken['doc-json0001.json']);
    expect(names).toContain('notes.txt');
    expect(names).toContain('not an id.json');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();

    // A second look finds nothing new to keep aside.
    expect(await backups.scan()).toEqual({ backups: scan.backups, keptAside: [] });
  });

  it('never overwrites an earlier .corrupt copy', async () => {
    const backups = service();
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(dir, 'doc-twice001.json'), 'first');
    await backups.list();
    await fsp.writeFile(path.join(dir, 'doc-twice001.json'), 'second');
    tick();
    await backups.list();
    const corrupt = (await fsp.readdir(dir)).filter((name) => name.endsWith('.corrupt'));
    expect(corrupt).toHaveLength(2);
    const contents = await Promise.all(corrupt.map((name) => fsp.readFile(path.join(dir, name), 'utf8')));
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('a folder named like a backup is kept aside, not a crash', async () => {
    await fsp.mkdir(path.join(dir, 'doc-folder01.json'), { recursive: true });
    expect(await service().list()).toEqual([]);
  });

  it('removes temp files of interrupted backup writes once they are stale', async () => {
    await fsp.mkdir(dir, { recursive: true });
    const stale = path.join(dir, '.doc-abc12345.json.4242.0123456789ab.tmp');
    const fresh = path.join(dir, '.doc-abc12345.json.4243.ba9876543210.tmp');
    await fsp.writeFile(stale, 'half a backup');
    await fsp.writeFile(fresh, 'a backup being written right now');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fsp.utimes(stale, old, old);
    await service().list();
    const names = await fsp.readdir(dir);
    expect(names).not.toContain(path.basename(stale));
    expect(names).toContain(path.basename(fresh));
  });
});

describe('read and discard', () => {
  it('reads the project back with its title, file path and base fingerprint', async () => {
    const backups = service();
    const project = buildRichProject();
    await backups.write('doc-abc12345', { title: 'Presence', filePath: '/work/p.plp', project, baseFingerprint: null });
    const read = await backups.read('doc-abc12345');
    expect(read).toEqual({
      ok: true,
      value: { backupId: 'doc-abc12345', title: 'Presence', filePath: '/work/p.plp', backedUpAt: '2025-03-01T10:00:00.000Z', project, migratedFrom: null, baseFingerprint: null },
    });
  });

  it('a missing backup is backup-not-found; an invalid id too, without touching the disk', async () => {
    const backups = service();
    expect(await backups.read('doc-none0001')).toMatchObject({ ok: false, error: { code: 'backup-not-found' } });
    expect(await backups.read('../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'backup-not-found' } });
  });

  it('a backup whose project text is not a valid project gives the loader’s error, on one line', async () => {
    await fsp.mkdir(dir, { recursive: true });
    const text = serializeProject(buildRichProject()).replace('"target": "n-core"', '"target": "n-ghost"');
    const envelope = { kind: BACKUP_KIND, backedUpAt: '2025-01-01T00:00:00.000Z', filePath: null, title: 'Broken', projectText: text };
    await fsp.writeFile(path.join(dir, 'doc-broken01.json'), JSON.stringify(envelope));
    const read = await service().read('doc-broken01');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatchObject({ code: 'integrity', path: '$.frameworks[0].edges[0].target' });
    expect(read.error.message).toContain('Broken');
    expect(read.error.message).not.toMatch(/\n/);
  });

  it('a corrupt backup read is backup-corrupt and kept aside', async () => {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(dir, 'doc-corrupt1.json'), '{{{');
    const read = await service().read('doc-corrupt1');
    expect(read).toMatchObject({ ok: false, error: { code: 'backup-corrupt' } });
    expect(await fsp.readdir(dir)).toEqual(['doc-corrupt1.json.corrupt']);
  });

  it('discard deletes once, then reports there was nothing; invalid ids are never paths', async () => {
    const backups = service();
    await backups.write('doc-abc12345', { title: 't', filePath: null, project: buildMinimalProject() });
    expect(await backups.discard('doc-abc12345')).toBe(true);
    expect(await backups.discard('doc-abc12345')).toBe(false);
    expect(await backups.discard('../outside')).toBe(false);
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});
