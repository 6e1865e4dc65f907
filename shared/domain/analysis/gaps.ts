/**
 * The capability gap matrix behind the gap heat-map: for groups of learners (their role, their
 * team, or each learner) × capabilities, how far the assessed level is below the level the
 * learner's role must reach.
 *
 * Definitions (the view states them):
 * - A level's rank is its index on the project's scale (0 = least proficient).
 * - A learner's assessed rank for a capability is the latest assessment of the chosen source
 *   (latest date; on a tie the one recorded last): pre-assessments, self-ratings, manager ratings,
 *   or self and manager combined (the mean of the latest self and latest manager rank, or the one
 *   that exists).
 * - gap = max(0, target rank − assessed rank): a learner above target counts as 0, so they never
 *   hide a colleague's gap.
 * - A cell's value is the mean gap over the learners in the group whose role targets the
 *   capability AND who are assessed on it; `assessed` and `atTarget` count those learners.
 * - Learners without a role (so without targets) are left out and counted.
 *
 * Pure: a function of the project, unit-tested with hand-computed numbers.
 */
import type { Assessment, AssessmentKind, Project } from '../schema';

export const GAP_GROUPINGS = ['role', 'team', 'learner'] as const;
export type GapGrouping = (typeof GAP_GROUPINGS)[number];

export const GAP_SOURCES = ['pre', 'self', 'manager', 'self-manager'] as const;
export type GapSource = (typeof GAP_SOURCES)[number];

export const GAP_SOURCE_LABELS: Readonly<Record<GapSource, string>> = {
  pre: 'Pre-assessments',
  self: 'Self-ratings',
  manager: 'Manager ratings',
  'self-manager': 'Self and manager combined',
};

export const GAP_GROUPING_LABELS: Readonly<Record<GapGrouping, string>> = { role: 'Roles', team: 'Teams', learner: 'Learners' };

export const NO_TEAM_LABEL = 'No team';

export interface GapLearner {
  learnerId: string;
  name: string;
  /** Rank of the assessed level (a half rank when self and manager are combined). */
  assessedRank: number;
  /** The level label(s) the rank comes from, e.g. "Intermediate" or "Beginner (self) · Skilled (manager)". */
  assessedLabel: string;
  targetRank: number;
  targetLabel: string;
  gap: number;
  atTarget: boolean;
}

export interface GapCell {
  capabilityId: string;
  /** Learners of the group whose role targets this capability. */
  targeted: number;
  /** Of those, the learners assessed on it (n). */
  assessed: number;
  /** Of those, the learners at or above the target. */
  atTarget: number;
  /** Mean gap over the assessed learners; null when none is assessed (or nobody is targeted). */
  meanGap: number | null;
  /** The learners behind the number, largest gap first. */
  learners: GapLearner[];
}

export interface GapRow {
  key: string;
  label: string;
  /** Learners in the group (with a role). */
  learnerCount: number;
  /** One per column, in column order. */
  cells: GapCell[];
}

export interface GapColumn {
  capabilityId: string;
  name: string;
}

export interface GapMatrix {
  grouping: GapGrouping;
  source: GapSource;
  columns: GapColumn[];
  rows: GapRow[];
  /** The largest possible gap: the number of levels − 1 (the top of the colour scale). */
  maxGap: number;
  /** Learners left out because they have no role (or a role that is not in the project). */
  learnersWithoutRole: number;
  /** Assessed learner × capability pairs in the whole matrix. */
  assessedPairs: number;
}

interface Latest {
  rank: number;
  label: string;
  date: string;
}

/** learnerId → capabilityId → latest assessment of `kind` (by date; on a tie the later record). */
function latestByKind(assessments: readonly Assessment[], kind: AssessmentKind, ranks: Map<string, { rank: number; label: string }>): Map<string, Map<string, Latest>> {
  const result = new Map<string, Map<string, Latest>>();
  for (const assessment of assessments) {
    if (assessment.kind !== kind) continue;
    const level = ranks.get(assessment.levelId);
    if (!level) continue;
    let forLearner = result.get(assessment.learnerId);
    if (!forLearner) result.set(assessment.learnerId, (forLearner = new Map()));
    const previous = forLearner.get(assessment.capabilityId);
    if (!previous || previous.date <= assessment.date) forLearner.set(assessment.capabilityId, { rank: level.rank, label: level.label, date: assessment.date });
  }
  return result;
}

/** The assessed rank of every learner × capability for a source. */
export function assessedRanks(project: Project, source: GapSource): Map<string, Map<string, { rank: number; label: string }>> {
  const ranks = new Map(project.scale.levels.map((level, index) => [level.id, { rank: index, label: level.label }]));
  if (source !== 'self-manager') {
    const latest = latestByKind(project.assessments, source, ranks);
    return new Map([...latest].map(([learnerId, map]) => [learnerId, new Map([...map].map(([capabilityId, value]) => [capabilityId, { rank: value.rank, label: value.label }]))]));
  }
  const self = latestByKind(project.assessments, 'self', ranks);
  const manager = latestByKind(project.assessments, 'manager', ranks);
  const result = new Map<string, Map<string, { rank: number; label: string }>>();
  for (const learnerId of new Set([...self.keys(), ...manager.keys()])) {
    const mine = self.get(learnerId);
    const theirs = manager.get(learnerId);
    const combined = new Map<string, { rank: number; label: string }>();
    for (const capabilityId of new Set([...(mine?.keys() ?? []), ...(theirs?.keys() ?? [])])) {
      const a = mine?.get(capabilityId);
      const b = theirs?.get(capabilityId);
      if (a && b) combined.set(capabilityId, { rank: (a.rank + b.rank) / 2, label: `${a.label} (self) · ${b.label} (manager)` });
      else if (a) combined.set(capabilityId, { rank: a.rank, label: `${a.label} (self)` });
      else if (b) combined.set(capabilityId, { rank: b.rank, label: `${b.label} (manager)` });
    }
    result.set(learnerId, combined);
  }
  return result;
}

export function computeGapMatrix(project: Project, options: { grouping: GapGrouping; source: GapSource }): GapMatrix {
  const { grouping, source } = options;
  const levels = project.scale.levels;
  const levelById = new Map(levels.map((level, index) => [level.id, { rank: index, label: level.label }]));
  const roles = new Map(project.roles.map((role) => [role.id, role]));
  const targetedIds = new Set<string>();
  for (const role of project.roles) for (const target of role.targets) if (levelById.has(target.levelId)) targetedIds.add(target.capabilityId);
  const columns: GapColumn[] = project.capabilities.filter((capability) => targetedIds.has(capability.id)).map((capability) => ({ capabilityId: capability.id, name: capability.name }));

  // Groups, in a stable order.
  const withRole = project.learners.filter((learner) => learner.roleId !== null && roles.has(learner.roleId));
  const groups: { key: string; label: string; learnerIds: string[] }[] = [];
  if (grouping === 'role') {
    for (const role of project.roles) {
      const members = withRole.filter((learner) => learner.roleId === role.id).map((learner) => learner.id);
      if (members.length > 0) groups.push({ key: role.id, label: role.name, learnerIds: members });
    }
  } else if (grouping === 'team') {
    const byTeam = new Map<string, string[]>();
    for (const learner of withRole) {
      const team = learner.team.trim();
      const members = byTeam.get(team) ?? [];
      members.push(learner.id);
      byTeam.set(team, members);
    }
    const teams = [...byTeam.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    for (const team of teams) groups.push({ key: `team:${team}`, label: team === '' ? NO_TEAM_LABEL : team, learnerIds: byTeam.get(team)! });
  } else {
    const sorted = [...withRole].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const learner of sorted) groups.push({ key: learner.id, label: learner.name, learnerIds: [learner.id] });
  }

  const assessed = assessedRanks(project, source);
  const learnerById = new Map(project.learners.map((learner) => [learner.id, learner]));
  let assessedPairs = 0;
  const rows: GapRow[] = groups.map((group) => {
    const cells = columns.map((column): GapCell => {
      let targeted = 0;
      let atTarget = 0;
      let gapSum = 0;
      const learners: GapLearner[] = [];
      for (const learnerId of group.learnerIds) {
        const learner = learnerById.get(learnerId)!;
        const role = roles.get(learner.roleId!)!;
        const target = role.targets.find((item) => item.capabilityId === column.capabilityId && levelById.has(item.levelId));
        if (!target) continue;
        targeted++;
        const level = assessed.get(learnerId)?.get(column.capabilityId);
        if (!level) continue;
        const targetLevel = levelById.get(target.levelId)!;
        const gap = Math.max(0, targetLevel.rank - level.rank);
        if (gap === 0) atTarget++;
        gapSum += gap;
        learners.push({ learnerId, name: learner.name, assessedRank: level.rank, assessedLabel: level.label, targetRank: targetLevel.rank, targetLabel: targetLevel.label, gap, atTarget: gap === 0 });
      }
      learners.sort((a, b) => b.gap - a.gap || a.name.localeCompare(b.name));
      assessedPairs += learners.length;
      return { capabilityId: column.capabilityId, targeted, assessed: learners.length, atTarget, meanGap: learners.length === 0 ? null : gapSum / learners.length, learners };
    });
    return { key: group.key, label: group.label, learnerCount: group.learnerIds.length, cells };
  });

  return { grouping, source, columns, rows, maxGap: Math.max(1, levels.length - 1), learnersWithoutRole: project.learners.length - withRole.length, assessedPairs };
}

/** "1.5", "0", "2": one decimal, no trailing ".0". */
export function formatGap(gap: number): string {
  const rounded = Math.round(gap * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
