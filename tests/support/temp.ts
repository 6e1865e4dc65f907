/** Temp folders and a real, small, full-able disk (tmpfs) for tests that must hit the kernel. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(prefix = 'plp-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function requireRoot(reason: string): void {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(`This test needs root on Linux to ${reason} (tests run as root locally and in CI).`);
  }
}

/** Mounts a tmpfs of `size` (e.g. '256k') on a new temp folder. */
export function mountTmpfs(size: string): { dir: string; unmount(): void } {
  requireRoot('mount a small tmpfs and fill it up');
  const { dir, remove } = makeTempDir('plp-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      remove();
    },
  };
}
