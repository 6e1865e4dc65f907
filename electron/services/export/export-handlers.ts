/**
 * The Export workspace's requests, in plain Node: branding files, the preview, one document, a
 * cohort pack with progress and cancel. The cohort runs here in the main process, so the studio's
 * window stays responsive while hundreds of plans are written; cancellation is honoured between
 * documents and never leaves a half-written file (each file is written atomically).
 */
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createManagerSummary, createPlaceholderValues, createPlanDocument, frameworkGuide, imageInfo, type DocumentModel, type DocumentOptions } from '../../../shared/documents';
import type { Plan } from '../../../shared/domain/schema';
import { CLIENT_TEMPLATE_MAX_BYTES, LOGO_MAX_BYTES, type Project } from '../../../shared/domain/schema';
import type { BrandingFileOutcome, DocumentTarget, ExportCohortOutcome, ExportDocumentOutcome, ExportFormat, ExportSummary, PreviewOutcome, StudioError } from '../../../shared/ipc/contract';
import type { MainHandlers } from '../../../shared/ipc/dispatch';
import { SaveError, writeFileAtomic } from '../files/atomic-write';
import type { DialogsPort, EventsPort } from '../studio/ports';
import { describeUnknown, fillClientTemplate, inspectClientTemplate, TemplateError } from './client-template';
import { EXPORT_FORMATS, exportCohort, ROSTER_FILE, UnknownPlaceholdersError, type CohortExportSummary, type TemplateUsed } from './cohort-export';
import { resolveCohortPlans } from './cohort-plans';
import { documentOptionsFor, exportTemplateFor, localIsoDate } from './document-options';
import { renderDocx } from './docx-renderer';
import { FileNameAllocator, resolveInside, safeFileStem } from './file-names';
import { createPdfRenderer, type PdfRenderer } from './pdf-renderer';

export type ExportHandlerNames = 'chooseBrandingFile' | 'previewDocument' | 'exportDocument' | 'exportCohort' | 'cancelExport';
export type ExportHandlers = Pick<MainHandlers, ExportHandlerNames>;

export interface ExportDeps {
  dialogs: Pick<DialogsPort, 'chooseFolder' | 'chooseBrandingFile' | 'chooseExportLocation'>;
  events: EventsPort;
  now?: () => Date;
  /** Shared across exports so the fonts are parsed once per session, not per document. */
  pdfRenderer?: () => Promise<PdfRenderer>;
}

const failed = (code: string, message: string, where?: string): { status: 'failed'; error: StudioError } => ({
  status: 'failed',
  error: { code, message, ...(where ? { path: where } : {}) },
});

function lazyPdfRenderer(): () => Promise<PdfRenderer> {
  let renderer: Promise<PdfRenderer> | null = null;
  return () => {
    renderer ??= createPdfRenderer().catch((error: unknown) => {
      renderer = null;
      throw error;
    });
    return renderer;
  };
}

interface ResolvedDocument {
  model: DocumentModel;
  /** The learner's plan, for a plan or manager summary. */
  plan: Plan | null;
  /** File name without extension, made safe. */
  stem: string;
  notes: string[];
}

/** The document a target names, or why there is none. */
function resolveDocument(project: Project, target: DocumentTarget, options: DocumentOptions, now: Date): ResolvedDocument | StudioError {
  if (target.kind === 'framework-guide') {
    const framework = project.frameworks.find((candidate) => candidate.id === target.frameworkId);
    if (!framework) return { code: 'not-found', message: `The project has no framework "${target.frameworkId}".` };
    return { model: frameworkGuide(project, framework, options), plan: null, stem: safeFileStem(`${framework.name} - framework guide`), notes: [] };
  }
  const cohort = resolveCohortPlans(project, { learnerIds: [target.learnerId], generatedAt: now.toISOString() });
  const entry = cohort.entries[0];
  if (!entry) {
    const reason = cohort.gaps[0] ? `${cohort.gaps[0].learner.name} ${cohort.gaps[0].reason}.` : `The project has no learner "${target.learnerId}".`;
    return { code: 'no-plan', message: reason };
  }
  const build = target.kind === 'plan' ? createPlanDocument(project, options) : createManagerSummary(project, options);
  const suffix = target.kind === 'plan' ? 'learning plan' : 'manager summary';
  return {
    model: build(entry.plan),
    plan: entry.plan,
    stem: safeFileStem(`${entry.learner.name} - ${suffix}`),
    notes: entry.generated ? [`${entry.learner.name} has no saved plan: this is the draft the engine would make today (it is not saved to the project).`] : [],
  };
}

function isError(value: ResolvedDocument | StudioError): value is StudioError {
  return 'code' in value;
}

/** What the people reading the files should know about the template used. */
function templateNotes(template: TemplateUsed): string[] {
  if (template.kind === 'built-in') return [];
  return [
    `Word files were filled into ${template.fileName}; the PDFs use the built-in ${template.pdfTemplate} template with the same branding.`,
    ...(template.unknown.length > 0 ? [`Placeholders left as typed: ${template.unknown.map((name) => `{{${name}}}`).join(', ')}.`] : []),
    ...template.warnings,
  ];
}

function toSummary(summary: CohortExportSummary, folder: string, notes: string[]): ExportSummary {
  return {
    total: summary.total,
    done: summary.done,
    written: summary.written,
    skipped: summary.skipped.map(({ name, file, reason }) => ({ name, file, reason })),
    failed: summary.failed.map(({ name, file, message }) => ({ name, file, message })),
    roster: summary.roster,
    generatedPlans: summary.generatedPlans,
    folder,
    notes,
  };
}

/**
 * The names a cohort export would write, in the same order and with the same numbering as
 * `exportCohort` (overwrite/skip keep names stable), to ask about the ones already there.
 */
export async function existingExportFiles(project: Project, options: { learnerIds?: readonly string[]; formats: readonly ExportFormat[]; folder: string; roster: boolean; now: Date }): Promise<string[]> {
  const formats = EXPORT_FORMATS.filter((format) => options.formats.includes(format));
  const cohort = resolveCohortPlans(project, { ...(options.learnerIds ? { learnerIds: options.learnerIds } : {}), generatedAt: options.now.toISOString() });
  const allocator = new FileNameAllocator([]);
  allocator.reserve(ROSTER_FILE);
  const names = cohort.entries.flatMap((entry) => allocator.allocateGroup(entry.learner.name, formats));
  if (options.roster) names.push(ROSTER_FILE);
  const existing: string[] = [];
  for (const name of names) {
    try {
      await lstat(resolveInside(options.folder, name));
      existing.push(name);
    } catch {
      // absent (or unreadable, which the export itself will report)
    }
  }
  return existing;
}

async function readBrandingFile(kind: 'logo' | 'template', filePath: string): Promise<BrandingFileOutcome> {
  const fileName = path.basename(filePath);
  const limit = kind === 'logo' ? LOGO_MAX_BYTES : CLIENT_TEMPLATE_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return failed('not-a-file', `${fileName} is not a file.`, filePath);
    if (info.size > limit) return failed('too-large', `${fileName} is ${(info.size / 1_000_000).toFixed(1)} MB; a ${kind === 'logo' ? 'logo' : 'Word template'} can be at most ${limit / 1_000_000} MB.`, filePath);
    bytes = new Uint8Array(await readFile(filePath));
  } catch (error) {
    return failed('unreadable', `PLP Studio could not read ${fileName}: ${(error as Error).message.split('\n')[0]}`, filePath);
  }
  if (kind === 'logo') {
    const image = imageInfo(bytes);
    if (!image) return failed('not-an-image', `${fileName} is not a PNG or JPEG image (or is larger than 10,000 pixels a side). Save the logo as PNG or JPEG and choose it again.`, filePath);
    return { status: 'logo', fileName, mediaType: image.format === 'png' ? 'image/png' : 'image/jpeg', data: Buffer.from(bytes).toString('base64') };
  }
  // A .docx is a zip: "PK\x03\x04". The placeholders are checked when the template is used.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return failed('not-a-docx', `${fileName} is not a Word document (.docx). In Word, use File › Save As › Word Document.`, filePath);
  }
  try {
    const inspection = await inspectClientTemplate(bytes);
    return {
      status: 'template',
      fileName,
      data: Buffer.from(bytes).toString('base64'),
      report: {
        placeholders: inspection.placeholders.map((placeholder) => placeholder.raw),
        unknown: inspection.unknown.map((placeholder) => ({ name: placeholder.raw, suggestion: placeholder.suggestion })),
      },
    };
  } catch (error) {
    if (error instanceof TemplateError) return failed('bad-template', `${fileName}: ${error.message}`, filePath);
    throw error;
  }
}

export function createExportHandlers(deps: ExportDeps): ExportHandlers {
  const now = deps.now ?? (() => new Date());
  const pdfRenderer = deps.pdfRenderer ?? lazyPdfRenderer();
  const jobs = new Map<string, AbortController>();

  const renderFormat = async (model: DocumentModel, format: ExportFormat): Promise<Uint8Array> => (format === 'docx' ? renderDocx(model) : (await pdfRenderer()).render(model));

  return {
    async chooseBrandingFile({ kind }) {
      const chosen = await deps.dialogs.chooseBrandingFile(kind);
      if (chosen === null) return { status: 'dismissed' };
      if (!path.isAbsolute(chosen)) return failed('invalid-path', `PLP Studio can only read a full path, not ${JSON.stringify(chosen)}.`);
      return readBrandingFile(kind, chosen);
    },

    async previewDocument({ project, target, includeWarnings }) {
      const today = now();
      const resolved = resolveDocument(project, target, documentOptionsFor(project, { generatedOn: localIsoDate(today), includeWarnings }), today);
      if (isError(resolved)) return { status: 'failed', error: resolved } satisfies PreviewOutcome;
      const pdf = await renderFormat(resolved.model, 'pdf');
      return { status: 'ready', pdfBase64: Buffer.from(pdf).toString('base64'), title: resolved.model.meta.title, notes: resolved.notes };
    },

    async exportDocument({ project, target, includeWarnings, format, allowUnknownPlaceholders }): Promise<ExportDocumentOutcome> {
      const today = now();
      const options = documentOptionsFor(project, { generatedOn: localIsoDate(today), includeWarnings });
      const resolved = resolveDocument(project, target, options, today);
      if (isError(resolved)) return { status: 'failed', error: resolved };
      const notes = [...resolved.notes];
      // The organisation's Word template lays out a learner's plan; other documents use the built-in look.
      const template = exportTemplateFor(project);
      let render = (): Promise<Uint8Array> => renderFormat(resolved.model, format);
      if (format === 'docx' && template.kind === 'client') {
        if (target.kind !== 'plan' || !resolved.plan) {
          notes.push(`${template.fileName} is a plan template; this document uses the built-in ${project.branding.template} template.`);
        } else {
          let inspection;
          try {
            inspection = await inspectClientTemplate(template.bytes);
          } catch (error) {
            if (error instanceof TemplateError) return failed('bad-template', `${template.fileName}: ${error.message}`);
            throw error;
          }
          if (inspection.unknown.length > 0 && !allowUnknownPlaceholders) {
            return { status: 'unknown-placeholders', fileName: template.fileName, unknown: inspection.unknown.map(describeUnknown), folder: null };
          }
          const values = createPlaceholderValues(project, options)(resolved.plan);
          render = () => fillClientTemplate(template.bytes, values, { inspection, accentColor: options.organisation.accentColor, title: resolved.model.meta.title });
          notes.push(`Filled into ${template.fileName}.`);
        }
      }
      const chosen = await deps.dialogs.chooseExportLocation(`${resolved.stem}.${format}`, format);
      if (chosen === null) return { status: 'dismissed' };
      if (!path.isAbsolute(chosen)) return failed('invalid-path', `PLP Studio can only save to a full path, not ${JSON.stringify(chosen)}.`);
      const filePath = path.extname(chosen).toLowerCase() === `.${format}` ? chosen : `${chosen}.${format}`;
      try {
        await writeFileAtomic(filePath, await render());
      } catch (error) {
        if (error instanceof SaveError) return failed(error.code, error.message, filePath);
        throw error;
      }
      return { status: 'exported', filePath, notes };
    },

    async exportCohort(input, context): Promise<ExportCohortOutcome> {
      const { project, jobId, formats, roster } = input;
      if (jobs.has(jobId)) return failed('busy', 'This export is already running.');
      let folder = input.folder ?? null;
      if (folder === null) {
        folder = await deps.dialogs.chooseFolder('Export plans to folder');
        if (folder === null) return { status: 'dismissed' };
      }
      if (!path.isAbsolute(folder)) return failed('invalid-path', `PLP Studio can only export to a full path, not ${JSON.stringify(folder)}.`);
      const today = now();
      if (input.onExisting === 'ask') {
        const existing = await existingExportFiles(project, { ...(input.learnerIds ? { learnerIds: input.learnerIds } : {}), formats, folder, roster, now: today });
        if (existing.length > 0) return { status: 'existing', folder, files: existing };
      }
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        const summary = await exportCohort({
          project,
          ...(input.learnerIds ? { learnerIds: input.learnerIds } : {}),
          formats,
          folder,
          // Nothing is there to collide with when 'ask' found no existing file.
          onExisting: input.onExisting === 'ask' ? 'keep-both' : input.onExisting,
          roster,
          document: documentOptionsFor(project, { generatedOn: input.generatedOn ?? localIsoDate(today), includeWarnings: input.includeWarnings }),
          template: exportTemplateFor(project),
          allowUnknownPlaceholders: input.allowUnknownPlaceholders,
          signal: controller.signal,
          now,
          ...(formats.includes('pdf') ? { pdfRenderer: await pdfRenderer() } : {}),
          onProgress: (done, total, current) => deps.events.send(context.windowId, 'exportProgress', { jobId, done, total, current }),
        });
        const result = toSummary(summary, folder, templateNotes(summary.template));
        return summary.cancelled ? { status: 'cancelled', summary: result } : { status: 'exported', summary: result };
      } catch (error) {
        if (error instanceof UnknownPlaceholdersError) {
          return { status: 'unknown-placeholders', fileName: project.branding.clientTemplate?.fileName ?? '', unknown: error.unknown.map(describeUnknown), folder };
        }
        if (error instanceof TemplateError) return failed('bad-template', error.message);
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === 'string') return failed('io', `PLP Studio could not write to ${folder}: ${(error as Error).message.split('\n')[0]}`, folder);
        throw error;
      } finally {
        jobs.delete(jobId);
      }
    },

    cancelExport({ jobId }) {
      const job = jobs.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
