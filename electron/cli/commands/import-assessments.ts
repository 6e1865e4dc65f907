/**
 * `plp-studio import-assessments <project> <file.csv|file.xlsx> --kind self|manager|pre|post
 *  [--date YYYY-MM-DD] [--sheet NAME] [--mapping NAME] [--out <project>]`
 *
 * The import wizard without the wizard: header row detected, columns matched by header, levels
 * read with the project's labels and numbers 1..N, or with the saved scale mapping that reads the
 * file's answers better (the wizard's own choice), or with the saved mapping --mapping names. Prints what changed and every rejected cell,
 * one per line, then saves atomically (in place, or to --out). Exit 0 when something was imported
 * or the file was already imported, 1 when nothing in the file was importable, 2 for usage or I/O
 * errors.
 */
import path from 'node:path';
import {
  hasChanges,
  importCommand,
  planAssessmentImport,
  proposeAssessmentImport,
  type CellIssue,
  type ImportProposal,
} from '../../../shared/domain/import/assessment-import';
import { describeColumn } from '../../../shared/domain/import/column-mapping';
import { fromSavedScaleMapping } from '../../../shared/domain/import/saved-scale-mappings';
import { describeRange } from '../../../shared/domain/import/scale-mapping';
import { findScaleMappingByName } from '../../../shared/domain/commands/scale-mapping-commands';
import type { ImportError } from '../../../shared/domain/import/table';
import { newId } from '../../../shared/domain/ids';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { ASSESSMENT_KINDS, IsoDate, type AssessmentKind, type Project } from '../../../shared/domain/schema';
import { SaveError, writeFileAtomic } from '../../services/files/atomic-write';
import { readSpreadsheet, type SpreadsheetContent } from '../../services/import/read-spreadsheet';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';
import { APP_VERSION } from '../version';
import { localIsoDate } from '../../services/export/document-options';

export interface ImportAssessmentsOptions {
  /** Today as YYYY-MM-DD (the default --date); injectable for tests. */
  today?: () => string;
  now?: () => Date;
}


const plural = (count: number, word: string, many = `${word}s`): string => `${count.toLocaleString('en')} ${count === 1 ? word : many}`;

function describeIssue(issue: CellIssue): string {
  const where = issue.column ? `row ${issue.row}, column ${describeColumn({ column: issue.column.index, header: issue.column.header })}` : `row ${issue.row}`;
  return oneLine(`${where}: ${issue.reason}`);
}

/** Spreadsheet problems a user fixes in the file (1) versus usage and disk problems (2). */
function exitCodeFor(error: ImportError): number {
  return error.code === 'malformed' || error.code === 'empty' ? EXIT_INVALID : EXIT_USAGE_OR_IO;
}

export async function importAssessmentsCommand(argv: readonly string[], io: CliIo, options: ImportAssessmentsOptions = {}): Promise<number> {
  const args = parseArgs(argv, ['kind', 'date', 'sheet', 'mapping', 'out']);
  rejectUnknownFlags(args, ['kind', 'date', 'sheet', 'mapping', 'out']);
  const [projectArg, fileArg, ...extra] = args.positional;
  if (!projectArg || !fileArg || extra.length > 0) throw new UsageError('import-assessments takes a project file and a spreadsheet (.csv or .xlsx)');
  const kindFlag = args.flags.get('kind');
  if (typeof kindFlag !== 'string') throw new UsageError(`--kind is required: ${ASSESSMENT_KINDS.join(', ')}`);
  if (!(ASSESSMENT_KINDS as readonly string[]).includes(kindFlag)) throw new UsageError(`--kind must be one of ${ASSESSMENT_KINDS.join(', ')}, not "${oneLine(kindFlag)}"`);
  const kind = kindFlag as AssessmentKind;
  const dateFlag = args.flags.get('date');
  const date = typeof dateFlag === 'string' ? dateFlag : (options.today ?? (() => localIsoDate(new Date())))();
  if (!IsoDate.safeParse(date).success) throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${oneLine(date)}"`);
  const sheetFlag = args.flags.get('sheet');
  const sheet = typeof sheetFlag === 'string' ? sheetFlag : undefined;
  if (sheet !== undefined && path.extname(fileArg).toLowerCase() !== '.xlsx') throw new UsageError('--sheet applies to .xlsx workbooks only');
  const outFlag = args.flags.get('out');
  const out = typeof outFlag === 'string' ? outFlag : undefined;
  const mappingFlag = args.flags.get('mapping');
  if (mappingFlag !== undefined && (typeof mappingFlag !== 'string' || mappingFlag.trim() === '')) throw new UsageError('--mapping needs the name of a scale mapping saved in the project');
  const mappingName = typeof mappingFlag === 'string' ? mappingFlag : undefined;

  const projectPath = path.resolve(io.cwd, projectArg);
  const loaded = await loadProjectFile(projectPath);
  if (!loaded.ok) {
    const { message, path: where } = loaded.error;
    io.stderr(oneLine(`invalid: ${projectArg}: ${message}${where && !message.includes(where) ? ` (at ${where})` : ''}`));
    return loaded.error.fromDisk ? EXIT_USAGE_OR_IO : EXIT_INVALID;
  }
  const project = loaded.value.project;
  const chosen = mappingName === undefined ? undefined : findScaleMappingByName(project, mappingName);
  if (mappingName !== undefined && !chosen) {
    const names = project.scaleMappings.map((mapping) => `"${mapping.name}"`).join(', ');
    io.stderr(oneLine(`failed: ${projectArg} has no saved scale mapping called "${mappingName}"; ${names === '' ? 'it has no saved scale mappings (save one in the import wizard)' : `saved mappings: ${names}`}`));
    return EXIT_USAGE_OR_IO;
  }

  const filePath = path.resolve(io.cwd, fileArg);
  const read = await readSpreadsheet(filePath, sheet === undefined ? {} : { sheet });
  if (!read.ok) {
    io.stderr(oneLine(`failed: ${read.error.message}`));
    return exitCodeFor(read.error);
  }
  let content: SpreadsheetContent = read.value;
  let proposal = proposeAssessmentImport(project, content.table);
  // A workbook's data is often not on its first sheet (notes, instructions): without --sheet,
  // take the first sheet that has learner and capability columns.
  if (sheet === undefined && proposal.problems.length > 0 && content.sheets.length > 1) {
    for (const name of content.sheets.slice(1)) {
      const other = await readSpreadsheet(filePath, { sheet: name });
      if (!other.ok) continue;
      const otherProposal = proposeAssessmentImport(project, other.value.table);
      if (otherProposal.problems.length === 0) {
        content = other.value;
        proposal = otherProposal;
        break;
      }
    }
  }
  if (chosen) proposal = { ...proposal, scaleMapping: fromSavedScaleMapping(chosen), scaleMappingSource: { kind: 'saved', id: chosen.id, name: chosen.name } };
  io.stdout(oneLine(`read: ${fileArg}${content.sheet === null ? '' : ` (sheet "${content.sheet}")`}: ${describeProposal(proposal, content)}`));
  io.stdout(oneLine(`levels: ${describeScaleMappingSource(proposal, chosen !== undefined)}`));
  if (proposal.problems.length > 0) {
    for (const problem of proposal.problems) io.stderr(oneLine(`nothing imported: ${problem}`));
    return EXIT_INVALID;
  }

  const plan = planAssessmentImport({ project, table: content.table, ...proposal, kind, date, newId: (prefix) => newId(prefix) });
  if (plan.problems.length > 0) {
    for (const problem of plan.problems) io.stderr(oneLine(`nothing imported: ${problem}`));
    return EXIT_INVALID;
  }
  const { counts } = plan;
  const imported = counts.assessmentsAdded + counts.assessmentsUpdated;
  io.stdout(`learners: ${counts.learnersCreated} created, ${counts.learnersUpdated} updated`);
  io.stdout(
    `assessments: ${plural(imported, 'assessment')} imported as ${kind} on ${date} (${counts.assessmentsAdded} added, ${counts.assessmentsUpdated} updated)` +
      `, ${counts.assessmentsUnchanged} already up to date, ${plural(counts.cellsNotAssessed, 'cell')} not assessed`,
  );
  for (const issue of plan.rejected) io.stdout(`rejected: ${describeIssue(issue)}`);
  for (const issue of plan.warnings) io.stdout(`warning: ${describeIssue(issue)}`);

  const matchedRows = counts.rows - counts.rowsRejected;
  const changed = hasChanges(plan);
  if (!changed && matchedRows === 0) {
    io.stderr(oneLine(`nothing imported: ${counts.rows === 0 ? 'the file has no data rows under its header' : `all ${plural(counts.rows, 'row')} were rejected`}.`));
    return EXIT_INVALID;
  }
  if (!changed) io.stdout('0 changes: already imported');

  const target = out === undefined ? projectPath : path.resolve(io.cwd, out);
  if (!changed && target === projectPath) return EXIT_OK;
  const next = changed ? importCommand(plan).apply(project) : project;
  const saved = await save(changed ? stamp(next, options.now?.() ?? new Date()) : next, target, io);
  if (saved !== EXIT_OK) return saved;
  io.stdout(oneLine(`saved: ${out ?? projectArg}`));
  return EXIT_OK;
}

function describeProposal(proposal: ImportProposal, content: SpreadsheetContent): string {
  const targets = proposal.mapping.columns.map((column) => column.target);
  const fields = targets.filter((target) => target.kind === 'learner').length;
  const capabilities = targets.filter((target) => target.kind === 'capability').length;
  const ignored = proposal.mapping.columns.filter((column) => column.target.kind === 'ignore' && column.header.trim() !== '');
  const ignoredText = ignored.length > 0 ? `; ignored ${ignored.map((column) => describeColumn(column)).join(', ')}` : '';
  return `header on row ${proposal.headerRow + 1}, ${plural(fields, 'learner column')}, ${plural(capabilities, 'capability column', 'capability columns')}, ${plural(content.table.rows.length - proposal.headerRow - 1, 'row')} below it${ignoredText}`;
}

function describeScaleMappingSource(proposal: ImportProposal, named: boolean): string {
  const source = proposal.scaleMappingSource;
  if (source.kind === 'saved') return `read with the saved mapping "${source.name}"${named ? '' : ' (it reads the file\'s answers best)'}`;
  return `read with the project's level names and numbers ${proposal.scaleMapping.numericRange ? describeRange(proposal.scaleMapping.numericRange) : ''}`.trim();
}

function stamp(project: Project, now: Date): Project {
  return { ...project, meta: { ...project.meta, modifiedAt: now.toISOString(), appVersion: APP_VERSION } };
}

async function save(project: Project, target: string, io: CliIo): Promise<number> {
  const text = serializeProject(project);
  // Never write a file the studio would refuse to open.
  const check = parseProjectText(text);
  if (!check.ok) {
    io.stderr(oneLine(`failed: the imported project would not be valid (${check.error.message}); nothing was written.`));
    return EXIT_INVALID;
  }
  try {
    await writeFileAtomic(target, text);
  } catch (error) {
    if (error instanceof SaveError) {
      io.stderr(oneLine(`failed: ${error.message}`));
      return EXIT_USAGE_OR_IO;
    }
    throw error;
  }
  return EXIT_OK;
}
