import { describe, expect, it } from 'vitest';
import {
  cleanText,
  formatDate,
  formatPeriod,
  frameworkGuide,
  imageInfo,
  managerSummary,
  normaliseColor,
  planDocument,
  readableOnWhite,
  contrastRatio,
  safeLink,
  type Block,
  type DocumentModel,
  type TextRun,
} from '../../../shared/documents';
import { draftPlans, loadSample, OPTIONS } from './support';

const project = loadSample();
const plans = draftPlans(project);
const priyaPlan = plans[0]!;

function allRuns(model: DocumentModel): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (block: Block): void => {
    if (block.type === 'paragraph') runs.push(...block.runs);
    if (block.type === 'bullets') block.items.forEach((item) => runs.push(...item));
    if (block.type === 'key-value') block.entries.forEach((entry) => runs.push(...entry.value));
    if (block.type === 'table') block.rows.forEach((row) => row.forEach((cell) => cell.lines.forEach((line) => runs.push(...line))));
  };
  model.sections.forEach((section) => section.blocks.forEach(visit));
  model.cover?.fields.forEach((field) => runs.push(...field.value));
  return runs;
}

function textOf(model: DocumentModel): string {
  const parts: string[] = [model.cover?.title ?? '', model.cover?.subtitle ?? ''];
  for (const section of model.sections) {
    parts.push(section.title);
    for (const block of section.blocks) {
      if (block.type === 'heading') parts.push(block.text);
      if (block.type === 'table') parts.push(...block.columns.map((column) => column.header));
      if (block.type === 'timeline') parts.push(...block.bars.map((bar) => bar.label));
      if (block.type === 'sign-off') parts.push(...block.parties.map((party) => `${party.role} ${party.name}`));
    }
  }
  return [...parts, ...allRuns(model).map((run) => run.text)].join('\n');
}

describe('planDocument', () => {
  const model = planDocument(project, priyaPlan, OPTIONS);

  it('has a cover with organisation, learner, role, manager and plan period', () => {
    expect(model.kind).toBe('plan');
    expect(model.cover?.layout).toBe('page');
    expect(model.cover?.eyebrow).toBe('Meridian Biotherapeutics');
    const fields = Object.fromEntries(model.cover!.fields.map((field) => [field.key, field.value.map((run) => run.text).join('')]));
    expect(fields).toMatchObject({ Employee: 'Priya Nair', Role: 'Account Manager, Cell Therapy', Manager: 'Daniel Okafor', 'Plan period': '16 Mar – 10 Jul 2026' });
    expect(model.meta).toMatchObject({ title: 'Personalized learning plan — Priya Nair', language: 'en-GB', createdOn: '2026-03-10' });
    expect(model.theme.accentColor).toBe('0B6E4F');
  });

  it('has the six PLP elements in order, then the sign-off', () => {
    expect(model.sections.map((section) => section.title)).toEqual([
      'About the employee',
      'Prioritized learning goals',
      'Activities and resources',
      'Timeline and milestones',
      'Expectations for participation',
      'Assessment and feedback',
      'Agreement',
    ]);
    const signOff = model.sections.at(-1)!.blocks.find((block) => block.type === 'sign-off');
    expect(signOff).toEqual({
      type: 'sign-off',
      parties: [
        { role: 'Employee', name: 'Priya Nair', date: null },
        { role: 'Manager', name: 'Daniel Okafor', date: null },
      ],
    });
  });

  it('assesses capabilities as a table with current, target and gap', () => {
    const table = model.sections[0]!.blocks.find((block) => block.type === 'table');
    expect(table?.type === 'table' && table.columns.map((column) => column.header)).toEqual(['Capability', 'Current level', 'Target level', 'Gap']);
    if (table?.type !== 'table') return;
    const rows = table.rows.map((row) => row.map((cell) => cell.lines.map((line) => line.map((run) => run.text).join('')).join(' ')));
    expect(rows).toContainEqual(['Executive communication', 'Intermediate', 'Skilled', '1 level']);
    expect(rows).toContainEqual(['Scientific credibility in clinical conversations', 'Skilled', 'Skilled', 'On target']);
  });

  it('ranks goals with their rationale, lists activities with modality, 70-20-10, hours, link and reason', () => {
    const goals = model.sections[1]!.blocks.find((block) => block.type === 'table');
    expect(goals?.type === 'table' && goals.rows[0]!.map((cell) => cell.lines[0]!.map((run) => run.text).join(''))).toEqual([
      '1',
      'Executive communication',
      'Intermediate → Skilled',
      priyaPlan.goals[0]!.rationale,
    ]);
    const activities = model.sections[2]!.blocks.find((block) => block.type === 'table');
    expect(activities?.type === 'table' && activities.columns.map((column) => column.header)).toEqual(['Activity', 'Modality', '70-20-10', 'Hours', 'Link', 'Why chosen']);
    const links = allRuns(model).filter((run) => run.link);
    expect(links.length).toBeGreaterThan(3);
    for (const run of links) expect(run.link).toMatch(/^(https?:\/\/|mailto:)/);
    expect(textOf(model)).toContain('In total 49 hours of learning');
  });

  it('has timeline bars across the plan period and a dated table', () => {
    const timeline = model.sections[3]!.blocks.find((block) => block.type === 'timeline');
    expect(timeline).toMatchObject({ type: 'timeline', start: '2026-03-16', end: '2026-07-10' });
    if (timeline?.type !== 'timeline') return;
    expect(timeline.bars).toHaveLength(priyaPlan.items.length);
    expect(timeline.bars.find((bar) => bar.milestone)).toMatchObject({ label: 'Manager check-in', kind: 'check-in' });
    const table = model.sections[3]!.blocks.find((block) => block.type === 'table');
    expect(table?.type === 'table' && table.columns.map((column) => column.header)).toEqual(['Dates', 'Item', 'Kind']);
  });

  it('spells dates for en-US and keeps sign-off dates', () => {
    const signed = { ...priyaPlan, status: 'agreed' as const, signOff: { ...priyaPlan.signOff, employeeDate: '2026-03-20', managerDate: '2026-03-21' } };
    const us = planDocument(project, signed, { ...OPTIONS, language: 'en-US' });
    expect(us.meta.language).toBe('en-US');
    expect(textOf(us)).toContain('Mar 16 – Jul 10, 2026');
    const signOff = us.sections.at(-1)!.blocks.find((block) => block.type === 'sign-off');
    expect(signOff?.type === 'sign-off' && signOff.parties.map((party) => party.date)).toEqual(['Mar 20, 2026', 'Mar 21, 2026']);
  });

  it('adds the engine warnings only when asked', () => {
    expect(model.sections.some((section) => section.id === 'discussion')).toBe(false);
    const withWarnings = planDocument(project, priyaPlan, { ...OPTIONS, includeWarnings: true });
    expect(withWarnings.sections.find((section) => section.id === 'discussion')?.title).toBe('Points to discuss');
  });

  it('never keeps an unsafe link, and cleans text no document can hold', () => {
    const hostile = structuredClone(project);
    hostile.activities[2]!.link = 'javascript:alert(1)';
    hostile.learners[0]!.name = 'Priya\u0001 Nair\uFFFF';
    const doc = planDocument(hostile, priyaPlan, OPTIONS);
    for (const run of allRuns(doc)) {
      if (run.link) expect(safeLink(run.link)).toBe(run.link);
      expect(run.text.includes('\u0001') || run.text.includes('\uffff')).toBe(false);
    }
    expect(textOf(doc)).toContain('javascript:alert(1)');
    expect(doc.meta.title).toBe('Personalized learning plan — Priya Nair');
  });

  it('renders a plan whose learner, framework and catalog entries are gone', () => {
    const orphan = { ...priyaPlan, learnerId: 'gone', frameworkId: 'gone-too', items: [...priyaPlan.items, { ...priyaPlan.items[1]!, id: 'x', activityId: 'missing' }] };
    const doc = planDocument(project, orphan, OPTIONS);
    expect(doc.sections).toHaveLength(7);
    expect(doc.meta.title).toBe('Personalized learning plan — Priya Nair');
  });
});

describe('defaults', () => {
  it('falls back to the project’s organisation and last-saved date when no options are given', () => {
    const model = managerSummary(project, priyaPlan);
    expect(model.organisation.name).toBe('Meridian Biotherapeutics');
    expect(model.meta.createdOn).toBe(project.meta.modifiedAt.slice(0, 10));
    expect(model.theme.accentColor).toBe('1F4E79');
    expect(frameworkGuide(project, project.frameworks[0]!).meta.title).toContain('framework guide');
  });
});

describe('managerSummary', () => {
  const model = managerSummary(project, priyaPlan, OPTIONS);
  it('is one banner page: goals, key dates, what the manager does', () => {
    expect(model.kind).toBe('manager-summary');
    expect(model.cover?.layout).toBe('banner');
    expect(model.sections.map((section) => section.title)).toEqual(["Priya's goals", 'Key dates', 'What you do as the manager']);
    const text = textOf(model);
    expect(text).toContain('Executive communication');
    expect(text).toContain('Manager check-in');
    expect(text).toContain('Protect 3 hours a week');
  });
});

describe('frameworkGuide', () => {
  const framework = project.frameworks[0]!;
  const model = frameworkGuide(project, framework, OPTIONS);
  it('has the capability model, pathway, catalog, selection rules and mix', () => {
    expect(model.kind).toBe('framework-guide');
    expect(model.sections.map((section) => section.id)).toEqual(['overview', 'capabilities', 'pathway', 'catalog', 'selection', 'mix', 'expectations']);
    const pathway = model.sections.find((section) => section.id === 'pathway')!.blocks.find((block) => block.type === 'bullets');
    expect(pathway?.type === 'bullets' && pathway.ordered).toBe(true);
    expect(pathway?.type === 'bullets' && pathway.items).toHaveLength(framework.nodes.length);
    const diagram = model.sections.find((section) => section.id === 'pathway')!.blocks.find((block) => block.type === 'diagram');
    expect(diagram?.type === 'diagram' && diagram.boxes.map((box) => box.step)).toHaveLength(framework.nodes.length);
    const text = textOf(model);
    expect(text).toContain('Runs a 15-minute C-suite meeting with one page of material and no slides.');
    expect(text).toContain('Executive Presence Foundations');
    expect(text).toContain('70% experiential');
  });
});

describe('document text helpers', () => {
  it('allows only http, https and mailto links', () => {
    expect(safeLink('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeLink(' mailto:a@b.example ')).toBe('mailto:a@b.example');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', '//evil.example', 'https://exa mple.org', 'https://a\u0000b', 'vbscript:x', 'http:/x'])
      expect(safeLink(bad)).toBeNull();
  });

  it('formats dates and periods', () => {
    expect(formatDate('2026-03-16', 'en-GB')).toBe('16 Mar 2026');
    expect(formatDate('2026-03-16', 'en-US')).toBe('Mar 16, 2026');
    expect(formatPeriod('2026-12-20', '2027-01-03', 'en-GB')).toBe('20 Dec 2026 – 3 Jan 2027');
    expect(formatPeriod('2026-03-16', '2026-03-20', 'en-GB')).toBe('16 – 20 Mar 2026');
  });

  it('normalises colours and keeps the accent readable as text', () => {
    expect(normaliseColor('#0b6e4f')).toBe('0B6E4F');
    expect(normaliseColor('#abc')).toBe('AABBCC');
    expect(normaliseColor('red; }')).toBe('1F4E79');
    expect(contrastRatio(readableOnWhite('FFE66D'), 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
  });

  it('drops characters XML cannot hold, keeps emoji and RTL text', () => {
    expect(cleanText('a\u0000b\u0008c\u000bd\uD800e 😀 مرحبا שלום\r\nx')).toBe('abcde 😀 مرحبا שלום\nx');
  });

  it('reads PNG and JPEG sizes and refuses anything else', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 44, 0, 0, 0, 100, 8, 6, 0, 0, 0]);
    expect(imageInfo(png)).toMatchObject({ format: 'png', width: 300, height: 100 });
    expect(imageInfo(new Uint8Array(40))).toBeNull();
    expect(imageInfo(null)).toBeNull();
  });
});
