/**
 * Reads a project file from disk into a checked project, or a typed error a user can act on.
 * Nothing is ever written here: opening a file, even a broken one, never changes it.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseProjectText, MAX_PROJECT_TEXT_LENGTH, type LoadedProject, type ProjectFileError } from '../../../shared/domain/project-file';
import { err, type Result } from '../../../shared/result';

export type ReadProjectError = (ProjectFileError | { code: 'not-found' | 'not-a-file' | 'unreadable'; message: string; path?: string; details?: string[] }) & {
  /** True when the disk refused (missing, permissions), false when the content is the problem. */
  io: boolean;
};

/** Bytes: UTF-8 text of MAX_PROJECT_TEXT_LENGTH characters can take up to 3 bytes a character, but real files are ASCII-heavy. */
export const MAX_PROJECT_FILE_BYTES = MAX_PROJECT_TEXT_LENGTH;

function ioError(code: 'not-found' | 'not-a-file' | 'unreadable', message: string): { ok: false; error: ReadProjectError } {
  return err({ code, message, io: true });
}

export async function readProjectFile(filePath: string): Promise<Result<LoadedProject, ReadProjectError>> {
  const name = basename(filePath);
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return ioError('not-a-file', `"${name}" is a folder or device, not a project file.`);
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return ioError('not-found', `"${filePath}" does not exist (it may have been moved or deleted).`);
    return ioError('unreadable', `PLP Studio cannot read "${name}" (${code ?? 'unknown error'}): check the file's permissions.`);
  }
  if (size > MAX_PROJECT_FILE_BYTES) {
    return err({ code: 'too-large', io: false, message: `"${name}" is too large to be a project (${Math.round(size / 1024 / 1024)} MB; the limit is ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB).` });
  }
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return ioError('unreadable', `PLP Studio cannot read "${name}" (${code ?? 'unknown error'}): check the file's permissions.`);
  }
  const parsed = parseProjectText(text);
  if (!parsed.ok) return err({ ...parsed.error, io: false });
  return parsed;
}
