/**
 * Export timings for `npm run bench`: milliseconds per plan for the document model, the Word and
 * PDF renderers, and two floors to read them against — the same content written with `docx`
 * directly and no styling ("bare docx"), and the PDF renderer re-parsing its fonts for every
 * document (what `createPdfRenderer` avoids). Everything stays in memory; nothing is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Document, Footer, Header, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { createPlaceholderValues, createPlanDocument, PLACEHOLDERS, type DocumentModel } from '../../../shared/documents';
import { fillClientTemplate, inspectClientTemplate } from './client-template';
import { createPersonalizer } from '../../../shared/domain/plans';
import { parseProjectText } from '../../../shared/domain/project-file';
import type { Plan, Project } from '../../../shared/domain/schema';
import { renderDocx } from './docx-renderer';
import { readDejaVuFonts } from './fonts';
import { createPdfRenderer } from './pdf-renderer';

export interface BenchExportOptions {
  /** Plans to render (the sample's learners are cloned up to this many). Default 500. */
  learners?: number;
  /** Documents rendered with fonts re-parsed each time (slow; a smaller sample is enough). Default 30. */
  freshFontSample?: number;
  /** A project to clone learners from; default the bundled sample. */
  project?: Project;
  /** Plans filled into a client template (patchDocument re-reads the template each time). Default 100. */
  clientSample?: number;
}

export interface BenchTimes {
  model: number;
  docx: number;
  pdf: number;
  /** The same content with `docx` and no styling. */
  bareDocx: number;
  /** The PDF renderer handing pdfkit font bytes for every document (no parse-once, no shared layouts). */
  pdfFreshFonts: number;
  /** The Word file filled into a client template with every placeholder (values + patchDocument). */
  clientDocx: number;
}

export interface BenchExportResult {
  plans: number;
  /** Wall-clock milliseconds per plan. */
  wallMs: BenchTimes;
  /** CPU milliseconds per plan (this process): steadier than wall-clock on a busy machine. */
  cpuMs: BenchTimes;
  /** Average sizes in KiB. */
  docxKiB: number;
  pdfKiB: number;
  /** Wall-clock seconds for the whole cohort, model + both formats, one after the other. */
  cohortSeconds: number;
}

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/sample/executive-presence.plp');

async function loadSample(): Promise<Project> {
  const parsed = parseProjectText(await readFile(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(`the sample project is invalid: ${parsed.error.message}`);
  return parsed.value.project;
}

/** The project's learners and their assessments cloned until there are `count`. */
export function cloneLearners(project: Project, count: number): Project {
  const learners: Project['learners'] = [];
  const assessments: Project['assessments'] = [];
  const source = project.learners;
  if (source.length === 0) throw new Error('the project has no learners to clone');
  for (let index = 0; index < count; index++) {
    const original = source[index % source.length]!;
    const round = Math.floor(index / source.length);
    const id = round === 0 ? original.id : `${original.id.slice(0, 50)}-c${round}`;
    learners.push({ ...original, id, name: round === 0 ? original.name : `${original.name} ${round + 1}` });
    for (const assessment of project.assessments) {
      if (assessment.learnerId === original.id) assessments.push({ ...assessment, id: `${assessment.id.slice(0, 50)}-c${round}`, learnerId: id });
    }
  }
  return { ...project, learners, assessments, plans: [] };
}

/** The same content with `docx` and nothing else: the floor the styled renderer is measured against. */
export function bareDocx(model: DocumentModel): Promise<Buffer> {
  const text = (runs: readonly { text: string }[]): string => runs.map((run) => run.text).join('');
  const children: (Paragraph | Table)[] = [];
  if (model.cover) {
    children.push(new Paragraph({ heading: HeadingLevel.TITLE, text: model.cover.title }));
    for (const field of model.cover.fields) children.push(new Paragraph(`${field.key}: ${text(field.value)}`));
  }
  for (const section of model.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.title }));
    for (const block of section.blocks) {
      switch (block.type) {
        case 'heading':
          children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: block.text }));
          break;
        case 'paragraph':
          children.push(new Paragraph({ children: [new TextRun(text(block.runs))] }));
          break;
        case 'bullets':
          for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text(item))] }));
          break;
        case 'key-value':
          for (const entry of block.entries) children.push(new Paragraph(`${entry.key}: ${text(entry.value)}`));
          break;
        case 'table':
          children.push(
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: [
                new TableRow({ tableHeader: true, children: block.columns.map((column) => new TableCell({ children: [new Paragraph(column.header)] })) }),
                ...block.rows.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: cell.lines.map((line) => new Paragraph(text(line))) })) })),
              ],
            }),
          );
          break;
        case 'timeline':
          for (const bar of block.bars) children.push(new Paragraph(`${bar.start} – ${bar.end}: ${bar.label}`));
          break;
        case 'sign-off':
          for (const party of block.parties) children.push(new Paragraph(`${party.role}: ${party.name} ________ Date ________`));
          break;
        case 'page-break':
          break;
      }
    }
  }
  return Packer.toBuffer(new Document({ title: model.meta.title, sections: [{ children }] }));
}

/** A client template with every placeholder once, each on a line of its own, and a header and footer that use two. */
export async function benchClientTemplate(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('ACME · {{learner.name}}')] }) },
        footers: { default: new Footer({ children: [new Paragraph('{{organisation.name}} · confidential')] }) },
        children: PLACEHOLDERS.flatMap((info) => [new Paragraph({ heading: HeadingLevel.HEADING_2, text: info.name }), new Paragraph(`{{${info.name}}}`)]),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function time<T>(items: readonly T[], run: (item: T) => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const start = performance.now();
  const cpu = cpuNow();
  for (const item of items) await run(item);
  const count = Math.max(1, items.length);
  return { wall: (performance.now() - start) / count, cpu: (cpuNow() - cpu) / count };
}

export async function benchExport(options: BenchExportOptions = {}): Promise<BenchExportResult> {
  const count = Math.max(1, Math.floor(options.learners ?? 500));
  const project = cloneLearners(options.project ?? (await loadSample()), count);
  const framework = project.frameworks[0];
  if (!framework) throw new Error('the project has no framework');
  const personalize = createPersonalizer(project, framework.id);
  const plans: Plan[] = project.learners.map((learner, index) => personalize(learner.id, { planId: `bench-${index}`, itemId: (item) => `bench-${index}-${item}`, generatedAt: '2026-03-10T09:00:00.000Z' }).plan);
  const documentOptions = { organisation: { name: project.meta.clientOrganisation || 'Organisation', accentColor: '#1F4E79' }, generatedOn: '2026-03-10' };

  // Warm-up: JIT, font parsing, docx's own first-use setup.
  const build = createPlanDocument(project, documentOptions);
  const warm = build(plans[0]!);
  const pdf = await createPdfRenderer();
  await renderDocx(warm);
  await pdf.render(warm);
  await bareDocx(warm);

  const models: DocumentModel[] = [];
  const modelMs = await time(plans, (plan) => models.push(build(plan)));
  let docxBytes = 0;
  let pdfBytes = 0;
  const docxMs = await time(models, async (model) => (docxBytes += (await renderDocx(model)).length));
  const pdfMs = await time(models, async (model) => (pdfBytes += (await pdf.render(model)).length));
  const bareDocxMs = await time(models, (model) => bareDocx(model));
  const fonts = await readDejaVuFonts();
  const fresh = models.slice(0, Math.max(1, Math.min(models.length, options.freshFontSample ?? 30)));
  // Bytes instead of parsed fonts: pdfkit parses them again for each document.
  const pdfFreshFontsMs = await time(fresh, async (model) => (await createPdfRenderer({ fonts: { ...fonts }, parse: false })).render(model));
  const template = await benchClientTemplate();
  const inspection = await inspectClientTemplate(template);
  const valuesOf = createPlaceholderValues(project, documentOptions);
  await fillClientTemplate(template, valuesOf(plans[0]!), { inspection });
  const clientPlans = plans.slice(0, Math.max(1, Math.min(plans.length, options.clientSample ?? 100)));
  const clientDocxMs = await time(clientPlans, (plan) => fillClientTemplate(template, valuesOf(plan), { inspection }));

  const round = (value: number): number => Math.round(value * 100) / 100;
  const pick = (key: 'wall' | 'cpu'): BenchTimes => ({
    model: round(modelMs[key]),
    docx: round(docxMs[key]),
    pdf: round(pdfMs[key]),
    bareDocx: round(bareDocxMs[key]),
    pdfFreshFonts: round(pdfFreshFontsMs[key]),
    clientDocx: round(clientDocxMs[key]),
  });
  return {
    plans: models.length,
    wallMs: pick('wall'),
    cpuMs: pick('cpu'),
    docxKiB: round(docxBytes / models.length / 1024),
    pdfKiB: round(pdfBytes / models.length / 1024),
    cohortSeconds: round(((modelMs.wall + docxMs.wall + pdfMs.wall) * models.length) / 1000),
  };
}

/** Writes the bench cohort's plans as .docx files (for peers such as LibreOffice); returns their paths. */
export async function writeBenchDocx(folder: string, learners: number): Promise<string[]> {
  const project = cloneLearners(await loadSample(), Math.max(1, Math.floor(learners)));
  const framework = project.frameworks[0];
  if (!framework) throw new Error('the project has no framework');
  const personalize = createPersonalizer(project, framework.id);
  const build = createPlanDocument(project, { organisation: { name: project.meta.clientOrganisation || 'Organisation', accentColor: '#1F4E79' }, generatedOn: '2026-03-10' });
  const files: string[] = [];
  for (const [index, learner] of project.learners.entries()) {
    const { plan } = personalize(learner.id, { planId: `bench-${index}`, itemId: (item) => `bench-${index}-${item}`, generatedAt: '2026-03-10T09:00:00.000Z' });
    const file = path.join(folder, `plan-${index}.docx`);
    await writeFile(file, await renderDocx(build(plan)));
    files.push(file);
  }
  return files;
}
