import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nodeAtomicFs, writeFileAtomic, type AtomicFs } from '../../../electron/services/files/atomic-write';
import { ProjectDocumentService, type AtomicWriter, type DocumentFs } from '../../../electron/services/projects/project-documents';

export const NOW = new Date('2025-02-03T04:05:06.000Z');
export const APP_VERSION = '0.2.0';

export async function makeTempDir(prefix = 'plp-projects-'): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), prefix));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** doc-test0001, doc-test0002, … */
export function sequentialDocumentIds(): () => string {
  let next = 0;
  return () => `doc-test${String(++next).padStart(4, '0')}`;
}

export function createDocuments(options: { write?: AtomicWriter; fs?: DocumentFs; now?: () => Date } = {}): ProjectDocumentService {
  return new ProjectDocumentService({
    ...(options.fs ? { fs: options.fs } : {}),
    write: options.write ?? ((target, data) => writeFileAtomic(target, data)),
    now: options.now ?? (() => NOW),
    appVersion: APP_VERSION,
    newDocumentId: sequentialDocumentIds(),
  });
}

export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure`), { code });
}

/** The real file system, except that the disk fills up after `bytesBeforeFull` bytes of any new (temp) file. */
export function fullDiskFs(bytesBeforeFull: number): AtomicFs {
  return {
    ...nodeAtomicFs,
    async open(filePath, flags, mode) {
      const real = await nodeAtomicFs.open(filePath, flags, mode);
      if (flags !== 'wx') return real;
      let written = 0;
      return {
        async write(buffer, offset, length, position) {
          if (written >= bytesBeforeFull) throw errno('ENOSPC');
          const allowed = Math.min(length, bytesBeforeFull - written);
          const result = await real.write(buffer, offset, allowed, position);
          written += result.bytesWritten;
          return result;
        },
        sync: () => real.sync(),
        chmod: (m) => real.chmod(m),
        close: () => real.close(),
      };
    },
  };
}

/** Every file in `dir` (recursively) with its bytes and mtime: to prove nothing was written. */
export async function snapshotDir(dir: string): Promise<Map<string, { sha256: string; mtimeMs: number }>> {
  const result = new Map<string, { sha256: string; mtimeMs: number }>();
  for (const entry of await fsp.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const [bytes, stats] = await Promise.all([fsp.readFile(full), fsp.stat(full)]);
    result.set(path.relative(dir, full), { sha256: sha256(bytes), mtimeMs: stats.mtimeMs });
  }
  return result;
}
