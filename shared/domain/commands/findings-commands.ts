/**
 * Edits to needs-analysis findings: capture (often several a minute in a workshop), edit,
 * link to capabilities and roles, tag, delete.
 */
import { current, type Draft } from 'immer';
import { FindingSchema, type Finding, type Project } from '../schema';
import { checkedId, moveInArray, requireItem, requireNewId } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export type FindingFields = Omit<Finding, 'id'>;

/** Tags as people type them: trimmed, without a leading "#", no empty ones, no case-insensitive repeats. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

const unique = (ids: readonly string[]): string[] => ids.filter((id, index) => ids.indexOf(id) === index);

const FIELD_NAMES: Record<string, string> = {
  statement: 'The statement',
  source: 'The source',
  evidence: 'The evidence',
  priority: 'The priority',
  roleIds: 'A linked role',
  capabilityIds: 'A linked capability',
  tags: 'A tag',
};

/** Validate a whole finding with the file schema, so nothing the loader would refuse gets in. */
function validFinding(candidate: Finding): Finding {
  const parsed = FindingSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new CommandError(`${FIELD_NAMES[field] ?? 'The finding'} ${issue?.message ?? 'is not valid'}.`);
  }
  return parsed.data;
}

function checkLinks(draft: Draft<Project>, finding: Pick<Finding, 'roleIds' | 'capabilityIds'>): void {
  for (const id of finding.capabilityIds) requireItem(draft.capabilities, id, 'capability');
  for (const id of finding.roleIds) requireItem(draft.roles, id, 'role');
}

export interface NewFinding extends Partial<Omit<FindingFields, 'statement' | 'source'>> {
  id: string;
  statement: string;
  source: Finding['source'];
}

/** Add a finding at `index` (default: first, where a workshop sees it appear). */
export function addFinding(input: NewFinding, index = 0): ProjectCommand {
  checkedId(input.id, 'finding');
  const finding = validFinding({
    id: input.id,
    statement: input.statement.trim(),
    source: input.source,
    evidence: input.evidence ?? '',
    priority: input.priority ?? 'medium',
    roleIds: unique(input.roleIds ?? []),
    capabilityIds: unique(input.capabilityIds ?? []),
    tags: normaliseTags(input.tags ?? []),
  });
  if (!Number.isInteger(index) || index < 0) throw new CommandError('A position must be 0 or more.');
  return draftCommand('Add finding', (draft) => {
    requireNewId(draft.findings, finding.id, 'finding');
    checkLinks(draft, finding);
    draft.findings.splice(Math.min(index, draft.findings.length), 0, finding);
  });
}

/** Change some fields of a finding, as one step. Unchanged fields are left alone. */
export function updateFinding(findingId: string, patch: Partial<FindingFields>): ProjectCommand {
  const clean: Partial<FindingFields> = { ...patch };
  if (clean.statement !== undefined) clean.statement = clean.statement.trim();
  if (clean.tags !== undefined) clean.tags = normaliseTags(clean.tags);
  if (clean.roleIds !== undefined) clean.roleIds = unique(clean.roleIds);
  if (clean.capabilityIds !== undefined) clean.capabilityIds = unique(clean.capabilityIds);
  return draftCommand('Edit finding', (draft) => {
    const finding = requireItem(draft.findings, findingId, 'finding');
    const next = validFinding({ ...current(finding), ...clean });
    checkLinks(draft, next);
    if (next.statement !== finding.statement) finding.statement = next.statement;
    if (next.source !== finding.source) finding.source = next.source;
    if (next.evidence !== finding.evidence) finding.evidence = next.evidence;
    if (next.priority !== finding.priority) finding.priority = next.priority;
    for (const key of ['roleIds', 'capabilityIds', 'tags'] as const) {
      const before = finding[key];
      const after = next[key];
      if (before.length !== after.length || before.some((value, i) => value !== after[i])) finding[key] = after;
    }
  });
}

export function deleteFinding(findingId: string): ProjectCommand {
  return draftCommand('Delete finding', (draft) => {
    requireItem(draft.findings, findingId, 'finding');
    draft.findings = draft.findings.filter((finding) => finding.id !== findingId);
  });
}

export function moveFinding(findingId: string, delta: number): ProjectCommand {
  if (!Number.isInteger(delta)) throw new CommandError('A move must be a whole number of places.');
  return draftCommand(delta < 0 ? 'Move finding up' : 'Move finding down', (draft) => {
    const from = draft.findings.findIndex((finding) => finding.id === findingId);
    if (from < 0) throw new CommandError(`There is no finding "${findingId}".`);
    moveInArray(draft.findings, from, Math.min(draft.findings.length - 1, Math.max(0, from + delta)));
  });
}
