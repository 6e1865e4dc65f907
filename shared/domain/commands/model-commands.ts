/**
 * Edits to the rest of the capability model: the proficiency scale, domains, roles and the
 * level (and importance) each role must reach in each capability.
 *
 * Removing something other data refers to is one command that also fixes those references
 * (remaps a level, drops a role's links, deletes a domain's capabilities), so one undo puts
 * everything back exactly.
 */
import type { Draft } from 'immer';
import { IMPORTANCES, type CapabilityDomain, type Importance, type ProficiencyLevel, type Project, type Role } from '../schema';
import {
  capabilityReferences,
  checkedId,
  checkedLong,
  checkedName,
  checkedShort,
  moveInArray,
  normaliseStatements,
  removeCapabilities,
  requireItem,
  requireNewId,
  type CapabilityReferences,
} from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

function assertDelta(delta: number): void {
  if (!Number.isInteger(delta)) throw new CommandError('A move must be a whole number of places.');
}

function moveById<T extends { id: string }>(items: T[], id: string, delta: number, what: string): void {
  const from = items.findIndex((item) => item.id === id);
  if (from < 0) throw new CommandError(`There is no ${what} "${id}".`);
  moveInArray(items, from, Math.min(items.length - 1, Math.max(0, from + delta)));
}

// ---------------------------------------------------------------------------------------------
// Proficiency scale

/** The editor keeps a scale between these sizes (files may hold 2–10; the studio never makes one outside 3–7). */
export const SCALE_MIN_LEVELS = 3;
export const SCALE_MAX_LEVELS = 7;

export function renameScale(name: string): ProjectCommand {
  const next = checkedShort(name, 'A scale name');
  return draftCommand('Rename proficiency scale', (draft) => {
    draft.scale.name = next === '' ? 'Proficiency' : next;
  });
}

export function addLevel(input: { id: string; label: string; description?: string; index?: number }): ProjectCommand {
  const level: ProficiencyLevel = {
    id: checkedId(input.id, 'level'),
    label: checkedName(input.label, 'A level label'),
    description: checkedLong(input.description ?? '', 'A level description'),
  };
  if (input.index !== undefined && (!Number.isInteger(input.index) || input.index < 0)) throw new CommandError('A position must be 0 or more.');
  return draftCommand('Add proficiency level', (draft) => {
    if (draft.scale.levels.length >= SCALE_MAX_LEVELS) throw new CommandError(`A scale has at most ${SCALE_MAX_LEVELS} levels.`);
    requireNewId(draft.scale.levels, level.id, 'level');
    draft.scale.levels.splice(Math.min(input.index ?? draft.scale.levels.length, draft.scale.levels.length), 0, level);
  });
}

export function renameLevel(levelId: string, label: string): ProjectCommand {
  const next = checkedName(label, 'A level label');
  return draftCommand('Rename proficiency level', (draft) => {
    requireItem(draft.scale.levels, levelId, 'proficiency level').label = next;
  });
}

export function describeLevel(levelId: string, description: string): ProjectCommand {
  const next = checkedLong(description, 'A level description');
  return draftCommand('Edit proficiency level description', (draft) => {
    requireItem(draft.scale.levels, levelId, 'proficiency level').description = next;
  });
}

/** Reorder the scale: a level's rank is its position, so this changes what every rating means. */
export function moveLevel(levelId: string, delta: number): ProjectCommand {
  assertDelta(delta);
  return draftCommand(delta < 0 ? 'Move proficiency level down the scale' : 'Move proficiency level up the scale', (draft) => {
    moveById(draft.scale.levels, levelId, delta, 'proficiency level');
  });
}

export interface LevelUsage {
  assessments: number;
  roleTargets: number;
  /** Capabilities that describe behaviour at this level. */
  indicators: number;
  /** Activity "develops from … to …" ranges that start or end at this level. */
  activityRanges: number;
  /** Plan goals whose current or target level is this one. */
  planGoals: number;
}

export function levelUsage(project: Project, levelId: string): LevelUsage {
  let activityRanges = 0;
  for (const activity of project.activities) {
    for (const development of activity.develops) if (development.fromLevelId === levelId || development.toLevelId === levelId) activityRanges += 1;
  }
  let planGoals = 0;
  for (const plan of project.plans) for (const goal of plan.goals) if (goal.currentLevelId === levelId || goal.targetLevelId === levelId) planGoals += 1;
  return {
    assessments: project.assessments.filter((assessment) => assessment.levelId === levelId).length,
    roleTargets: project.roles.reduce((sum, role) => sum + role.targets.filter((target) => target.levelId === levelId).length, 0),
    indicators: project.capabilities.filter((capability) => capability.indicators.some((indicator) => indicator.levelId === levelId && indicator.statements.length > 0)).length,
    activityRanges,
    planGoals,
  };
}

export function isLevelUsed(usage: LevelUsage): boolean {
  return usage.assessments + usage.roleTargets + usage.indicators + usage.activityRanges + usage.planGoals > 0;
}

/**
 * Remove a level. Everything rated at it (assessments, role targets, activity ranges, plan goals)
 * is remapped to `remapTo`, and its behavioural indicators are added to `remapTo`'s. A level in
 * use cannot be removed without somewhere to map it.
 */
export function removeLevel(levelId: string, remapTo: string | null): ProjectCommand {
  if (remapTo === levelId) throw new CommandError('Choose another level to map to: a level cannot be mapped to itself.');
  return draftCommand('Remove proficiency level', (draft) => {
    requireItem(draft.scale.levels, levelId, 'proficiency level');
    if (draft.scale.levels.length <= SCALE_MIN_LEVELS) throw new CommandError(`A scale needs at least ${SCALE_MIN_LEVELS} levels.`);
    if (remapTo !== null) requireItem(draft.scale.levels, remapTo, 'proficiency level');
    const used = isLevelUsed(levelUsage(draft as Project, levelId));
    if (used && remapTo === null) throw new CommandError('This level is in use: choose the level to map its ratings, targets and indicators to.');
    draft.scale.levels = draft.scale.levels.filter((level) => level.id !== levelId);
    if (remapTo === null) {
      // A saved import mapping does not make a level "in use": its entries just stop applying.
      for (const mapping of draft.scaleMappings) mapping.entries = mapping.entries.filter((entry) => entry.levelId !== levelId);
      return;
    }
    remapLevel(draft, levelId, remapTo);
  });
}

function remapLevel(draft: Draft<Project>, from: string, to: string): void {
  for (const assessment of draft.assessments) if (assessment.levelId === from) assessment.levelId = to;
  for (const mapping of draft.scaleMappings) for (const entry of mapping.entries) if (entry.levelId === from) entry.levelId = to;
  for (const role of draft.roles) for (const target of role.targets) if (target.levelId === from) target.levelId = to;
  for (const activity of draft.activities) {
    for (const development of activity.develops) {
      if (development.fromLevelId === from) development.fromLevelId = to;
      if (development.toLevelId === from) development.toLevelId = to;
    }
  }
  for (const plan of draft.plans) {
    for (const goal of plan.goals) {
      if (goal.currentLevelId === from) goal.currentLevelId = to;
      if (goal.targetLevelId === from) goal.targetLevelId = to;
    }
  }
  for (const capability of draft.capabilities) {
    const removed = capability.indicators.find((indicator) => indicator.levelId === from);
    if (!removed) continue;
    capability.indicators = capability.indicators.filter((indicator) => indicator.levelId !== from);
    if (removed.statements.length === 0) continue;
    const target = capability.indicators.find((indicator) => indicator.levelId === to);
    if (target) {
      const merged = normaliseStatements([...target.statements, ...removed.statements]);
      target.statements = merged.filter((statement, index) => merged.indexOf(statement) === index).slice(0, 50);
    } else {
      const order = draft.scale.levels.map((level) => level.id);
      const rank = order.indexOf(to);
      const before = capability.indicators.findIndex((indicator) => order.indexOf(indicator.levelId) > rank);
      capability.indicators.splice(before < 0 ? capability.indicators.length : before, 0, { levelId: to, statements: [...removed.statements] });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Domains

export function addDomain(input: { id: string; name: string; description?: string; externalId?: string; index?: number }): ProjectCommand {
  const domain: CapabilityDomain = {
    id: checkedId(input.id, 'domain'),
    name: checkedName(input.name, 'A domain name'),
    description: checkedLong(input.description ?? '', 'A domain description'),
    externalId: checkedShort(input.externalId ?? '', 'An external id'),
  };
  return draftCommand('Add domain', (draft) => {
    requireNewId(draft.domains, domain.id, 'domain');
    draft.domains.splice(Math.min(input.index ?? draft.domains.length, draft.domains.length), 0, domain);
  });
}

export function renameDomain(domainId: string, name: string): ProjectCommand {
  const next = checkedName(name, 'A domain name');
  return draftCommand('Rename domain', (draft) => {
    requireItem(draft.domains, domainId, 'domain').name = next;
  });
}

export function describeDomain(domainId: string, description: string): ProjectCommand {
  const next = checkedLong(description, 'A domain description');
  return draftCommand('Edit domain description', (draft) => {
    requireItem(draft.domains, domainId, 'domain').description = next;
  });
}

export function setDomainExternalId(domainId: string, externalId: string): ProjectCommand {
  const next = checkedShort(externalId, 'An external id');
  return draftCommand('Change domain external id', (draft) => {
    requireItem(draft.domains, domainId, 'domain').externalId = next;
  });
}

export function moveDomain(domainId: string, delta: number): ProjectCommand {
  assertDelta(delta);
  return draftCommand(delta < 0 ? 'Move domain up' : 'Move domain down', (draft) => {
    moveById(draft.domains, domainId, delta, 'domain');
  });
}

export interface DomainReferences {
  capabilities: { id: string; name: string }[];
  /** What refers to those capabilities (deleted with them). */
  references: CapabilityReferences;
}

export function domainReferences(project: Project, domainId: string): DomainReferences {
  const capabilities = project.capabilities.filter((capability) => capability.domainId === domainId).map((capability) => ({ id: capability.id, name: capability.name }));
  return { capabilities, references: capabilityReferences(project, capabilities.map((capability) => capability.id)) };
}

/** Delete a domain with its capabilities and everything that refers to them, as one step. */
export function deleteDomain(domainId: string): ProjectCommand {
  return draftCommand('Delete domain', (draft) => {
    requireItem(draft.domains, domainId, 'domain');
    removeCapabilities(draft, new Set(draft.capabilities.filter((capability) => capability.domainId === domainId).map((capability) => capability.id)));
    draft.domains = draft.domains.filter((domain) => domain.id !== domainId);
  });
}

// ---------------------------------------------------------------------------------------------
// Roles

export function addRole(input: { id: string; name: string; team?: string; description?: string }): ProjectCommand {
  const role: Role = {
    id: checkedId(input.id, 'role'),
    name: checkedName(input.name, 'A role name'),
    team: checkedShort(input.team ?? '', 'A team or function'),
    description: checkedLong(input.description ?? '', 'A role description'),
    targets: [],
  };
  return draftCommand('Add role', (draft) => {
    requireNewId(draft.roles, role.id, 'role');
    draft.roles.push(role);
  });
}

export function renameRole(roleId: string, name: string): ProjectCommand {
  const next = checkedName(name, 'A role name');
  return draftCommand('Rename role', (draft) => {
    requireItem(draft.roles, roleId, 'role').name = next;
  });
}

export function setRoleTeam(roleId: string, team: string): ProjectCommand {
  const next = checkedShort(team, 'A team or function');
  return draftCommand('Change role team', (draft) => {
    requireItem(draft.roles, roleId, 'role').team = next;
  });
}

export function describeRole(roleId: string, description: string): ProjectCommand {
  const next = checkedLong(description, 'A role description');
  return draftCommand('Edit role description', (draft) => {
    requireItem(draft.roles, roleId, 'role').description = next;
  });
}

export function moveRole(roleId: string, delta: number): ProjectCommand {
  assertDelta(delta);
  return draftCommand(delta < 0 ? 'Move role left' : 'Move role right', (draft) => {
    moveById(draft.roles, roleId, delta, 'role');
  });
}

export interface RoleReferences {
  targets: number;
  findings: number;
  learners: { id: string; name: string }[];
  frameworks: { id: string; name: string }[];
}

export function roleReferences(project: Project, roleId: string): RoleReferences {
  const role = project.roles.find((candidate) => candidate.id === roleId);
  return {
    targets: role?.targets.length ?? 0,
    findings: project.findings.filter((finding) => finding.roleIds.includes(roleId)).length,
    learners: project.learners.filter((learner) => learner.roleId === roleId).map((learner) => ({ id: learner.id, name: learner.name })),
    frameworks: project.frameworks.filter((framework) => framework.audienceRoleIds.includes(roleId)).map((framework) => ({ id: framework.id, name: framework.name })),
  };
}

/** Delete a role with its targets; findings and frameworks stop naming it; its learners keep no role. */
export function deleteRole(roleId: string): ProjectCommand {
  return draftCommand('Delete role', (draft) => {
    requireItem(draft.roles, roleId, 'role');
    draft.roles = draft.roles.filter((role) => role.id !== roleId);
    for (const finding of draft.findings) if (finding.roleIds.includes(roleId)) finding.roleIds = finding.roleIds.filter((id) => id !== roleId);
    for (const learner of draft.learners) if (learner.roleId === roleId) learner.roleId = null;
    for (const framework of draft.frameworks) {
      if (framework.audienceRoleIds.includes(roleId)) framework.audienceRoleIds = framework.audienceRoleIds.filter((id) => id !== roleId);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Role targets

export function setRoleTarget(roleId: string, capabilityId: string, levelId: string, importance: Importance): ProjectCommand {
  if (!(IMPORTANCES as readonly string[]).includes(importance)) throw new CommandError(`"${String(importance)}" is not an importance: use critical, important or useful.`);
  return draftCommand('Set role target', (draft) => {
    const role = requireItem(draft.roles, roleId, 'role');
    requireItem(draft.capabilities, capabilityId, 'capability');
    requireItem(draft.scale.levels, levelId, 'proficiency level');
    const existing = role.targets.find((target) => target.capabilityId === capabilityId);
    if (existing) {
      existing.levelId = levelId;
      existing.importance = importance;
    } else {
      role.targets.push({ capabilityId, levelId, importance });
    }
  });
}

export function clearRoleTarget(roleId: string, capabilityId: string): ProjectCommand {
  return draftCommand('Clear role target', (draft) => {
    const role = requireItem(draft.roles, roleId, 'role');
    if (role.targets.some((target) => target.capabilityId === capabilityId)) role.targets = role.targets.filter((target) => target.capabilityId !== capabilityId);
  });
}
