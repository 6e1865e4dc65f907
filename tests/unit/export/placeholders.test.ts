/**
 * The placeholder registry: names a Word user can type, a value for every one, "did you mean" for
 * misspellings, examples that are true of the sample, and a README that documents every one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalPlaceholder,
  editDistance,
  placeholderInfo,
  placeholderText,
  placeholderValues,
  PLACEHOLDERS,
  suggestPlaceholder,
} from '../../../shared/documents/placeholders';
import { planDocument } from '../../../shared/documents';
import { draftPlans, loadSample, OPTIONS, repoRoot } from './support';

const project = loadSample();
const plan = draftPlans(project)[0]!;
const values = placeholderValues(project, plan, OPTIONS);

describe('placeholder registry', () => {
  it('names are unique, lower case, dotted, with underscores inside parts', () => {
    const names = PLACEHOLDERS.map((info) => info.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(\.[a-z]+(_[a-z]+)*)+$/);
    for (const required of [
      'organisation.name',
      'learner.name',
      'learner.email',
      'learner.role',
      'learner.team',
      'learner.manager',
      'learner.career_goals',
      'learner.start_date',
      'plan.period',
      'plan.start',
      'plan.end',
      'plan.framework',
      'plan.status',
      'plan.generated_on',
      'plan.total_hours',
      'plan.goals',
      'plan.activities',
      'plan.timeline',
      'plan.capabilities',
      'plan.expectations',
      'plan.assessment',
      'plan.signoff',
    ]) {
      expect(names).toContain(required);
    }
  });

  it('every placeholder has a value of its kind, and the text examples are what the sample gives', () => {
    for (const info of PLACEHOLDERS) {
      const value = values[info.name];
      expect(value, info.name).toBeDefined();
      expect(value!.kind, info.name).toBe(info.kind);
      if (info.kind === 'text' && info.example) expect(placeholderText(value!), info.name).toBe(info.example);
      if (info.kind === 'paragraphs' || info.kind === 'table' || info.kind === 'row') expect(placeholderText(value!).replace(/\s+/g, ' '), info.name).toContain(info.example.split(/…| \| | \/ /)[0]!.replace(/^• /, '').trim());
    }
  });

  it('tables are the plan document’s own tables (Word, PDF and template say the same)', () => {
    const model = planDocument(project, plan, OPTIONS);
    const goals = model.sections.find((section) => section.id === 'goals')!.blocks.find((block) => block.type === 'table');
    expect(values['plan.goals']).toEqual({ kind: 'table', table: goals, empty: '' });
    const activities = model.sections.find((section) => section.id === 'activities')!.blocks.find((block) => block.type === 'table');
    expect(values['plan.activities']).toMatchObject({ table: activities });
  });

  it('row fields are the columns of their table, one cell per row; a one-line field drops the cell’s look', () => {
    const goals = values['plan.goals'];
    if (goals?.kind !== 'table' || !goals.table) throw new Error('the sample has goals');
    expect(values['plan.goals.capability']).toEqual({ kind: 'row', table: 'plan.goals', cells: goals.table.rows.map((row) => row[1]) });
    const titles = values['plan.activities.title'];
    expect(titles?.kind === 'row' && titles.cells[0]).toEqual({ lines: [[{ text: 'Executive Presence Foundations' }]] });
    expect(placeholderText(values['plan.activities.details']!).split('\n')[0]).toBe('Core · Meridian L&D');
    for (const name of ['plan.goals.priority', 'plan.timeline.item', 'plan.signoff.role', 'plan.capabilities.gap']) expect(placeholderInfo(name)?.kind).toBe('row');
  });

  it('a plan with nothing to list says so rather than giving an empty table', () => {
    const empty = { ...plan, goals: [], items: [] };
    const emptyValues = placeholderValues(project, empty, OPTIONS);
    expect(emptyValues['plan.goals']).toMatchObject({ kind: 'table', table: null });
    expect(placeholderText(emptyValues['plan.goals']!)).toMatch(/no gaps/);
    expect(placeholderText(emptyValues['plan.activities']!)).toBe('No activities in this plan yet.');
    expect(placeholderText(emptyValues['plan.period']!)).toBe('Dates to be agreed');
  });

  it('the logo is the branding’s image, or nothing', () => {
    expect(values['organisation.logo']).toEqual({ kind: 'image', image: null });
    const png = new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures/export/logo.png')));
    const withLogo = placeholderValues(project, plan, { ...OPTIONS, organisation: { ...OPTIONS.organisation, logo: png } })['organisation.logo']!;
    expect(withLogo).toMatchObject({ kind: 'image', image: { format: 'png', width: 360, height: 112 } });
    expect(placeholderText(withLogo)).toBe('[png image, 360 × 112 px]');
  });

  it('the e-mail is a mail link; a learner without a manager reads "Not recorded"', () => {
    expect(values['learner.email']).toEqual({ kind: 'text', runs: [{ text: 'priya.nair@meridianbio.example', link: 'mailto:priya.nair@meridianbio.example' }] });
    const noManager = structuredClone(project);
    noManager.learners[0]!.manager = '';
    expect(placeholderText(placeholderValues(noManager, plan, OPTIONS)['learner.manager']!)).toBe('Not recorded');
  });

  it('canonical names ignore case and spaces; lookups use them', () => {
    expect(canonicalPlaceholder('  Learner.Name ')).toBe('learner.name');
    expect(placeholderInfo(' PLAN.Goals ')?.kind).toBe('table');
    expect(placeholderInfo('plan.goal')).toBeNull();
  });

  it.each([
    ['lerner.name', 'learner.name'],
    ['learner.nmae', 'learner.name'],
    ['plan.goal', 'plan.goals'],
    ['plan.activites', 'plan.activities'],
    ['learner career goals', 'learner.career_goals'],
    ['learner.career-goals', 'learner.career_goals'],
    ['organization.name', 'organisation.name'],
    ['email', 'learner.email'],
    ['timeline', 'plan.timeline'],
    ['name', null],
    ['totally.unknown', null],
    ['', null],
  ])('suggests %j → %j', (raw, expected) => {
    expect(suggestPlaceholder(raw)).toBe(expected);
  });

  it('edit distance counts a swap of neighbours once', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Word templates and placeholders'));

  it('has the "Word templates and placeholders" section', () => {
    expect(readme).toContain('## Word templates and placeholders');
  });

  it.each(PLACEHOLDERS.map((info) => [info.name, info] as const))('documents {{%s}} in a table row with its description', (name, info) => {
    const row = section.split('\n').find((line) => line.startsWith(`| \`{{${name}}}\` |`));
    expect(row, `README has no row for {{${name}}}`).toBeDefined();
    expect(row).toContain(info.description.replace(/\|/g, '\\|'));
  });
});
