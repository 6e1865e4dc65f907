/**
 * An organisation's own Word template, filled: its header, footer and styles survive, every
 * placeholder becomes the plan's value (split across runs or not, in the body, a table, a header),
 * tables come out as Word tables, and what is not a .docx, or is built to hurt, is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { placeholderValues } from '../../../shared/documents/placeholders';
import type { Project } from '../../../shared/domain/schema';
import {
  describeUnknown,
  fillClientTemplate,
  inspectClientTemplate,
  paragraphTexts,
  TemplateError,
  type TemplateInspection,
} from '../../../electron/services/export/client-template';
import { FOOTER_MARK, HEADER_MARK, HEADER_PICTURE } from '../../fixtures/templates/generate';
import { draftPlans, loadSample, OPTIONS, readDocx, SAFE_LINK, squeeze } from './support';

const FIXTURES = join(import.meta.dirname, '../../fixtures/templates');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

const project = loadSample();
const plan = draftPlans(project)[0]!;
const values = placeholderValues(project, plan, OPTIONS);

async function zipWith(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The client fixture with its document.xml changed by `edit`. */
async function editedFixture(edit: (xml: string) => string, name = 'client-template.docx', part = 'word/document.xml'): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixture(name));
  zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function byName(inspection: TemplateInspection): Map<string, TemplateInspection['placeholders'][number]> {
  return new Map(inspection.placeholders.map((placeholder) => [placeholder.name, placeholder]));
}

describe('inspectClientTemplate', () => {
  it('finds every placeholder with where it is, including ones split across runs and in the header', async () => {
    const inspection = await inspectClientTemplate(fixture('client-template.docx'));
    const found = byName(inspection);
    expect([...found.keys()]).toEqual([
      'learner.name',
      'organisation.name',
      'plan.generated_on',
      'learner.role',
      'learner.manager',
      'learner.email',
      'plan.period',
      'plan.weeks',
      'plan.total_hours',
      'learner.career_goals',
      'plan.capabilities',
      'plan.goals',
      'plan.activities',
      'plan.mix',
      'plan.timeline',
      'plan.expectations',
      'plan.assessment',
      'plan.signoff',
      'organisation.logo',
    ]);
    // The header's stand-in picture names the logo in its alt text.
    expect(found.get('organisation.logo')).toMatchObject({ parts: ['header'], kind: 'image', picture: HEADER_PICTURE });
    expect(found.get('learner.name')).toMatchObject({ parts: ['body', 'header'], count: 2, known: true, kind: 'text' });
    expect(found.get('organisation.name')).toMatchObject({ parts: ['body', 'footer'], count: 2 });
    // Typed with AutoCorrect's capital letters: still known, patched under its own spelling.
    expect(found.get('learner.manager')).toMatchObject({ raw: 'Learner.Manager', known: true });
    expect(found.get('plan.goals')).toMatchObject({ kind: 'table', alone: true });
    expect(found.get('learner.career_goals')).toMatchObject({ kind: 'paragraphs', alone: false });
    expect(inspection.unknown).toEqual([]);
    expect(inspection.warnings).toEqual([]);
    // A4 (11906) less the fixture's 1200 + 1200 margins.
    expect(inspection.textWidth).toBe(9506);
    expect(inspection.isDotx).toBe(false);
  });

  it('lists misspelt placeholders with a suggestion, wherever they are', async () => {
    const inspection = await inspectClientTemplate(fixture('misspelt.docx'));
    expect(inspection.unknown.map(describeUnknown)).toEqual([
      '{{lerner.name}} (body): did you mean {{learner.name}}?',
      '{{plan.goal}} (body): did you mean {{plan.goals}}?',
      '{{email}} (body): did you mean {{learner.email}}?',
      '{{totally.unknown}} (body): not a placeholder the studio knows',
      '{{organisaton.name}} (header): did you mean {{organisation.name}}?',
    ]);
    expect(inspection.placeholders.filter((placeholder) => placeholder.known).map((placeholder) => placeholder.name)).toEqual(['learner.manager']);
  });

  it('warns about a table placeholder sharing its paragraph and about an unclosed one', async () => {
    const bytes = await editedFixture((xml) => xml.replace('{{plan.goals}}', 'Goals: {{plan.goals}}').replace('Mix of learning: {{plan.mix}}.', 'Mix of learning: {{plan.mix}}. See {{plan.time'));
    const inspection = await inspectClientTemplate(bytes);
    expect(inspection.warnings).toEqual([
      '{{plan.goals}} becomes a table, which needs a paragraph of its own: the other text in its paragraph will be replaced too.',
      'An unclosed placeholder in the body: "{{plan.time…" needs a closing }}.',
    ]);
  });

  it('reads a paragraph across runs, tabs and entities, and a text box as a paragraph of its own', () => {
    const xml =
      '<w:body><w:p><w:r><w:t>{{lear</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">ner.name}} &amp; </w:t></w:r><w:r><w:tab/><w:t>x</w:t></w:r>' +
      '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>{{plan.goals}}</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p><w:p/></w:body>';
    expect(paragraphTexts(xml)).toEqual(['{{plan.goals}}', '{{learner.name}} & \tx']);
  });

  it('.dotx (a Word template file) is accepted and filled as a document', async () => {
    const dotx = await editedFixture(
      (xml) => xml.replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'),
      'client-template.docx',
      '[Content_Types].xml',
    );
    const inspection = await inspectClientTemplate(dotx);
    expect(inspection.isDotx).toBe(true);
    const filled = await JSZip.loadAsync(await fillClientTemplate(dotx, values, { inspection }));
    const types = await filled.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('wordprocessingml.document.main+xml');
    expect(types).not.toContain('wordprocessingml.template.main+xml');
  });

  describe('refuses what is not a Word document, or is built to hurt, with a message that says what to do', () => {
    it.each([
      ['an empty file', new Uint8Array(), /empty/],
      ['plain text', new TextEncoder().encode('{{learner.name}}'), /not a Word document \(\.docx\)/],
      ['a PDF', new TextEncoder().encode('%PDF-1.7\n...'), /This is a PDF/],
      ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /older Word file \(\.doc\)/],
      ['an RTF file', new TextEncoder().encode('{\\rtf1\\ansi hello}'), /Rich Text/],
      ['a truncated zip', fixture('client-template.docx').subarray(0, 2000), /damaged/],
    ])('%s', async (_, bytes, message) => {
      await expect(inspectClientTemplate(bytes)).rejects.toThrow(message);
      await expect(inspectClientTemplate(bytes)).rejects.toBeInstanceOf(TemplateError);
    });

    it('an OpenDocument file and an Excel workbook', async () => {
      await expect(inspectClientTemplate(await zipWith({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).rejects.toThrow(/OpenDocument/);
      await expect(inspectClientTemplate(await zipWith({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).rejects.toThrow(/Excel/);
    });

    it('a file over 20 MB', async () => {
      const big = new Uint8Array(21 * 1024 * 1024);
      big.set([0x50, 0x4b, 0x03, 0x04]);
      await expect(inspectClientTemplate(big)).rejects.toThrow(/over 20 MB/);
    });

    it('a zip bomb: a part that unpacks past the limit is refused without unpacking it all', async () => {
      const bomb = await editedFixture((xml) => xml.replace('</w:body>', `<w:p><w:r><w:t>${'A'.repeat(26 * 1024 * 1024)}</w:t></w:r></w:p></w:body>`));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      await expect(inspectClientTemplate(bomb)).rejects.toThrow(/unpacks to more than a Word document ever holds/);
    });

    it('a DOCTYPE with entities (billion laughs, external entities)', async () => {
      const laughs = await editedFixture((xml) => xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'));
      await expect(inspectClientTemplate(laughs)).rejects.toThrow(/DOCTYPE or entity declaration/);
    });

    it('macros', async () => {
      const zip = await JSZip.loadAsync(fixture('client-template.docx'));
      zip.file('word/vbaProject.bin', new Uint8Array([1, 2, 3]));
      await expect(inspectClientTemplate(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/macros/);
    });
  });
});

describe('fillClientTemplate', () => {
  it('fills the body, the table cells and the header; header, footer and styles survive; every part parses', async () => {
    const template = fixture('client-template.docx');
    const filled = await readDocx(await fillClientTemplate(template, values, { accentColor: '#0B6E4F', title: 'Personalized learning plan — Priya Nair' }));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const original = await JSZip.loadAsync(template);

    // The organisation's styles are its own, byte for byte.
    expect(filled.parts.get('word/styles.xml')).toBe(await original.file('word/styles.xml')!.async('string'));
    // Header: its own text, and its placeholder filled.
    const header = [...filled.parts].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => paragraphTexts(xml).join('\n')).join('\n');
    expect(header).toContain(HEADER_MARK);
    expect(header).toContain('Plan for Priya Nair');
    // Footer: its own text and the page-number fields.
    const footerXml = [...filled.parts].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml).join('');
    expect(paragraphTexts(footerXml).join('')).toMatch(new RegExp(`^${FOOTER_MARK} · Meridian Biotherapeutics · Page`));
    expect(footerXml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footerXml).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);

    const text = squeeze(filled.text);
    for (const expected of [
      'Prepared for Priya Nair by Meridian Biotherapeutics on 10 Mar 2026.',
      'ManagerDaniel Okafor',
      'RoleAccount Manager, Cell Therapy',
      'Plan period16 Mar – 10 Jul 2026 (17 weeks, 49 hours)',
      'Career goals: Move into a senior account manager role',
      'Mix of learning: experiential 57%, social 21%, formal 21%.',
      'Protect 3 hours a week for 16 weeks',
    ]) {
      expect(text, expected).toContain(squeeze(expected));
    }
    expect(filled.document).not.toContain('{{');
    expect(filled.text).not.toContain('{{');
    // The header says the document's title in File > Info.
    expect(filled.parts.get('docProps/core.xml')).toContain('Personalized learning plan — Priya Nair');
  });

  it('tables are Word tables with a header row that repeats, one row per goal, activity and timeline item', async () => {
    const filled = await readDocx(await fillClientTemplate(fixture('client-template.docx'), values, { accentColor: '#0B6E4F' }));
    const tables = filled.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    // The template's own table, then capabilities, goals, activities, timeline, sign-off.
    expect(tables).toHaveLength(6);
    const rowsOf = (table: string): string[][] => (table.match(/<w:tr[\s>][\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => paragraphTexts(cell).join(' ')));
    const [, capabilities, goals, activities, timeline, signoff] = tables as [string, string, string, string, string, string];
    for (const table of [capabilities, goals, activities, timeline, signoff]) {
      expect(table).toMatch(/^<w:tbl><w:tblPr>[\s\S]*?<w:tr>\s*<w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
      expect(table).toContain('w:fill="0B6E4F"');
    }
    const goalsSection = (values['plan.goals'] as { table: { rows: readonly unknown[] } }).table;
    expect(rowsOf(goals)).toHaveLength(goalsSection.rows.length + 1);
    expect(rowsOf(goals)[0]).toEqual(['Priority', 'Capability', 'From → to', 'Why it is a priority']);
    expect(rowsOf(goals)[1]!.slice(0, 3)).toEqual(['1', 'Executive communication', 'Intermediate → Skilled']);
    expect(rowsOf(activities)[0]).toEqual(['Activity', 'Modality', '70-20-10', 'Hours', 'Link', 'Why chosen']);
    expect(rowsOf(activities)[1]!.slice(1, 4)).toEqual(['E-learning', 'Formal (10)', '1.5 h']);
    expect(rowsOf(timeline)).toHaveLength(11);
    expect(rowsOf(signoff).map((row) => row.slice(0, 2))).toEqual([
      ['Role', 'Name'],
      ['Employee', 'Priya Nair'],
      ['Manager', 'Daniel Okafor'],
    ]);
    // Laid out to the template's text width, not the studio's.
    const grid = [...activities.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(grid).toBeGreaterThan(9400);
    expect(grid).toBeLessThanOrEqual(9506);
    // Links in tables are real hyperlinks to the catalog's addresses.
    const rels = filled.parts.get('word/_rels/document.xml.rels')!;
    expect(rels).toContain('https://learning.meridianbio.example/ep/foundations');
  });

  it('a placeholder Word split across runs, spell-check marks and a bookmark is still filled, in the style of its first run', async () => {
    const bytes = await editedFixture((xml) =>
      xml
        .replace('{{lear</w:t></w:r>', '{{lear</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="7" w:name="_GoBack"/>')
        .replace(/(<w:t[^>]*>ner\.na<\/w:t><\/w:r>)/, '$1<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="7"/>'),
    );
    expect((await inspectClientTemplate(bytes)).placeholders[0]).toMatchObject({ name: 'learner.name', parts: ['body', 'header'] });
    const filled = await readDocx(await fillClientTemplate(bytes, values));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const paragraph = paragraphTexts(filled.document).find((text) => text.startsWith('Prepared for'));
    expect(paragraph).toBe('Prepared for Priya Nair by Meridian Biotherapeutics on 10 Mar 2026.');
    // The paragraph keeps the template's own paragraph style.
    expect(filled.document).toMatch(/<w:pStyle w:val="AcmeIntro"\/>(?:(?!<\/w:p>)[\s\S])*Priya Nair/);
  });

  it('a template saved by LibreOffice: runs split by its own formatting are filled, header and footer survive', async () => {
    const template = fixture('libreoffice-template.docx');
    const inspection = await inspectClientTemplate(template);
    expect(inspection.placeholders.map((placeholder) => placeholder.name)).toEqual(['learner.name', 'learner.role', 'learner.team', 'plan.period', 'plan.status', 'plan.goals', 'plan.activities']);
    expect(inspection.unknown).toEqual([]);
    const filled = await readDocx(await fillClientTemplate(template, values, { inspection }));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const body = paragraphTexts(filled.document);
    expect(body).toContain('Employee: Priya Nair, Account Manager, Cell Therapy, team Northeast.');
    expect(body).toContain('Period: 16 Mar – 10 Jul 2026 · status Draft for discussion');
    // The role keeps the italic, coloured run it was typed in.
    expect(filled.document).toMatch(/<w:r><w:rPr><w:i\/><w:color w:val="8A3B12"\/><\/w:rPr><w:t[^>]*>Account Manager, Cell Therapy<\/w:t>/);
    const header = [...filled.parts].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => paragraphTexts(xml).join('')).join('');
    expect(header).toBe('NORTHWIND ▲ Talent — plan for Priya Nair');
    const footer = [...filled.parts].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml).join('');
    expect(paragraphTexts(footer).join('')).toContain('Northwind internal · page');
    expect(footer).toMatch(/PAGE/);
    expect(filled.document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(filled.document).not.toContain('{{');
  });

  it('a table placeholder inside a table cell becomes a table that fits the cell, followed by the paragraph Word requires', async () => {
    const bytes = await editedFixture((xml) =>
      xml.replace(/(<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="6500"\/><\/w:tcPr><w:p>)(?:(?!<\/w:p>)[\s\S])*\{\{learner\.role\}\}(?:(?!<\/w:p>)[\s\S])*<\/w:p>/, '$1<w:r><w:t>{{plan.goals}}</w:t></w:r></w:p>'),
    );
    const inspection = await inspectClientTemplate(bytes);
    expect(byName(inspection).get('plan.goals')).toMatchObject({ count: 2, cellWidth: 6500 });
    const filled = await readDocx(await fillClientTemplate(bytes, values, { inspection }));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const widths = [...filled.document.matchAll(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    // The template's own table, the goals table nested in its cell, then the body's tables.
    expect(widths[1]).toBeLessThanOrEqual(6500 - 216);
    expect(filled.document).not.toMatch(/<\/w:tbl><\/w:tc>/);
  });

  it('tables the organisation designed: the row of fields repeats per item in its own formatting, header kept', async () => {
    const template = fixture('designed-rows.docx');
    const inspection = await inspectClientTemplate(template);
    expect(inspection.unknown).toEqual([]);
    expect(inspection.warnings).toEqual([]);
    expect(byName(inspection).get('plan.timeline.dates')).toMatchObject({ raw: 'Plan.Timeline.Dates', kind: 'row' });
    const filled = await readDocx(await fillClientTemplate(template, values, { inspection }));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const original = await JSZip.loadAsync(template);
    expect(filled.parts.get('word/styles.xml')).toBe(await original.file('word/styles.xml')!.async('string'));
    const tables = filled.document.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(3);
    const rowsOf = (table: string): string[][] => (table.match(/<w:tr[\s>][\s\S]*?<\/w:tr>/g) ?? []).map((row) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cell) => paragraphTexts(cell).join(' ')));
    const [goals, activities, timeline] = tables.map(rowsOf) as [string[][], string[][], string[][]];
    expect(goals).toEqual([
      ['#', 'Capability', 'Levels'],
      ['1', 'Executive communication', 'Intermediate → Skilled'],
      ['2', 'Composure under pressure', 'Intermediate → Skilled'],
      ['3', 'Stakeholder influence', 'Intermediate → Skilled'],
      ['4', 'Storytelling with data', 'Intermediate → Skilled'],
    ]);
    // Two rows per activity, repeated together: 7 activities → 14 rows under the header.
    expect(activities).toHaveLength(15);
    expect(activities[1]).toEqual(['Executive Presence Foundations', '1.5 h']);
    expect(activities[2]).toEqual(['Core activity for everyone on this pathway.', 'learning.meridianbio.example/ep/foundations']);
    expect(timeline).toHaveLength(10);
    expect(timeline[0]).toEqual(['16 Mar 2026', 'Executive Presence 360 pre-assessment']);
    // The template's own look: the plum header, the title field's bold and the reason's italics.
    expect(tables[0]).toContain('w:fill="5B2A86"');
    expect(tables[1]).toMatch(/<w:b\/>(?:(?!<\/w:r>)[\s\S])*Executive Presence Foundations/);
    expect(tables[1]).toMatch(/<w:i\/>(?:(?!<\/w:r>)[\s\S])*Core activity for everyone on this pathway\./);
    expect(filled.parts.get('word/_rels/document.xml.rels')).toContain('https://learning.meridianbio.example/ep/foundations');
    expect(filled.document).not.toContain('{{');
  });

  it('row fields outside a table, or beside their table’s own placeholder, are warned about', async () => {
    const bytes = await editedFixture((xml) => xml.replace('Mix of learning: {{plan.mix}}.', '{{plan.goals.why}}'));
    expect((await inspectClientTemplate(bytes)).warnings).toEqual([
      '{{plan.goals.why}} repeats a table row, so it belongs in a row of a table; elsewhere it is left as typed.',
      '{{plan.goals}} and the row fields of the same table are both in the template: the rows are filled, and {{plan.goals}} is left as typed.',
    ]);
  });

  it('leaves unknown placeholders as typed', async () => {
    const filled = await readDocx(await fillClientTemplate(fixture('misspelt.docx'), values));
    expect(paragraphTexts(filled.document)).toEqual(['Dear {{lerner.name}},', 'Your manager Daniel Okafor and you agreed {{plan.goal}}.', '{{email}} {{totally.unknown}}']);
  });
});

describe('the logo', () => {
  const logo = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/export/logo.png')));
  const withLogo = placeholderValues(project, plan, { ...OPTIONS, organisation: { ...OPTIONS.organisation, logo } });
  const media = async (bytes: Uint8Array): Promise<Buffer[]> => {
    const zip = await JSZip.loadAsync(bytes);
    return Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).map((name) => zip.file(name)!.async('nodebuffer')));
  };

  it('replaces the stand-in picture named in its alt text, fitted within its size', async () => {
    const filled = await fillClientTemplate(fixture('client-template.docx'), withLogo);
    const images = await media(filled);
    expect(images).toHaveLength(1);
    expect(images[0]!.equals(Buffer.from(logo))).toBe(true);
    const header = (await readDocx(filled)).parts;
    const xml = [...header].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, part]) => part).join('');
    // 360 × 112 px fitted within 120 × 40 px: 120 × 37 (EMU = px × 9525).
    expect(xml).toMatch(/<wp:extent cx="1143000" cy="352425"\/>/);
    expect(xml).not.toContain('{{organisation.logo}}');
  });

  it('without a logo the stand-in stays', async () => {
    const filled = await fillClientTemplate(fixture('client-template.docx'), values);
    const images = await media(filled);
    expect(images).toHaveLength(1);
    expect(images[0]!.equals(Buffer.from(logo))).toBe(false);
  });

  it('typed in text, it becomes an inline picture of at most 170 × 60 px', async () => {
    const bytes = await editedFixture((xml) => xml.replace('Individual development plan', '{{organisation.logo}}'));
    const inspection = await inspectClientTemplate(bytes);
    expect(inspection.warnings).toEqual([
      '{{organisation.logo}} is both in a picture’s alt text and in the text: the picture becomes the logo and the one in the text is left as typed. Use one or the other.',
    ]);
    const textOnly = await editedFixture((xml) => xml.replace(/<w:drawing>[\s\S]*?<\/w:drawing>/, ''), 'client-template.docx', 'word/header1.xml').then(async (withoutPicture) => {
      const zip = await JSZip.loadAsync(withoutPicture);
      zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('Individual development plan', '{{organisation.logo}}'));
      return zip.generateAsync({ type: 'uint8array' });
    });
    const filled = await readDocx(await fillClientTemplate(textOnly, withLogo));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    expect(filled.document).toMatch(/<wp:extent cx="\d+" cy="\d+"\/>/);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(filled.document)!;
    expect(Math.round(Number(cx) / 9525)).toBe(170);
    expect(Math.round(Number(cy) / 9525)).toBe(53);
    expect(filled.document).not.toContain('{{organisation.logo}}');
  });
});

describe('hostile values in a client template', () => {
  it('a value that reads like a placeholder stays text: it is never filled in turn', async () => {
    const tricky = structuredClone(project);
    tricky.learners[0]!.name = 'Eve {{plan.goals}}';
    tricky.learners[0]!.team = '{{learner.email}}';
    const trickyValues = placeholderValues(tricky, draftPlans(tricky)[0]!, OPTIONS);
    const filled = await readDocx(await fillClientTemplate(fixture('libreoffice-template.docx'), trickyValues));
    const employee = paragraphTexts(filled.document).find((text) => text.startsWith('Employee:'));
    // Word joiners (invisible) between the braces keep patchDocument from matching them.
    expect(employee?.replace(/\u2060/g, '')).toBe('Employee: Eve {{plan.goals}}, Account Manager, Cell Therapy, team {{learner.email}}.');
    expect(filled.document.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(filled.parts.get('word/_rels/document.xml.rels')).not.toContain('mailto:priya.nair');
  });

  const XML_SPECIALS = `<w:t>&amp; "quoted" 'single' </w:body>]]><![CDATA[x]]>`;
  const RTL = 'مرحبا بالعالم שלום עולם';
  const EMOJI = '👩🏽‍💼🚀✅';
  const LONG = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(86)}`.slice(0, 5000);

  function hostileProject(): Project {
    const hostile = structuredClone(project);
    const learner = hostile.learners[0]!;
    learner.name = `Priya ${XML_SPECIALS} ${EMOJI}`;
    learner.manager = `Daniel ${RTL}`;
    learner.careerGoals = LONG;
    learner.email = 'priya"<script>@example.org';
    hostile.roles[0]!.name = `Account Manager ${XML_SPECIALS}`;
    const foundations = hostile.activities.find((activity) => activity.id === 'act-ep-elearning-foundations')!;
    foundations.link = 'javascript:alert(1)';
    foundations.title = `Foundations ${RTL} ${EMOJI}`;
    hostile.frameworks[0]!.participationExpectations = [XML_SPECIALS, LONG, RTL];
    return hostile;
  }

  it('every part parses, the text reads back, and no link but http(s)/mailto anywhere', async () => {
    const hostile = hostileProject();
    const hostilePlan = draftPlans(hostile)[0]!;
    const hostileValues = placeholderValues(hostile, hostilePlan, OPTIONS);
    const filled = await readDocx(await fillClientTemplate(fixture('client-template.docx'), hostileValues));
    expect(Object.fromEntries(filled.problems)).toEqual({});
    const text = squeeze(filled.text);
    for (const value of ['Priya <w:t>&amp; "quoted"', ']]><![CDATA[x]]>', RTL, EMOJI, 'javascript:alert(1)', LONG]) expect(text, value.slice(0, 30)).toContain(squeeze(value));
    for (const [name, xml] of filled.parts) {
      if (!name.endsWith('.rels')) continue;
      expect(xml, name).not.toMatch(/javascript:|file:/i);
      for (const match of xml.matchAll(/<Relationship\b[^>]*TargetMode="External"[^>]*>/g)) {
        const target = /Target="([^"]*)"/.exec(match[0])![1]!;
        if (/relationships\/hyperlink"/.test(match[0])) expect(target).toMatch(SAFE_LINK);
      }
    }
    // The header's placeholder took the hostile name as text, escaped.
    const header = [...filled.parts].filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => xml).join('');
    expect(paragraphTexts(header).join('')).toContain(`Plan for Priya ${XML_SPECIALS} ${EMOJI}`);
  });
});
