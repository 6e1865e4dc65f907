// Crash-safe saving: write a temp file next to the target, prove it is complete, then rename it over
// the target. Popular packages (write-file-atomic, atomically) ignore short writes and were seen
// replacing a good file with a truncated one on a full disk; every step here is checked instead.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

export type SaveErrorCode = 'disk-full' | 'read-only' | 'locked' | 'permission-denied' | 'folder-missing' | 'io';

export class SaveError extends Error {
  readonly code: SaveErrorCode;
  readonly path: string;
  /** True only when the new content already replaced the target but could not be confirmed durable. */
  readonly targetReplaced: boolean;

  constructor(code: SaveErrorCode, targetPath: string, options: { cause?: unknown; targetReplaced?: boolean } = {}) {
    const targetReplaced = options.targetReplaced ?? false;
    super(saveErrorMessage(code, targetPath, targetReplaced), { cause: options.cause });
    this.name = 'SaveError';
    this.code = code;
    this.path = targetPath;
    this.targetReplaced = targetReplaced;
  }
}

function saveErrorMessage(code: SaveErrorCode, targetPath: string, targetReplaced: boolean): string {
  const name = path.basename(targetPath);
  if (targetReplaced) {
    return `PLP Studio saved "${name}", but the system reported a disk error while confirming it was written to disk. Check the drive and save again to be safe.`;
  }
  const unchanged = 'Your previous file is unchanged.';
  switch (code) {
    case 'disk-full':
      return `The disk is full: PLP Studio could not save "${name}". ${unchanged} Free some space or save to another location.`;
    case 'read-only':
      return `The location is read-only: PLP Studio could not save "${name}". ${unchanged} Save to another location, or check that the drive is not write-protected.`;
    case 'locked':
      return `The file is in use by another program: PLP Studio could not save "${name}". ${unchanged} Close the other program (a sync client or virus scanner, for example) and try again.`;
    case 'permission-denied':
      return `You do not have permission to save here: PLP Studio could not save "${name}". ${unchanged} Save to another location, or ask for write access to this folder.`;
    case 'folder-missing':
      return `The folder no longer exists: PLP Studio could not save "${name}". Nothing was written. Reconnect the drive if it was removed, or save to another location.`;
    case 'io':
      return `A disk error stopped PLP Studio from saving "${name}". ${unchanged} Try again, or save to another location.`;
  }
}

export interface AtomicFileHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
}

/** The slice of node:fs/promises the writer needs; tests inject faults through it. */
export interface AtomicFs {
  open(filePath: string, flags: 'wx' | 'r', mode?: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ size: number; mode: number }>;
  realpath(filePath: string): Promise<string>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export const nodeAtomicFs: AtomicFs = {
  open: (filePath, flags, mode) => fsp.open(filePath, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (filePath) => fsp.unlink(filePath),
  stat: (filePath) => fsp.stat(filePath),
  realpath: (filePath) => fsp.realpath(filePath),
  readFile: (filePath) => fsp.readFile(filePath),
};

export interface WriteFileAtomicOptions {
  fs?: AtomicFs;
  /** Mode for a new file (umask applies). An existing target keeps its own mode. Default 0o644. */
  mode?: number;
  /** 'content' (default) also reads the temp file back and compares it byte for byte. */
  verify?: 'size' | 'content';
}

/** Consecutive zero-byte writes tolerated before giving up; some filesystems return 0 instead of ENOSPC. */
const MAX_ZERO_WRITES = 3;

export async function writeFileAtomic(targetPath: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeAtomicFs;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

  // Write through a symlink to the real file, and put the temp file on the real file's filesystem.
  const realTarget = await resolveTarget(fs, targetPath);
  const folder = path.dirname(realTarget);
  const tempPath = path.join(folder, `.${tempStem(path.basename(realTarget))}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  let handle: AtomicFileHandle | undefined;
  let created = false;
  try {
    const existingMode = await statMode(fs, realTarget);
    handle = await fs.open(tempPath, 'wx', options.mode ?? 0o644);
    created = true;
    // umask may have masked the mode given to open; restore the target's exact mode.
    if (existingMode !== undefined) await handle.chmod(existingMode);

    await writeAll(handle, bytes);
    await handle.sync();
    const closing = handle;
    handle = undefined; // never close twice, even if close itself fails (NFS reports deferred errors here)
    await closing.close();

    const { size } = await fs.stat(tempPath);
    if (size !== bytes.length) throw errnoError('EIO', `temp file has ${size} bytes, expected ${bytes.length}`);
    if ((options.verify ?? 'content') === 'content') {
      const readBack = await fs.readFile(tempPath);
      if (!Buffer.from(readBack.buffer, readBack.byteOffset, readBack.byteLength).equals(bytes)) {
        throw errnoError('EIO', 'temp file content differs from the data written');
      }
    }

    await fs.rename(tempPath, realTarget);
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (created) await fs.unlink(tempPath).catch(() => undefined);
    throw new SaveError(await classify(fs, error, folder), targetPath, { cause: error });
  }

  try {
    await fsyncFolder(fs, folder);
  } catch (error) {
    throw new SaveError('io', targetPath, { cause: error, targetReplaced: true });
  }
}

async function resolveTarget(fs: AtomicFs, targetPath: string): Promise<string> {
  try {
    return await fs.realpath(targetPath);
  } catch {
    // New file (or dangling path): save to the path as given; open() reports real problems.
    return path.resolve(targetPath);
  }
}

async function statMode(fs: AtomicFs, filePath: string): Promise<number | undefined> {
  try {
    return (await fs.stat(filePath)).mode & 0o7777;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAll(handle: AtomicFileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  let zeroWrites = 0;
  while (offset < bytes.length) {
    const remaining = bytes.length - offset;
    const { bytesWritten } = await handle.write(bytes, offset, remaining, offset);
    if (!Number.isInteger(bytesWritten) || bytesWritten < 0 || bytesWritten > remaining) {
      throw errnoError('EIO', `write reported ${bytesWritten} bytes for a ${remaining}-byte request`);
    }
    if (bytesWritten === 0) {
      if (++zeroWrites >= MAX_ZERO_WRITES) throw errnoError('ENOSPC', `write made no progress ${zeroWrites} times`);
      continue;
    }
    zeroWrites = 0;
    offset += bytesWritten;
  }
}

/** Renames are only durable once the folder entry is flushed too. */
async function fsyncFolder(fs: AtomicFs, folder: string): Promise<void> {
  let dir: AtomicFileHandle;
  try {
    dir = await fs.open(folder, 'r');
  } catch (error) {
    // Windows cannot open folders; a write-only folder (0o333) cannot be read. The save itself worked.
    if (isOneOf(error, ['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'ENOTSUP'])) return;
    throw error;
  }
  try {
    await dir.sync();
  } catch (error) {
    if (!isOneOf(error, ['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'EBADF'])) throw error;
  } finally {
    await dir.close().catch(() => undefined);
  }
}

async function classify(fs: AtomicFs, error: unknown, folder: string): Promise<SaveErrorCode> {
  switch (errnoCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    case 'EROFS':
      return 'read-only';
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return 'locked';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    case 'ENOTDIR':
      return 'folder-missing';
    case 'ENOENT':
      // ENOENT can also mean the temp file vanished under us; only a missing folder is "folder-missing".
      try {
        await fs.stat(folder);
        return 'io';
      } catch {
        return 'folder-missing';
      }
    default:
      return 'io';
  }
}

/**
 * Deletes temp files that a crashed save left next to `basename` in `folder`. Only files older than
 * `olderThanMs` go, so a save in progress in another window is not disturbed. Returns the removed paths.
 */
export async function removeStaleTempFiles(folder: string, basename: string, olderThanMs: number): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(folder);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^\\.${escapeRegExp(tempStem(basename))}\\.\\d+\\.[0-9a-f]{12}\\.tmp$`);
  const now = Date.now();
  const removed: string[] = [];
  for (const name of names) {
    if (!pattern.test(name)) continue;
    const filePath = path.join(folder, name);
    try {
      const info = await fsp.lstat(filePath);
      if (!info.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await fsp.unlink(filePath);
      removed.push(filePath);
    } catch {
      // Gone already or not ours to delete: nothing to clean.
    }
  }
  return removed;
}

/** Temp names must stay under NAME_MAX (255 bytes) however long the target's name is. */
const MAX_STEM_BYTES = 160;

function tempStem(basename: string): string {
  if (Buffer.byteLength(basename) <= MAX_STEM_BYTES) return basename;
  let stem = '';
  let bytes = 0;
  for (const char of basename) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_STEM_BYTES) break;
    stem += char;
  }
  return stem;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function isOneOf(error: unknown, codes: readonly string[]): boolean {
  const code = errnoCode(error);
  return code !== undefined && codes.includes(code);
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}
