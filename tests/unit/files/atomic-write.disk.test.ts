// Real kernels, real errors: a tiny tmpfs that fills up, and one remounted read-only.
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../../electron/services/files/atomic-write';
import { SaveError, nodeAtomicFs, writeFileAtomic } from '../../../electron/services/files/atomic-write';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-disk-'));
const mounted: string[] = [];

function requireRootOnLinux(): void {
  expect(process.platform, 'these tests mount tmpfs file systems: they need Linux').toBe('linux');
  expect(process.getuid?.(), 'these tests mount tmpfs file systems: run them as root (CI and the dev container do)').toBe(0);
}

async function mountTmpfs(options: string): Promise<string> {
  requireRootOnLinux();
  const dir = await fsp.mkdtemp(path.join(root, 'mnt-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  mounted.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
  }
});
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

async function saveError(promise: Promise<unknown>): Promise<SaveError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SaveError);
  return error as SaveError;
}

describe('writeFileAtomic on real file systems', () => {
  it('a full disk (256 KB tmpfs) gives disk-full and leaves the previous file byte-identical', async () => {
    const dir = await mountTmpfs('size=256k');
    const target = path.join(dir, 'plan.plp');
    const small = Buffer.from(JSON.stringify({ plan: 'small but valid', goals: ['read', 'write'] }));
    await writeFileAtomic(target, small);

    const { bavail, bsize } = await fsp.statfs(dir);
    const filler = path.join(dir, 'filler.bin');
    await fsp.writeFile(filler, Buffer.alloc(bavail * bsize - 64 * 1024, 0x7a));
    const payload = Buffer.from(JSON.stringify({ plan: 'big', pad: 'x'.repeat(200 * 1024) }));

    // Record what the kernel answers, to prove the short write that fools other writers happened.
    const writes: { asked: number; written: number }[] = [];
    const recording: AtomicFs = {
      ...nodeAtomicFs,
      async open(filePath, flags, mode) {
        const handle = await nodeAtomicFs.open(filePath, flags, mode);
        return {
          sync: () => handle.sync(),
          chmod: (m) => handle.chmod(m),
          close: () => handle.close(),
          async write(buffer, offset, length, position) {
            const result = await handle.write(buffer, offset, length, position);
            writes.push({ asked: length, written: result.bytesWritten });
            return result;
          },
        };
      },
    };

    const error = await saveError(writeFileAtomic(target, payload, { fs: recording }));
    expect(error.code).toBe('disk-full');
    expect(writes[0]!.written).toBeGreaterThan(0);
    expect(writes[0]!.written).toBeLessThan(writes[0]!.asked);
    expect(error.cause).toMatchObject({ code: 'ENOSPC' });
    expect((await fsp.readFile(target)).equals(small)).toBe(true);
    expect((await fsp.readdir(dir)).sort()).toEqual(['filler.bin', 'plan.plp']);

    // Same save with space freed: proves the failure was the disk, not the payload.
    await fsp.unlink(filler);
    await writeFileAtomic(target, payload);
    expect((await fsp.readFile(target)).equals(payload)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(['plan.plp']);
  });

  it('a read-only file system gives read-only and leaves the file intact', async () => {
    const dir = await mountTmpfs('size=256k');
    const target = path.join(dir, 'plan.plp');
    const content = Buffer.from('{"plan":"saved before the drive became read-only"}');
    await writeFileAtomic(target, content);
    execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'pipe' });

    const error = await saveError(writeFileAtomic(target, '{"plan":"new"}'));
    expect(error.code).toBe('read-only');
    expect(error.cause).toMatchObject({ code: 'EROFS' });
    expect(error.message).toContain('read-only');
    expect((await fsp.readFile(target)).equals(content)).toBe(true);
    expect(await fsp.readdir(dir)).toEqual(['plan.plp']);
  });
});
