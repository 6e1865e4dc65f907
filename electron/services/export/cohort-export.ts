/**
 * Exports a cohort's plans to a folder: one .docx and/or .pdf per learner, named after the learner,
 * plus a roster CSV. Each file is written with the studio's atomic save, so a cancelled or failed
 * export never leaves a half-written document: cancellation is honoured between documents.
 *
 * The project's data decides the file names, so every name goes through `safeFileStem` and
 * `resolveInside`; an existing entry that is a link or a folder is never written through.
 */
import { lstat, mkdir, readdir } from 'node:fs/promises';
import { createPlanDocument, createPlaceholderValues, type BuiltInTemplate, type DocumentOptions } from '../../../shared/documents';
import { STATUS_LABELS } from '../../../shared/documents/labels';
import type { Plan, Project } from '../../../shared/domain/schema';
import { SaveError, writeFileAtomic } from '../files/atomic-write';
import { resolveCohortPlans, type CohortEntry } from './cohort-plans';
import { fillClientTemplate, inspectClientTemplate, TemplateError, type TemplateInspection, type TemplatePlaceholder } from './client-template';
import { renderDocx } from './docx-renderer';
import { FileNameAllocator, resolveInside } from './file-names';
import { createPdfRenderer, type PdfRenderer } from './pdf-renderer';
import { rosterCsv, type RosterRow } from './roster-csv';

export type ExportFormat = 'docx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf'];
export type OnExisting = 'overwrite' | 'skip' | 'keep-both';
export const ON_EXISTING: readonly OnExisting[] = ['overwrite', 'skip', 'keep-both'];
export const ROSTER_FILE = 'roster.csv';

/** Built-in: both formats drawn by the studio. Client: Word files filled from the organisation's .docx. */
export type ExportTemplate = { kind: 'built-in'; name: BuiltInTemplate } | { kind: 'client'; fileName: string; bytes: Uint8Array };

/** The template has placeholders the studio does not know, and the caller did not allow them. Nothing was written. */
export class UnknownPlaceholdersError extends TemplateError {
  constructor(
    readonly fileName: string,
    readonly unknown: readonly TemplatePlaceholder[],
  ) {
    super(`${fileName} has ${unknown.length} unknown placeholder${unknown.length === 1 ? '' : 's'}: ${unknown.map((placeholder) => `{{${placeholder.raw}}}`).join(', ')}`);
    this.name = 'UnknownPlaceholdersError';
  }
}

/** What the export used, for the summary the user reads. */
export type TemplateUsed =
  | { kind: 'built-in'; name: BuiltInTemplate }
  /** Word files from the client's file; PDFs (the studio cannot lay out Word) from `pdfTemplate` with the same branding. */
  | { kind: 'client'; fileName: string; pdfTemplate: BuiltInTemplate; unknown: string[]; warnings: string[] };

export interface CohortExportOptions {
  project: Project;
  /** Learners to export, in order; default every learner. */
  learnerIds?: readonly string[];
  /** Plans that take the place of the project's saved ones (unsaved edits, drafts). */
  plans?: readonly Plan[];
  /** Only this framework's plans; new drafts use it too. */
  frameworkId?: string;
  /** Draft plans in memory for learners without one (default true). */
  generateMissing?: boolean;
  formats: readonly ExportFormat[];
  folder: string;
  onExisting: OnExisting;
  document: DocumentOptions;
  /** Default: the built-in template `document.template` names (classic when it names none). */
  template?: ExportTemplate;
  /**
   * With a client template: fill it even though it has placeholders the studio does not know
   * (they stay in the files as typed). Without this the export stops before writing anything.
   */
  allowUnknownPlaceholders?: boolean;
  /** Write roster.csv next to the documents (default true). */
  roster?: boolean;
  signal?: AbortSignal;
  /** After each learner: learners done, learners in total, and the learner just exported. */
  onProgress?: (done: number, total: number, current: string) => void;
  /** Reuse a renderer across exports; by default one is made for this batch. */
  pdfRenderer?: PdfRenderer;
  /** The clock, for drafted plans' `generatedAt`. */
  now?: () => Date;
}

export interface ExportSkip {
  learnerId: string;
  name: string;
  file: string | null;
  reason: string;
}

export interface ExportFailure {
  learnerId: string | null;
  name: string;
  file: string;
  message: string;
}

export interface CohortExportSummary {
  /** Learners selected. */
  total: number;
  /** Learners finished (written, skipped or without a plan). */
  done: number;
  /** Absolute paths of the files written, documents then roster. */
  written: string[];
  skipped: ExportSkip[];
  failed: ExportFailure[];
  /** Path of the roster CSV when it was written. */
  roster: string | null;
  /** Plans the engine drafted for this export (not saved to the project). */
  generatedPlans: number;
  cancelled: boolean;
  template: TemplateUsed;
}

type EntryState = 'absent' | 'file' | 'other';

async function entryState(filePath: string): Promise<EntryState> {
  try {
    const info = await lstat(filePath);
    return info.isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

export async function exportCohort(options: CohortExportOptions): Promise<CohortExportSummary> {
  const { project, folder, onExisting, signal } = options;
  const formats = EXPORT_FORMATS.filter((format) => options.formats.includes(format));
  const now = options.now ?? (() => new Date());
  const cohort = resolveCohortPlans(project, {
    ...(options.learnerIds ? { learnerIds: options.learnerIds } : {}),
    ...(options.plans ? { plans: options.plans } : {}),
    ...(options.frameworkId ? { frameworkId: options.frameworkId } : {}),
    generateMissing: options.generateMissing ?? true,
    generatedAt: now().toISOString(),
  });
  const total = cohort.entries.length + cohort.gaps.length + cohort.unknown.length;

  // The template is read before anything is written: a file that is not a .docx, or has unknown
  // placeholders the caller did not allow, stops the export with the folder untouched.
  const builtIn: BuiltInTemplate = options.template?.kind === 'built-in' ? options.template.name : (options.document.template ?? 'classic');
  const documentOptions: DocumentOptions = { ...options.document, template: builtIn };
  const client = options.template?.kind === 'client' && formats.includes('docx') ? options.template : null;
  let inspection: TemplateInspection | null = null;
  if (client) {
    inspection = await inspectClientTemplate(client.bytes);
    if (inspection.unknown.length > 0 && !options.allowUnknownPlaceholders) throw new UnknownPlaceholdersError(client.fileName, inspection.unknown);
  }
  const template: TemplateUsed =
    client && inspection
      ? { kind: 'client', fileName: client.fileName, pdfTemplate: builtIn, unknown: inspection.unknown.map((placeholder) => placeholder.raw), warnings: inspection.warnings }
      : { kind: 'built-in', name: builtIn };
  const summary: CohortExportSummary = {
    total,
    done: 0,
    written: [],
    skipped: [],
    failed: [],
    roster: null,
    generatedPlans: cohort.entries.filter((entry) => entry.generated).length,
    cancelled: false,
    template,
  };
  const rosterRows: RosterRow[] = [];

  await mkdir(folder, { recursive: true });
  // keep-both: never reuse a name already in the folder. overwrite/skip: names are stable from one
  // export to the next, so the same learner's file is the one replaced (or kept).
  const allocator = new FileNameAllocator(onExisting === 'keep-both' ? await readdir(folder) : []);
  allocator.reserve(ROSTER_FILE);

  const buildDocument = createPlanDocument(project, documentOptions);
  const valuesOf = client ? createPlaceholderValues(project, documentOptions) : null;
  const renderWord = async (plan: Plan, model: ReturnType<typeof buildDocument>): Promise<Uint8Array> =>
    client && inspection && valuesOf
      ? fillClientTemplate(client.bytes, valuesOf(plan), { inspection, accentColor: documentOptions.organisation.accentColor, title: model.meta.title })
      : renderDocx(model);
  const pdf = formats.includes('pdf') ? (options.pdfRenderer ?? (await createPdfRenderer())) : null;

  const rosterRow = (entry: Pick<CohortEntry, 'learner'> & { plan: Plan | null; generated: boolean }, files: string[]): RosterRow => ({
    name: entry.learner.name,
    email: entry.learner.email,
    role: project.roles.find((role) => role.id === entry.learner.roleId)?.name ?? '',
    manager: entry.learner.manager,
    team: entry.learner.team,
    planStatus: entry.plan === null ? 'No plan' : entry.generated ? 'Draft (generated for this export, not saved)' : STATUS_LABELS[entry.plan.status],
    files,
  });

  for (const id of cohort.unknown) {
    summary.skipped.push({ learnerId: id, name: id, file: null, reason: `"${id}" is not a learner in this project` });
    summary.done += 1;
  }
  for (const gap of cohort.gaps) {
    summary.skipped.push({ learnerId: gap.learner.id, name: gap.learner.name, file: null, reason: `${gap.learner.name} ${gap.reason}` });
    rosterRows.push(rosterRow({ learner: gap.learner, plan: null, generated: false }, []));
    summary.done += 1;
  }
  if (summary.done > 0) options.onProgress?.(summary.done, total, cohort.gaps.at(-1)?.learner.name ?? '');

  outer: for (const entry of cohort.entries) {
    if (signal?.aborted) {
      summary.cancelled = true;
      break;
    }
    const names = allocator.allocateGroup(entry.learner.name, formats);
    const files: string[] = [];
    const model = buildDocument(entry.plan);
    for (const [index, format] of formats.entries()) {
      if (signal?.aborted) {
        summary.cancelled = true;
        break outer;
      }
      const name = names[index]!;
      const target = resolveInside(folder, name);
      const state = await entryState(target);
      if (state === 'other') {
        summary.failed.push({ learnerId: entry.learner.id, name: entry.learner.name, file: name, message: `"${name}" in the folder is a link or a folder; it was left alone.` });
        continue;
      }
      if (state === 'file' && onExisting === 'skip') {
        summary.skipped.push({ learnerId: entry.learner.id, name: entry.learner.name, file: name, reason: `${name} already exists` });
        files.push(name);
        continue;
      }
      const bytes = format === 'docx' ? await renderWord(entry.plan, model) : await pdf!.render(model);
      // The render may have taken a while: a cancel that came in meanwhile wins over the write.
      if (signal?.aborted) {
        summary.cancelled = true;
        break outer;
      }
      try {
        await writeFileAtomic(target, bytes);
      } catch (error) {
        if (error instanceof SaveError) {
          summary.failed.push({ learnerId: entry.learner.id, name: entry.learner.name, file: name, message: error.message });
          // The disk said no (full, read-only, gone): the next file would fare no better.
          rosterRows.push(rosterRow(entry, files));
          return summary;
        }
        throw error;
      }
      summary.written.push(target);
      files.push(name);
    }
    rosterRows.push(rosterRow(entry, files));
    summary.done += 1;
    options.onProgress?.(summary.done, total, entry.learner.name);
  }

  if (!summary.cancelled && (options.roster ?? true)) {
    const target = resolveInside(folder, ROSTER_FILE);
    const state = await entryState(target);
    if (state === 'other') {
      summary.failed.push({ learnerId: null, name: 'roster', file: ROSTER_FILE, message: `"${ROSTER_FILE}" in the folder is a link or a folder; it was left alone.` });
    } else if (state === 'file' && onExisting === 'skip') {
      summary.skipped.push({ learnerId: '', name: 'roster', file: ROSTER_FILE, reason: `${ROSTER_FILE} already exists` });
    } else {
      const rosterName = state === 'file' && onExisting === 'keep-both' ? allocator.allocate('roster', 'csv') : ROSTER_FILE;
      const rosterPath = resolveInside(folder, rosterName);
      try {
        await writeFileAtomic(rosterPath, rosterCsv(rosterRows));
        summary.written.push(rosterPath);
        summary.roster = rosterPath;
      } catch (error) {
        if (!(error instanceof SaveError)) throw error;
        summary.failed.push({ learnerId: null, name: 'roster', file: rosterName, message: error.message });
      }
    }
  }
  return summary;
}
