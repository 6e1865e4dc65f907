/**
 * Finding a project file in a command line: the first launch's `process.argv`, or the argv a
 * second launch forwards (`second-instance`). Pure, so it is unit-tested.
 */
import path from 'node:path';

export interface ArgvOptions {
  /**
   * How many leading entries are the executable and, in development (`electron .`), the app
   * path: 1 when packaged, 2 otherwise.
   */
  skip: number;
  /** Relative paths are resolved against this folder (the launching shell's). */
  workingDirectory: string;
}

/**
 * The last argument that names a `.plp` file, made absolute; flags (`-x`, `--x=y`, including
 * the Chromium switches Electron appends) are skipped. Null when there is none.
 */
export function projectPathFromArgv(argv: readonly string[], options: ArgvOptions): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(options.skip)) {
    if (arg === '' || arg.startsWith('-') || arg.includes('\0')) continue;
    if (path.extname(arg).toLowerCase() !== '.plp') continue;
    found = path.resolve(options.workingDirectory, arg);
  }
  return found;
}
