/**
 * What a typical learner is expected to do on a pathway, in hours: the estimate behind both the
 * 70-20-10 mix and the hours-vs-duration check, so the two always agree.
 *
 * The estimate, stated once:
 * - Every step all learners take counts in full: core activities, and the pre-assessment,
 *   post-assessment and capstone when they use a catalog activity. Milestones take no hours.
 * - An optional group counts as `min picks × mean hours of its members`: a learner takes at
 *   least `min` of them and we do not know which, so each member is equally likely. Per 70-20-10
 *   category that is `min / members × (hours of the members in that category)`, which sums to
 *   the same total.
 * - Members are the group's distinct activities that exist in the catalog; `min` is clamped to
 *   0…members (a group asking for more picks than it offers is reported by `group-bounds`).
 * - Activities missing from the catalog count nothing (reported by `dangling-activity`).
 */
import { LEARNING_CATEGORIES, type Activity, type Framework, type LearningCategory, type PathwayNode } from '../schema';

export type CategoryHours = Record<LearningCategory, number> & { total: number };

export interface RequiredActivity {
  nodeId: string;
  activity: Activity;
}

export interface OptionalGroupEstimate {
  nodeId: string;
  label: string;
  /** Expected picks per learner: the group's minimum, clamped to its member count. */
  picks: number;
  /** Distinct member activities that exist in the catalog. */
  memberCount: number;
  memberActivityIds: string[];
  meanHours: number;
  /** picks × meanHours. */
  expectedHours: number;
  /** The expected hours split by the members' 70-20-10 categories. */
  hoursByCategory: CategoryHours;
}

export interface ExpectedWorkload {
  required: RequiredActivity[];
  groups: OptionalGroupEstimate[];
  hours: CategoryHours;
}

export function emptyCategoryHours(): CategoryHours {
  return { experiential: 0, social: 0, formal: 0, total: 0 };
}

/** The catalog activity a single-activity step uses, if it has one. */
export function nodeActivityId(node: PathwayNode): string | null {
  switch (node.kind) {
    case 'core':
    case 'pre-assessment':
    case 'post-assessment':
    case 'capstone':
      return node.activityId === '' ? null : node.activityId;
    default:
      return null;
  }
}

export function activityIndex(activities: readonly Activity[]): Map<string, Activity> {
  const index = new Map<string, Activity>();
  for (const activity of activities) if (!index.has(activity.id)) index.set(activity.id, activity);
  return index;
}

function finiteHours(activity: Activity): number {
  return Number.isFinite(activity.hours) && activity.hours > 0 ? activity.hours : 0;
}

export function estimateGroup(node: Extract<PathwayNode, { kind: 'optional-group' }>, activities: ReadonlyMap<string, Activity>): OptionalGroupEstimate {
  const members: Activity[] = [];
  const seen = new Set<string>();
  for (const id of node.activityIds) {
    const activity = activities.get(id);
    if (!activity || seen.has(id)) continue;
    seen.add(id);
    members.push(activity);
  }
  const memberCount = members.length;
  const picks = memberCount === 0 || !Number.isFinite(node.min) ? 0 : Math.min(Math.max(Math.floor(node.min), 0), memberCount);
  const hoursByCategory = emptyCategoryHours();
  let sum = 0;
  for (const member of members) {
    const hours = finiteHours(member);
    sum += hours;
    hoursByCategory[member.category] += (picks / memberCount) * hours;
  }
  const meanHours = memberCount === 0 ? 0 : sum / memberCount;
  const expectedHours = picks * meanHours;
  hoursByCategory.total = expectedHours;
  return { nodeId: node.id, label: node.label, picks, memberCount, memberActivityIds: [...seen], meanHours, expectedHours, hoursByCategory };
}

export function expectedWorkload(framework: Pick<Framework, 'nodes'>, activities: ReadonlyMap<string, Activity>): ExpectedWorkload {
  const required: RequiredActivity[] = [];
  const groups: OptionalGroupEstimate[] = [];
  const hours = emptyCategoryHours();
  for (const node of framework.nodes) {
    if (node.kind === 'optional-group') {
      const group = estimateGroup(node, activities);
      groups.push(group);
      for (const category of LEARNING_CATEGORIES) hours[category] += group.hoursByCategory[category];
      continue;
    }
    const activityId = nodeActivityId(node);
    const activity = activityId === null ? undefined : activities.get(activityId);
    if (!activity) continue;
    required.push({ nodeId: node.id, activity });
    hours[activity.category] += finiteHours(activity);
  }
  hours.total = hours.experiential + hours.social + hours.formal;
  return { required, groups, hours };
}
