/**
 * Built-in templates and fonts: each option reaches the model, both renderers draw each look
 * (and it differs where it should), and a batch mixing fonts embeds the right family in each PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, frameworkGuide, isBuiltInTemplate, managerSummary, planDocument, type DocumentOptions } from '../../../shared/documents';
import { resolveOptions } from '../../../shared/documents/options';
import { renderDocx, WORD_FONTS } from '../../../electron/services/export/docx-renderer';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { draftPlans, loadSample, OPTIONS, readDocx, readPdf, squeeze } from './support';

const project = loadSample();
const plan = draftPlans(project)[0]!;
const options = (template: 'classic' | 'modern', font: 'sans' | 'serif'): DocumentOptions => ({ ...OPTIONS, template, font });

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
});

describe('template and font options', () => {
  it('two built-in templates with labels and descriptions; classic and sans by default', () => {
    expect(BUILT_IN_TEMPLATES.map((template) => template.id)).toEqual(['classic', 'modern']);
    for (const template of BUILT_IN_TEMPLATES) {
      expect(template.label.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(40);
    }
    expect(resolveOptions(project, OPTIONS)).toMatchObject({ template: 'classic', font: 'sans' });
    expect(resolveOptions(project, { ...OPTIONS, template: 'fancy' as never, font: 'mono' as never })).toMatchObject({ template: 'classic', font: 'sans' });
    expect(isBuiltInTemplate('modern')).toBe(true);
    expect(isBuiltInTemplate('Modern')).toBe(false);
  });

  it('every document kind carries the look in its theme', () => {
    const chosen = options('modern', 'serif');
    const expected = { accentColor: '0B6E4F', template: 'modern', font: 'serif' };
    expect(planDocument(project, plan, chosen).theme).toEqual(expected);
    expect(managerSummary(project, plan, chosen).theme).toEqual(expected);
    expect(frameworkGuide(project, project.frameworks[0]!, chosen).theme).toEqual(expected);
  });
});

describe('Word', () => {
  it('sans is Calibri, serif is Cambria, in the document defaults and every heading', async () => {
    for (const font of ['sans', 'serif'] as const) {
      const docx = await readDocx(await renderDocx(planDocument(project, plan, options('classic', font))));
      const styles = docx.parts.get('word/styles.xml')!;
      expect(styles).toContain(`w:ascii="${WORD_FONTS[font]}"`);
      expect(styles).not.toContain(WORD_FONTS[font === 'sans' ? 'serif' : 'sans']);
    }
  });

  it('classic: accent-filled table headers, shaded rows, a rule under headings; modern: none of those, a bar beside headings', async () => {
    const classic = await readDocx(await renderDocx(planDocument(project, plan, options('classic', 'sans'))));
    const modern = await readDocx(await renderDocx(planDocument(project, plan, options('modern', 'sans'))));
    for (const docx of [classic, modern]) expect(Object.fromEntries(docx.problems)).toEqual({});
    const heading1 = (styles: string): string => /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(heading1(classic.parts.get('word/styles.xml')!)).toMatch(/<w:pBdr><w:bottom /);
    expect(heading1(modern.parts.get('word/styles.xml')!)).toMatch(/<w:pBdr><w:left [^>]*w:color="0B6E4F"/);
    const headerRow = (document: string): string => /<w:tr><w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>[\s\S]*?<\/w:tr>/.exec(document)![0];
    expect(headerRow(classic.document)).toContain('w:fill="0B6E4F"');
    expect(headerRow(modern.document)).not.toContain('w:fill="0B6E4F"');
    expect(headerRow(modern.document)).toMatch(/<w:bottom w:val="single"[^>]*w:color="0B6E4F"/);
    expect(classic.document).toContain('w:fill="F6F8FA"');
    // Modern's cover: the bar is a cell filled in the accent colour; the title is in ink, not on colour.
    expect(modern.document).toContain('w:fill="0B6E4F"');
    // Same words in both.
    expect(squeeze(modern.text)).toContain(squeeze('Prioritized learning goals'));
    expect(squeeze(modern.text)).toContain(squeeze('Executive Presence Foundations'));
  });
});

describe('PDF', () => {
  it('a batch that mixes fonts embeds DejaVu Serif or Sans in each document, as asked', async () => {
    for (const font of ['serif', 'sans', 'serif'] as const) {
      const bytes = Buffer.from(await renderer.render(planDocument(project, plan, options('modern', font))));
      expect(bytes.includes('DejaVuSerif'), font).toBe(font === 'serif');
      expect(bytes.includes('DejaVuSans'), font).toBe(font === 'sans');
      const pdf = await readPdf(bytes, { quick: true });
      expect(squeeze(pdf.text)).toContain(squeeze('Personalized learning plan'));
    }
  });

  it('modern draws the same text as classic, on as many pages or more', async () => {
    const classic = await readPdf(await renderer.render(planDocument(project, plan, options('classic', 'sans'))));
    const modern = await readPdf(await renderer.render(planDocument(project, plan, options('modern', 'sans'))));
    expect(squeeze(modern.text)).toBe(squeeze(classic.text));
    expect(modern.pages).toBeGreaterThanOrEqual(5);
    const summary = await readPdf(await renderer.render(managerSummary(project, plan, options('modern', 'serif'))), { quick: true });
    expect(squeeze(summary.text)).toContain(squeeze('Priya Nair'));
  });
});
