/** The import wizard's logic over the real messy fixture and the sample project. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScaleMapping, detectHeaderRow, hasChanges, importCommand, parseCsv, planAssessmentImport, proposeAssessmentImport, type CellIssue } from '../../../shared/domain/import';
import {
  capIssues,
  capabilityColumnValues,
  defaultMappingName,
  importWithMappingCommand,
  scaleMappingForValue,
  scaleMappingOptions,
  scaleMappingSourceValue,
  describeIssueColumn,
  describeRow,
  mappingForHeaderRow,
  resolveValue,
  sampleValues,
  setColumnTarget,
  setValueLevel,
  targetOptions,
  targetToValue,
  todayIso,
  valueToTarget,
} from '../../../renderer/src/features/import/wizard-model';
import { saveScaleMapping } from '../../../shared/domain/commands/scale-mapping-commands';
import { execute, startHistory, undo } from '../../../shared/domain/history';
import { counterIds, csvFixture, loadSample } from '../import/support';

const project = loadSample();
const parsed = parseCsv(readFileSync(csvFixture, 'utf8'));
if (!parsed.ok) throw new Error(parsed.error.message);
const table = parsed.value;

describe('column targets', () => {
  it('round-trip through select values, and unknown values are "not imported"', () => {
    for (const target of [{ kind: 'ignore' as const }, { kind: 'learner' as const, field: 'email' as const }, { kind: 'capability' as const, capabilityId: 'cap-composure' }]) {
      expect(valueToTarget(targetToValue(target))).toEqual(target);
    }
    expect(valueToTarget('learner:password')).toEqual({ kind: 'ignore' });
    expect(valueToTarget('bogus')).toEqual({ kind: 'ignore' });
    expect(valueToTarget(null)).toEqual({ kind: 'ignore' });
  });

  it('offers "not imported", every learner field and every capability', () => {
    const groups = targetOptions(project);
    expect(groups.map((group) => group.group)).toEqual(['Skip', 'Learner', 'Capability (an assessment)']);
    expect(groups[1]!.items.map((item) => item.label)).toEqual(['Name', 'First name', 'Last name', 'E-mail', 'Role', 'Manager', 'Team']);
    expect(groups[2]!.items).toHaveLength(project.capabilities.length);
  });

  it('moves a target from the column that had it: one column per field or capability', () => {
    const { mapping } = proposeAssessmentImport(project, table);
    expect(mapping.columns[5]!.target).toEqual({ kind: 'capability', capabilityId: 'cap-exec-communication' });
    const moved = setColumnTarget(mapping, 13, { kind: 'capability', capabilityId: 'cap-exec-communication' });
    expect(moved.columns[13]!.target).toEqual({ kind: 'capability', capabilityId: 'cap-exec-communication' });
    expect(moved.columns[5]!.target).toEqual({ kind: 'ignore' });
    // "Not imported" never clears anything else.
    const ignored = setColumnTarget(mapping, 0, { kind: 'ignore' });
    expect(ignored.columns.filter((column) => column.target.kind === 'ignore')).toHaveLength(2);
    expect(mapping.columns[13]!.target).toEqual({ kind: 'ignore' }); // the input is not mutated
  });

  it('proposes a new mapping when the header row moves', () => {
    expect(detectHeaderRow(table)).toBe(2);
    expect(mappingForHeaderRow(project, table, 2).columns[0]!.target).toEqual({ kind: 'learner', field: 'name' });
    expect(mappingForHeaderRow(project, table, 0).columns.every((column) => column.target.kind === 'ignore')).toBe(true);
    expect(describeRow(table.rows[2]!, 2, 30)).toBe('Row 3: Full name · E-mail · Job titl…');
    expect(describeRow(table.rows[1]!, 1)).toBe('Row 2: (blank row)');
  });

  it('shows sample values under a header', () => {
    expect(sampleValues(table, 2, 0)).toEqual(['Priya Nair', 'Marcus Bell', 'Sofia Ramirez']);
    expect(sampleValues(table, 2, 1, 1)).toEqual(['priya.nair@meridianbio.example']);
  });
});

describe('values', () => {
  const proposal = proposeAssessmentImport(project, table);
  const columns = capabilityColumnValues(project, table, proposal.headerRow, proposal.mapping);

  it('lists each capability column\'s distinct answers, most frequent first, and counts blanks', () => {
    expect(columns).toHaveLength(8);
    const acumen = columns.find((column) => column.capabilityId === 'cap-business-acumen')!;
    expect(acumen.letter).toBe('L');
    expect(acumen.values.find((value) => value.value === 'Excellent!!')).toEqual({ value: 'Excellent!!', count: 1 });
    const composure = columns.find((column) => column.capabilityId === 'cap-composure')!;
    expect(composure.values[0]).toEqual({ value: '2', count: 4 });
    const stakeholder = columns.find((column) => column.capabilityId === 'cap-stakeholder-influence')!;
    expect(stakeholder.blanks).toBe(2);
    expect(stakeholder.values.map((value) => value.value)).toContain('n/a');
  });

  it('says what each answer becomes, and an edit sends it (everywhere) to the chosen level', () => {
    let mapping = defaultScaleMapping(project.scale);
    expect(resolveValue('3 - Skilled', project, mapping)).toEqual({ status: 'level', levelId: 'skilled', label: 'Skilled', explicit: false });
    expect(resolveValue('n/a', project, mapping)).toEqual({ status: 'not-assessed' });
    expect(resolveValue('Excellent!!', project, mapping)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not a level') });
    mapping = setValueLevel(mapping, 'Excellent!!', 'expert');
    expect(resolveValue('excellent', project, mapping)).toEqual({ status: 'level', levelId: 'expert', label: 'Expert', explicit: true });
    mapping = setValueLevel(mapping, 'EXCELLENT', 'skilled'); // replaces, never duplicates
    expect(mapping.entries).toEqual([{ value: 'EXCELLENT', levelId: 'skilled' }]);
    mapping = setValueLevel(mapping, 'Excellent!!', null);
    expect(mapping.entries).toEqual([]);
    expect(resolveValue('Excellent!!', project, mapping).status).toBe('rejected');
  });

  it('an edited answer is imported instead of rejected', () => {
    const base = { project, table, headerRow: proposal.headerRow, mapping: proposal.mapping, kind: 'pre' as const, date: '2026-05-01' };
    const before = planAssessmentImport({ ...base, scaleMapping: proposal.scaleMapping, newId: counterIds() });
    const after = planAssessmentImport({ ...base, scaleMapping: setValueLevel(proposal.scaleMapping, 'Excellent!!', 'expert'), newId: counterIds() });
    expect(before.rejected.some((issue) => issue.value === 'Excellent!!')).toBe(true);
    expect(after.rejected.some((issue) => issue.value === 'Excellent!!')).toBe(false);
    expect(after.counts.assessmentsAdded).toBe(before.counts.assessmentsAdded + 1);
    // Applied, the same plan again has nothing to do: the wizard shows "0 changes".
    const applied = importCommand(after).apply(project);
    expect(hasChanges(planAssessmentImport({ ...base, project: applied, scaleMapping: setValueLevel(proposal.scaleMapping, 'Excellent!!', 'expert'), newId: counterIds() }))).toBe(false);
  });
});

describe('review helpers', () => {
  it('caps a huge issue list and says how many are hidden', () => {
    const issues: CellIssue[] = Array.from({ length: 1234 }, (_, i) => ({ row: i + 2, column: null, value: '', reason: 'r' }));
    const { shown, hidden } = capIssues(issues, 500);
    expect(shown).toHaveLength(500);
    expect(hidden).toBe(734);
    expect(capIssues(issues.slice(0, 3), 500)).toEqual({ shown: issues.slice(0, 3), hidden: 0 });
  });

  it('names the column of an issue by letter and header', () => {
    expect(describeIssueColumn({ row: 6, column: { index: 11, letter: 'L', header: 'Acumen' }, value: 'x', reason: '' })).toBe('L · Acumen');
    expect(describeIssueColumn({ row: 6, column: { index: 11, letter: 'L', header: '' }, value: 'x', reason: '' })).toBe('L');
    expect(describeIssueColumn({ row: 6, column: null, value: '', reason: '' })).toBe('Whole row');
  });

  it('defaults the date to today, local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('the values step with saved scale mappings', () => {
  const withSaved = saveScaleMapping({ id: 'map-survey', name: 'Client survey 2025', entries: [{ value: 'Competent', levelId: 'skilled' }], numericRange: null }).apply(project);

  it('offers the automatic reading, the saved mappings and the built-in number scales; each value gives its mapping back', () => {
    expect(scaleMappingOptions(project).map((group) => group.group)).toEqual(['Automatic', 'Built-in number scales']);
    const groups = scaleMappingOptions(withSaved);
    expect(groups.map((group) => [group.group, group.items.map((item) => item.label)])).toEqual([
      ['Automatic', ['Level names and numbers 1–4']],
      ['Saved in this project', ['Client survey 2025']],
      ['Built-in number scales', ['Numbers 1–5', 'SFIA levels 1–7']],
    ]);
    for (const item of groups.flatMap((group) => group.items)) {
      const choice = scaleMappingForValue(withSaved, item.value);
      expect(choice, item.value).not.toBeNull();
      expect(scaleMappingSourceValue(choice!.source)).toBe(item.value);
    }
    expect(scaleMappingForValue(withSaved, 'saved:map-survey')?.scaleMapping).toEqual({ name: 'Client survey 2025', entries: [{ value: 'Competent', levelId: 'skilled' }] });
    expect(scaleMappingForValue(withSaved, 'built-in:SFIA levels 1–7')?.scaleMapping.numericRange).toEqual({ min: 1, max: 7 });
    expect(scaleMappingForValue(withSaved, 'saved:gone')).toBeNull();
    expect(scaleMappingForValue(withSaved, 'bogus')).toBeNull();
  });

  it('names the mapping after the file', () => {
    expect(defaultMappingName('client_survey-2025.xlsx')).toBe('client survey 2025');
    expect(defaultMappingName('Q1 ratings.final.csv')).toBe('Q1 ratings.final');
    expect(defaultMappingName('.csv')).toBe('Imported scale');
  });

  it('saves the mapping in the same undo step as the import, or alone when the import changes nothing', () => {
    const proposal = proposeAssessmentImport(project, table);
    const plan = planAssessmentImport({ project, table, ...proposal, kind: 'self', date: '2026-05-04', newId: counterIds() });
    const save = { id: 'map-new', name: 'Messy survey', entries: [{ value: 'Guru', levelId: 'expert' }], numericRange: { min: 1, max: 4 } };
    const history = execute(startHistory(project, { saved: true }), importWithMappingCommand(plan, save));
    expect(history.past).toHaveLength(1);
    expect(history.past[0]?.label).toBe('Import assessments');
    expect(history.present.scaleMappings.map((mapping) => mapping.name)).toEqual(['Messy survey']);
    expect(history.present.assessments.length).toBe(project.assessments.length + plan.assessmentsToAdd.length);
    expect(undo(history).present).toBe(project);
    expect(importWithMappingCommand(plan, null).label).toBe('Import assessments');

    const again = planAssessmentImport({ project: history.present, table, ...proposeAssessmentImport(history.present, table), kind: 'self', date: '2026-05-04', newId: counterIds() });
    expect(hasChanges(again)).toBe(false);
    const alone = importWithMappingCommand(again, { ...save, id: 'map-other', name: 'Other' });
    expect(alone.label).toBe('Save scale mapping');
    expect(alone.apply(history.present).scaleMappings.map((mapping) => mapping.name)).toEqual(['Messy survey', 'Other']);
  });
});
