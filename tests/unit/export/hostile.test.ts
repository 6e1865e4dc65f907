/**
 * Hostile strings are data: whatever a project file carries, both formats stay valid documents,
 * the text reads back, and nothing but http/https/mailto ever becomes a link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planDocument, type DocumentModel } from '../../../shared/documents';
import type { Project } from '../../../shared/domain/schema';
import { renderDocx } from '../../../electron/services/export/docx-renderer';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { docxLinkTargets, draftPlans, loadSample, OPTIONS, readDocx, readPdf, SAFE_LINK, squeeze } from './support';

const XML_SPECIALS = `<w:t>&amp; "quoted" 'single' </w:body>]]><![CDATA[x]]>`;
const RTL = 'مرحبا بالعالم שלום עולם';
const EMOJI = '👩🏽‍💼🚀✅';
const LONG = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(86)}${'x'.repeat(100)}`.slice(0, 5000);

/** The sample with hostile text in the fields a plan shows (bypassing the schema, as a bug could). */
function hostileProject(): Project {
  const project = structuredClone(loadSample());
  const learner = project.learners[0]!;
  learner.name = `Priya ${XML_SPECIALS} ${EMOJI}`;
  learner.manager = `Daniel ${RTL}`;
  learner.team = 'Team\u0000\u0007\u001b[31m';
  learner.careerGoals = LONG;
  learner.email = 'priya"<script>@example.org';
  project.roles[0]!.name = `Account Manager ${XML_SPECIALS}`;
  const foundations = project.activities.find((activity) => activity.id === 'act-ep-elearning-foundations')!;
  foundations.link = 'javascript:alert(1)';
  foundations.title = `Foundations ${RTL} ${EMOJI}`;
  foundations.provider = LONG;
  const other = project.activities.find((activity) => activity.id === 'act-ep-coaching-exec');
  if (other) other.link = 'file:///etc/passwd';
  project.frameworks[0]!.participationExpectations = [XML_SPECIALS, LONG, RTL];
  return project;
}

const project = hostileProject();
const plan = draftPlans(project)[0]!;
plan.goals[0]!.rationale = `${XML_SPECIALS} ${LONG}`;
const model = planDocument(project, plan, OPTIONS);

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
});

describe('hostile strings', () => {
  it('Word: every part parses, text reads back, no unsafe link', async () => {
    const docx = await readDocx(await renderDocx(model));
    expect(Object.fromEntries(docx.problems)).toEqual({});
    const text = squeeze(docx.text);
    for (const value of ['Priya <w:t>&amp; "quoted"', ']]><![CDATA[x]]>', RTL, EMOJI, 'javascript:alert(1)']) expect(text, value).toContain(squeeze(value));
    expect(text).toContain(squeeze(LONG));
    for (const target of docxLinkTargets(docx)) expect(target).toMatch(SAFE_LINK);
    expect(docx.parts.get('word/_rels/document.xml.rels')).not.toMatch(/javascript|file:/i);
    expect(docx.document).not.toContain('\u0000');
  });

  it('PDF: opens in pdfjs, text reads back, no unsafe link', async () => {
    const pdf = await readPdf(await renderer.render(model));
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const text = squeeze(pdf.text);
    for (const value of ['<w:t>&amp; "quoted"', 'javascript:alert(1)', 'Lorem ipsum dolor sit amet']) expect(text, value).toContain(squeeze(value));
    expect(pdf.links.length).toBeGreaterThan(0);
    for (const link of pdf.links) expect(link).toMatch(SAFE_LINK);
    expect(pdf.links.join(' ')).not.toMatch(/javascript|file:/i);
    expect(pdf.title).toContain('Priya <w:t>&amp;');
  });

  it('a model that carries an unsafe link itself is still never linked (renderers check again)', async () => {
    const direct: DocumentModel = {
      ...model,
      cover: null,
      sections: [
        {
          id: 'links',
          title: 'Links',
          blocks: [
            {
              type: 'paragraph',
              runs: [
                { text: 'click me', link: 'javascript:alert(1)' },
                { text: ' and ', link: 'JavaScript:alert(document.cookie)' },
                { text: 'data', link: 'data:text/html,<script>alert(1)</script>' },
                { text: ' ok', link: 'https://example.org/ok' },
              ],
            },
            { type: 'table', columns: [{ header: 'x', width: 1 }], rows: [[{ lines: [[{ text: 'cell', link: 'vbscript:msgbox' }]] }]] },
          ],
        },
      ],
    };
    const docx = await readDocx(await renderDocx(direct));
    expect(Object.fromEntries(docx.problems)).toEqual({});
    expect(docxLinkTargets(docx)).toEqual(['https://example.org/ok']);
    expect(squeeze(docx.text)).toContain('clickme');
    const pdf = await readPdf(await renderer.render(direct));
    expect(pdf.links).toEqual(['https://example.org/ok']);
  });
});
