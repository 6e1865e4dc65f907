/**
 * `plp-studio export <project> (--learner <id|email>[,…] | --all) --out <dir>
 *  [--format docx,pdf] [--on-existing overwrite|skip|keep-both] [--framework <id>]
 *  [--accent #RRGGBB] [--logo <file.png|jpg>] [--lang en-GB|en-US]`
 *
 * Writes each learner's plan as Word and/or PDF into <dir>, plus roster.csv. Learners without a
 * plan get one drafted by the personalization engine in memory (the project file is not changed).
 * Progress goes to stderr as "[3/12] Priya Nair"; the summary to stdout.
 *
 * Exit 0 when every selected learner was exported, 1 for invalid input (invalid project, unknown
 * learner, a learner whose plan cannot be made, a logo that is not PNG/JPEG), 2 for usage and I/O
 * errors (the folder cannot be written, the disk is full) or when interrupted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_LANGUAGES, imageInfo, normaliseColor, type DocumentLanguage } from '../../../shared/documents';
import { EXPORT_FORMATS, exportCohort, ON_EXISTING, type ExportFormat, type OnExisting } from '../../services/export/cohort-export';
import { findLearner } from '../../services/export/cohort-plans';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';

const VALUE_FLAGS = ['learner', 'format', 'out', 'on-existing', 'framework', 'accent', 'logo', 'lang'];
const BOOLEAN_FLAGS = ['all'];

export interface ExportCommandOptions {
  /** Today as YYYY-MM-DD ("Prepared on"); injectable for tests. */
  today?: () => string;
  now?: () => Date;
  /** Cancels the export between documents (the CLI entry wires Ctrl+C to it). */
  signal?: AbortSignal;
}

/** Text from the project goes to a terminal: no control characters (escape sequences), one line. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return oneLine(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' '));
}

function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function stringFlag(value: string | true | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

function parseFormats(value: string | undefined): ExportFormat[] {
  if (value === undefined) return [...EXPORT_FORMATS];
  const formats = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((format) => !(EXPORT_FORMATS as readonly string[]).includes(format));
  if (formats.length === 0 || unknown.length > 0) throw new UsageError(`--format takes ${EXPORT_FORMATS.join(', ')} or both, comma-separated, not "${oneLine(value)}"`);
  return EXPORT_FORMATS.filter((format) => formats.includes(format));
}

export async function exportCommand(argv: readonly string[], io: CliIo, options: ExportCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv, VALUE_FLAGS);
  rejectUnknownFlags(args, [...VALUE_FLAGS, ...BOOLEAN_FLAGS]);
  const [projectArg, ...extra] = args.positional;
  if (!projectArg || extra.length > 0) throw new UsageError('export takes exactly one project file');
  const learnerFlag = stringFlag(args.flags.get('learner'), 'learner');
  const all = args.flags.has('all');
  if (all === (learnerFlag !== undefined)) throw new UsageError('export needs either --learner <id|email> or --all');
  const out = stringFlag(args.flags.get('out'), 'out');
  if (!out) throw new UsageError('--out <folder> is required');
  const formats = parseFormats(stringFlag(args.flags.get('format'), 'format'));
  const onExistingFlag = stringFlag(args.flags.get('on-existing'), 'on-existing') ?? 'keep-both';
  if (!(ON_EXISTING as readonly string[]).includes(onExistingFlag)) throw new UsageError(`--on-existing must be one of ${ON_EXISTING.join(', ')}, not "${oneLine(onExistingFlag)}"`);
  const onExisting = onExistingFlag as OnExisting;
  const accentFlag = stringFlag(args.flags.get('accent'), 'accent');
  if (accentFlag !== undefined && normaliseColor(accentFlag, '') === '') throw new UsageError(`--accent must be a colour as #RRGGBB, not "${oneLine(accentFlag)}"`);
  const langFlag = stringFlag(args.flags.get('lang'), 'lang') ?? 'en-GB';
  if (!(DOCUMENT_LANGUAGES as readonly string[]).includes(langFlag)) throw new UsageError(`--lang must be one of ${DOCUMENT_LANGUAGES.join(', ')}`);
  const frameworkId = stringFlag(args.flags.get('framework'), 'framework');
  const logoFlag = stringFlag(args.flags.get('logo'), 'logo');

  const loaded = await loadProjectFile(path.resolve(io.cwd, projectArg));
  if (!loaded.ok) {
    const { message, path: where } = loaded.error;
    io.stderr(printable(`invalid: ${projectArg}: ${message}${where && !message.includes(where) ? ` (at ${where})` : ''}`));
    return loaded.error.fromDisk ? EXIT_USAGE_OR_IO : EXIT_INVALID;
  }
  const { project } = loaded.value;

  if (frameworkId !== undefined && !project.frameworks.some((framework) => framework.id === frameworkId)) {
    io.stderr(printable(`invalid: ${projectArg} has no framework "${frameworkId}"`));
    return EXIT_INVALID;
  }
  let learnerIds: string[] | undefined;
  if (learnerFlag !== undefined) {
    learnerIds = [];
    for (const key of learnerFlag.split(',').map((part) => part.trim()).filter(Boolean)) {
      const learner = findLearner(project, key);
      if (!learner) {
        io.stderr(printable(`invalid: ${projectArg} has no learner with id or e-mail "${key}"`));
        return EXIT_INVALID;
      }
      learnerIds.push(learner.id);
    }
    if (learnerIds.length === 0) throw new UsageError('--learner needs at least one id or e-mail');
  } else if (project.learners.length === 0) {
    io.stderr(printable(`invalid: ${projectArg} has no learners to export`));
    return EXIT_INVALID;
  }

  let logo: Uint8Array | null = null;
  if (logoFlag !== undefined) {
    try {
      logo = new Uint8Array(await readFile(path.resolve(io.cwd, logoFlag)));
    } catch (error) {
      io.stderr(printable(`failed: cannot read the logo ${logoFlag}: ${(error as Error).message}`));
      return EXIT_USAGE_OR_IO;
    }
    if (!imageInfo(logo)) {
      io.stderr(printable(`invalid: the logo ${logoFlag} is not a PNG or JPEG image`));
      return EXIT_INVALID;
    }
  }

  const folder = path.resolve(io.cwd, out);
  const now = options.now ?? (() => new Date());
  const generatedOn = (options.today ?? (() => localIsoDate(now())))();
  // Ctrl+C stops between documents instead of killing the process mid-write.
  const interrupt = new AbortController();
  const onInterrupt = (): void => interrupt.abort();
  if (!options.signal) process.once('SIGINT', onInterrupt);
  let summary;
  try {
    summary = await exportCohort({
      project,
      ...(learnerIds ? { learnerIds } : {}),
      ...(frameworkId ? { frameworkId } : {}),
      formats,
      folder,
      onExisting,
      document: {
        organisation: { name: project.meta.clientOrganisation, logo, ...(accentFlag ? { accentColor: accentFlag } : {}) },
        generatedOn,
        language: langFlag as DocumentLanguage,
      },
      signal: options.signal ?? interrupt.signal,
      now,
      onProgress: (done, total, current) => io.stderr(printable(`[${done}/${total}] ${current}`)),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      io.stderr(printable(`failed: cannot write to ${out}: ${(error as Error).message}`));
      return EXIT_USAGE_OR_IO;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }

  for (const skip of summary.skipped) io.stdout(printable(`skipped: ${skip.file ? `${skip.file}: ` : ''}${skip.reason}`));
  for (const failure of summary.failed) io.stderr(printable(`failed: ${failure.file}: ${failure.message}`));
  const documents = summary.written.filter((file) => file !== summary.roster).length;
  const drafted = summary.generatedPlans > 0 ? `; ${summary.generatedPlans} plan${summary.generatedPlans === 1 ? '' : 's'} drafted in memory, not saved to the project` : '';
  io.stdout(printable(`exported: ${documents} file${documents === 1 ? '' : 's'} for ${summary.done} of ${summary.total} learner${summary.total === 1 ? '' : 's'} to ${out}${drafted}`));
  if (summary.roster) io.stdout(printable(`roster: ${path.relative(folder, summary.roster)}`));
  if (summary.cancelled) {
    io.stderr('cancelled: the files listed above are complete; nothing was half-written.');
    return EXIT_USAGE_OR_IO;
  }
  if (summary.failed.length > 0) return EXIT_USAGE_OR_IO;
  if (summary.skipped.some((skip) => skip.file === null)) return EXIT_INVALID;
  return EXIT_OK;
}
