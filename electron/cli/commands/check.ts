/**
 * `plp-studio check <file> [--hours-per-week H]`: runs the pathway validation of every framework,
 * one line per problem and a summary line:
 *
 *   <framework name> · <severity> · <ruleId> · <node ids or -> · <message>
 *   N errors, M warnings in K frameworks
 *
 * Exit 0 when there is no error (warnings allowed), 1 when there are errors or the file is not a
 * valid project, 2 for usage or I/O errors.
 */
import { resolve } from 'node:path';
import { countBySeverity, validateAllFrameworks } from '../../../shared/domain/pathways/validation';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';

const HOURS_FLAG = 'hours-per-week';

/** Text from the file goes to a terminal: no control characters (escape sequences), one line. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return oneLine(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ').replace(/[\u2028\u2029]/g, ' '));
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function parseBudget(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const hours = typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 80) throw new UsageError(`--${HOURS_FLAG} must be a number of hours above 0 and at most 80`);
  return hours;
}

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [HOURS_FLAG]);
  rejectUnknownFlags(args, [HOURS_FLAG]);
  const [file, ...extra] = args.positional;
  if (!file || extra.length > 0) throw new UsageError('check takes exactly one project file');
  const hoursPerWeekBudget = parseBudget(args.flags.get(HOURS_FLAG));

  const loaded = await loadProjectFile(resolve(io.cwd, file));
  if (!loaded.ok) {
    const { message, path } = loaded.error;
    const where = path && !message.includes(path) ? ` (at ${path})` : '';
    io.stderr(printable(`invalid: ${file}: ${message}${where}`));
    return loaded.error.fromDisk ? EXIT_USAGE_OR_IO : EXIT_INVALID;
  }

  const results = validateAllFrameworks(loaded.value.project, hoursPerWeekBudget === undefined ? {} : { hoursPerWeekBudget });
  let errors = 0;
  let warnings = 0;
  for (const { frameworkName, problems } of results) {
    const counted = countBySeverity(problems);
    errors += counted.errors;
    warnings += counted.warnings;
    for (const problem of problems) {
      const nodes = problem.nodeIds.length > 0 ? problem.nodeIds.join(', ') : '-';
      io.stdout(printable([frameworkName, problem.severity, problem.ruleId, nodes, problem.message].join(' · ')));
    }
  }
  io.stdout(`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(results.length, 'framework')}`);
  return errors > 0 ? EXIT_INVALID : EXIT_OK;
}
