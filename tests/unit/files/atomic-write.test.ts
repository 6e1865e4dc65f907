import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { SaveErrorCode } from '../../../electron/services/files/atomic-write';
import { SaveError, removeStaleTempFiles, writeFileAtomic } from '../../../electron/services/files/atomic-write';
import { errno, faultyFs } from './fault-fs';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-atomic-'));
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

let dir: string;
let target: string;
const OLD = Buffer.from('{"plan":"previous version, must survive every failed save"}\n');
const NEW = Buffer.from(JSON.stringify({ plan: 'new version', items: Array.from({ length: 500 }, (_, i) => `item ${i}`) }));

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(root, 'case-'));
  target = path.join(dir, 'plan.plp');
});

const listDir = async (folder = dir) => (await fsp.readdir(folder)).sort();

async function expectSaveError(promise: Promise<unknown>, code: SaveErrorCode): Promise<SaveError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a SaveError '${code}'`).toBeInstanceOf(SaveError);
  const saveError = error as SaveError;
  expect(saveError.code).toBe(code);
  return saveError;
}

/** The target holds exactly OLD and nothing else is in the folder. */
async function expectOldFileIntact(): Promise<void> {
  expect((await fsp.readFile(target)).equals(OLD)).toBe(true);
  expect(await listDir()).toEqual(['plan.plp']);
}

describe('writeFileAtomic: happy path', () => {
  it('creates a new file', async () => {
    await writeFileAtomic(target, NEW);
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('overwrites an existing file', async () => {
    await fsp.writeFile(target, OLD);
    await writeFileAtomic(target, NEW);
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('writes unicode text as UTF-8, including a unicode file name', async () => {
    const text = 'Plan für Zoë: 学习计划 🧑‍🎓 — naïve café, e\u0301, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n';
    const unicodeTarget = path.join(dir, 'plán 学习 🧑‍🎓.plp');
    await writeFileAtomic(unicodeTarget, text);
    expect(await fsp.readFile(unicodeTarget, 'utf8')).toBe(text);
    expect((await fsp.readFile(unicodeTarget)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(await listDir()).toEqual(['plán 学习 🧑‍🎓.plp']);
  });

  it('writes 10 MB of content exactly', async () => {
    await fsp.writeFile(target, OLD);
    const big = randomBytes(10 * 1024 * 1024);
    await writeFileAtomic(target, big);
    expect((await fsp.readFile(target)).equals(big)).toBe(true);
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('writes empty content', async () => {
    await fsp.writeFile(target, OLD);
    await writeFileAtomic(target, '');
    expect((await fsp.stat(target)).size).toBe(0);
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('keeps the mode of an existing file, and uses options.mode for a new one', async () => {
    await fsp.writeFile(target, OLD);
    await fsp.chmod(target, 0o640);
    await writeFileAtomic(target, NEW);
    expect((await fsp.stat(target)).mode & 0o7777).toBe(0o640);

    const fresh = path.join(dir, 'fresh.plp');
    await writeFileAtomic(fresh, NEW, { mode: 0o600 });
    expect((await fsp.stat(fresh)).mode & 0o7777).toBe(0o600);

    const defaulted = path.join(dir, 'defaulted.plp');
    await writeFileAtomic(defaulted, NEW);
    expect((await fsp.stat(defaulted)).mode & 0o7777 & ~0o644).toBe(0);
  });

  it('writes through a symlink instead of replacing it', async () => {
    const realDir = await fsp.mkdtemp(path.join(root, 'real-'));
    const realFile = path.join(realDir, 'real.plp');
    await fsp.writeFile(realFile, OLD);
    await fsp.symlink(realFile, target);
    await writeFileAtomic(target, NEW);
    expect((await fsp.lstat(target)).isSymbolicLink()).toBe(true);
    expect((await fsp.readFile(realFile)).equals(NEW)).toBe(true);
    expect(await listDir(realDir)).toEqual(['real.plp']);
  });

  it('concurrent saves to one file leave exactly one complete version', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.from(`${i}`.repeat(50_000 + i)));
    await Promise.all(versions.map((v) => writeFileAtomic(target, v)));
    const result = await fsp.readFile(target);
    expect(versions.some((v) => v.equals(result))).toBe(true);
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('survives short writes and a few zero-byte writes that then make progress', async () => {
    await fsp.writeFile(target, OLD);
    const { fs, stats } = faultyFs({ zeroWritesFirst: 2, maxWriteBytes: 1000 });
    await writeFileAtomic(target, NEW, { fs });
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(stats.writeCalls).toBe(2 + Math.ceil(NEW.length / 1000));
    expect(stats.openHandles).toBe(0);
  });
});

describe('writeFileAtomic: injected faults', () => {
  beforeEach(() => fsp.writeFile(target, OLD));

  it('(a) short writes of at most 7 bytes still produce the full file', async () => {
    const { fs, stats } = faultyFs({ maxWriteBytes: 7 });
    await writeFileAtomic(target, NEW, { fs });
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(stats.writeCalls).toBe(Math.ceil(NEW.length / 7));
    expect(await listDir()).toEqual(['plan.plp']);
  });

  it('(b) ENOSPC after N bytes: disk-full, old file byte-identical, no temp file', async () => {
    const { fs, stats } = faultyFs({ failWriteAt: { bytes: 1234, code: 'ENOSPC' }, maxWriteBytes: 1000 });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'disk-full');
    expect(stats.bytesWritten).toBe(1234);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(error.path).toBe(target);
    expect(error.message).toBe(
      'The disk is full: PLP Studio could not save "plan.plp". Your previous file is unchanged. Free some space or save to another location.',
    );
    expect(stats.openHandles).toBe(0);
    await expectOldFileIntact();
  });

  it('(b2) EDQUOT reported late, at close (as NFS does): disk-full, old file intact', async () => {
    const { fs, stats } = faultyFs({ closeError: 'EDQUOT' });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'disk-full');
    expect(stats.openHandles).toBe(0);
    await expectOldFileIntact();
  });

  it('(c) writes that return 0 bytes forever: disk-full, no endless loop', async () => {
    const { fs, stats } = faultyFs({ zeroWritesAt: 100 });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'disk-full');
    expect(stats.writeCalls).toBeLessThanOrEqual(5);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    await expectOldFileIntact();
  });

  it('(d) fsync failure (EIO): io, old file intact, handle closed', async () => {
    const { fs, stats } = faultyFs({ syncError: 'EIO' });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    expect(error.targetReplaced).toBe(false);
    expect(error.message).toContain('Your previous file is unchanged.');
    expect(stats.openHandles).toBe(0);
    await expectOldFileIntact();
  });

  it('(e) rename failure (EBUSY): locked, old file intact, temp removed', async () => {
    const { fs, stats } = faultyFs({ renameError: 'EBUSY' });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'locked');
    expect(stats.tempPaths).toHaveLength(1);
    await expect(fsp.access(stats.tempPaths[0]!)).rejects.toThrow();
    await expectOldFileIntact();
  });

  it('(f) temp file size differs from the data: io, old file intact', async () => {
    const { fs } = faultyFs({ tempSizeDelta: -1 });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    await expectOldFileIntact();
  });

  it('(f2) temp file content differs from the data: io, old file intact', async () => {
    const { fs } = faultyFs({ corruptWrites: true });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    await expectOldFileIntact();
  });

  it('a write layer reporting more bytes than asked: io, old file intact', async () => {
    const { fs } = faultyFs({ overReportWrites: true });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    await expectOldFileIntact();
  });

  it('chmod failure while preserving the mode: permission-denied, old file intact', async () => {
    const { fs, stats } = faultyFs({ chmodError: 'EPERM' });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'permission-denied');
    expect(stats.openHandles).toBe(0);
    await expectOldFileIntact();
  });

  it.each<[string, SaveErrorCode]>([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EBUSY', 'locked'],
    ['ETXTBSY', 'locked'],
    ['EAGAIN', 'locked'],
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['ENOENT', 'io'], // the folder exists, so a vanished temp file is not "folder missing"
    ['EIO', 'io'],
    ['EMFILE', 'io'],
  ])('maps %s to %s', async (code, expected) => {
    const { fs } = faultyFs({ openError: errno(code) });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), expected);
    expect(error.cause).toMatchObject({ code });
    await expectOldFileIntact();
  });

  it('maps an error without errno code to io', async () => {
    const { fs } = faultyFs({ openError: new TypeError('boom') });
    await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    await expectOldFileIntact();
  });

  it.each<[string, SaveErrorCode]>([
    ['ENOSPC', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EBUSY', 'locked'],
    ['EACCES', 'permission-denied'],
    ['EIO', 'io'],
  ])('the %s message names the file, says the old file is safe, and gives a next step', async (code, expected) => {
    const { fs } = faultyFs({ openError: errno(code) });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), expected);
    expect(error.name).toBe('SaveError');
    expect(error.message).toContain('"plan.plp"');
    expect(error.message).toContain('Your previous file is unchanged.');
    expect(error.message).toMatch(/try again|another location/i);
  });
});

describe('writeFileAtomic: folder problems and folder fsync', () => {
  it('a missing folder is folder-missing', async () => {
    const missing = path.join(dir, 'gone', 'plan.plp');
    const error = await expectSaveError(writeFileAtomic(missing, NEW), 'folder-missing');
    expect(error.message).toContain('The folder no longer exists');
    expect(await listDir()).toEqual([]);
  });

  it('a file where the folder should be is folder-missing', async () => {
    await fsp.writeFile(path.join(dir, 'notadir'), OLD);
    await expectSaveError(writeFileAtomic(path.join(dir, 'notadir', 'plan.plp'), NEW), 'folder-missing');
  });

  it.each(['EISDIR', 'EINVAL', 'EPERM'])('ignores %s when the platform cannot open a folder (Windows)', async (code) => {
    const { fs, stats } = faultyFs({ dirOpenError: code });
    await writeFileAtomic(target, NEW, { fs });
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(stats.openHandles).toBe(0);
  });

  it.each(['EISDIR', 'EINVAL', 'EPERM'])('ignores %s from fsync of a folder', async (code) => {
    const { fs, stats } = faultyFs({ dirSyncError: code });
    await writeFileAtomic(target, NEW, { fs });
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(stats.openHandles).toBe(0);
  });

  it('a real disk error from fsync of the folder is reported, saying the file was replaced', async () => {
    await fsp.writeFile(target, OLD);
    const { fs, stats } = faultyFs({ dirSyncError: 'EIO' });
    const error = await expectSaveError(writeFileAtomic(target, NEW, { fs }), 'io');
    expect(error.targetReplaced).toBe(true);
    expect(error.message).toContain('save again');
    expect((await fsp.readFile(target)).equals(NEW)).toBe(true);
    expect(stats.openHandles).toBe(0);
  });
});

describe('writeFileAtomic: property', () => {
  it('for any content and any short-write size 1..64, the file equals the content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 1000 })),
        fc.integer({ min: 1, max: 64 }),
        async (content, chunk) => {
          const { fs, stats } = faultyFs({ maxWriteBytes: chunk });
          await writeFileAtomic(target, content, { fs });
          const expected = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
          expect((await fsp.readFile(target)).equals(expected)).toBe(true);
          expect(stats.writeCalls).toBe(Math.ceil(expected.length / chunk));
          expect(await listDir()).toEqual(['plan.plp']);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only old temp files of that file', async () => {
    await fsp.writeFile(target, OLD);
    const old1 = path.join(dir, '.plan.plp.1234.0123456789ab.tmp');
    const old2 = path.join(dir, '.plan.plp.99.abcdefabcdef.tmp');
    const fresh = path.join(dir, '.plan.plp.1234.ffffffffffff.tmp');
    const otherFile = path.join(dir, '.other.plp.1234.0123456789ab.tmp');
    const lookalike = path.join(dir, '.plan.plp.1234.xyz.tmp');
    const hour = Date.now() / 1000 - 3600;
    for (const file of [old1, old2, fresh, otherFile, lookalike]) await fsp.writeFile(file, 'partial');
    for (const file of [old1, old2, otherFile, lookalike]) await fsp.utimes(file, hour, hour);

    const removed = await removeStaleTempFiles(dir, 'plan.plp', 60_000);
    expect(removed.sort()).toEqual([old1, old2].sort());
    expect(await listDir()).toEqual(['.other.plp.1234.0123456789ab.tmp', '.plan.plp.1234.ffffffffffff.tmp', '.plan.plp.1234.xyz.tmp', 'plan.plp']);
  });

  it('matches the names writeFileAtomic really uses, including very long file names', async () => {
    const longName = `${'長い名前'.repeat(15)}.plp`; // 180 bytes + '.plp': temp stem is truncated
    const longTarget = path.join(dir, longName);
    const { fs, stats } = faultyFs({ renameError: 'EBUSY' });
    // Keep the temp file: make the cleanup unlink fail once.
    const keepTemp = { ...fs, unlink: async () => Promise.reject(errno('EIO')) };
    await expectSaveError(writeFileAtomic(longTarget, NEW, { fs: keepTemp }), 'locked');
    const temp = stats.tempPaths[0]!;
    expect(Buffer.byteLength(path.basename(temp))).toBeLessThanOrEqual(255);
    const past = Date.now() / 1000 - 10;
    await fsp.utimes(temp, past, past);
    expect(await removeStaleTempFiles(dir, longName, 1000)).toEqual([temp]);
    expect(await listDir()).toEqual([]);
  });

  it('returns [] for a missing folder', async () => {
    expect(await removeStaleTempFiles(path.join(dir, 'nope'), 'plan.plp', 0)).toEqual([]);
  });
});
