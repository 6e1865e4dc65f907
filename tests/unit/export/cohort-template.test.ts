/**
 * The cohort export service with a template choice: a built-in name overrides the document
 * options, a client template fills the Word files (PDFs stay built-in), and unknown placeholders
 * stop the export before the folder exists unless they are allowed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCohort, UnknownPlaceholdersError } from '../../../electron/services/export/cohort-export';
import { TemplateError } from '../../../electron/services/export/client-template';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { makeTempDir } from '../../support/temp';
import { loadSample, OPTIONS, readDocx } from './support';

const project = loadSample();
const temp = makeTempDir('plp-export-template-');
const FIXTURES = join(import.meta.dirname, '../../fixtures/templates');
const template = (name: string) => ({ kind: 'client' as const, fileName: name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) });
const ONE = [project.learners[0]!.id];
let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
});
afterAll(() => temp.remove());

const base = { project, learnerIds: ONE, onExisting: 'overwrite' as const, document: OPTIONS, roster: false };

describe('exportCohort with a template', () => {
  it('a built-in name wins over the document options and is reported', async () => {
    const folder = join(temp.dir, 'modern');
    const summary = await exportCohort({ ...base, formats: ['docx'], folder, document: { ...OPTIONS, template: 'classic' }, template: { kind: 'built-in', name: 'modern' } });
    expect(summary.template).toEqual({ kind: 'built-in', name: 'modern' });
    const docx = await readDocx(new Uint8Array(readFileSync(join(folder, 'Priya Nair.docx'))));
    expect(docx.parts.get('word/styles.xml')).toMatch(/w:styleId="Heading1"[\s\S]*?<w:pBdr><w:left /);
  });

  it('a client template fills the Word file; the PDF uses the document options’ built-in look', async () => {
    const folder = join(temp.dir, 'client');
    const summary = await exportCohort({ ...base, formats: ['docx', 'pdf'], folder, pdfRenderer: renderer, document: { ...OPTIONS, template: 'modern' }, template: template('client-template.docx') });
    expect(summary.template).toEqual({ kind: 'client', fileName: 'client-template.docx', pdfTemplate: 'modern', unknown: [], warnings: [] });
    expect(readdirSync(folder).sort()).toEqual(['Priya Nair.docx', 'Priya Nair.pdf']);
    const docx = await readDocx(new Uint8Array(readFileSync(join(folder, 'Priya Nair.docx'))));
    expect(docx.text).toContain('Individual development plan');
    expect(docx.text).not.toContain('{{');
  });

  it('unknown placeholders: refused before the folder is made, or filled around when allowed', async () => {
    const refused = join(temp.dir, 'refused');
    const error = await exportCohort({ ...base, formats: ['docx'], folder: refused, template: template('misspelt.docx') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownPlaceholdersError);
    expect((error as UnknownPlaceholdersError).unknown.map((placeholder) => placeholder.raw)).toEqual(['lerner.name', 'plan.goal', 'email', 'totally.unknown', 'organisaton.name']);
    expect(existsSync(refused)).toBe(false);

    const allowed = join(temp.dir, 'allowed');
    const summary = await exportCohort({ ...base, formats: ['docx'], folder: allowed, template: template('misspelt.docx'), allowUnknownPlaceholders: true });
    expect(summary.written).toHaveLength(1);
    expect(summary.template).toMatchObject({ kind: 'client', unknown: ['lerner.name', 'plan.goal', 'email', 'totally.unknown', 'organisaton.name'] });
  });

  it('a client template is not read when no Word file is asked for', async () => {
    const folder = join(temp.dir, 'pdf-only');
    const summary = await exportCohort({ ...base, formats: ['pdf'], folder, pdfRenderer: renderer, template: { kind: 'client', fileName: 'broken.docx', bytes: new Uint8Array([1, 2, 3]) } });
    expect(summary.template).toEqual({ kind: 'built-in', name: 'classic' });
    expect(readdirSync(folder)).toEqual(['Priya Nair.pdf']);
  });

  it('a file that is not a .docx stops the export with a TemplateError', async () => {
    const folder = join(temp.dir, 'broken');
    await expect(exportCohort({ ...base, formats: ['docx'], folder, template: { kind: 'client', fileName: 'broken.docx', bytes: new Uint8Array([1, 2, 3]) } })).rejects.toBeInstanceOf(TemplateError);
    expect(existsSync(folder)).toBe(false);
  });
});
