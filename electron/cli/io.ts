/** What a CLI command may touch: injected so commands run in-process in tests. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  cwd: string;
}

export const EXIT_OK = 0;
/** The input was understood but is not acceptable (an invalid project, nothing importable…). */
export const EXIT_INVALID = 1;
/** Wrong usage, or the disk said no. */
export const EXIT_USAGE_OR_IO = 2;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One line, no stack: CLI messages end up in consultants' terminals and CI logs. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
