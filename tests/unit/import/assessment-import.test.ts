import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/domain/commands/command';
import { execute, startHistory, undo, redo, undoLabel } from '../../../shared/domain/history';
import {
  hasChanges,
  importCommand,
  planAssessmentImport,
  proposeAssessmentImport,
  type ImportPlan,
  type PlanAssessmentImportInput,
} from '../../../shared/domain/import/assessment-import';
import { proposeColumnMapping } from '../../../shared/domain/import/column-mapping';
import { defaultScaleMapping } from '../../../shared/domain/import/scale-mapping';
import { parseCsv, type RawTable } from '../../../shared/domain/import/table';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { counterIds, csvFixture, loadSample } from './support';

const sample = loadSample();
const DATE = '2026-05-04';

function fixtureTable(): RawTable {
  const parsed = parseCsv(readFileSync(csvFixture, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function plan(project: Project, table: RawTable, overrides: Partial<PlanAssessmentImportInput> = {}): ImportPlan {
  return planAssessmentImport({ project, table, ...proposeAssessmentImport(project, table), kind: 'self', date: DATE, newId: counterIds(), ...overrides });
}

function csv(text: string): RawTable {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const learner = (project: Project, id: string) => project.learners.find((item) => item.id === id)!;

describe('planAssessmentImport on the messy fixture', () => {
  const table = fixtureTable();
  const first = plan(sample, table);

  it('counts what it will do', () => {
    expect(first.problems).toEqual([]);
    expect(first.counts).toEqual({
      rows: 8,
      rowsRejected: 1,
      learnersCreated: 2,
      learnersUpdated: 2,
      assessmentsAdded: 48,
      assessmentsUpdated: 0,
      assessmentsUnchanged: 0,
      cellsNotAssessed: 7,
      cellsRejected: 1,
      warnings: 1,
    });
  });

  it('creates the new learners with their role, manager and team', () => {
    expect(first.learnersToCreate.map(({ name, email, roleId, manager, team }) => ({ name, email, roleId, manager, team }))).toEqual([
      { name: 'Noah Fischer', email: 'noah.fischer@meridianbio.example', roleId: 'role-am-cell-therapy', manager: 'Stefan Vogel', team: 'EU Central' },
      { name: 'Elena Petrova', email: 'elena.petrova@meridianbio.example', roleId: null, manager: 'Isabelle Marchand', team: 'EU West' },
    ]);
  });

  it('updates only the fields that changed (e-mail in capitals, a name without accents, a curly apostrophe are the same person)', () => {
    expect(first.learnersToUpdate).toEqual([
      { learnerId: 'learner-marcus-bell', row: 5, changes: { manager: 'Laura Jensen' }, previous: { manager: 'Rebecca Stein' } },
      { learnerId: 'learner-kenji-watanabe', row: 8, changes: { team: 'Pacific Northwest' }, previous: { team: 'West Coast' } },
    ]);
    const learnersWithAssessments = new Set(first.assessmentsToAdd.map((assessment) => assessment.learnerId));
    for (const id of ['learner-priya-nair', 'learner-marcus-bell', 'learner-sofia-ramirez', 'learner-hannah-oconnor', 'learner-kenji-watanabe']) {
      expect(learnersWithAssessments.has(id), id).toBe(true);
    }
  });

  it('reads labels, numbers and "3 - Skilled" onto the scale', () => {
    const priya = first.assessmentsToAdd.filter((assessment) => assessment.learnerId === 'learner-priya-nair');
    expect(Object.fromEntries(priya.map((assessment) => [assessment.capabilityId, assessment.levelId]))).toEqual({
      'cap-exec-communication': 'skilled',
      'cap-composure': 'intermediate',
      'cap-data-storytelling': 'skilled',
      'cap-stakeholder-influence': 'intermediate',
      'cap-cross-functional': 'skilled',
      'cap-business-acumen': 'intermediate',
      'cap-scientific-credibility': 'expert',
    });
    expect(first.assessmentsToAdd.every((assessment) => assessment.kind === 'self' && assessment.date === DATE && assessment.note === '')).toBe(true);
  });

  it('reports the bad cell and the anonymous row with spreadsheet row numbers and column letters, and the unknown role as a warning', () => {
    expect(first.rejected).toEqual([
      {
        row: 6,
        column: { index: 11, letter: 'L', header: 'Strategic Business Acumen – Cell Therapy Market & Access' },
        value: 'Excellent!!',
        reason: expect.stringContaining('"Excellent!!" is not a level of the scale'),
      },
      { row: 11, column: null, value: '', reason: 'the row has no name and no e-mail, so it cannot be matched to a learner' },
    ]);
    expect(first.warnings).toEqual([
      { row: 10, column: { index: 2, letter: 'C', header: 'Job title' }, value: 'Sales Director', reason: expect.stringMatching(/^"Sales Director" is not a role in the project .*left unchanged$/) },
    ]);
  });

  it('is idempotent: the second plan changes nothing', () => {
    const once = importCommand(first).apply(sample);
    const second = plan(once, table);
    expect(hasChanges(second)).toBe(false);
    expect(second.counts).toMatchObject({ learnersCreated: 0, learnersUpdated: 0, assessmentsAdded: 0, assessmentsUpdated: 0, assessmentsUnchanged: 48 });
    expect(importCommand(second).apply(once)).toBe(once);
    expect(parseProjectText(serializeProject(once)).ok).toBe(true);
  });

  it('is one undo step that restores the exact previous project', () => {
    const history = execute(startHistory(sample, { saved: true }), importCommand(first));
    expect(history.past).toHaveLength(1);
    expect(undoLabel(history)).toBe('Import assessments');
    expect(history.present.learners).toHaveLength(sample.learners.length + 2);
    expect(history.present.assessments).toHaveLength(sample.assessments.length + 48);
    const undone = undo(history);
    expect(undone.present).toBe(sample);
    expect(undone.present).toEqual(loadSample());
    expect(redo(undone).present).toBe(history.present);
    // Nothing to import records nothing.
    const again = execute(history, importCommand(plan(history.present, table)));
    expect(again.past).toHaveLength(1);
  });

  it('refuses to be applied twice, or to a project that lost a learner it updates', () => {
    const once = importCommand(first).apply(sample);
    expect(() => importCommand(first).apply(once)).toThrow(CommandError);
    const withoutMarcus = { ...sample, learners: sample.learners.filter((item) => item.id !== 'learner-marcus-bell') };
    expect(() => importCommand(first).apply(withoutMarcus)).toThrow(/no longer in the project/);
  });
});

describe('planAssessmentImport rules', () => {
  it('updates an existing assessment with the same learner, capability, kind and date instead of duplicating it', () => {
    const existing = sample.assessments.find((assessment) => assessment.kind === 'self')!;
    const capability = sample.capabilities.find((item) => item.id === existing.capabilityId)!;
    const who = learner(sample, existing.learnerId);
    const newLevel = existing.levelId === 'expert' ? 'Beginner' : 'Expert';
    const table = csv(`Email,${capability.name}\n${who.email},${newLevel}\n`);
    const result = plan(sample, table, { kind: 'self', date: existing.date });
    expect(result.assessmentsToAdd).toEqual([]);
    expect(result.assessmentsToUpdate).toEqual([
      { assessmentId: existing.id, learnerId: who.id, capabilityId: capability.id, row: 2, levelId: newLevel.toLowerCase(), previousLevelId: existing.levelId },
    ]);
    const applied = importCommand(result).apply(sample);
    expect(applied.assessments).toHaveLength(sample.assessments.length);
    expect(applied.assessments.find((assessment) => assessment.id === existing.id)!.levelId).toBe(newLevel.toLowerCase());
    // Another kind or date is another assessment.
    expect(plan(sample, table, { kind: 'post', date: existing.date }).assessmentsToAdd).toHaveLength(1);
    expect(plan(sample, table, { kind: 'self', date: '2030-01-01' }).assessmentsToAdd).toHaveLength(1);
  });

  it('matches by name when the file has no e-mail, and fills a missing e-mail', () => {
    const project = { ...sample, learners: sample.learners.map((item) => (item.id === 'learner-priya-nair' ? { ...item, email: '' } : item)) };
    const result = plan(project, csv('Name;Email;Composure under pressure\nPRIYA NAIR;priya@new.example;Skilled\nmarcus bell;;2\n'));
    expect(result.learnersToCreate).toEqual([]);
    expect(result.learnersToUpdate).toEqual([{ learnerId: 'learner-priya-nair', row: 2, changes: { email: 'priya@new.example' }, previous: { email: '' } }]);
    expect(result.assessmentsToAdd.map((assessment) => assessment.learnerId)).toEqual(['learner-priya-nair', 'learner-marcus-bell']);
  });

  it('creates a new learner when the name matches but the e-mails differ, and says so', () => {
    const result = plan(sample, csv('Name;Email;Composure under pressure\nPriya Nair;priya.nair@othercompany.example;Skilled\n'));
    expect(result.learnersToCreate.map((item) => item.email)).toEqual(['priya.nair@othercompany.example']);
    expect(result.warnings[0]!.reason).toMatch(/already exists with another e-mail/);
  });

  it('rejects rows it cannot tie to one learner', () => {
    const project = { ...sample, learners: [...sample.learners, { ...learner(sample, 'learner-priya-nair'), id: 'learner-priya-2', email: 'p2@x.example' }] };
    const result = plan(
      project,
      csv('Name;Email;Composure under pressure\nPriya Nair;;Skilled\n;nobody@x.example;2\n;not an email;2\n;;\nLeft;;Skilled\n'),
    );
    expect(result.rejected.map((issue) => [issue.row, issue.reason])).toEqual([
      [2, '2 learners are called "Priya Nair"; add an e-mail column to tell them apart'],
      [3, 'no learner has the e-mail nobody@x.example, and a new learner needs a name'],
      [4, '"not an email" in column B (Email) is not an e-mail address, and the row has no name'],
    ]);
    expect(result.counts.rowsRejected).toBe(3);
    expect(result.learnersToCreate.map((item) => item.name)).toEqual(['Left']);
  });

  it('combines first and last name columns, maps roles by name, and never clears fields with blanks', () => {
    const result = plan(sample, csv('First name,Last name,Role,Line manager,Team,Composure under pressure\nMarcus,Bell,SENIOR ACCOUNT MANAGER CELL THERAPY,,,3\n'));
    expect(result.learnersToUpdate).toEqual([{ learnerId: 'learner-marcus-bell', row: 2, changes: { roleId: 'role-sam-cell-therapy' }, previous: { roleId: 'role-am-cell-therapy' } }]);
  });

  it('lets a later row for the same learner win, and warns', () => {
    const result = plan(sample, csv('Email,Line manager,Composure under pressure\npriya.nair@meridianbio.example,Somebody Else,1\nPRIYA.NAIR@meridianbio.example,Daniel Okafor,4\n'));
    expect(result.learnersToUpdate).toEqual([]);
    expect(result.assessmentsToAdd.map((assessment) => assessment.levelId)).toEqual(['expert']);
    expect(result.warnings.map((issue) => issue.reason)).toEqual(['this learner is also on row 2; the values of the later row are kept']);
  });

  it('refuses to plan with an unusable mapping, kind or date', () => {
    const table = csv('Comments,Score\nx,1\n');
    expect(plan(sample, table).problems).toEqual(["No column is mapped to the learner's name or e-mail, so no row can be matched to a learner."]);
    const good = csv('Name,Composure under pressure\nAnn,2\n');
    expect(plan(sample, good, { date: '04/05/2026' }).problems).toEqual(['"04/05/2026" is not a date as YYYY-MM-DD.']);
    expect(plan(sample, good, { kind: 'peer' as never }).problems[0]).toMatch(/not an assessment kind/);
    expect(plan(sample, good, { headerRow: 9 }).problems).toEqual(['The header row is outside the table.']);
  });

  it('uses an edited mapping as given (the wizard path)', () => {
    const table = csv('Who,Q1,Q2\nPriya Nair,Competent,Not yet competent\n');
    const mapping = proposeColumnMapping(table.rows[0]!, sample);
    mapping.columns[0]!.target = { kind: 'learner', field: 'name' };
    mapping.columns[1]!.target = { kind: 'capability', capabilityId: 'cap-composure' };
    mapping.columns[2]!.target = { kind: 'capability', capabilityId: 'cap-exec-communication' };
    const scaleMapping = {
      ...defaultScaleMapping(sample.scale),
      entries: [
        { value: 'Not yet competent', levelId: 'intermediate' },
        { value: 'Competent', levelId: 'skilled' },
      ],
    };
    const result = planAssessmentImport({ project: sample, table, headerRow: 0, mapping, scaleMapping, kind: 'pre', date: DATE, newId: counterIds() });
    expect(result.assessmentsToAdd.map((assessment) => [assessment.capabilityId, assessment.levelId])).toEqual([
      ['cap-composure', 'skilled'],
      ['cap-exec-communication', 'intermediate'],
    ]);
  });
});

describe('idempotence over generated tables (property)', () => {
  const capabilities = sample.capabilities.slice(0, 3);
  const names = ['Priya Nair', 'Marcus Bell', 'PRIYA NAIR', 'Ann Lee', 'ann lee', 'Chloé Martin', 'Chloe Martin', "Dan O'Neil", 'Dan O’Neil', ''];
  const emails = ['', '', 'priya.nair@meridianbio.example', 'marcus.bell@meridianbio.example', 'ann@x.example', 'ANN@x.example', 'chloe@x.example', 'dan@x.example', 'not-an-email'];
  const roles = ['', 'Account Manager, Cell Therapy', 'senior account manager, cell therapy', 'Sales Director'];
  const people = ['', 'Daniel Okafor', 'Laura Jensen'];
  const levels = ['', 'Skilled', '2', '3 - Skilled', 'EXPERT', 'beginner.', 'n/a', 'Excellent!!', '9'];
  const row = fc.tuple(
    fc.constantFrom(...names),
    fc.constantFrom(...emails),
    fc.constantFrom(...roles),
    fc.constantFrom(...people),
    fc.constantFrom(...people),
    ...capabilities.map(() => fc.constantFrom(...levels)),
  );

  it('planning the same table again after applying it changes nothing, and the result stays a valid project', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.constantFrom('self', 'manager', 'pre', 'post' as const), (rows, kind) => {
        const table: RawTable = { rows: [['Name', 'Email', 'Role', 'Manager', 'Team', ...capabilities.map((capability) => capability.name)], ...rows.map((cells) => [...cells])] };
        const input = { table, ...proposeAssessmentImport(sample, table), kind, date: DATE, newId: counterIds() };
        const first = planAssessmentImport({ project: sample, ...input });
        const applied = importCommand(first).apply(sample);
        const second = planAssessmentImport({ project: applied, ...input });
        expect(second.learnersToCreate).toEqual([]);
        expect(second.learnersToUpdate).toEqual([]);
        expect(second.assessmentsToAdd).toEqual([]);
        expect(second.assessmentsToUpdate).toEqual([]);
        const reloaded = parseProjectText(serializeProject(applied));
        expect(reloaded.ok, reloaded.ok ? '' : reloaded.error.message).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
