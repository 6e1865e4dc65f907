/**
 * Edits to personalized learning plans: store what the engine generated (merged with a person's
 * overrides), and every hand edit of the plan editor.
 *
 * Overrides are items with `manual: true`:
 * - a removal is kept as a `skipped` item with the reason, so regenerating does not bring it back;
 * - an addition from the catalog has no pathway node;
 * - a swap of an optional pick skips the engine's pick and adds the chosen member of the group;
 * - a date change marks the item manual.
 * Regenerating matches items by (pathway node, activity): a manual item wins over the engine's.
 */
import type { Draft } from 'immer';
import { IsoDate, LongText, PLAN_STATUSES, PlanItemSchema, PlanSchema, SignOffSchema, type Plan, type PlanItem, type Project } from '../schema';
import { checkedId, moveInArray, requireItem, requireNewId } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export type PlanStatus = (typeof PLAN_STATUSES)[number];

function validPlan(candidate: Plan): Plan {
  const parsed = PlanSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`The plan is not valid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

function validItem(candidate: PlanItem): PlanItem {
  const parsed = PlanItemSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`The item's ${String(issue?.path[0] ?? 'value')} ${issue?.message ?? 'is not valid'}.`);
  }
  return parsed.data;
}

function requirePlan(draft: Draft<Project>, planId: string): Draft<Plan> {
  const plan = draft.plans.find((candidate) => candidate.id === planId);
  if (!plan) throw new CommandError(`There is no plan "${planId}".`);
  return plan;
}

function requirePlanItem(plan: Draft<Plan>, itemId: string): Draft<PlanItem> {
  const item = plan.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new CommandError(`The plan has no item "${itemId}".`);
  return item;
}

function requiredReason(reason: string): string {
  const text = reason.trim();
  if (text === '') throw new CommandError('Give a reason: the plan says why each change was made.');
  if (!LongText.safeParse(text).success) throw new CommandError('The reason is too long.');
  return text;
}

// ---------------------------------------------------------------------------------------------
// Regeneration: merge and review

/** How items are matched between two versions of a plan. */
export function itemKey(item: Pick<PlanItem, 'nodeId' | 'activityId' | 'kind' | 'title'>): string {
  if (item.nodeId === null) return `manual:${item.activityId ?? item.title}`;
  return `${item.nodeId}:${item.activityId ?? ''}`;
}

export interface MergeOptions {
  /** Keep the items a person changed (default); false discards every override. */
  keepOverrides: boolean;
}

/**
 * The plan to store when `generated` replaces `existing`: ids, status and sign-off of the existing
 * plan; the engine's goals and items, except that manual items win (and unmatched ones are kept)
 * when `keepOverrides`. Items keep their id and done/skipped status when they match.
 */
export function mergeRegeneratedPlan(existing: Plan | null, generated: Plan, options: MergeOptions): Plan {
  if (!existing) return generated;
  const previous = new Map<string, PlanItem>();
  for (const item of existing.items) if (!previous.has(itemKey(item))) previous.set(itemKey(item), item);
  const used = new Set<string>();
  const items: PlanItem[] = generated.items.map((item) => {
    const key = itemKey(item);
    const before = previous.get(key);
    if (!before) return item;
    used.add(key);
    if (before.manual && options.keepOverrides) return before;
    return { ...item, id: before.id, status: before.manual ? item.status : before.status };
  });
  if (options.keepOverrides) {
    for (const item of existing.items) if (item.manual && !used.has(itemKey(item))) items.push(item);
  }
  const ids = new Set<string>();
  const unique = items.filter((item) => (ids.has(item.id) ? false : (ids.add(item.id), true)));
  return {
    ...generated,
    id: existing.id,
    status: existing.status,
    signOff: existing.signOff,
    items: unique,
    participationExpectations: existing.participationExpectations.length > 0 ? existing.participationExpectations : generated.participationExpectations,
    assessmentAndFeedback: existing.assessmentAndFeedback.length > 0 ? existing.assessmentAndFeedback : generated.assessmentAndFeedback,
  };
}

export interface PlanChanges {
  added: string[];
  removed: string[];
  moved: { title: string; from: string | null; to: string | null }[];
  goals: string[];
  /** Manual items in the existing plan (kept or discarded). */
  overrides: number;
  frameworkChanged: boolean;
}

export function hasChanges(changes: PlanChanges): boolean {
  return changes.added.length + changes.removed.length + changes.moved.length + changes.goals.length > 0 || changes.frameworkChanged;
}

/** What regenerating would change, in words a reviewer checks. `name` gives a capability's name. */
export function diffPlans(before: Plan, after: Plan, name: (capabilityId: string) => string): PlanChanges {
  const active = (plan: Plan) => plan.items.filter((item) => item.status !== 'skipped');
  const beforeItems = new Map(active(before).map((item) => [itemKey(item), item]));
  const afterItems = new Map(active(after).map((item) => [itemKey(item), item]));
  const added = [...afterItems].filter(([key]) => !beforeItems.has(key)).map(([, item]) => item.title);
  const removed = [...beforeItems].filter(([key]) => !afterItems.has(key)).map(([, item]) => item.title);
  const moved: PlanChanges['moved'] = [];
  for (const [key, item] of afterItems) {
    const old = beforeItems.get(key);
    if (old && (old.start !== item.start || old.end !== item.end)) moved.push({ title: item.title, from: old.start, to: item.start });
  }
  const goals: string[] = [];
  const oldGoals = new Map(before.goals.map((goal) => [goal.capabilityId, goal]));
  const newGoals = new Map(after.goals.map((goal) => [goal.capabilityId, goal]));
  for (const goal of [...after.goals].sort((a, b) => a.rank - b.rank)) {
    const old = oldGoals.get(goal.capabilityId);
    if (!old) goals.push(`New goal: ${name(goal.capabilityId)} (priority ${goal.rank})`);
    else if (old.rank !== goal.rank) goals.push(`${name(goal.capabilityId)}: priority ${old.rank} → ${goal.rank}`);
    else if (old.currentLevelId !== goal.currentLevelId || old.targetLevelId !== goal.targetLevelId) goals.push(`${name(goal.capabilityId)}: levels changed`);
  }
  for (const goal of before.goals) if (!newGoals.has(goal.capabilityId)) goals.push(`Goal dropped: ${name(goal.capabilityId)}`);
  return { added, removed, moved, goals, overrides: before.items.filter((item) => item.manual).length, frameworkChanged: before.frameworkId !== after.frameworkId };
}

/**
 * Store generated plans (one per learner; a learner's existing plan is replaced in place).
 * A cohort generation is one command, so one undo step.
 */
export function storeGeneratedPlans(plans: readonly Plan[], label = plans.length === 1 ? 'Generate plan' : `Generate ${plans.length} plans`): ProjectCommand {
  if (plans.length === 0) throw new CommandError('There is no plan to store.');
  const valid = plans.map(validPlan);
  const learners = new Set<string>();
  for (const plan of valid) {
    if (learners.has(plan.learnerId)) throw new CommandError('Each learner has one plan: the same learner appears twice.');
    learners.add(plan.learnerId);
  }
  return draftCommand(label, (draft) => {
    for (const plan of valid) {
      requireItem(draft.learners, plan.learnerId, 'learner');
      requireItem(draft.frameworks, plan.frameworkId, 'framework');
      const index = draft.plans.findIndex((candidate) => candidate.learnerId === plan.learnerId);
      if (index >= 0) {
        if (draft.plans.some((other, at) => at !== index && other.id === plan.id)) throw new CommandError(`A plan with id "${plan.id}" already exists.`);
        draft.plans[index] = plan;
      } else {
        requireNewId(draft.plans, plan.id, 'plan');
        draft.plans.push(plan);
      }
    }
  });
}

export function deletePlan(planId: string): ProjectCommand {
  return draftCommand('Delete plan', (draft) => {
    const index = draft.plans.findIndex((plan) => plan.id === planId);
    if (index < 0) throw new CommandError(`There is no plan "${planId}".`);
    draft.plans.splice(index, 1);
  });
}

// ---------------------------------------------------------------------------------------------
// The plan editor

export const STATUS_LABEL: Record<PlanStatus, string> = { draft: 'Draft', agreed: 'Agreed', 'in-progress': 'In progress', complete: 'Complete' };

export function setPlanStatus(planId: string, status: PlanStatus): ProjectCommand {
  if (!PLAN_STATUSES.includes(status)) throw new CommandError(`"${String(status)}" is not a plan status.`);
  return draftCommand(`Mark plan ${STATUS_LABEL[status].toLowerCase()}`, (draft) => {
    const plan = requirePlan(draft, planId);
    if (plan.status !== status) plan.status = status;
  });
}

/** Move a goal up (delta −1) or down (+1) the priority list; ranks stay 1…n. */
export function moveGoal(planId: string, capabilityId: string, delta: number): ProjectCommand {
  if (!Number.isInteger(delta)) throw new CommandError('A move is a whole number of places.');
  return draftCommand('Reorder goals', (draft) => {
    const plan = requirePlan(draft, planId);
    const ordered = [...plan.goals].sort((a, b) => a.rank - b.rank);
    const from = ordered.findIndex((goal) => goal.capabilityId === capabilityId);
    if (from < 0) throw new CommandError('The plan has no such goal.');
    const to = Math.max(0, Math.min(ordered.length - 1, from + delta));
    if (to === from) return;
    moveInArray(ordered, from, to);
    ordered.forEach((goal, index) => {
      if (goal.rank !== index + 1) goal.rank = index + 1;
    });
    plan.goals = ordered;
  });
}

/** Take an item out of the plan, saying why (kept as a skipped override). */
export function removePlanItem(planId: string, itemId: string, reason: string): ProjectCommand {
  const why = requiredReason(reason);
  return draftCommand('Remove activity', (draft) => {
    const item = requirePlanItem(requirePlan(draft, planId), itemId);
    if (item.status === 'skipped') throw new CommandError(`"${item.title}" is already removed.`);
    item.status = 'skipped';
    item.manual = true;
    item.reason = `Removed: ${why}`;
  });
}

/** Put a removed item back (it stays an override). */
export function restorePlanItem(planId: string, itemId: string): ProjectCommand {
  return draftCommand('Restore activity', (draft) => {
    const item = requirePlanItem(requirePlan(draft, planId), itemId);
    if (item.status !== 'skipped') return;
    item.status = 'planned';
    item.reason = item.reason.replace(/^Removed: /, 'Restored after removal: ');
  });
}

export function setItemStatus(planId: string, itemId: string, status: PlanItem['status']): ProjectCommand {
  return draftCommand(status === 'done' ? 'Mark activity done' : 'Change activity status', (draft) => {
    const item = requirePlanItem(requirePlan(draft, planId), itemId);
    if (item.status !== status) item.status = validItem({ ...item, status }).status;
  });
}

export interface NewPlanActivity {
  itemId: string;
  activityId: string;
  reason: string;
  start: string | null;
  end: string | null;
}

/** Add an activity from the catalog, with a reason: a manual item. */
export function addPlanActivity(planId: string, input: NewPlanActivity): ProjectCommand {
  checkedId(input.itemId, 'plan item');
  const why = requiredReason(input.reason);
  checkDates(input.start, input.end);
  return draftCommand('Add activity to plan', (draft) => {
    const plan = requirePlan(draft, planId);
    const activity = requireItem(draft.activities, input.activityId, 'activity');
    requireNewId(plan.items, input.itemId, 'plan item');
    if (plan.items.some((item) => item.activityId === activity.id && item.status !== 'skipped')) throw new CommandError(`"${activity.title}" is already in the plan.`);
    plan.items.push(
      validItem({ id: input.itemId, nodeId: null, activityId: activity.id, kind: 'optional-group', title: activity.title, start: input.start, end: input.end, reason: `Added: ${why}`, manual: true, status: 'planned' }),
    );
  });
}

/**
 * Override an optional pick: the engine's pick is skipped (with the reason) and another member of
 * the same group takes its place and dates.
 */
export function swapOptionalPick(planId: string, itemId: string, activityId: string, reason: string, newItemId: string): ProjectCommand {
  checkedId(newItemId, 'plan item');
  const why = requiredReason(reason);
  return draftCommand('Swap optional pick', (draft) => {
    const plan = requirePlan(draft, planId);
    const item = requirePlanItem(plan, itemId);
    if (item.kind !== 'optional-group' || item.nodeId === null) throw new CommandError('Only a pick from an optional group can be swapped.');
    if (item.status === 'skipped') throw new CommandError(`"${item.title}" is not in the plan any more.`);
    const framework = requireItem(draft.frameworks, plan.frameworkId, 'framework');
    const node = framework.nodes.find((candidate) => candidate.id === item.nodeId);
    if (!node || node.kind !== 'optional-group') throw new CommandError("The pick's group is no longer in the framework.");
    if (!node.activityIds.includes(activityId)) throw new CommandError('Choose another member of the same group.');
    if (plan.items.some((other) => other.activityId === activityId && other.status !== 'skipped')) throw new CommandError('That option is already in the plan.');
    const activity = requireItem(draft.activities, activityId, 'activity');
    requireNewId(plan.items, newItemId, 'plan item');
    const replacement = validItem({
      id: newItemId,
      nodeId: node.id,
      activityId,
      kind: 'optional-group',
      title: activity.title,
      start: item.start,
      end: item.end,
      reason: `Chosen instead of "${item.title}": ${why}`,
      manual: true,
      status: 'planned',
    });
    item.status = 'skipped';
    item.manual = true;
    item.reason = `Swapped for "${activity.title}": ${why}`;
    plan.items.splice(plan.items.indexOf(item) + 1, 0, replacement);
  });
}

function checkDates(start: string | null, end: string | null): void {
  for (const date of [start, end]) if (date !== null && !IsoDate.safeParse(date).success) throw new CommandError(`"${date}" is not a date as YYYY-MM-DD.`);
  if (start !== null && end !== null && end < start) throw new CommandError('The end date is before the start date.');
}

/** Change an item's dates (a manual override). */
export function setItemDates(planId: string, itemId: string, start: string | null, end: string | null): ProjectCommand {
  checkDates(start, end);
  return draftCommand('Change activity dates', (draft) => {
    const item = requirePlanItem(requirePlan(draft, planId), itemId);
    if (item.start === start && item.end === end) return;
    item.start = start;
    item.end = end;
    item.manual = true;
  });
}

export type PlanTextList = 'participationExpectations' | 'assessmentAndFeedback';

/** Replace one of the plan's text lists (blank lines dropped). */
export function setPlanTextList(planId: string, list: PlanTextList, lines: readonly string[]): ProjectCommand {
  const clean = lines.map((line) => line.trim()).filter((line) => line !== '');
  for (const line of clean) if (!LongText.safeParse(line).success) throw new CommandError('A line is too long.');
  if (clean.length > 100) throw new CommandError('A list has at most 100 lines.');
  return draftCommand(list === 'participationExpectations' ? 'Edit participation expectations' : 'Edit assessment and feedback', (draft) => {
    const plan = requirePlan(draft, planId);
    const current = plan[list];
    if (current.length === clean.length && current.every((line, index) => line === clean[index])) return;
    plan[list] = clean;
  });
}

export type SignOffPatch = Partial<Plan['signOff']>;

export function setSignOff(planId: string, patch: SignOffPatch): ProjectCommand {
  return draftCommand('Edit sign-off', (draft) => {
    const plan = requirePlan(draft, planId);
    const parsed = SignOffSchema.safeParse({ ...plan.signOff, ...patch });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CommandError(`The sign-off ${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is not valid'}.`);
    }
    for (const key of Object.keys(patch) as (keyof Plan['signOff'])[]) {
      if (plan.signOff[key] !== parsed.data[key]) (plan.signOff as Record<string, unknown>)[key] = parsed.data[key];
    }
  });
}
