/**
 * Read + check a project file in one call, for callers without a document session (the CLI,
 * benchmarks). Says whether a failure came from the disk or from the content, because the CLI
 * reports those with different exit codes.
 */
import { parseProjectText, type LoadedProject } from '../../../shared/domain/project-file';
import type { StudioError } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { readProjectFile } from './project-documents';

const CONTENT_PROBLEMS = new Set(['too-large', 'not-text']);

export type LoadProjectError = StudioError & { fromDisk: boolean };

export async function loadProjectFile(filePath: string): Promise<Result<LoadedProject, LoadProjectError>> {
  const read = await readProjectFile(filePath);
  if (!read.ok) return err({ ...read.error, fromDisk: !CONTENT_PROBLEMS.has(read.error.code) });
  const parsed = parseProjectText(read.value.text);
  return parsed.ok ? ok(parsed.value) : err({ ...parsed.error, fromDisk: false });
}
