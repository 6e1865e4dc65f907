/**
 * Which column holds what: learner fields (matched by header synonyms) and capabilities (matched
 * by name or external id, case- and punctuation-insensitively). The proposal is plain data: the
 * import wizard shows it and lets the user change any column's target before planning.
 */
import type { Project } from '../schema';
import { matchKey } from './normalize';
import { columnLetter } from './table';

export const LEARNER_FIELDS = ['name', 'firstName', 'lastName', 'email', 'role', 'manager', 'team'] as const;
export type LearnerField = (typeof LEARNER_FIELDS)[number];

export type ColumnTarget =
  | { kind: 'ignore' }
  | { kind: 'learner'; field: LearnerField }
  | { kind: 'capability'; capabilityId: string };

export interface ColumnAssignment {
  /** 0-based column index in the table. */
  column: number;
  /** The header cell as it appears in the file. */
  header: string;
  target: ColumnTarget;
}

export interface ColumnMapping {
  /** One entry per column of the table, in order. */
  columns: ColumnAssignment[];
}

/** Header synonyms per learner field, compared by `matchKey` ("E-mail" = "email"). */
export const LEARNER_FIELD_SYNONYMS: Readonly<Record<LearnerField, readonly string[]>> = {
  name: [
    'name',
    'full name',
    'learner',
    'learner name',
    'employee',
    'employee name',
    'participant',
    'participant name',
    'respondent',
    'respondent name',
    'your name',
    'staff name',
    'person',
    'colleague',
    'display name',
  ],
  firstName: ['first name', 'given name', 'forename', 'first'],
  lastName: ['last name', 'surname', 'family name', 'last'],
  email: ['email', 'email address', 'e-mail', 'e-mail address', 'mail', 'work email', 'business email', 'your email', 'respondent email', 'employee email', 'learner email'],
  role: ['role', 'job title', 'job', 'title', 'position', 'job role', 'current role', 'role title', 'job position', 'your role'],
  manager: ['manager', 'line manager', 'manager name', 'reports to', 'supervisor', 'direct manager', 'people manager', 'reporting manager', 'your manager'],
  team: ['team', 'region', 'department', 'dept', 'territory', 'business unit', 'division', 'area', 'team name', 'group'],
};

const SYNONYM_TO_FIELD = new Map<string, LearnerField>();
for (const field of LEARNER_FIELDS) for (const synonym of LEARNER_FIELD_SYNONYMS[field]) SYNONYM_TO_FIELD.set(matchKey(synonym), field);

export const LEARNER_FIELD_LABELS: Readonly<Record<LearnerField, string>> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  role: 'Role',
  manager: 'Manager',
  team: 'Team',
};

/**
 * Forms of a header worth matching: as is; without a survey's question number ("Q3.", "12)");
 * without bracketed notes ("(self-rating)", "[1-5]"); without a trailing "rating"/"score".
 */
function headerVariants(header: string): string[] {
  const variants = new Set<string>();
  const add = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed !== '') variants.add(trimmed);
  };
  const base = header.replace(/\s+/g, ' ').trim();
  add(base);
  const withoutNumber = base.replace(/^(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*\s*[.):\-–—]\s*/i, '');
  add(withoutNumber);
  for (const text of [base, withoutNumber]) {
    const withoutBrackets = text.replace(/\s*[([][^)\]]*[)\]]\s*$/, '');
    add(withoutBrackets);
    add(withoutBrackets.replace(/\s*[-–—:]?\s*(rating|score|level|self[- ]?rating|self[- ]?assessment|manager rating)$/i, ''));
  }
  return [...variants];
}

function capabilityIndex(project: Pick<Project, 'capabilities'>): Map<string, string> {
  const index = new Map<string, string>();
  // Names first, then external ids, so a name always wins a clash.
  for (const capability of project.capabilities) {
    const key = matchKey(capability.name);
    if (!index.has(key)) index.set(key, capability.id);
  }
  for (const capability of project.capabilities) {
    if (capability.externalId.trim() === '') continue;
    const key = matchKey(capability.externalId);
    if (!index.has(key)) index.set(key, capability.id);
    // "EP-COM-01 Executive communication" / "Executive communication (EP-COM-01)"
    const both = [`${capability.externalId} ${capability.name}`, `${capability.name} ${capability.externalId}`];
    for (const text of both) if (!index.has(matchKey(text))) index.set(matchKey(text), capability.id);
  }
  return index;
}

/** What a header means, or 'ignore'; capabilities are tried first (they are project-specific). */
export function matchHeader(header: string, project: Pick<Project, 'capabilities'>, index = capabilityIndex(project)): ColumnTarget {
  const variants = headerVariants(header);
  for (const variant of variants) {
    const capabilityId = index.get(matchKey(variant));
    if (capabilityId !== undefined) return { kind: 'capability', capabilityId };
  }
  for (const variant of variants) {
    const field = SYNONYM_TO_FIELD.get(matchKey(variant));
    if (field !== undefined) return { kind: 'learner', field };
  }
  return { kind: 'ignore' };
}

/**
 * A first mapping for the header row: each learner field and each capability goes to the first
 * column that matches it; later duplicates are left ignored (the wizard can swap them).
 */
export function proposeColumnMapping(headers: readonly string[], project: Pick<Project, 'capabilities'>): ColumnMapping {
  const index = capabilityIndex(project);
  const taken = new Set<string>();
  const columns = headers.map((header, column): ColumnAssignment => {
    let target = matchHeader(header, project, index);
    const key = target.kind === 'capability' ? `capability:${target.capabilityId}` : target.kind === 'learner' ? `learner:${target.field}` : null;
    if (key !== null) {
      if (taken.has(key)) target = { kind: 'ignore' };
      else taken.add(key);
    }
    return { column, header, target };
  });
  return { columns };
}

export function describeColumn(assignment: Pick<ColumnAssignment, 'column' | 'header'>): string {
  const header = assignment.header.replace(/\s+/g, ' ').trim();
  return header === '' ? columnLetter(assignment.column) : `${columnLetter(assignment.column)} (${header})`;
}

/**
 * What stops a mapping from importing anything, one sentence each; empty when it can be
 * planned. Duplicate targets are reported because the second column would silently win.
 */
export function checkColumnMapping(mapping: ColumnMapping, project: Pick<Project, 'capabilities'>): string[] {
  const problems: string[] = [];
  const capabilityIds = new Set(project.capabilities.map((capability) => capability.id));
  const fields = new Set<LearnerField>();
  const seen = new Map<string, ColumnAssignment>();
  for (const assignment of mapping.columns) {
    const { target } = assignment;
    if (target.kind === 'ignore') continue;
    const key = target.kind === 'capability' ? `capability:${target.capabilityId}` : `learner:${target.field}`;
    const earlier = seen.get(key);
    if (earlier) problems.push(`Columns ${describeColumn(earlier)} and ${describeColumn(assignment)} are both mapped to the same ${target.kind === 'capability' ? 'capability' : 'field'}.`);
    else seen.set(key, assignment);
    if (target.kind === 'learner') fields.add(target.field);
    else if (!capabilityIds.has(target.capabilityId)) problems.push(`Column ${describeColumn(assignment)} is mapped to a capability that is not in the project.`);
  }
  if (!fields.has('name') && !fields.has('email') && !fields.has('firstName') && !fields.has('lastName')) {
    problems.push('No column is mapped to the learner\'s name or e-mail, so no row can be matched to a learner.');
  }
  // No capability column is a roster import: learners are created or updated, no assessments.
  return problems;
}
