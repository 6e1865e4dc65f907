/**
 * The import wizard's logic, free of React so it is unit-tested: what the selects offer, what a
 * change does to the mapping, which distinct values each capability column holds and what level
 * each becomes. Everything ends in the pure pipeline of shared/domain/import.
 */
import {
  LEARNER_FIELD_LABELS,
  LEARNER_FIELDS,
  DEFAULT_SCALE_MAPPINGS,
  cleanCell,
  columnLetter,
  defaultScaleMapping,
  hasChanges,
  importCommand,
  matchKey,
  proposeColumnMapping,
  readLevel,
  savedScaleMappingChoice,
  type CellIssue,
  type ImportPlan,
  type ColumnMapping,
  type ColumnTarget,
  type RawTable,
  type ScaleMapping,
  type ScaleMappingChoice,
  type ScaleMappingSource,
} from '../../../../shared/domain/import';
import type { ProjectCommand } from '../../../../shared/domain/commands/command';
import { saveScaleMapping, type SaveScaleMappingInput } from '../../../../shared/domain/commands/scale-mapping-commands';
import type { AssessmentKind, Project } from '../../../../shared/domain/schema';

export const ASSESSMENT_KIND_LABELS: Readonly<Record<AssessmentKind, string>> = {
  pre: 'Pre-assessment',
  post: 'Post-assessment',
  self: 'Self-rating',
  manager: 'Manager rating',
};

/** The order the kind picker shows. */
export const WIZARD_KINDS: readonly AssessmentKind[] = ['self', 'manager', 'pre', 'post'];

export const IGNORE_VALUE = 'ignore';

/** A column target as a select value: "ignore", "learner:email", "capability:cap-x". */
export function targetToValue(target: ColumnTarget): string {
  switch (target.kind) {
    case 'ignore':
      return IGNORE_VALUE;
    case 'learner':
      return `learner:${target.field}`;
    case 'capability':
      return `capability:${target.capabilityId}`;
  }
}

export function valueToTarget(value: string | null): ColumnTarget {
  if (value === null || value === IGNORE_VALUE) return { kind: 'ignore' };
  if (value.startsWith('learner:')) {
    const field = value.slice('learner:'.length);
    const known = LEARNER_FIELDS.find((item) => item === field);
    return known ? { kind: 'learner', field: known } : { kind: 'ignore' };
  }
  if (value.startsWith('capability:')) return { kind: 'capability', capabilityId: value.slice('capability:'.length) };
  return { kind: 'ignore' };
}

export interface TargetOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/** The column-target select's options: not imported, the learner fields, the capabilities. */
export function targetOptions(project: Pick<Project, 'capabilities'>): TargetOptionGroup[] {
  return [
    { group: 'Skip', items: [{ value: IGNORE_VALUE, label: 'Not imported' }] },
    { group: 'Learner', items: LEARNER_FIELDS.map((field) => ({ value: `learner:${field}`, label: LEARNER_FIELD_LABELS[field] })) },
    { group: 'Capability (an assessment)', items: project.capabilities.map((capability) => ({ value: `capability:${capability.id}`, label: capability.name })) },
  ];
}

/**
 * `column` now holds `target`. Another column that held the same target gives it up (it becomes
 * "Not imported"): a field or capability comes from one column only.
 */
export function setColumnTarget(mapping: ColumnMapping, column: number, target: ColumnTarget): ColumnMapping {
  const key = targetToValue(target);
  return {
    columns: mapping.columns.map((assignment) => {
      if (assignment.column === column) return { ...assignment, target };
      if (key !== IGNORE_VALUE && targetToValue(assignment.target) === key) return { ...assignment, target: { kind: 'ignore' } };
      return assignment;
    }),
  };
}

/** A fresh proposal for another header row (the user moved it). */
export function mappingForHeaderRow(project: Pick<Project, 'capabilities'>, table: RawTable, headerRow: number): ColumnMapping {
  return proposeColumnMapping(table.rows[headerRow] ?? [], project);
}

/** The first non-blank values under a column's header, for the mapping step. */
export function sampleValues(table: RawTable, headerRow: number, column: number, limit = 3): string[] {
  const values: string[] = [];
  for (let r = headerRow + 1; r < table.rows.length && values.length < limit; r++) {
    const value = cleanCell(table.rows[r]?.[column] ?? '');
    if (value !== '') values.push(value);
  }
  return values;
}

export interface DistinctValue {
  /** As first seen in the file (cleaned). */
  value: string;
  count: number;
}

export interface CapabilityColumnValues {
  column: number;
  letter: string;
  header: string;
  capabilityId: string;
  capabilityName: string;
  /** Most frequent first; values equal by `matchKey` are one value. */
  values: DistinctValue[];
  blanks: number;
  /** Distinct values beyond the limit, not listed. */
  more: number;
}

/** Each capability column's distinct non-blank values with how often they occur. */
export function capabilityColumnValues(project: Pick<Project, 'capabilities'>, table: RawTable, headerRow: number, mapping: ColumnMapping, limit = 40): CapabilityColumnValues[] {
  const names = new Map(project.capabilities.map((capability) => [capability.id, capability.name]));
  const result: CapabilityColumnValues[] = [];
  for (const assignment of mapping.columns) {
    if (assignment.target.kind !== 'capability') continue;
    const counts = new Map<string, DistinctValue>();
    let blanks = 0;
    for (let r = headerRow + 1; r < table.rows.length; r++) {
      const row = table.rows[r]!;
      if (row.every((cell) => cell.trim() === '')) continue;
      const value = cleanCell(row[assignment.column] ?? '');
      if (value === '') {
        blanks++;
        continue;
      }
      const key = matchKey(value);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { value, count: 1 });
    }
    const values = [...counts.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, undefined, { numeric: true }));
    result.push({
      column: assignment.column,
      letter: columnLetter(assignment.column),
      header: cleanCell(assignment.header),
      capabilityId: assignment.target.capabilityId,
      capabilityName: names.get(assignment.target.capabilityId) ?? assignment.target.capabilityId,
      values: values.slice(0, limit),
      blanks,
      more: Math.max(0, values.length - limit),
    });
  }
  return result;
}

export type ValueResolution =
  | { status: 'level'; levelId: string; label: string; explicit: boolean }
  | { status: 'not-assessed' }
  | { status: 'rejected'; reason: string };

/** What a cell value becomes with the current scale mapping; `explicit` when the user (or an entry) chose it. */
export function resolveValue(value: string, project: Pick<Project, 'scale'>, scaleMapping: ScaleMapping): ValueResolution {
  const level = readLevel(value, project.scale, scaleMapping);
  if (level.status === 'not-assessed') return { status: 'not-assessed' };
  if (level.status === 'error') return { status: 'rejected', reason: level.reason };
  const label = project.scale.levels.find((item) => item.id === level.levelId)?.label ?? level.levelId;
  const explicit = scaleMapping.entries.some((entry) => matchKey(entry.value) === matchKey(value));
  return { status: 'level', levelId: level.levelId, label, explicit };
}

/** The mapping with `value` sent to `levelId`, or (null) back to the automatic reading. */
export function setValueLevel(scaleMapping: ScaleMapping, value: string, levelId: string | null): ScaleMapping {
  const key = matchKey(value);
  const entries = scaleMapping.entries.filter((entry) => matchKey(entry.value) !== key);
  if (levelId !== null) entries.push({ value, levelId });
  return { ...scaleMapping, entries };
}

/** A short description of a spreadsheet row for the header-row select. */
export function describeRow(row: readonly string[], index: number, maxLength = 70): string {
  const text = row
    .map(cleanCell)
    .filter((cell) => cell !== '')
    .join(' · ');
  const shown = text === '' ? '(blank row)' : text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return `Row ${index + 1}: ${shown}`;
}

/** The first `limit` issues and how many were left out. */
export function capIssues(issues: readonly CellIssue[], limit: number): { shown: CellIssue[]; hidden: number } {
  return { shown: issues.slice(0, limit), hidden: Math.max(0, issues.length - limit) };
}

/** "L (Strategic Business Acumen…)" or "whole row". */
export function describeIssueColumn(issue: CellIssue): string {
  if (issue.column === null) return 'Whole row';
  return issue.column.header === '' ? issue.column.letter : `${issue.column.letter} · ${issue.column.header}`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------------------------------------
// The values step's "Mapping" select and "Save this mapping for next time…"

export const AUTOMATIC_MAPPING_VALUE = 'automatic';

/** Where the values step's mapping came from, as the "Mapping" select's value. */
export function scaleMappingSourceValue(source: ScaleMappingSource): string {
  switch (source.kind) {
    case 'automatic':
      return AUTOMATIC_MAPPING_VALUE;
    case 'saved':
      return `saved:${source.id}`;
    case 'built-in':
      return `built-in:${source.name}`;
  }
}

/** The "Mapping" select's options: automatic, the project's saved mappings, the built-in number scales. */
export function scaleMappingOptions(project: Pick<Project, 'scale' | 'scaleMappings'>): TargetOptionGroup[] {
  const groups: TargetOptionGroup[] = [{ group: 'Automatic', items: [{ value: AUTOMATIC_MAPPING_VALUE, label: `Level names and numbers 1–${project.scale.levels.length}` }] }];
  if (project.scaleMappings.length > 0) {
    groups.push({ group: 'Saved in this project', items: project.scaleMappings.map((mapping) => ({ value: `saved:${mapping.id}`, label: mapping.name })) });
  }
  groups.push({ group: 'Built-in number scales', items: DEFAULT_SCALE_MAPPINGS.map((mapping) => ({ value: `built-in:${mapping.name}`, label: mapping.name })) });
  return groups;
}

/** The mapping a "Mapping" select value stands for (a fresh copy), or null for an unknown value. */
export function scaleMappingForValue(project: Pick<Project, 'scale' | 'scaleMappings'>, value: string): ScaleMappingChoice | null {
  if (value === AUTOMATIC_MAPPING_VALUE) return { scaleMapping: defaultScaleMapping(project.scale), source: { kind: 'automatic' } };
  if (value.startsWith('saved:')) return savedScaleMappingChoice(project, value.slice('saved:'.length));
  if (value.startsWith('built-in:')) {
    const builtIn = DEFAULT_SCALE_MAPPINGS.find((mapping) => mapping.name === value.slice('built-in:'.length));
    return builtIn ? { scaleMapping: { ...builtIn, entries: [...builtIn.entries], ...(builtIn.numericRange ? { numericRange: { ...builtIn.numericRange } } : {}) }, source: { kind: 'built-in', name: builtIn.name } } : null;
  }
  return null;
}

/** "client_survey-2025.xlsx" → "client survey 2025": the name the save prompt starts with. */
export function defaultMappingName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]+$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (base === '' ? 'Imported scale' : base).slice(0, 120);
}

/**
 * The import as one command, with the mapping saved for next time in the same step when the user
 * asked for it: one Undo removes both the assessments and the saved mapping.
 */
export function importWithMappingCommand(plan: ImportPlan, save: SaveScaleMappingInput | null): ProjectCommand {
  const importing = importCommand(plan);
  if (save === null) return importing;
  const saving = saveScaleMapping(save);
  if (!hasChanges(plan)) return saving;
  return { label: importing.label, apply: (project) => saving.apply(importing.apply(project)) };
}
