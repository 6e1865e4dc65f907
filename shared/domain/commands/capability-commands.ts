/**
 * Edits to capabilities: names and descriptions, external ids, order and domain, behavioural
 * indicators per level, skills, and deletion with everything that refers to the capability.
 *
 * Constructors validate their arguments (a CommandError says what is wrong before anything runs);
 * `apply` checks that what they name still exists. Commands that would change nothing return
 * the same project, so they record no undo step.
 */
import type { Draft } from 'immer';
import type { z } from 'zod';
import { IdSchema, LongText, RequiredShortText, ShortText, type Capability, type Project } from '../schema';
import { CommandError, draftCommand, type ProjectCommand } from './command';

// ---------------------------------------------------------------------------------------------
// Helpers shared by the model, capability and findings commands

/** The parsed value, or a CommandError that reads "A capability name must not be empty." */
export function checkedText(schema: z.ZodType<string>, value: string, what: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(`${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return parsed.data;
}

/** A single-line text field: trimmed, at most SHORT_TEXT_MAX characters. */
export const checkedShort = (value: string, what: string): string => checkedText(ShortText, value.trim(), what);
export const checkedName = (value: string, what: string): string => checkedText(RequiredShortText, value, what);
export const checkedLong = (value: string, what: string): string => checkedText(LongText, value, what);

export function checkedId(id: string, what: string): string {
  if (!IdSchema.safeParse(id).success) throw new CommandError(`"${id}" is not a valid ${what} id.`);
  return id;
}

export function requireItem<T extends { id: string }>(items: T[], id: string, what: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new CommandError(`There is no ${what} "${id}".`);
  return item;
}

export function requireNewId(items: readonly { id: string }[], id: string, what: string): void {
  if (items.some((item) => item.id === id)) throw new CommandError(`A ${what} with id "${id}" already exists.`);
}

/** Move `array[from]` to `to` in place. */
export function moveInArray<T>(array: T[], from: number, to: number): void {
  if (from === to) return;
  const [item] = array.splice(from, 1);
  if (item !== undefined) array.splice(to, 0, item);
}

function assertDelta(delta: number): void {
  if (!Number.isInteger(delta)) throw new CommandError('A move must be a whole number of places.');
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

// ---------------------------------------------------------------------------------------------
// Names, descriptions, external ids

function findCapability<T extends { id: string }>(capabilities: T[], id: string): T {
  return requireItem(capabilities, id, 'capability');
}

export function renameCapability(capabilityId: string, name: string): ProjectCommand {
  const next = checkedName(name, 'A capability name');
  return draftCommand('Rename capability', (draft) => {
    findCapability(draft.capabilities, capabilityId).name = next;
  });
}

export function describeCapability(capabilityId: string, description: string): ProjectCommand {
  const next = checkedLong(description, 'A capability description');
  return draftCommand('Edit capability description', (draft) => {
    findCapability(draft.capabilities, capabilityId).description = next;
  });
}

export function setCapabilityExternalId(capabilityId: string, externalId: string): ProjectCommand {
  const next = checkedShort(externalId, 'An external id');
  return draftCommand('Change capability external id', (draft) => {
    findCapability(draft.capabilities, capabilityId).externalId = next;
  });
}

// ---------------------------------------------------------------------------------------------
// Adding, ordering, moving between domains

/** Where the `index`-th capability of `domainId` sits in the project's array (or where it would go). */
function insertionPoint(capabilities: readonly { domainId: string }[], domainId: string, index: number | undefined): number {
  const positions: number[] = [];
  capabilities.forEach((capability, position) => {
    if (capability.domainId === domainId) positions.push(position);
  });
  if (index !== undefined && index < positions.length) return positions[Math.max(0, index)] ?? capabilities.length;
  const last = positions[positions.length - 1];
  return last === undefined ? capabilities.length : last + 1;
}

export interface NewCapability {
  id: string;
  domainId: string;
  name: string;
  description?: string;
  externalId?: string;
  /** Position among the domain's capabilities; the end when omitted. */
  index?: number;
}

export function addCapability(input: NewCapability): ProjectCommand {
  const id = checkedId(input.id, 'capability');
  const capability: Capability = {
    id,
    domainId: input.domainId,
    name: checkedName(input.name, 'A capability name'),
    description: checkedLong(input.description ?? '', 'A capability description'),
    externalId: checkedShort(input.externalId ?? '', 'An external id'),
    indicators: [],
    skills: [],
  };
  if (input.index !== undefined && (!Number.isInteger(input.index) || input.index < 0)) throw new CommandError('A position must be 0 or more.');
  return draftCommand('Add capability', (draft) => {
    requireItem(draft.domains, input.domainId, 'domain');
    requireNewId(draft.capabilities, id, 'capability');
    draft.capabilities.splice(insertionPoint(draft.capabilities, input.domainId, input.index), 0, capability);
  });
}

/** Move a capability `delta` places within its domain; at either end it stays (no undo step). */
export function moveCapability(capabilityId: string, delta: number): ProjectCommand {
  assertDelta(delta);
  return draftCommand(delta < 0 ? 'Move capability up' : 'Move capability down', (draft) => {
    const capability = findCapability(draft.capabilities, capabilityId);
    const siblings = draft.capabilities.filter((item) => item.domainId === capability.domainId).map((item) => item.id);
    const from = siblings.indexOf(capabilityId);
    const to = Math.min(siblings.length - 1, Math.max(0, from + delta));
    if (to === from) return;
    const targetId = siblings[to];
    const without = draft.capabilities.findIndex((item) => item.id === capabilityId);
    const [moved] = draft.capabilities.splice(without, 1);
    const anchor = draft.capabilities.findIndex((item) => item.id === targetId);
    if (moved) draft.capabilities.splice(delta < 0 ? anchor : anchor + 1, 0, moved);
  });
}

/** Put a capability into another domain (or elsewhere in its own), at `index` among that domain's capabilities. */
export function moveCapabilityToDomain(capabilityId: string, domainId: string, index?: number): ProjectCommand {
  if (index !== undefined && (!Number.isInteger(index) || index < 0)) throw new CommandError('A position must be 0 or more.');
  return draftCommand('Move capability to another domain', (draft) => {
    requireItem(draft.domains, domainId, 'domain');
    const from = draft.capabilities.findIndex((item) => item.id === capabilityId);
    const capability = draft.capabilities[from];
    if (!capability) throw new CommandError(`There is no capability "${capabilityId}".`);
    const siblings = draft.capabilities.filter((item) => item.domainId === domainId && item.id !== capabilityId);
    const target = Math.min(index ?? siblings.length, siblings.length);
    if (capability.domainId === domainId) {
      const current = draft.capabilities.filter((item) => item.domainId === domainId).findIndex((item) => item.id === capabilityId);
      if (current === target) return;
    }
    const [moved] = draft.capabilities.splice(from, 1);
    if (!moved) return;
    moved.domainId = domainId;
    draft.capabilities.splice(insertionPoint(draft.capabilities, domainId, target), 0, moved);
  });
}

// ---------------------------------------------------------------------------------------------
// Behavioural indicators

/** Trimmed, non-empty statements: what the editor's "one per line" text becomes. */
export function normaliseStatements(statements: readonly string[]): string[] {
  return statements.map((statement) => statement.trim()).filter((statement) => statement !== '');
}

/** Replace what someone at `levelId` visibly does in this capability (empty = none written). */
export function setIndicators(capabilityId: string, levelId: string, statements: readonly string[]): ProjectCommand {
  const next = normaliseStatements(statements);
  if (next.length > 50) throw new CommandError('A level has at most 50 behavioural indicators.');
  next.forEach((statement) => checkedLong(statement, 'A behavioural indicator'));
  return draftCommand('Edit behavioural indicators', (draft) => {
    const capability = findCapability(draft.capabilities, capabilityId);
    const levelOrder = draft.scale.levels.map((level) => level.id);
    if (!levelOrder.includes(levelId)) throw new CommandError(`There is no proficiency level "${levelId}".`);
    const index = capability.indicators.findIndex((indicator) => indicator.levelId === levelId);
    const existing = capability.indicators[index];
    if (next.length === 0) {
      if (index >= 0) capability.indicators.splice(index, 1);
      return;
    }
    if (existing) {
      if (!sameStrings(existing.statements, next)) existing.statements = next;
      return;
    }
    // Keep the indicators in scale order, as people read them.
    const rank = levelOrder.indexOf(levelId);
    const before = capability.indicators.findIndex((indicator) => levelOrder.indexOf(indicator.levelId) > rank);
    capability.indicators.splice(before < 0 ? capability.indicators.length : before, 0, { levelId, statements: next });
  });
}

// ---------------------------------------------------------------------------------------------
// Skills

function findSkill(draft: Draft<Project>, capabilityId: string, skillId: string) {
  const capability = findCapability(draft.capabilities, capabilityId);
  return { capability, skill: requireItem(capability.skills, skillId, 'skill') };
}

export function addSkill(capabilityId: string, input: { id: string; name: string; externalId?: string }): ProjectCommand {
  const skill = {
    id: checkedId(input.id, 'skill'),
    name: checkedName(input.name, 'A skill name'),
    description: '',
    externalId: checkedShort(input.externalId ?? '', 'An external id'),
  };
  return draftCommand('Add skill', (draft) => {
    const capability = findCapability(draft.capabilities, capabilityId);
    requireNewId(capability.skills, skill.id, 'skill');
    capability.skills.push(skill);
  });
}

export function renameSkill(capabilityId: string, skillId: string, name: string): ProjectCommand {
  const next = checkedName(name, 'A skill name');
  return draftCommand('Rename skill', (draft) => {
    findSkill(draft, capabilityId, skillId).skill.name = next;
  });
}

export function setSkillExternalId(capabilityId: string, skillId: string, externalId: string): ProjectCommand {
  const next = checkedShort(externalId, 'An external id');
  return draftCommand('Change skill external id', (draft) => {
    findSkill(draft, capabilityId, skillId).skill.externalId = next;
  });
}

export function moveSkill(capabilityId: string, skillId: string, delta: number): ProjectCommand {
  assertDelta(delta);
  return draftCommand(delta < 0 ? 'Move skill up' : 'Move skill down', (draft) => {
    const { capability } = findSkill(draft, capabilityId, skillId);
    const from = capability.skills.findIndex((skill) => skill.id === skillId);
    moveInArray(capability.skills, from, Math.min(capability.skills.length - 1, Math.max(0, from + delta)));
  });
}

export function deleteSkill(capabilityId: string, skillId: string): ProjectCommand {
  return draftCommand('Delete skill', (draft) => {
    const { capability } = findSkill(draft, capabilityId, skillId);
    capability.skills = capability.skills.filter((skill) => skill.id !== skillId);
  });
}

// ---------------------------------------------------------------------------------------------
// What refers to a capability, and deleting it with all of that

export interface CapabilityReferences {
  /** Role targets for the capability, with the role's name. */
  roleTargets: { roleId: string; roleName: string }[];
  findings: { id: string; statement: string }[];
  assessments: number;
  /** Catalog activities that develop the capability. */
  activities: { id: string; title: string }[];
  /** Frameworks that focus on it or assess it in a pathway node. */
  frameworks: { id: string; name: string }[];
  /** Learner plans with a goal in it. */
  plans: number;
}

export function capabilityReferences(project: Project, capabilityIds: readonly string[]): CapabilityReferences {
  const ids = new Set(capabilityIds);
  const refersTo = (values: readonly string[]) => values.some((value) => ids.has(value));
  return {
    roleTargets: project.roles.flatMap((role) => role.targets.filter((target) => ids.has(target.capabilityId)).map(() => ({ roleId: role.id, roleName: role.name }))),
    findings: project.findings.filter((finding) => refersTo(finding.capabilityIds)).map((finding) => ({ id: finding.id, statement: finding.statement })),
    assessments: project.assessments.filter((assessment) => ids.has(assessment.capabilityId)).length,
    activities: project.activities
      .filter((activity) => activity.develops.some((development) => ids.has(development.capabilityId)))
      .map((activity) => ({ id: activity.id, title: activity.title })),
    frameworks: project.frameworks
      .filter(
        (framework) =>
          refersTo(framework.focusCapabilityIds) ||
          framework.nodes.some((node) => (node.kind === 'pre-assessment' || node.kind === 'post-assessment') && refersTo(node.capabilityIds)),
      )
      .map((framework) => ({ id: framework.id, name: framework.name })),
    plans: project.plans.filter((plan) => plan.goals.some((goal) => ids.has(goal.capabilityId))).length,
  };
}

export function hasReferences(references: CapabilityReferences): boolean {
  return (
    references.roleTargets.length + references.findings.length + references.assessments + references.activities.length + references.frameworks.length + references.plans >
    0
  );
}

/** Remove the capabilities and every reference to them (a draft step shared with deleting a domain). */
export function removeCapabilities(draft: Draft<Project>, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  const keep = (id: string) => !ids.has(id);
  draft.capabilities = draft.capabilities.filter((capability) => keep(capability.id));
  for (const role of draft.roles) {
    if (role.targets.some((target) => !keep(target.capabilityId))) role.targets = role.targets.filter((target) => keep(target.capabilityId));
  }
  for (const finding of draft.findings) {
    if (!finding.capabilityIds.every(keep)) finding.capabilityIds = finding.capabilityIds.filter(keep);
  }
  if (draft.assessments.some((assessment) => !keep(assessment.capabilityId))) draft.assessments = draft.assessments.filter((assessment) => keep(assessment.capabilityId));
  for (const activity of draft.activities) {
    if (activity.develops.some((development) => !keep(development.capabilityId))) activity.develops = activity.develops.filter((development) => keep(development.capabilityId));
  }
  for (const framework of draft.frameworks) {
    if (!framework.focusCapabilityIds.every(keep)) framework.focusCapabilityIds = framework.focusCapabilityIds.filter(keep);
    for (const node of framework.nodes) {
      if ((node.kind === 'pre-assessment' || node.kind === 'post-assessment') && !node.capabilityIds.every(keep)) node.capabilityIds = node.capabilityIds.filter(keep);
    }
  }
  for (const plan of draft.plans) {
    if (plan.goals.some((goal) => !keep(goal.capabilityId))) {
      plan.goals = plan.goals.filter((goal) => keep(goal.capabilityId)).map((goal, index) => ({ ...goal, rank: index + 1 }));
    }
  }
}

/**
 * Delete a capability and, in the same step, its role targets, its links from findings, its
 * assessments, what activities say they develop in it, framework focus and assessment nodes,
 * and plan goals. Undo restores all of it.
 */
export function deleteCapability(capabilityId: string): ProjectCommand {
  return draftCommand('Delete capability', (draft) => {
    findCapability(draft.capabilities, capabilityId);
    removeCapabilities(draft, new Set([capabilityId]));
  });
}
