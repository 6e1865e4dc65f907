/**
 * `plp-studio export <project> (--learner <id|email>[,…] | --all) --out <dir>
 *  [--format docx,pdf] [--on-existing overwrite|skip|keep-both] [--framework <id>]
 *  [--accent #RRGGBB] [--logo <file.png|jpg>] [--lang en-GB|en-US]
 *  [--template classic|modern|<file.docx>] [--font sans|serif] [--allow-unknown-placeholders]`
 *
 * `--template` picks a built-in look, or an organisation's own Word template: then the Word files
 * are that template filled in, and the PDFs use the classic look (or the one `--pdf-template`
 * names) with the same branding. A template's unknown or misspelt placeholders are listed on
 * stderr before anything is written, and the export stops (exit 1) unless
 * `--allow-unknown-placeholders` says to leave them in the files as typed.
 *
 * Writes each learner's plan as Word and/or PDF into <dir>, plus roster.csv. Learners without a
 * plan get one drafted by the personalization engine in memory (the project file is not changed).
 * Progress goes to stderr as "[3/12] Priya Nair"; the summary to stdout.
 *
 * Exit 0 when every selected learner was exported, 1 for invalid input (invalid project, unknown
 * learner, a learner whose plan cannot be made, a logo that is not PNG/JPEG, a template that is not a
 * .docx or has unknown placeholders), 2 for usage and I/O
 * errors (the folder cannot be written, the disk is full) or when interrupted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BUILT_IN_TEMPLATES,
  DOCUMENT_FONTS,
  DOCUMENT_LANGUAGES,
  imageInfo,
  isBuiltInTemplate,
  normaliseColor,
  type BuiltInTemplate,
  type DocumentFont,
  type DocumentLanguage,
} from '../../../shared/documents';
import { describeUnknown, TemplateError } from '../../services/export/client-template';
import { EXPORT_FORMATS, exportCohort, ON_EXISTING, UnknownPlaceholdersError, type ExportFormat, type ExportTemplate, type OnExisting } from '../../services/export/cohort-export';
import { findLearner } from '../../services/export/cohort-plans';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';
import { localIsoDate } from '../../services/export/document-options';

const VALUE_FLAGS = ['learner', 'format', 'out', 'on-existing', 'framework', 'accent', 'logo', 'lang', 'template', 'pdf-template', 'font'];
const BOOLEAN_FLAGS = ['all', 'allow-unknown-placeholders'];
const TEMPLATE_NAMES = BUILT_IN_TEMPLATES.map((template) => template.id);

function builtInFlag(value: string | undefined, name: string): BuiltInTemplate | undefined {
  if (value === undefined) return undefined;
  const lower = value.trim().toLowerCase();
  if (!isBuiltInTemplate(lower)) throw new UsageError(`--${name} must be ${TEMPLATE_NAMES.join(' or ')}, not "${oneLine(value)}"`);
  return lower;
}

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
  const fontFlag = stringFlag(args.flags.get('font'), 'font');
  if (fontFlag !== undefined && !(DOCUMENT_FONTS as readonly string[]).includes(fontFlag)) throw new UsageError(`--font must be ${DOCUMENT_FONTS.join(' or ')}, not "${oneLine(fontFlag)}"`);
  const templateFlag = stringFlag(args.flags.get('template'), 'template');
  const pdfTemplate = builtInFlag(stringFlag(args.flags.get('pdf-template'), 'pdf-template'), 'pdf-template');
  // A built-in name, else a Word file; `./modern.docx` reaches a file that shares a built-in's name.
  const builtInTemplate = templateFlag !== undefined && isBuiltInTemplate(templateFlag.trim().toLowerCase()) ? (templateFlag.trim().toLowerCase() as BuiltInTemplate) : undefined;
  const templateFile = templateFlag !== undefined && builtInTemplate === undefined ? templateFlag : undefined;
  if (templateFile !== undefined && !/\.(docx|dotx)$/i.test(templateFile)) {
    throw new UsageError(`--template must be ${TEMPLATE_NAMES.join(', ')} or a Word file (.docx, .dotx), not "${oneLine(templateFile)}"`);
  }
  if (pdfTemplate !== undefined && templateFile === undefined) throw new UsageError('--pdf-template goes with --template <file.docx>; otherwise --template names the look of both formats');
  const allowUnknown = args.flags.has('allow-unknown-placeholders');

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

  let template: ExportTemplate | undefined;
  if (templateFile !== undefined) {
    try {
      template = { kind: 'client', fileName: path.basename(templateFile), bytes: new Uint8Array(await readFile(path.resolve(io.cwd, templateFile))) };
    } catch (error) {
      io.stderr(printable(`failed: cannot read the template ${templateFile}: ${(error as Error).message}`));
      return EXIT_USAGE_OR_IO;
    }
  } else if (builtInTemplate !== undefined) {
    template = { kind: 'built-in', name: builtInTemplate };
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
        ...(pdfTemplate ? { template: pdfTemplate } : {}),
        ...(fontFlag ? { font: fontFlag as DocumentFont } : {}),
      },
      ...(template ? { template } : {}),
      allowUnknownPlaceholders: allowUnknown,
      signal: options.signal ?? interrupt.signal,
      now,
      onProgress: (done, total, current) => io.stderr(printable(`[${done}/${total}] ${current}`)),
    });
  } catch (error) {
    if (error instanceof UnknownPlaceholdersError) {
      for (const placeholder of error.unknown) io.stderr(printable(`unknown placeholder: ${describeUnknown(placeholder)}`));
      io.stderr(
        printable(
          `invalid: ${templateFlag} has ${error.unknown.length} unknown placeholder${error.unknown.length === 1 ? '' : 's'}; nothing was written. Correct them (the README lists every placeholder), or pass --allow-unknown-placeholders to leave them in the files as typed.`,
        ),
      );
      return EXIT_INVALID;
    }
    if (error instanceof TemplateError) {
      io.stderr(printable(`invalid: the template ${templateFlag}: ${error.message}`));
      return EXIT_INVALID;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      io.stderr(printable(`failed: cannot write to ${out}: ${(error as Error).message}`));
      return EXIT_USAGE_OR_IO;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }

  if (summary.template.kind === 'client') {
    const used = summary.template;
    for (const raw of used.unknown) io.stderr(printable(`warning: {{${raw}}} is not a placeholder the studio knows; it was left in the Word files as typed`));
    for (const warning of used.warnings) io.stderr(printable(`warning: ${warning}`));
    io.stdout(printable(`template: Word files from ${used.fileName}${formats.includes('pdf') ? `; PDFs use the built-in ${used.pdfTemplate} template with the same branding` : ''}`));
  } else if (template?.kind === 'client') {
    io.stdout(printable(`template: ${template.fileName} is used for Word files only; PDFs use the built-in ${summary.template.name} template`));
  } else {
    io.stdout(printable(`template: built-in ${summary.template.name}`));
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
