/**
 * The personalization engine: a PLP framework + one learner's assessment data → that learner's
 * personalized learning plan, with the reason for every goal, item and date.
 *
 * Pure and deterministic: no clock, no randomness, ids from the caller. Everything that depends
 * only on the project and framework (pathway order, catalog, findings, assessments) is indexed
 * once by `createPersonalizer`, so a cohort of thousands costs one pass each.
 *
 * The rules, in the order they run:
 *
 * 1. Current level per capability: latest `pre` assessment, else latest `manager` rating, else
 *    latest `self`-assessment (see levels.ts). A capability with none is treated as AT the role
 *    target (no gap, no goal) and named in a `missing-assessment` warning.
 * 2. Capabilities considered: the framework's focus capabilities (all of the learner's role
 *    targets when the framework has no focus), each measured against the role's target.
 * 3. Goals: every considered capability with gap = target rank − current rank > 0, ordered by
 *    score = gap × importance weight (critical 3, important 2, useful 1) + Σ finding priority
 *    weights (high 1, medium 0.5, low 0.25) over needs-analysis findings linked to the capability
 *    and to the learner's role or to no role; ties by the capability's order in the project.
 * 4. Items: every node in pathway order. Assessments, milestones, core activities and capstones
 *    for everyone. Optional groups: an activity step from→to on capability C "suits" a learner at
 *    current level L on C when from ≤ L < to and C is a goal; its value is goal score × fit, where
 *    fit = (min(to, target) − L) / (to − from) is the share of the step that is useful. Members
 *    are picked greedily by marginal value (a goal already addressed by a core item or an earlier
 *    pick counts half), ties by the group's own order:
 *    - up to `min` picks for every group (in pathway order); if fewer than `min` members suit,
 *      the rest are filled with the members nearest to the learner's goals and a warning says so;
 *    - then, for by-gap groups (in pathway order), further suitable members up to `max`, stopping
 *      at the first that would take the plan's hours over the budget (hoursPerWeek × weeks);
 *    - learner-choice groups get exactly `min` recommendations (flagged, never extras).
 * 5. Schedule, in calendar days (weekends included: learners fit learning around their own week):
 *    nodes are walked in the order of pathway.ts; a node starts the day after the last of its
 *    predecessors ends (the plan's start date for a node without predecessors, except a milestone,
 *    which is dated after the node before it in the order); post-assessments start after every
 *    other ordinary node and capstones after those; picks in a group run one after another.
 *    An item lasts ceil(hours / hoursPerWeek × 7) days, at least 1 and at most 260 weeks;
 *    assessments and milestones last 1 day. Dates are plain calendar arithmetic (dates.ts).
 * 6. Mix: the plan's own 70-20-10 split by hours, against the framework's target.
 * 7. Expectations and assessment & feedback: copied from the framework.
 * 8. Warnings: see `PlanWarningCode`; every goal the chosen items do not take to the target is
 *    reported as `uncovered-gap` with the missing step.
 */
import type { Activity, Finding, Framework, Importance, LearningCategory, PathwayNode, Plan, PlanGoal, PlanItem, Project, Role, RoleTarget } from '../schema';
import { LEARNING_CATEGORIES } from '../schema';
import { addDays, datePart, fromDayNumber, isIsoDate, toDayNumber } from './dates';
import { clampText, developsPhrase, formatNumber, goalRationale, listText, plural, quote, sentence, type DevelopmentWords } from './explain';
import { indexAssessments, levelRanks, pickCurrentLevel } from './levels';
import { nodeTier, orderPathway } from './pathway';
import type {
  CapabilityAssessment,
  DevelopmentMatch,
  FindingCounts,
  GoalCoverage,
  GoalExplanation,
  GroupExplanation,
  GroupStop,
  ItemExplanation,
  ItemSelection,
  MixExplanation,
  PersonalizedPlan,
  PersonalizeInput,
  PersonalizeOptions,
  PlanWarning,
  PlanWarningCode,
} from './types';

export const IMPORTANCE_WEIGHTS: Readonly<Record<Importance, number>> = { critical: 3, important: 2, useful: 1 };
export const FINDING_PRIORITY_WEIGHTS: Readonly<Record<Finding['priority'], number>> = { high: 1, medium: 0.5, low: 0.25 };
/** A goal that an item already in the plan addresses is worth this share to a further pick. */
export const ADDRESSED_GOAL_WEIGHT = 0.5;
/** No single item is scheduled longer than the longest framework (260 weeks). */
export const MAX_ITEM_DAYS = 260 * 7;

export type PersonalizeErrorCode = 'unknown-framework' | 'unknown-learner' | 'invalid-date';

/** A caller mistake (an id that is not in the project, a malformed date), not a data problem. */
export class PersonalizeError extends Error {
  constructor(
    readonly code: PersonalizeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PersonalizeError';
  }
}

export type Personalizer = (learnerId: string, options: PersonalizeOptions) => PersonalizedPlan;

// ---------------------------------------------------------------------------------------------
// Indexed, learner-independent data

interface Step {
  capabilityId: string;
  fromRank: number;
  toRank: number;
  activityId: string;
}

interface CatalogEntry {
  activity: Activity;
  /** Well-formed steps only: known capability and levels, from < to. */
  steps: readonly Step[];
}

interface NodeSpec {
  node: PathwayNode;
  tier: number;
  predecessors: readonly string[];
  /** The node's activity (null for groups, milestones, missing or absent activities). */
  entry: CatalogEntry | null;
  title: string;
  /** Optional groups: the members found in the catalog, deduplicated, in the group's order. */
  members: readonly CatalogEntry[];
  min: number;
  max: number;
}

interface FindingRef {
  id: string;
  weight: number;
  priority: Finding['priority'];
  roleIds: readonly string[];
}

const EMPTY_FINDINGS: FindingCounts = Object.freeze({ high: 0, medium: 0, low: 0, findingIds: Object.freeze([]) as readonly string[] });

const DEFAULT_TITLES: Readonly<Record<PathwayNode['kind'], string>> = {
  'pre-assessment': 'Pre-assessment',
  core: 'Core activity',
  'optional-group': 'Option',
  'post-assessment': 'Post-assessment',
  capstone: 'Capstone',
  milestone: 'Milestone',
};

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function nodeActivityId(node: PathwayNode): string | null {
  switch (node.kind) {
    case 'pre-assessment':
    case 'post-assessment':
    case 'capstone':
    case 'core':
      return node.activityId;
    default:
      return null;
  }
}

function nodeName(node: PathwayNode): string {
  const label = node.label.trim();
  return quote(label || node.id);
}

/** Chains suitable steps from `fromRank`: the highest level they reach. */
function reach(steps: readonly Step[] | undefined, fromRank: number): number {
  if (!steps) return fromRank;
  let reached = fromRank;
  for (;;) {
    let next = reached;
    for (const step of steps) if (step.fromRank <= reached && reached < step.toRank && step.toRank > next) next = step.toRank;
    if (next === reached) return reached;
    reached = next;
  }
}

// ---------------------------------------------------------------------------------------------

export function createPersonalizer(project: Project, frameworkId: string): Personalizer {
  const framework: Framework | undefined = project.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) throw new PersonalizeError('unknown-framework', `There is no framework "${frameworkId}" in this project.`);

  const levels = project.scale.levels;
  const ranks = levelRanks(project);
  const levelLabel = (rank: number): string => levels[rank]?.label ?? `level ${rank + 1}`;

  const capabilityOrder = new Map<string, number>();
  const capabilityNames = new Map<string, string>();
  project.capabilities.forEach((capability, index) => {
    if (capabilityOrder.has(capability.id)) return;
    capabilityOrder.set(capability.id, index);
    capabilityNames.set(capability.id, capability.name);
  });
  const nameOf = (capabilityId: string): string => capabilityNames.get(capabilityId) ?? capabilityId;
  const byProjectOrder = (a: string, b: string): number => capabilityOrder.get(a)! - capabilityOrder.get(b)!;

  const roles = new Map<string, Role>();
  for (const role of project.roles) if (!roles.has(role.id)) roles.set(role.id, role);
  const learners = new Map<string, Project['learners'][number]>();
  for (const learner of project.learners) if (!learners.has(learner.id)) learners.set(learner.id, learner);
  const assessmentIndex = indexAssessments(project.assessments, ranks);

  const catalog = new Map<string, CatalogEntry>();
  for (const activity of project.activities) {
    if (catalog.has(activity.id)) continue;
    const steps: Step[] = [];
    for (const development of activity.develops) {
      const fromRank = ranks.get(development.fromLevelId);
      const toRank = ranks.get(development.toLevelId);
      if (fromRank === undefined || toRank === undefined || fromRank >= toRank || !capabilityOrder.has(development.capabilityId)) continue;
      steps.push({ capabilityId: development.capabilityId, fromRank, toRank, activityId: activity.id });
    }
    catalog.set(activity.id, { activity, steps });
  }

  // Findings: capability → findings linked to it; counted per role on first use.
  const findingsByCapability = new Map<string, FindingRef[]>();
  for (const finding of project.findings) {
    const ref: FindingRef = { id: finding.id, weight: FINDING_PRIORITY_WEIGHTS[finding.priority], priority: finding.priority, roleIds: finding.roleIds };
    for (const capabilityId of uniqueIds(finding.capabilityIds)) {
      let list = findingsByCapability.get(capabilityId);
      if (!list) findingsByCapability.set(capabilityId, (list = []));
      list.push(ref);
    }
  }
  const findingCache = new Map<string, Map<string, { counts: FindingCounts; bonus: number }>>();
  function findingsFor(roleId: string | null, capabilityId: string): { counts: FindingCounts; bonus: number } {
    const key = roleId ?? '';
    let byCapability = findingCache.get(key);
    if (!byCapability) findingCache.set(key, (byCapability = new Map()));
    const cached = byCapability.get(capabilityId);
    if (cached) return cached;
    const counts = { high: 0, medium: 0, low: 0, findingIds: [] as string[] };
    let bonus = 0;
    for (const finding of findingsByCapability.get(capabilityId) ?? []) {
      if (finding.roleIds.length > 0 && (roleId === null || !finding.roleIds.includes(roleId))) continue;
      counts[finding.priority] += 1;
      counts.findingIds.push(finding.id);
      bonus += finding.weight;
    }
    const result = counts.findingIds.length === 0 ? { counts: EMPTY_FINDINGS, bonus: 0 } : { counts, bonus };
    byCapability.set(capabilityId, result);
    return result;
  }

  // Role targets: capability → first target, per role.
  const targetCache = new Map<string, { targets: Map<string, RoleTarget>; capabilityIds: string[] }>();
  function targetsOf(role: Role): { targets: Map<string, RoleTarget>; capabilityIds: string[] } {
    const cached = targetCache.get(role.id);
    if (cached) return cached;
    const targets = new Map<string, RoleTarget>();
    for (const target of role.targets) {
      if (!targets.has(target.capabilityId) && capabilityOrder.has(target.capabilityId) && ranks.has(target.levelId)) targets.set(target.capabilityId, target);
    }
    const result = { targets, capabilityIds: [...targets.keys()].sort(byProjectOrder) };
    targetCache.set(role.id, result);
    return result;
  }

  const focus = uniqueIds(framework.focusCapabilityIds)
    .filter((id) => capabilityOrder.has(id))
    .sort(byProjectOrder);
  const audience = new Set(framework.audienceRoleIds);

  // Pathway: order, node specs, the steps any of its activities offer, framework-level warnings.
  const frameworkWarnings: PlanWarning[] = [];
  const frameworkWarn = (code: PlanWarningCode, message: string, nodeId: string | null): void => {
    frameworkWarnings.push({ code, message: sentence(message), capabilityIds: [], nodeId });
  };
  const pathway = orderPathway(framework);
  const pathwaySteps = new Map<string, Step[]>();
  const addPathwaySteps = (entry: CatalogEntry): void => {
    for (const step of entry.steps) {
      let list = pathwaySteps.get(step.capabilityId);
      if (!list) pathwaySteps.set(step.capabilityId, (list = []));
      list.push(step);
    }
  };
  const specs: NodeSpec[] = pathway.order.map((node) => {
    const predecessors = pathway.predecessors.get(node.id) ?? [];
    const spec: NodeSpec = { node, tier: nodeTier(node), predecessors, entry: null, title: node.label.trim() || DEFAULT_TITLES[node.kind], members: [], min: 0, max: 0 };
    if (node.kind === 'optional-group') {
      const members: CatalogEntry[] = [];
      const missing: string[] = [];
      for (const activityId of uniqueIds(node.activityIds)) {
        const entry = catalog.get(activityId);
        if (entry) members.push(entry);
        else missing.push(activityId);
      }
      if (missing.length > 0) {
        frameworkWarn('missing-activity', `Options group ${nodeName(node)} lists ${listText(missing.map(quote))}, not in the activity catalog: left out`, node.id);
      }
      for (const entry of members) addPathwaySteps(entry);
      spec.members = members;
      spec.min = Math.min(node.min, members.length);
      spec.max = Math.min(Math.max(node.min, node.max), members.length);
      if (node.max < node.min) {
        frameworkWarn('group-bounds', `Options group ${nodeName(node)} has a maximum (${node.max}) below its minimum (${node.min}): ${node.min} are picked`, node.id);
      }
      if (members.length < node.min) {
        frameworkWarn('group-below-min', `Options group ${nodeName(node)} has ${plural(members.length, 'activity', 'activities')} for a minimum of ${node.min}: all of them are included`, node.id);
      }
      return spec;
    }
    const activityId = nodeActivityId(node);
    if (activityId !== null) {
      const entry = catalog.get(activityId);
      if (entry) {
        spec.entry = entry;
        spec.title = entry.activity.title.trim() || spec.title;
        addPathwaySteps(entry);
      } else {
        frameworkWarn('missing-activity', `Pathway node ${nodeName(node)} refers to activity ${quote(activityId)}, not in the activity catalog: it is planned without one`, node.id);
      }
    }
    if (node.kind === 'milestone' && !node.label.trim()) spec.title = node.checkIn ? 'Manager check-in' : 'Milestone';
    return spec;
  });
  if (pathway.cyclic.length > 0) {
    const names = pathway.cyclic.map((id) => {
      const node = specs.find((spec) => spec.node.id === id)?.node;
      return node ? nodeName(node) : quote(id);
    });
    frameworkWarn('pathway-cycle', `The pathway has a cycle through ${listText(names)}: they are scheduled after the other steps`, pathway.cyclic[0] ?? null);
  }
  const scheduleOrder = specs.map((spec) => spec.node.id);
  // Cohorts share start dates, so the same days recur: format each once.
  const dayTexts = new Map<number, string>();
  const formatDay = (day: number): string => {
    let text = dayTexts.get(day);
    if (text === undefined) dayTexts.set(day, (text = fromDayNumber(day)));
    return text;
  };

  // -------------------------------------------------------------------------------------------
  // One learner

  return function personalize(learnerId: string, options: PersonalizeOptions): PersonalizedPlan {
    const learner = learners.get(learnerId);
    if (!learner) throw new PersonalizeError('unknown-learner', `There is no learner "${learnerId}" in this project.`);
    const warnings: PlanWarning[] = [];
    const warn = (code: PlanWarningCode, message: string, capabilityIds: readonly string[] = [], nodeId: string | null = null): void => {
      warnings.push({ code, message: sentence(message), capabilityIds, nodeId });
    };

    // Role ----------------------------------------------------------------------------------
    const role = learner.roleId === null ? null : (roles.get(learner.roleId) ?? null);
    if (learner.roleId === null) {
      warn('no-role', `${learner.name} has no role, so there are no targets to measure gaps against: the plan has the pathway's common items and no goals`);
    } else if (!role) {
      warn('no-role', `${learner.name}'s role ${quote(learner.roleId)} is not in the project, so there are no targets to measure gaps against`);
    } else if (audience.size > 0 && !audience.has(role.id)) {
      warn('role-not-in-audience', `${role.name} is not in the audience of ${quote(framework.name)}; the plan was generated anyway`);
    }

    // Start date and hours -----------------------------------------------------------------
    let start: string;
    let startSource: 'learner' | 'today' | 'generated-at';
    if (learner.startDate !== null) {
      start = learner.startDate;
      startSource = 'learner';
    } else if (options.today !== undefined) {
      if (!isIsoDate(options.today)) throw new PersonalizeError('invalid-date', `today must be a date as YYYY-MM-DD, not ${JSON.stringify(options.today)}.`);
      start = options.today;
      startSource = 'today';
      warn('no-start-date', `${learner.name} has no start date: the plan starts today (${start})`);
    } else {
      const day = datePart(options.generatedAt);
      if (day === null) throw new PersonalizeError('invalid-date', `generatedAt must be an ISO date-time, not ${JSON.stringify(options.generatedAt)}.`);
      start = day;
      startSource = 'generated-at';
      warn('no-start-date', `${learner.name} has no start date: the plan starts on ${start}, the day it was generated`);
    }
    const startDay = toDayNumber(start);
    const hoursPerWeek = learner.hoursPerWeek > 0 ? learner.hoursPerWeek : 1;
    if (!(learner.hoursPerWeek > 0)) warn('no-hours', `${learner.name} has no weekly learning hours set: the plan assumes 1 hour a week`);
    const budget = hoursPerWeek * framework.durationWeeks;

    // Current levels against targets --------------------------------------------------------
    const roleTargets = role ? targetsOf(role) : null;
    const scope = focus.length > 0 ? focus : (roleTargets?.capabilityIds ?? []);
    const learnerAssessments = assessmentIndex.get(learner.id);
    const capabilities: CapabilityAssessment[] = scope.map((capabilityId) => {
      const current = pickCurrentLevel(learnerAssessments?.get(capabilityId), ranks);
      const target = roleTargets?.targets.get(capabilityId);
      const capabilityName = nameOf(capabilityId);
      if (!target) return { capabilityId, capabilityName, current, targetLevelId: null, importance: null, gap: null, status: 'no-target' };
      if (!current) return { capabilityId, capabilityName, current, targetLevelId: target.levelId, importance: target.importance, gap: 0, status: 'not-assessed' };
      const gap = ranks.get(target.levelId)! - current.rank;
      return { capabilityId, capabilityName, current, targetLevelId: target.levelId, importance: target.importance, gap, status: gap > 0 ? 'gap' : 'on-target' };
    });
    if (role) {
      const noTarget = capabilities.filter((capability) => capability.status === 'no-target');
      if (noTarget.length > 0) {
        warn(
          'no-target',
          `${role.name} has no target for ${listText(noTarget.map((capability) => capability.capabilityName))} in this framework's focus: no goals were set for ${noTarget.length === 1 ? 'it' : 'them'}`,
          noTarget.map((capability) => capability.capabilityId),
        );
      }
      const notAssessed = capabilities.filter((capability) => capability.status === 'not-assessed');
      if (notAssessed.length > 0) {
        warn(
          'missing-assessment',
          `No assessment data for ${listText(notAssessed.map((capability) => capability.capabilityName))}: treated as already at the ${role.name} target (no goal set); assess ${notAssessed.length === 1 ? 'it' : 'them'} to personalise the plan`,
          notAssessed.map((capability) => capability.capabilityId),
        );
      }
    }

    // Goals ---------------------------------------------------------------------------------
    interface GoalState {
      capabilityId: string;
      order: number;
      rank: number;
      gap: number;
      currentRank: number;
      targetRank: number;
      source: NonNullable<CapabilityAssessment['current']>['source'];
      importance: Importance;
      findings: FindingCounts;
      findingBonus: number;
      score: number;
    }
    const goalStates: GoalState[] = [];
    for (const capability of capabilities) {
      if (capability.status !== 'gap' || !capability.current || capability.importance === null || capability.targetLevelId === null) continue;
      const findings = findingsFor(role?.id ?? null, capability.capabilityId);
      const gap = capability.gap!;
      goalStates.push({
        capabilityId: capability.capabilityId,
        order: capabilityOrder.get(capability.capabilityId)!,
        rank: 0,
        gap,
        currentRank: capability.current.rank,
        targetRank: ranks.get(capability.targetLevelId)!,
        source: capability.current.source,
        importance: capability.importance,
        findings: findings.counts,
        findingBonus: findings.bonus,
        score: gap * IMPORTANCE_WEIGHTS[capability.importance] + findings.bonus,
      });
    }
    goalStates.sort((a, b) => b.score - a.score || a.order - b.order);
    goalStates.forEach((goal, index) => {
      goal.rank = index + 1;
    });
    // The pathway's own problems follow the learner's data problems.
    warnings.push(...frameworkWarnings);
    const goalsByCapability = new Map(goalStates.map((goal) => [goal.capabilityId, goal]));

    // Matching activities to goals -----------------------------------------------------------
    const matchCache = new Map<string, DevelopmentMatch[]>();
    function matchesOf(entry: CatalogEntry | null): DevelopmentMatch[] {
      if (!entry) return [];
      const cached = matchCache.get(entry.activity.id);
      if (cached) return cached;
      const best = new Map<string, DevelopmentMatch>();
      for (const step of entry.steps) {
        const goal = goalsByCapability.get(step.capabilityId);
        if (!goal || step.fromRank > goal.currentRank || goal.currentRank >= step.toRank) continue;
        const fit = (Math.min(step.toRank, goal.targetRank) - goal.currentRank) / (step.toRank - step.fromRank);
        const value = goal.score * fit;
        const previous = best.get(step.capabilityId);
        if (previous && previous.value >= value) continue;
        best.set(step.capabilityId, {
          capabilityId: step.capabilityId,
          fromLevelId: levels[step.fromRank]!.id,
          toLevelId: levels[step.toRank]!.id,
          goalRank: goal.rank,
          fit,
          value,
        });
      }
      const matches = [...best.values()].sort((a, b) => a.goalRank - b.goalRank);
      matchCache.set(entry.activity.id, matches);
      return matches;
    }
    const words = (match: DevelopmentMatch): DevelopmentWords => {
      const goal = goalsByCapability.get(match.capabilityId)!;
      return { capabilityName: nameOf(match.capabilityId), currentLabel: levelLabel(goal.currentRank), toLabel: levelLabel(ranks.get(match.toLevelId)!), goalRank: goal.rank, gap: goal.gap };
    };
    const developsText = (matches: readonly DevelopmentMatch[]): string => developsPhrase(matches.map(words));

    // Items ---------------------------------------------------------------------------------
    interface Draft {
      spec: NodeSpec;
      entry: CatalogEntry | null;
      title: string;
      selection: ItemSelection;
      recommendation: boolean;
      reason: string;
      matches: DevelopmentMatch[];
      score: number | null;
    }
    const draftsByNode = new Map<string, Draft[]>();
    const addressed = new Set<string>();
    let plannedHours = 0;
    const hoursOf = (entry: CatalogEntry | null): number => entry?.activity.hours ?? 0;

    for (const spec of specs) {
      const node = spec.node;
      if (node.kind === 'optional-group') continue;
      const matches = matchesOf(spec.entry);
      let reason: string;
      let selection: ItemSelection = 'pathway';
      switch (node.kind) {
        case 'pre-assessment':
          reason = `Establishes your starting level${node.capabilityIds.length > 0 ? ` in ${plural(node.capabilityIds.length, 'capability', 'capabilities')}` : ''} before the plan is agreed`;
          break;
        case 'post-assessment':
          reason = `Measures your progress${node.capabilityIds.length > 0 ? ` on ${plural(node.capabilityIds.length, 'capability', 'capabilities')}` : ''} against the pre-assessment`;
          break;
        case 'milestone':
          reason = node.checkIn ? 'Manager check-in: review progress against the plan and agree what to adjust' : 'Milestone: confirm the plan is on track';
          break;
        case 'core':
        case 'capstone': {
          selection = 'core';
          const lead = node.kind === 'core' ? 'Core activity for everyone on this pathway' : 'Capstone for everyone on this pathway: apply what you have learned';
          reason = matches.length > 0 ? `${lead}; it develops ${developsText(matches)}` : lead;
          break;
        }
      }
      draftsByNode.set(node.id, [{ spec, entry: spec.entry, title: spec.title, selection, recommendation: false, reason: sentence(reason), matches, score: null }]);
      plannedHours += hoursOf(spec.entry);
      for (const match of matches) addressed.add(match.capabilityId);
    }

    // Optional groups: greedy by marginal value.
    interface GroupState {
      spec: NodeSpec;
      picked: Set<string>;
      drafts: Draft[];
      suitable: CatalogEntry[];
      /** Unsuitable members, nearest to the learner's goals first. */
      fallback: CatalogEntry[];
      stop: GroupStop;
    }
    const marginal = (entry: CatalogEntry): number => {
      let total = 0;
      for (const match of matchesOf(entry)) total += match.value * (addressed.has(match.capabilityId) ? ADDRESSED_GOAL_WEIGHT : 1);
      return total;
    };
    const bestSuitable = (state: GroupState): { entry: CatalogEntry; score: number } | null => {
      let best: { entry: CatalogEntry; score: number } | null = null;
      for (const entry of state.suitable) {
        if (state.picked.has(entry.activity.id)) continue;
        const score = marginal(entry);
        if (!best || score > best.score) best = { entry, score };
      }
      return best;
    };
    const nearestGoalStep = (entry: CatalogEntry): { step: Step; goal: GoalState } | null => {
      let nearest: { step: Step; goal: GoalState } | null = null;
      for (const step of entry.steps) {
        const goal = goalsByCapability.get(step.capabilityId);
        if (goal && (!nearest || goal.rank < nearest.goal.rank)) nearest = { step, goal };
      }
      return nearest;
    };
    const groupStates: GroupState[] = [];
    for (const spec of specs) {
      if (spec.node.kind !== 'optional-group') continue;
      const suitable: CatalogEntry[] = [];
      const fallback: { entry: CatalogEntry; closeness: number; index: number }[] = [];
      spec.members.forEach((entry, index) => {
        if (matchesOf(entry).length > 0) {
          suitable.push(entry);
          return;
        }
        let closeness = 0;
        const seen = new Set<string>();
        for (const step of entry.steps) {
          const goal = goalsByCapability.get(step.capabilityId);
          if (goal && !seen.has(goal.capabilityId)) {
            seen.add(goal.capabilityId);
            closeness += goal.score;
          }
        }
        fallback.push({ entry, closeness, index });
      });
      fallback.sort((a, b) => b.closeness - a.closeness || a.index - b.index);
      const state: GroupState = { spec, picked: new Set(), drafts: [], suitable, fallback: fallback.map((item) => item.entry), stop: 'max' };
      groupStates.push(state);
      draftsByNode.set(spec.node.id, state.drafts);
    }

    const pick = (state: GroupState, entry: CatalogEntry, selection: ItemSelection, score: number | null, reason: string): void => {
      const matches = matchesOf(entry);
      const recommendation = state.spec.node.kind === 'optional-group' && state.spec.node.selectionRule === 'learner-choice';
      state.picked.add(entry.activity.id);
      state.drafts.push({ spec: state.spec, entry, title: entry.activity.title.trim() || DEFAULT_TITLES['optional-group'], selection, recommendation, reason: sentence(reason), matches, score });
      plannedHours += entry.activity.hours;
      for (const match of matches) addressed.add(match.capabilityId);
    };

    // Phase 1: every group up to its minimum.
    for (const state of groupStates) {
      const node = state.spec.node;
      if (node.kind !== 'optional-group') continue;
      const choice = node.selectionRule === 'learner-choice';
      const fills: string[] = [];
      while (state.drafts.length < state.spec.min) {
        const best = bestSuitable(state);
        if (best) {
          const text = developsText(matchesOf(best.entry));
          pick(state, best.entry, choice ? 'recommended' : 'by-gap', best.score, choice ? `Recommended option (choose with your manager): develops ${text}` : `Develops ${text}`);
          continue;
        }
        const entry = state.fallback.find((candidate) => !state.picked.has(candidate.activity.id));
        if (!entry) break;
        const near = nearestGoalStep(entry);
        const why = near
          ? `it develops ${nameOf(near.step.capabilityId)} from ${levelLabel(near.step.fromRank)} to ${levelLabel(near.step.toRank)}, which does not match your current level (${levelLabel(near.goal.currentRank)})`
          : 'it does not develop any of your goal capabilities';
        const lead = choice ? `Suggested to reach this group's minimum of ${node.min} (choose with your manager)` : `Added to reach this group's minimum of ${node.min}`;
        pick(state, entry, choice ? 'recommended' : 'fill', 0, `${lead}: ${why}`);
        fills.push(entry.activity.title);
      }
      if (fills.length > 0) {
        const suitableCount = state.suitable.length;
        warn(
          'group-below-min',
          `Options group ${nodeName(node)}: ${suitableCount === 0 ? 'none' : `only ${suitableCount}`} of its activities ${suitableCount === 1 ? 'suits' : 'suit'} your current levels, so ${listText(fills.map(quote))} ${fills.length === 1 ? 'was' : 'were'} ${choice ? 'suggested' : 'added'} to reach its minimum of ${node.min}`,
          [],
          node.id,
        );
      }
      if (choice) state.stop = 'learner-choice';
    }

    // Phase 2: by-gap groups beyond their minimum, within max and the hours budget.
    for (const state of groupStates) {
      const node = state.spec.node;
      if (node.kind !== 'optional-group' || node.selectionRule === 'learner-choice') continue;
      for (;;) {
        if (state.drafts.length >= state.spec.max) {
          state.stop = state.spec.members.length < Math.max(node.min, node.max) ? 'all-members' : 'max';
          break;
        }
        const best = bestSuitable(state);
        if (!best) {
          state.stop = 'no-more-suitable';
          break;
        }
        if (plannedHours + best.entry.activity.hours > budget + 1e-9) {
          state.stop = 'budget';
          break;
        }
        pick(state, best.entry, 'by-gap-extra', best.score, `Extra option within your hours budget: develops ${developsText(matchesOf(best.entry))}`);
      }
    }

    // Schedule ------------------------------------------------------------------------------
    const durationDays = (draft: Draft): number => {
      const kind = draft.spec.node.kind;
      if (kind === 'pre-assessment' || kind === 'post-assessment' || kind === 'milestone') return 1;
      const days = Math.ceil(round((hoursOf(draft.entry) / hoursPerWeek) * 7, 6));
      return Math.min(MAX_ITEM_DAYS, Math.max(1, days));
    };
    interface Scheduled {
      draft: Draft;
      startDay: number;
      endDay: number;
      days: number;
    }
    const scheduled: Scheduled[] = [];
    const afterByNode = new Map<string, number>();
    const afterByTier = [-Infinity, -Infinity, -Infinity];
    let previousAfter = startDay;
    specs.forEach((spec, index) => {
      let ready = startDay;
      for (const predecessor of spec.predecessors) ready = Math.max(ready, afterByNode.get(predecessor) ?? startDay);
      for (let tier = 0; tier < spec.tier; tier++) ready = Math.max(ready, afterByTier[tier]!);
      if (spec.node.kind === 'milestone' && spec.predecessors.length === 0 && index > 0) ready = Math.max(ready, previousAfter);
      let cursor = ready;
      for (const draft of draftsByNode.get(spec.node.id) ?? []) {
        const days = durationDays(draft);
        scheduled.push({ draft, startDay: cursor, endDay: cursor + days - 1, days });
        cursor += days;
      }
      afterByNode.set(spec.node.id, cursor);
      afterByTier[spec.tier] = Math.max(afterByTier[spec.tier]!, cursor);
      previousAfter = cursor;
    });

    // Plan items and their explanations.
    const items: PlanItem[] = [];
    const itemExplanations: ItemExplanation[] = [];
    const itemIdByPick = new Map<CatalogEntry, string>();
    const itemIdsByGoal = new Map<string, string[]>();
    scheduled.forEach((entry, index) => {
      const { draft } = entry;
      const id = options.itemId(index);
      items.push({
        id,
        nodeId: draft.spec.node.id,
        activityId: draft.entry?.activity.id ?? null,
        kind: draft.spec.node.kind,
        title: clampText(draft.title, 500),
        start: formatDay(entry.startDay),
        end: formatDay(entry.endDay),
        reason: draft.reason,
        manual: false,
        status: 'planned',
      });
      itemExplanations.push({
        itemId: id,
        nodeId: draft.spec.node.id,
        activityId: draft.entry?.activity.id ?? null,
        kind: draft.spec.node.kind,
        selection: draft.selection,
        recommendation: draft.recommendation,
        hours: hoursOf(draft.entry),
        days: entry.days,
        category: draft.entry?.activity.category ?? null,
        develops: draft.matches,
        score: draft.score,
      });
      for (const match of draft.matches) {
        const ids = itemIdsByGoal.get(match.capabilityId);
        if (ids) ids.push(id);
        else itemIdsByGoal.set(match.capabilityId, [id]);
      }
      if (draft.spec.node.kind === 'optional-group' && draft.entry) itemIdByPick.set(draft.entry, id);
    });

    const groups: GroupExplanation[] = groupStates.map((state) => {
      const picks = new Map(state.drafts.map((draft) => [draft.entry, itemIdByPick.get(draft.entry!) ?? null]));
      const node = state.spec.node as Extract<PathwayNode, { kind: 'optional-group' }>;
      return {
        nodeId: node.id,
        label: node.label,
        rule: node.selectionRule,
        min: node.min,
        max: node.max,
        members: state.spec.members.map((entry) => {
          const matches = matchesOf(entry);
          return {
            activityId: entry.activity.id,
            suitable: matches.length > 0,
            score: matches.reduce((sum, match) => sum + match.value, 0),
            develops: matches,
            itemId: picks.get(entry) ?? null,
          };
        }),
        suitableCount: state.suitable.length,
        pickedCount: state.drafts.length,
        stop: state.stop,
      };
    });

    // Coverage of every goal by the plan, and what the pathway could do.
    const planSteps = new Map<string, Step[]>();
    const planActivityIds = new Set<string>();
    for (const { draft } of scheduled) {
      if (!draft.entry) continue;
      planActivityIds.add(draft.entry.activity.id);
      for (const step of draft.entry.steps) {
        let list = planSteps.get(step.capabilityId);
        if (!list) planSteps.set(step.capabilityId, (list = []));
        list.push(step);
      }
    }
    const goalExplanations: GoalExplanation[] = goalStates.map((goal) => {
      const reached = reach(planSteps.get(goal.capabilityId), goal.currentRank);
      const coverage: GoalCoverage = reached >= goal.targetRank ? 'full' : reached > goal.currentRank ? 'partial' : 'none';
      if (coverage !== 'full') {
        const name = nameOf(goal.capabilityId);
        const reachedLabel = levelLabel(Math.min(reached, goal.targetRank));
        const targetLabel = levelLabel(goal.targetRank);
        const pathwayReached = reach(pathwaySteps.get(goal.capabilityId), goal.currentRank);
        let message: string;
        if (pathwayReached <= reached) {
          message =
            coverage === 'none'
              ? `No activity in this pathway develops ${name} from ${reachedLabel} towards ${targetLabel}: this gap stays open (missing step ${reachedLabel} → ${levelLabel(reached + 1)})`
              : `No activity in this pathway develops ${name} beyond ${reachedLabel} (target ${targetLabel}): the plan closes this gap only up to ${reachedLabel} (missing step ${reachedLabel} → ${levelLabel(reached + 1)})`;
        } else {
          const candidates = uniqueIds(
            (pathwaySteps.get(goal.capabilityId) ?? [])
              .filter((step) => step.fromRank <= reached && reached < step.toRank && !planActivityIds.has(step.activityId))
              .map((step) => catalog.get(step.activityId)!.activity.title),
          );
          const what = coverage === 'none' ? `do not develop ${name} from ${reachedLabel}` : `take ${name} only to ${reachedLabel}`;
          message = `The chosen activities ${what} (target ${targetLabel}); ${listText(candidates.map(quote), 4)} in this pathway could, but ${candidates.length === 1 ? 'was' : 'were'} not picked (group maximum or hours budget)`;
        }
        warn('uncovered-gap', message, [goal.capabilityId]);
      }
      return {
        capabilityId: goal.capabilityId,
        rank: goal.rank,
        gap: goal.gap,
        currentLevelId: levels[goal.currentRank]!.id,
        targetLevelId: levels[goal.targetRank]!.id,
        importance: goal.importance,
        importanceWeight: IMPORTANCE_WEIGHTS[goal.importance],
        findings: goal.findings,
        findingBonus: goal.findingBonus,
        score: goal.score,
        coverage,
        reachedLevelId: levels[Math.min(reached, levels.length - 1)]!.id,
        itemIds: itemIdsByGoal.get(goal.capabilityId) ?? [],
      };
    });

    // Hours, duration, mix ------------------------------------------------------------------
    const planned = round(plannedHours, 4);
    if (planned > budget + 1e-9) {
      warn(
        'over-budget',
        `The plan needs ${plural(planned, 'hour')}, ${formatNumber(planned - budget)} more than the budget of ${plural(budget, 'hour')} (${plural(hoursPerWeek, 'hour')} a week for ${plural(framework.durationWeeks, 'week')})`,
      );
    }
    const endDay = scheduled.reduce((latest, entry) => Math.max(latest, entry.endDay), startDay);
    const frameworkEndDay = startDay + framework.durationWeeks * 7 - 1;
    if (endDay > frameworkEndDay) {
      warn(
        'beyond-duration',
        `The timeline ends on ${fromDayNumber(endDay)}, ${plural(Math.ceil((endDay - frameworkEndDay) / 7), 'week')} after the framework's ${plural(framework.durationWeeks, 'week')} (${fromDayNumber(frameworkEndDay)})`,
      );
    }

    const mixHours: Record<LearningCategory, number> = { experiential: 0, social: 0, formal: 0 };
    for (const { draft } of scheduled) if (draft.entry) mixHours[draft.entry.activity.category] += draft.entry.activity.hours;
    const mixTotal = mixHours.experiential + mixHours.social + mixHours.formal;
    const percent: Record<LearningCategory, number> = { experiential: 0, social: 0, formal: 0 };
    for (const category of LEARNING_CATEGORIES) {
      mixHours[category] = round(mixHours[category], 4);
      percent[category] = mixTotal > 0 ? round((mixHours[category] / mixTotal) * 100, 1) : 0;
    }
    const target = framework.mixTarget;
    const mix: MixExplanation = {
      hours: mixHours,
      percent,
      target: { experiential: target.experiential, social: target.social, formal: target.formal, tolerance: target.tolerance },
      offTarget: mixTotal > 0 ? LEARNING_CATEGORIES.filter((category) => Math.abs(percent[category] - target[category]) > target.tolerance) : [],
    };

    // The plan ------------------------------------------------------------------------------

    const goals: PlanGoal[] = goalStates.map((goal) => ({
      capabilityId: goal.capabilityId,
      currentLevelId: levels[goal.currentRank]!.id,
      targetLevelId: levels[goal.targetRank]!.id,
      rank: goal.rank,
      rationale: goalRationale({
        gap: goal.gap,
        currentLabel: levelLabel(goal.currentRank),
        targetLabel: levelLabel(goal.targetRank),
        source: goal.source,
        importance: goal.importance,
        roleName: role!.name,
        findings: goal.findings,
      }),
    }));

    const plan: Plan = {
      id: options.planId,
      learnerId: learner.id,
      frameworkId: framework.id,
      status: 'draft',
      generatedAt: options.generatedAt,
      goals,
      items,
      participationExpectations: [...framework.participationExpectations],
      assessmentAndFeedback: [...framework.assessmentAndFeedback],
      signOff: { employeeName: learner.name, employeeDate: null, managerName: learner.manager, managerDate: null },
      warnings: warnings.map((warning) => warning.message),
    };

    return {
      plan,
      explanation: {
        learner: {
          id: learner.id,
          name: learner.name,
          roleId: role?.id ?? null,
          roleName: role?.name ?? null,
          team: learner.team,
          manager: learner.manager,
          careerGoals: learner.careerGoals,
        },
        capabilities,
        goals: goalExplanations,
        items: itemExplanations,
        groups,
        schedule: {
          start,
          startSource,
          end: fromDayNumber(endDay),
          frameworkEnd: addDays(start, framework.durationWeeks * 7 - 1),
          hoursPerWeek,
          order: scheduleOrder,
        },
        hours: { planned, budget, hoursPerWeek, durationWeeks: framework.durationWeeks, over: planned > budget ? round(planned - budget, 4) : 0 },
        mix,
        warnings,
      },
    };
  };
}

/** One learner's plan. For a cohort, call `createPersonalizer` once and reuse it. */
export function personalizePlan(input: PersonalizeInput): PersonalizedPlan {
  const { project, frameworkId, learnerId, ...options } = input;
  return createPersonalizer(project, frameworkId)(learnerId, options);
}
