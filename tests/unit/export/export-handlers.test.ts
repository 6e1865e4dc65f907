/**
 * The Export workspace's requests through the same dispatch the IPC layer uses: payloads
 * validated, answers checked against the contract, dialogs scripted, progress events recorded.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/schema';
import { createHarness, type Harness } from '../studio/harness';
import { loadSample, readDocx, readPdf, repoRoot, squeeze } from './support';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-export-handlers-'));
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

let work: string;
let harness: Harness;
const NOW = () => new Date('2026-03-10T09:00:00Z');

beforeEach(async () => {
  work = await fsp.mkdtemp(path.join(root, 'case-'));
  harness = createHarness({ backupDir: path.join(work, 'backups'), now: NOW });
});

const sample = (): Project => loadSample();
const firstLearners = (project: Project, count: number) => project.learners.slice(0, count).map((learner) => learner.id);

describe('exportCohort', () => {
  it('asks for a folder, writes every selected plan and the roster, and reports progress after each learner', async () => {
    const project = sample();
    const folder = path.join(work, 'out');
    harness.dialogs.enqueue({ folder: [folder] });
    const outcome = await harness.call('exportCohort', { jobId: 'job-first', project, learnerIds: firstLearners(project, 3), formats: ['docx', 'pdf'] });
    expect(outcome.status).toBe('exported');
    if (outcome.status !== 'exported') return;
    expect(outcome.summary).toMatchObject({ total: 3, done: 3, failed: [], folder });
    expect((await fsp.readdir(folder)).sort()).toHaveLength(7);
    expect(outcome.summary.roster).toBe(path.join(folder, 'roster.csv'));
    expect(harness.dialogs.shown).toEqual([{ kind: 'folder', title: 'Export plans to folder' }]);
    expect(harness.sent.map((event) => event.payload)).toEqual([
      { jobId: 'job-first', done: 1, total: 3, current: project.learners[0]!.name },
      { jobId: 'job-first', done: 2, total: 3, current: project.learners[1]!.name },
      { jobId: 'job-first', done: 3, total: 3, current: project.learners[2]!.name },
    ]);
    const pdf = await readPdf(new Uint8Array(await fsp.readFile(outcome.summary.written.find((file) => file.endsWith('.pdf'))!)), { quick: true });
    expect(squeeze(pdf.text)).toContain(squeeze(project.learners[0]!.name));
  });

  it('a dismissed folder dialog exports nothing', async () => {
    harness.dialogs.enqueue({ folder: [null] });
    expect(await harness.call('exportCohort', { jobId: 'job-none', project: sample(), formats: ['pdf'] })).toEqual({ status: 'dismissed' });
  });

  it('with "ask", lists the files already in the folder before writing anything; the chosen answer then applies', async () => {
    const project = sample();
    const folder = path.join(work, 'again');
    const learnerIds = firstLearners(project, 2);
    await harness.call('exportCohort', { jobId: 'job-once', project, learnerIds, formats: ['docx'], folder });
    const before = await fsp.readdir(folder);
    const stamps = await Promise.all(before.map(async (file) => (await fsp.stat(path.join(folder, file))).mtimeMs));

    const asked = await harness.call('exportCohort', { jobId: 'job-twice', project, learnerIds, formats: ['docx'], folder, onExisting: 'ask' });
    expect(asked).toEqual({ status: 'existing', folder, files: expect.arrayContaining(before) });
    if (asked.status !== 'existing') return;
    expect(asked.files).toHaveLength(before.length);
    expect(await Promise.all(before.map(async (file) => (await fsp.stat(path.join(folder, file))).mtimeMs))).toEqual(stamps);

    const skipped = await harness.call('exportCohort', { jobId: 'job-skip', project, learnerIds, formats: ['docx'], folder, onExisting: 'skip' });
    expect(skipped.status === 'exported' && skipped.summary.written).toEqual([]);
    const kept = await harness.call('exportCohort', { jobId: 'job-keep', project, learnerIds, formats: ['docx'], folder, onExisting: 'keep-both' });
    expect(kept.status === 'exported' && kept.summary.written).toHaveLength(3);
    expect(await fsp.readdir(folder)).toHaveLength(before.length * 2);
  });

  it('cancelExport stops between documents: the files written are complete, the rest are not started', async () => {
    const project = sample();
    const folder = path.join(work, 'cancel');
    let cancelled: Promise<unknown> | null = null;
    harness = createHarness({
      backupDir: path.join(work, 'backups'),
      now: NOW,
      onEvent: (event) => {
        const payload = event.payload as { done: number };
        if (payload.done === 2) cancelled = harness.call('cancelExport', { jobId: 'job-cancel' });
      },
    });
    const outcome = await harness.call('exportCohort', { jobId: 'job-cancel', project, formats: ['docx'], folder, onExisting: 'overwrite' });
    expect(await cancelled).toEqual({ cancelled: true });
    expect(outcome.status).toBe('cancelled');
    if (outcome.status !== 'cancelled') return;
    expect(outcome.summary.done).toBe(2);
    expect(outcome.summary.total).toBe(project.learners.length);
    expect(outcome.summary.roster).toBeNull();
    const files = await fsp.readdir(folder);
    expect(files).toHaveLength(2);
    for (const file of files) expect((await readDocx(new Uint8Array(await fsp.readFile(path.join(folder, file))))).problems.size).toBe(0);
    // The job is over: cancelling again finds nothing to cancel.
    expect(await harness.call('cancelExport', { jobId: 'job-cancel' })).toEqual({ cancelled: false });
  });

  it('refuses a payload without a format, or with a relative folder, with a clear message', async () => {
    const refused = await harness.raw('exportCohort', { jobId: 'job-bad01', project: sample(), formats: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('choose Word, PDF or both');
    const relative = await harness.call('exportCohort', { jobId: 'job-rel01', project: sample(), formats: ['pdf'], folder: 'exports' });
    expect(relative).toMatchObject({ status: 'failed', error: { code: 'invalid-path' } });
  });

  it('uses the project branding: the organisation colour reaches the Word file', async () => {
    const project: Project = { ...sample(), branding: { ...sample().branding, accentColor: '#0B6E4F' } };
    const folder = path.join(work, 'branded');
    const outcome = await harness.call('exportCohort', { jobId: 'job-brand', project, learnerIds: firstLearners(project, 1), formats: ['docx'], folder, roster: false });
    if (outcome.status !== 'exported') throw new Error(outcome.status);
    const docx = await readDocx(new Uint8Array(await fsp.readFile(outcome.summary.written[0]!)));
    expect([...docx.parts.values()].join('')).toContain('0B6E4F');
  });
});

describe('previewDocument', () => {
  it('renders the plan as the PDF Export writes, with the learner and a note when the plan is only a draft', async () => {
    const project = sample();
    const learner = project.learners[0]!;
    const outcome = await harness.call('previewDocument', { project, target: { kind: 'plan', learnerId: learner.id } });
    expect(outcome.status).toBe('ready');
    if (outcome.status !== 'ready') return;
    const pdf = await readPdf(new Uint8Array(Buffer.from(outcome.pdfBase64, 'base64')));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(squeeze(pdf.text)).toContain(squeeze(learner.name));
    expect(outcome.title).toContain(learner.name);
    expect(outcome.notes[0]).toMatch(/has no saved plan/);
  });

  it('previews the manager summary on one page and the framework guide', async () => {
    const project = sample();
    const summary = await harness.call('previewDocument', { project, target: { kind: 'manager-summary', learnerId: project.learners[1]!.id } });
    if (summary.status !== 'ready') throw new Error(summary.status);
    expect((await readPdf(new Uint8Array(Buffer.from(summary.pdfBase64, 'base64')), { quick: true })).pages).toBe(1);
    const guide = await harness.call('previewDocument', { project, target: { kind: 'framework-guide', frameworkId: project.frameworks[0]!.id } });
    if (guide.status !== 'ready') throw new Error(guide.status);
    expect(squeeze((await readPdf(new Uint8Array(Buffer.from(guide.pdfBase64, 'base64')))).text)).toContain(squeeze(project.frameworks[0]!.name));
  });

  it('names what is missing instead of failing: an unknown learner or framework', async () => {
    expect(await harness.call('previewDocument', { project: sample(), target: { kind: 'plan', learnerId: 'learner-ghost' } })).toMatchObject({
      status: 'failed',
      error: { code: 'no-plan', message: expect.stringContaining('learner-ghost') },
    });
    expect(await harness.call('previewDocument', { project: sample(), target: { kind: 'framework-guide', frameworkId: 'fw-ghost' } })).toMatchObject({
      status: 'failed',
      error: { code: 'not-found' },
    });
  });
});

describe('exportDocument', () => {
  it('saves one document where the user chooses, adding the extension', async () => {
    const project = sample();
    const chosen = path.join(work, 'Guide for the client');
    harness.dialogs.enqueue({ exportFile: [chosen] });
    const outcome = await harness.call('exportDocument', { project, target: { kind: 'framework-guide', frameworkId: project.frameworks[0]!.id }, format: 'docx' });
    expect(outcome).toEqual({ status: 'exported', filePath: `${chosen}.docx`, notes: [] });
    expect(harness.dialogs.shown[0]).toMatchObject({ kind: 'export-file', format: 'docx', suggestedFileName: expect.stringMatching(/framework guide\.docx$/) });
    expect((await readDocx(new Uint8Array(await fsp.readFile(`${chosen}.docx`)))).problems.size).toBe(0);
  });

  it('a dismissed dialog writes nothing', async () => {
    const project = sample();
    harness.dialogs.enqueue({ exportFile: [null] });
    expect(await harness.call('exportDocument', { project, target: { kind: 'plan', learnerId: project.learners[0]!.id }, format: 'pdf' })).toEqual({ status: 'dismissed' });
  });
});

describe('chooseBrandingFile', () => {
  it('reads a PNG logo as base64 with its media type', async () => {
    const logo = path.join(repoRoot, 'tests/fixtures/export/logo.png');
    harness.dialogs.enqueue({ brandingFile: [logo] });
    const outcome = await harness.call('chooseBrandingFile', { kind: 'logo' });
    expect(outcome).toMatchObject({ status: 'logo', fileName: 'logo.png', mediaType: 'image/png' });
    if (outcome.status === 'logo') expect(Buffer.from(outcome.data, 'base64').equals(await fsp.readFile(logo))).toBe(true);
  });

  it('refuses a file that is not an image, one that is too large, and a template that is not a .docx', async () => {
    const text = path.join(work, 'logo.png');
    await fsp.writeFile(text, '<svg onload="alert(1)"></svg>'.repeat(3));
    const huge = path.join(work, 'huge.png');
    await fsp.writeFile(huge, Buffer.alloc(1_200_000));
    harness.dialogs.enqueue({ brandingFile: [text, huge, text] });
    expect(await harness.call('chooseBrandingFile', { kind: 'logo' })).toMatchObject({ status: 'failed', error: { code: 'not-an-image', message: expect.stringContaining('PNG or JPEG') } });
    expect(await harness.call('chooseBrandingFile', { kind: 'logo' })).toMatchObject({ status: 'failed', error: { code: 'too-large', message: expect.stringContaining('at most 1 MB') } });
    expect(await harness.call('chooseBrandingFile', { kind: 'template' })).toMatchObject({ status: 'failed', error: { code: 'not-a-docx' } });
  });
});

describe('the project’s own Word template', () => {
  const templateFile = (name: string) => path.join(repoRoot, 'tests/fixtures/templates', name);
  const withTemplate = async (name: string): Promise<Project> => {
    const project = sample();
    const data = (await fsp.readFile(templateFile(name))).toString('base64');
    return { ...project, branding: { ...project.branding, template: 'modern', clientTemplate: { fileName: name, data } } };
  };

  it('is checked when chosen: its placeholders, and the unknown ones with a suggestion', async () => {
    harness.dialogs.enqueue({ brandingFile: [templateFile('client-template.docx'), templateFile('misspelt.docx')] });
    const good = await harness.call('chooseBrandingFile', { kind: 'template' });
    expect(good).toMatchObject({ status: 'template', fileName: 'client-template.docx', report: { unknown: [] } });
    if (good.status === 'template') expect(good.report.placeholders).toEqual(expect.arrayContaining(['learner.name', 'plan.goals']));
    const misspelt = await harness.call('chooseBrandingFile', { kind: 'template' });
    if (misspelt.status !== 'template') throw new Error(misspelt.status);
    expect(misspelt.report.unknown).toEqual(expect.arrayContaining([{ name: 'lerner.name', suggestion: 'learner.name' }]));
  });

  it('fills the cohort’s Word files (the PDFs keep the built-in look) and says so', async () => {
    const project = await withTemplate('client-template.docx');
    const folder = path.join(work, 'client');
    const outcome = await harness.call('exportCohort', { jobId: 'job-client', project, learnerIds: firstLearners(project, 1), formats: ['docx', 'pdf'], folder, roster: false });
    if (outcome.status !== 'exported') throw new Error(JSON.stringify(outcome));
    expect(outcome.summary.notes[0]).toBe('Word files were filled into client-template.docx; the PDFs use the built-in modern template with the same branding.');
    const docx = await readDocx(new Uint8Array(await fsp.readFile(outcome.summary.written.find((file) => file.endsWith('.docx'))!)));
    expect(docx.problems.size).toBe(0);
    expect(docx.text).toContain(project.learners[0]!.name);
    expect(docx.text).not.toContain('{{learner.name}}');
    expect([...docx.parts.keys()].some((part) => /^word\/header\d*\.xml$/.test(part))).toBe(true);
  });

  it('with unknown placeholders, asks first (nothing written), then fills around them when the user says so', async () => {
    const project = await withTemplate('misspelt.docx');
    const folder = path.join(work, 'misspelt');
    const base = { project, learnerIds: firstLearners(project, 1), formats: ['docx' as const], folder, roster: false };
    const asked = await harness.call('exportCohort', { ...base, jobId: 'job-ask01' });
    expect(asked).toMatchObject({ status: 'unknown-placeholders', fileName: 'misspelt.docx', folder });
    if (asked.status === 'unknown-placeholders') expect(asked.unknown.some((line) => line.includes('did you mean {{learner.name}}'))).toBe(true);
    await expect(fsp.readdir(folder)).rejects.toThrow();
    const forced = await harness.call('exportCohort', { ...base, jobId: 'job-force1', allowUnknownPlaceholders: true });
    expect(forced.status).toBe('exported');
    expect(await fsp.readdir(folder)).toHaveLength(1);
  });

  it('one plan as Word is filled into it; a framework guide keeps the built-in look, with a note', async () => {
    const project = await withTemplate('client-template.docx');
    const plan = path.join(work, 'plan.docx');
    const guide = path.join(work, 'guide.docx');
    harness.dialogs.enqueue({ exportFile: [plan, guide] });
    const one = await harness.call('exportDocument', { project, target: { kind: 'plan', learnerId: project.learners[0]!.id }, format: 'docx' });
    expect(one).toMatchObject({ status: 'exported', notes: expect.arrayContaining(['Filled into client-template.docx.']) });
    expect((await readDocx(new Uint8Array(await fsp.readFile(plan)))).text).not.toContain('{{');
    const other = await harness.call('exportDocument', { project, target: { kind: 'framework-guide', frameworkId: project.frameworks[0]!.id }, format: 'docx' });
    expect(other).toMatchObject({ status: 'exported', notes: ['client-template.docx is a plan template; this document uses the built-in modern template.'] });
  });
});
