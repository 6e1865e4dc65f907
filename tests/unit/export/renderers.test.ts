/**
 * Both renderers on the sample learner's plan, read back the way a reader's software reads them:
 * Word parts must parse (Word refuses a document with one bad part), mammoth must find the text
 * and the headings; pdfjs must open the PDF and find the same text, metadata and only safe links.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkGuide, managerSummary, planDocument, type DocumentModel } from '../../../shared/documents';
import { renderDocx } from '../../../electron/services/export/docx-renderer';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { docxLinkTargets, draftPlans, loadSample, OPTIONS, readDocx, readPdf, repoRoot, SAFE_LINK, squeeze, xmlProblem, type DocxReadBack, type PdfReadBack } from './support';

const project = loadSample();
const plan = draftPlans(project)[0]!;
const model = planDocument(project, plan, OPTIONS);

/** Values a manager must find in Priya's plan, whatever the format. */
const EXPECTED = [
  'Personalized learning plan',
  'Priya Nair',
  'Account Manager, Cell Therapy',
  'Daniel Okafor',
  'About the employee',
  'Prioritized learning goals',
  'Activities and resources',
  'Timeline and milestones',
  'Expectations for participation',
  'Assessment and feedback',
  'Executive communication', // a goal capability
  'Executive Presence Foundations', // an activity
  'Boardroom Ready: presenting to hospital executives',
  '16 Mar 2026', // a date
  '2 Jul 2026',
  'Manager check-in',
];

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
});

describe('xmlProblem (the test suite’s own well-formedness check)', () => {
  it('accepts well-formed XML and rejects the usual breakages', () => {
    expect(xmlProblem('<?xml version="1.0"?><a x="1" y=\'&amp;\'><b/>t &lt; &#x41;<![CDATA[<x>]]></a>')).toBeNull();
    expect(xmlProblem('<a><b></a></b>')).not.toBeNull();
    expect(xmlProblem('<a>&nbsp;</a>')).not.toBeNull();
    expect(xmlProblem('<a>x & y</a>')).not.toBeNull();
    expect(xmlProblem('<a>]]></a>')).not.toBeNull();
    expect(xmlProblem('<a x="<"/>')).not.toBeNull();
    expect(xmlProblem('<a x="1" x="2"/>')).not.toBeNull();
    expect(xmlProblem('<a>\u0001</a>')).not.toBeNull();
    expect(xmlProblem('<a/><b/>')).not.toBeNull();
    expect(xmlProblem('<a>')).not.toBeNull();
  });
});

describe('Word renderer', () => {
  let docx: DocxReadBack;
  beforeAll(async () => {
    docx = await readDocx(await renderDocx(model));
  });

  it('writes only well-formed XML parts', () => {
    expect(docx.parts.size).toBeGreaterThan(8);
    expect(Object.fromEntries(docx.problems)).toEqual({});
  });

  it('has the sections and the learner’s values', () => {
    const text = squeeze(docx.text);
    for (const value of EXPECTED) expect(text, value).toContain(squeeze(value));
  });

  it('uses real heading styles, so Word’s navigation pane works', () => {
    expect(docx.document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(docx.document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docx.html).toContain('<h1>About the employee</h1>');
    expect(docx.html).toContain('<h2>Current capability assessment</h2>');
    expect(docx.parts.get('word/styles.xml')).toMatch(/w:styleId="Heading1"/);
  });

  it('repeats table header rows on every page', () => {
    const headers = docx.document.match(/<w:tblHeader\/>/g) ?? [];
    // capability, goals, activities, Gantt and dated timeline tables
    expect(headers.length).toBeGreaterThanOrEqual(5);
  });

  it('sets title, author and language, and numbers pages in the footer', () => {
    const core = docx.parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Personalized learning plan — Priya Nair</dc:title>');
    expect(core).toContain('<dc:creator>Meridian Biotherapeutics</dc:creator>');
    expect(docx.parts.get('word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    const footers = [...docx.parts].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, xml]) => xml).join('');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain('Priya Nair · Personalized learning plan');
  });

  it('links only to http, https and mailto targets', () => {
    const targets = docxLinkTargets(docx);
    expect(targets).toContain('https://learning.meridianbio.example/ep/foundations');
    for (const target of targets) expect(target).toMatch(SAFE_LINK);
  });

  it('uses the accent colour', () => {
    expect(docx.document).toContain('w:fill="0B6E4F"');
  });

  it('writes US English when asked', async () => {
    const us = await readDocx(await renderDocx(planDocument(project, plan, { ...OPTIONS, language: 'en-US' })));
    expect(us.parts.get('word/styles.xml')).toContain('<w:lang w:val="en-US"/>');
    expect(squeeze(us.text)).toContain(squeeze('Mar 16, 2026'));
  });
});

describe('PDF renderer', () => {
  let pdf: PdfReadBack;
  beforeAll(async () => {
    pdf = await readPdf(await renderer.render(model));
  });

  it('opens in pdfjs with the learner’s values as selectable text', () => {
    const text = squeeze(pdf.text);
    for (const value of EXPECTED) expect(text, value).toContain(squeeze(value));
  });

  it('has several pages numbered "Page X of Y", a title and a language', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pageTexts[1]).toContain(`Page 2 of ${pdf.pages}`);
    expect(pdf.title).toBe('Personalized learning plan — Priya Nair');
    expect(pdf.language).toBe('en-GB');
  });

  it('has clickable links, all http, https or mailto', () => {
    expect(pdf.links).toContain('https://learning.meridianbio.example/ep/foundations');
    expect(pdf.links.some((link) => link.startsWith('mailto:'))).toBe(true);
    for (const link of pdf.links) expect(link).toMatch(SAFE_LINK);
  });

  it('repeats a table’s header on the page it continues on', async () => {
    // 60 goals: the goals table runs over several pages.
    const long: DocumentModel = {
      ...model,
      cover: null,
      sections: [
        {
          id: 'long',
          title: 'Long table',
          blocks: [
            {
              type: 'table',
              columns: [
                { header: 'Capability header', width: 1 },
                { header: 'Why header', width: 2 },
              ],
              rows: Array.from({ length: 60 }, (_, index) => [{ lines: [[{ text: `Row ${index}` }]] }, { lines: [[{ text: 'A reason that takes a few words. '.repeat(3) }]] }]),
            },
          ],
        },
      ],
    };
    const read = await readPdf(await renderer.render(long));
    expect(read.pages).toBeGreaterThanOrEqual(2);
    for (const page of read.pageTexts) expect(page).toContain('Capability header');
    expect(squeeze(read.text)).toContain('Row59');
  });

  it('breaks a long timeline across pages and keeps every bar', async () => {
    const bars = Array.from({ length: 90 }, (_, index) => ({
      label: `Item ${index}`,
      start: `2026-${String((index % 12) + 1).padStart(2, '0')}-01`,
      end: `2026-${String((index % 12) + 1).padStart(2, '0')}-20`,
      kind: index % 10 === 0 ? ('check-in' as const) : ('core' as const),
      milestone: index % 10 === 0,
    }));
    const long: DocumentModel = { ...model, cover: null, sections: [{ id: 't', title: 'Timeline', blocks: [{ type: 'timeline', start: '2026-01-01', end: '2026-12-31', bars }] }] };
    const read = await readPdf(await renderer.render(long));
    expect(read.pages).toBeGreaterThanOrEqual(2);
    expect(squeeze(read.text)).toContain('Item89');
    for (const page of read.pageTexts) expect(page).toMatch(/Jan|Feb/);
  });

  it('renders many documents with one renderer (fonts loaded once)', async () => {
    const again = await readPdf(await renderer.render(managerSummary(project, plan, OPTIONS)));
    expect(again.pages).toBe(1);
    expect(squeeze(again.text)).toContain(squeeze('What you do as the manager'));
    const guide = await readPdf(await renderer.render(frameworkGuide(project, project.frameworks[0]!, OPTIONS)));
    expect(guide.pages).toBeGreaterThanOrEqual(3);
    expect(squeeze(guide.text)).toContain(squeeze('Runs a 15-minute C-suite meeting'));
  });
});

describe('manager summary and framework guide in Word', () => {
  it('are well-formed and carry their content', async () => {
    for (const doc of [managerSummary(project, plan, OPTIONS), frameworkGuide(project, project.frameworks[0]!, OPTIONS)]) {
      const read = await readDocx(await renderDocx(doc));
      expect(Object.fromEntries(read.problems)).toEqual({});
      expect(read.html).toContain('<h1>');
      expect(read.text.length).toBeGreaterThan(500);
    }
  });
});

describe('logos', () => {
  it('a damaged logo does not stop either document', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0, 32, 8, 6, 0, 0, 0, 1, 2, 3]);
    const withLogo = managerSummary(project, plan, { ...OPTIONS, organisation: { ...OPTIONS.organisation, logo: png } });
    expect(withLogo.organisation.logo).not.toBeNull();
    const pdf = await readPdf(await renderer.render(withLogo));
    expect(pdf.pages).toBe(1);
    const docx = await readDocx(await renderDocx(withLogo));
    expect(Object.fromEntries(docx.problems)).toEqual({});
  });

  it('embeds a real logo on the cover of both formats', async () => {
    const logo = new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures/export/logo.png')));
    const withLogo = planDocument(project, plan, { ...OPTIONS, organisation: { ...OPTIONS.organisation, logo } });
    const pdfBytes = await renderer.render(withLogo);
    expect(Buffer.from(pdfBytes).toString('latin1')).toMatch(/\/Subtype \/Image/);
    const docx = await readDocx(await renderDocx(withLogo));
    expect(Object.keys(docx.zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
    expect(docx.document).toContain('descr="Meridian Biotherapeutics logo"');
  });
});
