// A fake AtomicFs over the real one that injects the failures real disks produce.
import type { AtomicFileHandle, AtomicFs } from '../../../electron/services/files/atomic-write';
import { nodeAtomicFs } from '../../../electron/services/files/atomic-write';

export interface Faults {
  /** Cap on bytes accepted per write call (short writes). */
  maxWriteBytes?: number;
  /** Throw `code` once this many bytes of the temp file have been written. */
  failWriteAt?: { bytes: number; code: string };
  /** After this many bytes, every write reports 0 bytes written. */
  zeroWritesAt?: number;
  /** Report 0 bytes on this many write calls, then behave normally. */
  zeroWritesFirst?: number;
  /** Report more bytes than requested (a broken layer). */
  overReportWrites?: boolean;
  /** Flip one byte of what reaches the disk (a lying layer). */
  corruptWrites?: boolean;
  openError?: unknown;
  chmodError?: string;
  syncError?: string;
  closeError?: string;
  renameError?: string;
  /** Added to the size stat reports for temp files. */
  tempSizeDelta?: number;
  dirOpenError?: string;
  dirSyncError?: string;
}

export interface FaultStats {
  writeCalls: number;
  bytesWritten: number;
  openHandles: number;
  tempPaths: string[];
}

export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure`), { code });
}

export function faultyFs(faults: Faults): { fs: AtomicFs; stats: FaultStats } {
  const stats: FaultStats = { writeCalls: 0, bytesWritten: 0, openHandles: 0, tempPaths: [] };

  const wrapFile = (real: AtomicFileHandle): AtomicFileHandle => ({
    async write(buffer, offset, length, position) {
      stats.writeCalls++;
      if (faults.zeroWritesFirst !== undefined && stats.writeCalls <= faults.zeroWritesFirst) return { bytesWritten: 0 };
      if (faults.zeroWritesAt !== undefined && stats.bytesWritten >= faults.zeroWritesAt) return { bytesWritten: 0 };
      let allowed = Math.min(length, faults.maxWriteBytes ?? length);
      const fail = faults.failWriteAt;
      if (fail) {
        if (stats.bytesWritten >= fail.bytes) throw errno(fail.code);
        allowed = Math.min(allowed, fail.bytes - stats.bytesWritten); // the kernel writes what fits, then fails
      }
      if (faults.zeroWritesAt !== undefined) allowed = Math.min(allowed, faults.zeroWritesAt - stats.bytesWritten);
      let source = buffer;
      if (faults.corruptWrites && allowed > 0) {
        source = Buffer.from(buffer);
        source[offset] = (source[offset]! + 1) % 256;
      }
      const { bytesWritten } = await real.write(source, offset, allowed, position);
      stats.bytesWritten += bytesWritten;
      return { bytesWritten: faults.overReportWrites ? length + 1 : bytesWritten };
    },
    async sync() {
      if (faults.syncError) throw errno(faults.syncError);
      await real.sync();
    },
    async chmod(mode) {
      if (faults.chmodError) throw errno(faults.chmodError);
      await real.chmod(mode);
    },
    async close() {
      stats.openHandles--;
      await real.close();
      if (faults.closeError) throw errno(faults.closeError);
    },
  });

  const wrapDir = (real: AtomicFileHandle): AtomicFileHandle => ({
    write: (...args) => real.write(...args),
    chmod: (mode) => real.chmod(mode),
    async sync() {
      if (faults.dirSyncError) throw errno(faults.dirSyncError);
      await real.sync();
    },
    async close() {
      stats.openHandles--;
      await real.close();
    },
  });

  const fs: AtomicFs = {
    ...nodeAtomicFs,
    async open(filePath, flags, mode) {
      if (flags === 'r') {
        if (faults.dirOpenError) throw errno(faults.dirOpenError);
        const dir = await nodeAtomicFs.open(filePath, flags, mode);
        stats.openHandles++;
        return wrapDir(dir);
      }
      if (faults.openError !== undefined) throw faults.openError;
      const file = await nodeAtomicFs.open(filePath, flags, mode);
      stats.openHandles++;
      stats.tempPaths.push(filePath);
      return wrapFile(file);
    },
    async rename(from, to) {
      if (faults.renameError) throw errno(faults.renameError);
      await nodeAtomicFs.rename(from, to);
    },
    async stat(filePath) {
      const info = await nodeAtomicFs.stat(filePath);
      if (faults.tempSizeDelta !== undefined && filePath.endsWith('.tmp')) return { mode: info.mode, size: info.size + faults.tempSizeDelta };
      return info;
    },
  };
  return { fs, stats };
}
