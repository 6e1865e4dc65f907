import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCohort, type CohortExportSummary } from '../../../electron/services/export/cohort-export';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { makeTempDir, mountTmpfs } from '../../support/temp';
import { expectReadable, loadSample, OPTIONS } from './support';

const project = loadSample();
const temp = makeTempDir('plp-export-');
let renderer: PdfRenderer;
let counter = 0;
const freshFolder = (): string => join(temp.dir, `out-${++counter}`);
const FIRST_FOUR = project.learners.slice(0, 4).map((learner) => learner.id);

beforeAll(async () => {
  renderer = await createPdfRenderer();
});
afterAll(() => temp.remove());

describe('exportCohort', () => {
  let folder: string;
  let summary: CohortExportSummary;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    folder = freshFolder();
    // A third of the cohort: the CLI test exports all twelve.
    summary = await exportCohort({
      project,
      learnerIds: FIRST_FOUR,
      formats: ['docx', 'pdf'],
      folder,
      onExisting: 'overwrite',
      document: OPTIONS,
      pdfRenderer: renderer,
      onProgress: (done, total, current) => progress.push([done, total, current]),
    });
  });

  it('writes a .docx and a .pdf per learner, named after them, and a roster', () => {
    expect(summary).toMatchObject({ total: 4, done: 4, cancelled: false, failed: [], skipped: [], generatedPlans: 4 });
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(9);
    expect(files).toContain('Priya Nair.docx');
    expect(files).toContain('Priya Nair.pdf');
    expect(files).toContain('Sofía Ramírez.pdf');
    expect(files).toContain('roster.csv');
    expect(files.filter((file) => file.startsWith('.'))).toEqual([]);
    expect(summary.written).toHaveLength(9);
  });

  it('reports progress per learner', () => {
    expect(progress).toHaveLength(4);
    expect(progress[0]).toEqual([1, 4, 'Priya Nair']);
    expect(progress.at(-1)).toEqual([4, 4, project.learners[3]!.name]);
  });

  it('writes documents every reader can open', async () => {
    await expectReadable(folder, project.learners.map((learner) => learner.name));
  });

  it('lists every learner in the roster with their files', () => {
    const roster = readFileSync(join(folder, 'roster.csv'), 'utf8');
    expect(roster.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(roster).toContain('Priya Nair,priya.nair@meridianbio.example,"Account Manager, Cell Therapy",Daniel Okafor,Northeast,"Draft (generated for this export, not saved)",Priya Nair.docx; Priya Nair.pdf');
  });

  it('skips existing files, keeps both, or overwrites, as asked', async () => {
    const before = statSync(join(folder, 'Priya Nair.pdf')).mtimeMs;
    const skip = await exportCohort({ project, learnerIds: ['learner-priya-nair'], formats: ['pdf'], folder, onExisting: 'skip', document: OPTIONS, pdfRenderer: renderer });
    expect(skip.written).toEqual([]);
    expect(skip.skipped.map((entry) => entry.file)).toEqual(['Priya Nair.pdf', 'roster.csv']);
    expect(statSync(join(folder, 'Priya Nair.pdf')).mtimeMs).toBe(before);

    const both = await exportCohort({ project, learnerIds: ['learner-priya-nair'], formats: ['docx', 'pdf'], folder, onExisting: 'keep-both', document: OPTIONS, pdfRenderer: renderer });
    expect(both.written.map((file) => file.slice(folder.length + 1))).toEqual(['Priya Nair (2).docx', 'Priya Nair (2).pdf', 'roster (2).csv']);

    writeFileSync(join(folder, 'Marcus Bell.docx'), 'not a document');
    const overwrite = await exportCohort({ project, learnerIds: ['learner-marcus-bell'], formats: ['docx'], folder, onExisting: 'overwrite', document: OPTIONS, roster: false });
    expect(overwrite.written).toEqual([join(folder, 'Marcus Bell.docx')]);
    expect(readFileSync(join(folder, 'Marcus Bell.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('never writes through a link planted in the folder', async () => {
    const target = freshFolder();
    mkdirSync(target);
    const outside = join(temp.dir, 'outside.pdf');
    writeFileSync(outside, 'precious');
    symlinkSync(outside, join(target, 'Priya Nair.pdf'));
    const result = await exportCohort({ project, learnerIds: ['learner-priya-nair'], formats: ['pdf'], folder: target, onExisting: 'overwrite', document: OPTIONS, pdfRenderer: renderer, roster: false });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.message).toContain('link or a folder');
    expect(readFileSync(outside, 'utf8')).toBe('precious');
  });

  it('cancelled half-way: stops between documents, leaves only complete files, says so', async () => {
    const target = freshFolder();
    const controller = new AbortController();
    const result = await exportCohort({
      project,
      formats: ['docx', 'pdf'],
      folder: target,
      onExisting: 'overwrite',
      document: OPTIONS,
      pdfRenderer: renderer,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 6) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.done).toBe(6);
    const files = readdirSync(target).sort();
    expect(files).toHaveLength(12); // 6 of 12 learners × 2 formats, no roster, no temp files
    expect(files.every((file) => /\.(docx|pdf)$/.test(file) && !file.startsWith('.'))).toBe(true);
    expect(result.written).toHaveLength(12);
    await expectReadable(target, project.learners.map((learner) => learner.name));
  });

  it('a cancel before the first document writes nothing', async () => {
    const target = freshFolder();
    const controller = new AbortController();
    controller.abort();
    const result = await exportCohort({ project, formats: ['pdf'], folder: target, onExisting: 'overwrite', document: OPTIONS, pdfRenderer: renderer, signal: controller.signal });
    expect(result).toMatchObject({ cancelled: true, done: 0, written: [] });
    expect(readdirSync(target)).toEqual([]);
  });

  it('exports saved plans as they are and names duplicate learners apart', async () => {
    const twins = structuredClone(project);
    twins.learners[1]!.name = twins.learners[0]!.name;
    const target = freshFolder();
    const result = await exportCohort({ project: twins, learnerIds: [twins.learners[0]!.id, twins.learners[1]!.id], formats: ['docx'], folder: target, onExisting: 'overwrite', document: OPTIONS });
    expect(readdirSync(target).sort()).toEqual(['Priya Nair (2).docx', 'Priya Nair.docx', 'roster.csv']);
    expect(result.generatedPlans).toBe(2);
  });

  it('on a full disk: stops, reports it, and leaves no partial file', async () => {
    const disk = mountTmpfs('160k');
    try {
      const result = await exportCohort({ project, formats: ['pdf'], folder: disk.dir, onExisting: 'overwrite', document: OPTIONS, pdfRenderer: renderer });
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]!.message).toMatch(/disk is full/i);
      const files = readdirSync(disk.dir);
      expect(files.length).toBe(result.written.length);
      expect(files.every((file) => !file.startsWith('.'))).toBe(true);
      await expectReadable(disk.dir, project.learners.map((learner) => learner.name));
    } finally {
      disk.unmount();
    }
  });

  it('reports learners that are not in the project, and learners no plan can be made for', async () => {
    const noFramework = { ...structuredClone(project), frameworks: [] };
    const target = freshFolder();
    const result = await exportCohort({ project: noFramework, learnerIds: ['learner-priya-nair', 'ghost'], formats: ['docx'], folder: target, onExisting: 'overwrite', document: OPTIONS });
    expect(result.written).toEqual([join(target, 'roster.csv')]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['"ghost" is not a learner in this project', 'Priya Nair has no plan, and the project has no framework to draft one']);
    expect(readFileSync(join(target, 'roster.csv'), 'utf8')).toContain('Priya Nair,priya.nair@meridianbio.example,"Account Manager, Cell Therapy",Daniel Okafor,Northeast,No plan,');
  });

  it('creates the folder when it does not exist yet', async () => {
    const target = join(freshFolder(), 'nested', 'deeper');
    await exportCohort({ project, learnerIds: ['learner-priya-nair'], formats: ['docx'], folder: target, onExisting: 'overwrite', document: OPTIONS, roster: false });
    expect(existsSync(join(target, 'Priya Nair.docx'))).toBe(true);
  });
});
