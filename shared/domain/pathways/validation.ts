/**
 * Live validation of a PLP framework's pathway: what is wrong, where, and what to do about it,
 * in the words an L&D designer uses. Pure and fast — the pathway editor runs it on every edit
 * (a 1,000-node framework validates in a few milliseconds): the graph is indexed once and every
 * rule is linear in nodes + edges, except `post-after-pre` and `capstone-after-post`, which walk
 * the graph once per assessment node (one or two in practice).
 *
 * Each rule is a small exported function with a stable id; the UI and the CLI show `ruleId`, so
 * never rename one. A problem's `nodeIds` / `edgeIds` are what the editor highlights.
 *
 * Rules:
 * - `single-start`        exactly one step has nothing before it (error), and it should be the
 *                         pre-assessment when there is one (warning).
 * - `single-end`          exactly one step has nothing after it (error).
 * - `no-cycles`           no loops of "comes before" (error per loop).
 * - `reachable`           every step can be reached from the start, and leads to the end (error per
 *                         connected set of stranded steps; see `pathwayStart` / `pathwayEnd`).
 * - `post-after-pre`      the post-assessment comes after the pre-assessment (error if before or not
 *                         in sequence; warning if either is missing).
 * - `capstone-after-post` the capstone comes after the post-assessment (warning).
 * - `coverage`            every focus capability can be developed, step by step from the lowest
 *                         level, to each audience role's target by the pathway's activities (error
 *                         when a step has no activity; warning when only optional picks cover it).
 * - `group-bounds`        an optional group offers at least one activity and 0 ≤ min ≤ max ≤ members
 *                         (error).
 * - `dangling-activity`   every activity a step or group refers to exists in the catalog, and every
 *                         core step has one (error).
 * - `hours-vs-duration`   the expected hours (see workload.ts) fit `durationWeeks × weekly budget`
 *                         and are at least `durationWeeks × minimum` (warning).
 */
import type { Activity, Framework, PathwayNode, Project } from '../schema';
import { buildPathwayGraph, connectedGroups, edgesWithin, findCycles, reach, type PathwayGraph } from './graph';
import { hoursText, inline, kindName, LIST_SHOWN, listOf, nodeName, plural, quote } from './text';
import { activityIndex, estimateGroup, expectedWorkload, nodeActivityId } from './workload';

export const PATHWAY_RULE_IDS = [
  'single-start',
  'single-end',
  'no-cycles',
  'reachable',
  'post-after-pre',
  'capstone-after-post',
  'coverage',
  'group-bounds',
  'dangling-activity',
  'hours-vs-duration',
] as const;
export type PathwayRuleId = (typeof PATHWAY_RULE_IDS)[number];
export type PathwaySeverity = 'error' | 'warning';

export interface PathwayProblem {
  ruleId: PathwayRuleId;
  severity: PathwaySeverity;
  /** The steps to highlight, most relevant first. */
  nodeIds: string[];
  edgeIds: string[];
  /** One line: what is wrong and what to do. */
  message: string;
}

export interface PathwayValidationOptions {
  /** Hours a week a learner can typically give the programme; more expected hours is a warning. Default 4. */
  hoursPerWeekBudget?: number;
  /** Fewer expected hours a week than this is a warning (the programme is too thin). Default 1. */
  minHoursPerWeek?: number;
}

export const DEFAULT_HOURS_PER_WEEK_BUDGET = 4;
export const DEFAULT_MIN_HOURS_PER_WEEK = 1;

/** Everything a rule needs, built once per validation. */
export interface PathwayContext {
  readonly project: Project;
  readonly framework: Framework;
  readonly graph: PathwayGraph;
  readonly activities: ReadonlyMap<string, Activity>;
  readonly options: Required<PathwayValidationOptions>;
  /** The quoted name of the node at this index. */
  name(index: number): string;
}

export function pathwayContext(project: Project, framework: Framework, options: PathwayValidationOptions = {}): PathwayContext {
  const graph = buildPathwayGraph(framework);
  const activities = activityIndex(project.activities);
  return {
    project,
    framework,
    graph,
    activities,
    options: {
      hoursPerWeekBudget: options.hoursPerWeekBudget ?? DEFAULT_HOURS_PER_WEEK_BUDGET,
      minHoursPerWeek: options.minHoursPerWeek ?? DEFAULT_MIN_HOURS_PER_WEEK,
    },
    name: (index) => nodeName(graph.nodes[index]!, activities),
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

function ids(graph: PathwayGraph, nodes: readonly number[]): string[] {
  return nodes.map((n) => graph.nodes[n]!.id);
}

function edgeIds(graph: PathwayGraph, edges: readonly number[]): string[] {
  return edges.map((e) => graph.edges[e]!.id);
}

/** Names the first few steps only: a loop may hold thousands. */
function names(ctx: PathwayContext, nodes: readonly number[]): string {
  return listOf(nodes.slice(0, LIST_SHOWN + 1).map((n) => ctx.name(n)), LIST_SHOWN, nodes.length);
}

function indicesOfKind(graph: PathwayGraph, kind: PathwayNode['kind']): number[] {
  const result: number[] = [];
  graph.nodes.forEach((node, index) => {
    if (node.kind === kind && graph.indexOf.get(node.id) === index) result.push(index);
  });
  return result;
}

const them = (count: number): string => (count === 1 ? 'it' : 'them');

// ---------------------------------------------------------------------------------------------
// Structure

/** `single-start`: one step with nothing before it, ideally the pre-assessment. */
export function checkSingleStart(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  if (graph.nodes.length === 0) {
    return [
      {
        ruleId: 'single-start',
        severity: 'error',
        nodeIds: [],
        edgeIds: [],
        message: 'The pathway is empty: add a pre-assessment to start it, then the core activities, options, post-assessment and capstone after it.',
      },
    ];
  }
  const starts = graph.sources;
  if (starts.length === 0) {
    return [
      {
        ruleId: 'single-start',
        severity: 'error',
        nodeIds: [],
        edgeIds: [],
        message: 'The pathway has no start: every step comes after another one, so the steps go round in a loop. Remove the connection that leads back into the first step (usually the pre-assessment).',
      },
    ];
  }
  if (starts.length > 1) {
    return [
      {
        ruleId: 'single-start',
        severity: 'error',
        nodeIds: ids(graph, starts),
        edgeIds: [],
        message: `The pathway has ${starts.length} starting points (${names(ctx, starts)}): learners would not know where to begin. Connect them so that only the pre-assessment has nothing before it.`,
      },
    ];
  }
  const start = starts[0]!;
  const pres = indicesOfKind(graph, 'pre-assessment');
  if (graph.nodes[start]!.kind === 'pre-assessment' || pres.length === 0) return [];
  return [
    {
      ruleId: 'single-start',
      severity: 'warning',
      nodeIds: ids(graph, [start, ...pres]),
      edgeIds: [],
      message: `The pathway starts with ${ctx.name(start)} instead of the pre-assessment ${names(ctx, pres)}: put the pre-assessment first so each plan builds on the learner's current level.`,
    },
  ];
}

/** `single-end`: one step with nothing after it (usually the capstone). */
export function checkSingleEnd(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  if (graph.nodes.length === 0) return [];
  const ends = graph.sinks;
  if (ends.length === 1) return [];
  if (ends.length === 0) {
    return [
      {
        ruleId: 'single-end',
        severity: 'error',
        nodeIds: [],
        edgeIds: [],
        message: 'The pathway has no end: every step leads on to another, so the steps go round in a loop. Remove the connection that leads out of the last step (usually the capstone).',
      },
    ];
  }
  return [
    {
      ruleId: 'single-end',
      severity: 'error',
      nodeIds: ids(graph, ends),
      edgeIds: [],
      message: `The pathway has ${ends.length} ends (${names(ctx, ends)}): learners would finish in different places. Connect them so that the pathway ends in one step, usually the capstone.`,
    },
  ];
}

/** `no-cycles`: one error per loop, naming its steps and highlighting its connections. */
export function checkNoCycles(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  return findCycles(graph).map((cycle) => {
    const only = cycle.nodes.length === 1;
    return {
      ruleId: 'no-cycles',
      severity: 'error',
      nodeIds: ids(graph, cycle.nodes),
      edgeIds: edgeIds(graph, cycle.edges),
      message: only
        ? `${ctx.name(cycle.nodes[0]!)} is connected to itself, so learners could never move past it: remove that connection.`
        : `${names(ctx, cycle.nodes)} come before each other in a loop, so learners could never finish: remove one of the connections between them.`,
    };
  });
}

/**
 * The step the pathway starts from: the only step with nothing before it or, when there are
 * several (`single-start` reports that), the only pre-assessment among them.
 */
export function pathwayStart(graph: PathwayGraph): number | undefined {
  return soleOrOfKind(graph, graph.sources, 'pre-assessment');
}

/** The step the pathway ends with: the only step with nothing after it, or the only capstone among several. */
export function pathwayEnd(graph: PathwayGraph): number | undefined {
  return soleOrOfKind(graph, graph.sinks, 'capstone');
}

function soleOrOfKind(graph: PathwayGraph, candidates: readonly number[], kind: PathwayNode['kind']): number | undefined {
  if (candidates.length === 1) return candidates[0];
  const ofKind = candidates.filter((n) => graph.nodes[n]!.kind === kind);
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

/**
 * `reachable`: every step can be reached from the start and leads on to the end (see
 * `pathwayStart` / `pathwayEnd`; when neither a unique start nor a unique pre-assessment among
 * the starts exists, only `single-start` reports, and likewise for the end). One error per
 * connected set of stranded steps; a step that cannot be reached is not reported again for not
 * reaching the end.
 */
export function checkReachable(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  const problems: PathwayProblem[] = [];
  const count = graph.nodes.length;
  const stranded = new Uint8Array(count);
  const start = pathwayStart(graph);
  if (start !== undefined) {
    const reached = reach(graph, [start]);
    const unreached = new Uint8Array(count);
    let any = false;
    for (let n = 0; n < count; n++) {
      if (!reached[n] && graph.indexOf.get(graph.nodes[n]!.id) === n) {
        unreached[n] = 1;
        stranded[n] = 1;
        any = true;
      }
    }
    if (any) {
      for (const group of connectedGroups(graph, unreached)) {
        problems.push({
          ruleId: 'reachable',
          severity: 'error',
          nodeIds: ids(graph, group),
          edgeIds: edgeIds(graph, edgesWithin(graph, group)),
          message: `${names(ctx, group)} cannot be reached from the start ${ctx.name(start)}: connect ${them(group.length)} after a step on the pathway, or delete ${them(group.length)}.`,
        });
      }
    }
  }
  const end = pathwayEnd(graph);
  if (end !== undefined) {
    const leadsToEnd = reach(graph, [end], 'backward');
    const stuck = new Uint8Array(count);
    let any = false;
    for (let n = 0; n < count; n++) {
      // Steps already reported as unreachable are not repeated.
      if (!leadsToEnd[n] && !stranded[n] && graph.indexOf.get(graph.nodes[n]!.id) === n) {
        stuck[n] = 1;
        any = true;
      }
    }
    if (any) {
      for (const group of connectedGroups(graph, stuck)) {
        problems.push({
          ruleId: 'reachable',
          severity: 'error',
          nodeIds: ids(graph, group),
          edgeIds: edgeIds(graph, edgesWithin(graph, group)),
          message: `From ${names(ctx, group)} learners can never get to the end ${ctx.name(end)}: connect ${them(group.length)} on to a later step.`,
        });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Method: assessments and capstone in the right order

/** `post-after-pre`: the post-assessment follows the pre-assessment, so gains can be measured. */
export function checkPostAfterPre(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  const pres = indicesOfKind(graph, 'pre-assessment');
  const posts = indicesOfKind(graph, 'post-assessment');
  const problems: PathwayProblem[] = [];
  if (graph.nodes.length === 0) return problems;
  if (pres.length === 0) {
    problems.push({
      ruleId: 'post-after-pre',
      severity: 'warning',
      nodeIds: ids(graph, posts),
      edgeIds: [],
      message: 'The pathway has no pre-assessment: add one at the start so each plan builds on the learner’s current level and gains can be measured.',
    });
  }
  if (posts.length === 0) {
    problems.push({
      ruleId: 'post-after-pre',
      severity: 'warning',
      nodeIds: ids(graph, pres),
      edgeIds: [],
      message: 'The pathway has no post-assessment: add one after the activities so you can measure what learners gained.',
    });
  }
  if (problems.length > 0) return problems;
  for (const pre of pres) {
    const after = reach(graph, [pre]);
    const before = reach(graph, [pre], 'backward');
    for (const post of posts) {
      if (after[post]) continue;
      problems.push({
        ruleId: 'post-after-pre',
        severity: 'error',
        nodeIds: ids(graph, [post, pre]),
        edgeIds: [],
        message: before[post]
          ? `The post-assessment ${ctx.name(post)} comes before the pre-assessment ${ctx.name(pre)}: move it after the activities so it measures what learners gained.`
          : `The post-assessment ${ctx.name(post)} is not in sequence after the pre-assessment ${ctx.name(pre)}: connect it so it comes after the pre-assessment and the activities.`,
      });
    }
  }
  return problems;
}

/** `capstone-after-post`: the method ends with the capstone, after the post-assessment. */
export function checkCapstoneAfterPost(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  const posts = indicesOfKind(graph, 'post-assessment');
  const capstones = indicesOfKind(graph, 'capstone');
  const problems: PathwayProblem[] = [];
  if (posts.length === 0 || capstones.length === 0) return problems;
  for (const post of posts) {
    const after = reach(graph, [post]);
    for (const capstone of capstones) {
      if (after[capstone]) continue;
      problems.push({
        ruleId: 'capstone-after-post',
        severity: 'warning',
        nodeIds: ids(graph, [capstone, post]),
        edgeIds: [],
        message: `The capstone ${ctx.name(capstone)} does not come after the post-assessment ${ctx.name(post)}: the method ends with the capstone, so move it after the post-assessment unless your design deliberately does otherwise.`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Content

const NOT_COVERED = 0;
const OPTIONAL_ONLY = 1;
const REQUIRED = 2;

/**
 * `coverage`: for every focus capability and every audience role with a target for it, each
 * level step from the lowest level of the scale up to the target (Beginner → Intermediate,
 * Intermediate → Skilled, …) must be developed by an activity on the pathway. An activity
 * developing `from → to` covers every step between those levels.
 *
 * A step is covered when a learner who needs it will get it: a core activity, the
 * pre-/post-assessment or capstone activity, a member of an optional group whose minimum picks
 * equal its member count, or a member of a group chosen *by assessed gap* (the engine picks the
 * members that close each learner's gaps: that is what such a group is for). A member of a
 * *learner's choice* group covers a step only *optionally*: the learner may not pick it.
 * No activity at all for a needed step is an error; only learner-choice ones is a warning. Roles
 * with the same gaps for a capability share one problem.
 */
export function checkCoverage(ctx: PathwayContext): PathwayProblem[] {
  const { project, framework, graph, activities } = ctx;
  const levels = project.scale.levels;
  const stepCount = levels.length - 1;
  if (stepCount < 1) return [];
  const rank = new Map<string, number>();
  levels.forEach((level, index) => {
    if (!rank.has(level.id)) rank.set(level.id, index);
  });
  const focus = new Set(framework.focusCapabilityIds);
  const status = new Map<string, Uint8Array>();
  const optionalNodes = new Map<string, Set<number>[]>();
  for (const capabilityId of focus) {
    status.set(capabilityId, new Uint8Array(stepCount));
    optionalNodes.set(capabilityId, Array.from({ length: stepCount }, () => new Set<number>()));
  }

  const mark = (activity: Activity, required: boolean, nodeIndex: number): void => {
    for (const development of activity.develops) {
      const steps = status.get(development.capabilityId);
      if (!steps) continue;
      const from = rank.get(development.fromLevelId);
      const to = rank.get(development.toLevelId);
      if (from === undefined || to === undefined) continue;
      for (let step = from; step < to; step++) {
        if (required) steps[step] = REQUIRED;
        else {
          if (steps[step] === NOT_COVERED) steps[step] = OPTIONAL_ONLY;
          optionalNodes.get(development.capabilityId)![step]!.add(nodeIndex);
        }
      }
    }
  };
  graph.nodes.forEach((node, index) => {
    if (node.kind === 'optional-group') {
      const group = estimateGroup(node, activities);
      const everyoneDoesAll = group.memberCount > 0 && group.picks >= group.memberCount;
      const pickedForTheGap = node.selectionRule === 'by-gap' && group.picks > 0;
      for (const id of group.memberActivityIds) mark(activities.get(id)!, everyoneDoesAll || pickedForTheGap, index);
      return;
    }
    const activityId = nodeActivityId(node);
    const activity = activityId === null ? undefined : activities.get(activityId);
    if (activity) mark(activity, true, index);
  });

  const capabilities = new Map(project.capabilities.map((capability) => [capability.id, capability]));
  const roles = new Map(project.roles.map((role) => [role.id, role]));
  const stepName = (step: number): string => `${inline(levels[step]!.label, 40)} → ${inline(levels[step + 1]!.label, 40)}`;

  interface Finding {
    severity: 'error' | 'warning';
    capabilityId: string;
    steps: number[];
    roles: string[];
  }
  const findings = new Map<string, Finding>();
  for (const capabilityId of focus) {
    const steps = status.get(capabilityId)!;
    for (const roleId of new Set(framework.audienceRoleIds)) {
      const role = roles.get(roleId);
      const target = role?.targets.find((candidate) => candidate.capabilityId === capabilityId);
      const targetRank = target ? rank.get(target.levelId) : undefined;
      if (!role || targetRank === undefined || targetRank === 0) continue;
      const missing: number[] = [];
      const optionalOnly: number[] = [];
      for (let step = 0; step < targetRank; step++) {
        if (steps[step] === NOT_COVERED) missing.push(step);
        else if (steps[step] === OPTIONAL_ONLY) optionalOnly.push(step);
      }
      const severity = missing.length > 0 ? 'error' : 'warning';
      const gap = missing.length > 0 ? missing : optionalOnly;
      if (gap.length === 0) continue;
      const key = `${severity}|${capabilityId}|${gap.join(',')}`;
      const roleText = `${quote(role.name)} (target ${inline(levels[targetRank]!.label, 40)})`;
      const existing = findings.get(key);
      if (existing) existing.roles.push(roleText);
      else findings.set(key, { severity, capabilityId, steps: gap, roles: [roleText] });
    }
  }

  const problems: PathwayProblem[] = [];
  for (const finding of findings.values()) {
    const capability = quote(capabilities.get(finding.capabilityId)?.name ?? finding.capabilityId);
    const stepsText = listOf(finding.steps.map(stepName), 10);
    const roleText = listOf(finding.roles);
    const several = finding.roles.length > 1;
    if (finding.severity === 'error') {
      problems.push({
        ruleId: 'coverage',
        severity: 'error',
        nodeIds: [],
        edgeIds: [],
        message: `${capability}: no activity on the pathway takes learners from ${stepsText}, so learners in ${roleText} cannot reach ${several ? 'their targets' : 'the target'}. Add a core or optional activity that develops ${finding.steps.length === 1 ? 'this step' : 'these steps'}.`,
      });
      continue;
    }
    const groups = new Set<number>();
    for (const step of finding.steps) for (const node of optionalNodes.get(finding.capabilityId)![step]!) groups.add(node);
    const groupIndices = [...groups].sort((a, b) => a - b);
    problems.push({
      ruleId: 'coverage',
      severity: 'warning',
      nodeIds: ids(graph, groupIndices),
      edgeIds: [],
      message: `${capability}: only learner's-choice activities (in ${names(ctx, groupIndices)}) take learners from ${stepsText}, so learners in ${roleText} reach ${several ? 'their targets' : 'the target'} only if they choose one. Add a core activity for ${finding.steps.length === 1 ? 'this step' : 'these steps'}, or let the group pick by assessed gap.`,
    });
  }
  return problems;
}

function nodeProblem(ruleId: PathwayRuleId, node: PathwayNode, message: string): PathwayProblem {
  return { ruleId, severity: 'error', nodeIds: [node.id], edgeIds: [], message };
}

/** `group-bounds`: an optional group offers something, and 0 ≤ min ≤ max ≤ number of members. */
export function checkGroupBounds(ctx: PathwayContext): PathwayProblem[] {
  const { graph } = ctx;
  const problems: PathwayProblem[] = [];
  // Plain loops without per-node closures: this runs on every edit. Names are built only for
  // the (rare) steps with a problem.
  for (let index = 0; index < graph.nodes.length; index++) {
    const node = graph.nodes[index]!;
    if (node.kind !== 'optional-group') continue;
    const members = new Set(node.activityIds).size;
    if (members === 0) {
      problems.push(nodeProblem('group-bounds', node, `The optional group ${ctx.name(index)} offers no activities: add at least one activity for learners to choose from.`));
      continue;
    }
    const { min, max } = node;
    if (!Number.isInteger(min) || min < 0) {
      problems.push(nodeProblem('group-bounds', node, `The optional group ${ctx.name(index)} asks learners to pick at least ${min} activities: set the minimum to a whole number, 0 or more.`));
    } else if (Number.isInteger(max) && min > max) {
      problems.push(
        nodeProblem('group-bounds', node, `The optional group ${ctx.name(index)} asks learners to pick at least ${min} but at most ${max} activities: make the minimum no larger than the maximum.`),
      );
    }
    if (!Number.isInteger(max) || max < 0) {
      problems.push(nodeProblem('group-bounds', node, `The optional group ${ctx.name(index)} lets learners pick at most ${max} activities: set the maximum to a whole number, 0 or more.`));
    } else if (max > members) {
      problems.push(
        nodeProblem(
          'group-bounds',
          node,
          `The optional group ${ctx.name(index)} lets learners pick up to ${max} activities but offers only ${members}: lower the maximum or add activities to the group.`,
        ),
      );
    }
  }
  return problems;
}

/** `dangling-activity`: every step and group uses activities that exist in the catalog, and every core step has one. */
export function checkDanglingActivity(ctx: PathwayContext): PathwayProblem[] {
  const { graph, activities } = ctx;
  const problems: PathwayProblem[] = [];
  for (let index = 0; index < graph.nodes.length; index++) {
    const node = graph.nodes[index]!;
    if (node.kind === 'milestone') continue;
    if (node.kind === 'optional-group') {
      let missing: string[] | undefined;
      for (const id of node.activityIds) {
        if (!activities.has(id) && !missing?.includes(id)) (missing ??= []).push(id);
      }
      if (!missing) continue;
      const are = missing.length === 1 ? 'is' : 'are';
      problems.push(
        nodeProblem(
          'dangling-activity',
          node,
          `The optional group ${ctx.name(index)} lists ${plural(missing.length, 'activity', 'activities')} that ${are} not in the catalog (${listOf(missing.map((id) => quote(id)))}): remove ${them(missing.length)} from the group or add ${them(missing.length)} back to the catalog.`,
        ),
      );
      continue;
    }
    if (node.kind === 'core' && !node.activityId) {
      problems.push(nodeProblem('dangling-activity', node, `The core step ${ctx.name(index)} has no activity yet: choose one from the catalog.`));
      continue;
    }
    const activityId = nodeActivityId(node);
    if (activityId !== null && !activities.has(activityId)) {
      problems.push(
        nodeProblem(
          'dangling-activity',
          node,
          `The ${kindName(node.kind)} ${ctx.name(index)} uses the activity ${quote(activityId)}, which is not in the catalog: choose another activity or add it back to the catalog.`,
        ),
      );
    }
  }
  return problems;
}

/**
 * `hours-vs-duration`: the expected hours (core and other required steps in full, plus each
 * optional group's `min picks × mean member hours`, see workload.ts) against the framework's
 * duration: more than `durationWeeks × hoursPerWeekBudget` (default 4 h a week) or less than
 * `durationWeeks × minHoursPerWeek` (default 1 h a week) is a warning.
 */
export function checkHoursVsDuration(ctx: PathwayContext): PathwayProblem[] {
  const { framework, activities, options } = ctx;
  const weeks = framework.durationWeeks;
  if (!Number.isFinite(weeks) || weeks <= 0) return [];
  const total = expectedWorkload(framework, activities).hours.total;
  const budget = weeks * options.hoursPerWeekBudget;
  const floor = weeks * options.minHoursPerWeek;
  const perWeek = hoursText(total / weeks);
  const span = plural(weeks, 'week');
  if (total > budget + 1e-9) {
    return [
      {
        ruleId: 'hours-vs-duration',
        severity: 'warning',
        nodeIds: [],
        edgeIds: [],
        message: `Learners are expected to spend about ${hoursText(total)} over ${span} (${perWeek} a week), more than the budget of ${hoursText(options.hoursPerWeekBudget)} a week (${hoursText(budget)}): trim activities, ask for fewer optional picks or lengthen the framework.`,
      },
    ];
  }
  if (total < floor - 1e-9) {
    return [
      {
        ruleId: 'hours-vs-duration',
        severity: 'warning',
        nodeIds: [],
        edgeIds: [],
        message: `Learners are expected to spend only about ${hoursText(total)} over ${span} (${perWeek} a week), less than ${hoursText(options.minHoursPerWeek)} a week (${hoursText(floor)}): add activities or shorten the framework.`,
      },
    ];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Running the rules

export interface PathwayRule {
  id: PathwayRuleId;
  check(ctx: PathwayContext): PathwayProblem[];
}

/** In the order problems are reported (errors first overall, then this order). */
export const PATHWAY_RULES: readonly PathwayRule[] = [
  { id: 'single-start', check: checkSingleStart },
  { id: 'single-end', check: checkSingleEnd },
  { id: 'no-cycles', check: checkNoCycles },
  { id: 'reachable', check: checkReachable },
  { id: 'post-after-pre', check: checkPostAfterPre },
  { id: 'capstone-after-post', check: checkCapstoneAfterPost },
  { id: 'group-bounds', check: checkGroupBounds },
  { id: 'dangling-activity', check: checkDanglingActivity },
  { id: 'coverage', check: checkCoverage },
  { id: 'hours-vs-duration', check: checkHoursVsDuration },
];

/** Validates a framework object (e.g. a draft the editor holds) against the project's catalog, scale and roles. */
export function validatePathway(project: Project, framework: Framework, options: PathwayValidationOptions = {}): PathwayProblem[] {
  const ctx = pathwayContext(project, framework, options);
  const problems: PathwayProblem[] = [];
  for (const rule of PATHWAY_RULES) problems.push(...rule.check(ctx));
  // Errors first; otherwise rule order (Array.prototype.sort is stable).
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Every problem of one framework of the project. An unknown framework id is a programming error. */
export function validateFramework(project: Project, frameworkId: string, options: PathwayValidationOptions = {}): PathwayProblem[] {
  const framework = project.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) throw new RangeError(`No framework "${frameworkId}" in this project`);
  return validatePathway(project, framework, options);
}

export interface FrameworkProblems {
  frameworkId: string;
  frameworkName: string;
  problems: PathwayProblem[];
}

/** Every framework of the project, in project order. */
export function validateAllFrameworks(project: Project, options: PathwayValidationOptions = {}): FrameworkProblems[] {
  return project.frameworks.map((framework) => ({
    frameworkId: framework.id,
    frameworkName: framework.name,
    problems: validatePathway(project, framework, options),
  }));
}

export function countBySeverity(problems: readonly PathwayProblem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const problem of problems) if (problem.severity === 'error') errors++;
  return { errors, warnings: problems.length - errors };
}
