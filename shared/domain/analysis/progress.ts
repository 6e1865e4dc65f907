/**
 * Evaluation (seed article, step 5): per learner and capability the gain from pre- to
 * post-assessment; for the cohort the average gain per capability, which activities are used
 * most, which gaps remain, and where the plans stand.
 *
 * - gain = post rank − pre rank, in levels of the scale;
 * - normalized gain = (post − pre) / (max − pre): the share of the possible improvement achieved
 *   (Hake's g); undefined (null) when the pre level is already the top of the scale.
 * The latest assessment of each kind counts (on the same date, the later in the list).
 */
import type { Assessment, AssessmentKind, Plan, Project } from '../schema';

export function gain(preRank: number, postRank: number): number {
  return postRank - preRank;
}

/** (post − pre) / (max − pre); null when nothing could be gained (pre at the top). */
export function normalizedGain(preRank: number, postRank: number, maxRank: number): number | null {
  if (maxRank <= preRank) return null;
  return (postRank - preRank) / (maxRank - preRank);
}

function latestByKind(assessments: readonly Assessment[], kind: AssessmentKind, ranks: ReadonlyMap<string, number>): Map<string, Map<string, Assessment>> {
  const result = new Map<string, Map<string, Assessment>>();
  for (const assessment of assessments) {
    if (assessment.kind !== kind || !ranks.has(assessment.levelId)) continue;
    let byCapability = result.get(assessment.learnerId);
    if (!byCapability) result.set(assessment.learnerId, (byCapability = new Map()));
    const previous = byCapability.get(assessment.capabilityId);
    if (!previous || assessment.date >= previous.date) byCapability.set(assessment.capabilityId, assessment);
  }
  return result;
}

export interface CapabilityProgress {
  capabilityId: string;
  capabilityName: string;
  preRank: number | null;
  postRank: number | null;
  targetRank: number | null;
  gain: number | null;
  normalizedGain: number | null;
  /** Levels still missing to the role target, from the latest post (else pre) level; null without both. */
  remainingGap: number | null;
}

export interface LearnerProgress {
  learnerId: string;
  learnerName: string;
  capabilities: CapabilityProgress[];
}

export interface ActivityUsage {
  activityId: string;
  title: string;
  /** Plans in which the activity is planned or done. */
  picked: number;
  /** Plans in which it is done. */
  completed: number;
  /** Plans in which it was removed or swapped out. */
  skipped: number;
}

export interface CapabilitySummary {
  capabilityId: string;
  capabilityName: string;
  /** Learners with both a pre and a post assessment. */
  measured: number;
  averageGain: number | null;
  averageNormalizedGain: number | null;
  /** Learners whose latest level (post, else pre) is below their role target. */
  learnersBelowTarget: number;
  /** Sum of the levels still missing across those learners. */
  levelsMissing: number;
}

export interface CohortProgress {
  maxRank: number;
  learners: LearnerProgress[];
  capabilities: CapabilitySummary[];
  usage: ActivityUsage[];
  statusCounts: Record<Plan['status'], number>;
  learnersWithoutPlan: number;
}

const average = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

export function cohortProgress(project: Project): CohortProgress {
  const ranks = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  const maxRank = project.scale.levels.length - 1;
  const pre = latestByKind(project.assessments, 'pre', ranks);
  const post = latestByKind(project.assessments, 'post', ranks);
  const roles = new Map(project.roles.map((role) => [role.id, role]));

  const learners: LearnerProgress[] = project.learners.map((learner) => {
    const role = learner.roleId ? roles.get(learner.roleId) : undefined;
    const targets = new Map((role?.targets ?? []).map((target) => [target.capabilityId, ranks.get(target.levelId) ?? null]));
    const capabilities = project.capabilities
      .filter((capability) => targets.has(capability.id) || pre.get(learner.id)?.has(capability.id) || post.get(learner.id)?.has(capability.id))
      .map((capability): CapabilityProgress => {
        const preAssessment = pre.get(learner.id)?.get(capability.id);
        const postAssessment = post.get(learner.id)?.get(capability.id);
        const preRank = preAssessment ? (ranks.get(preAssessment.levelId) ?? null) : null;
        const postRank = postAssessment ? (ranks.get(postAssessment.levelId) ?? null) : null;
        const targetRank = targets.get(capability.id) ?? null;
        const latest = postRank ?? preRank;
        return {
          capabilityId: capability.id,
          capabilityName: capability.name,
          preRank,
          postRank,
          targetRank,
          gain: preRank !== null && postRank !== null ? gain(preRank, postRank) : null,
          normalizedGain: preRank !== null && postRank !== null ? normalizedGain(preRank, postRank, maxRank) : null,
          remainingGap: latest !== null && targetRank !== null ? Math.max(0, targetRank - latest) : null,
        };
      });
    return { learnerId: learner.id, learnerName: learner.name, capabilities };
  });

  const capabilities: CapabilitySummary[] = project.capabilities
    .map((capability) => {
      const rows = learners.flatMap((learner) => learner.capabilities.filter((row) => row.capabilityId === capability.id));
      const gains = rows.map((row) => row.gain).filter((value): value is number => value !== null);
      const normalized = rows.map((row) => row.normalizedGain).filter((value): value is number => value !== null);
      const below = rows.filter((row) => row.remainingGap !== null && row.remainingGap > 0);
      return {
        capabilityId: capability.id,
        capabilityName: capability.name,
        measured: gains.length,
        averageGain: average(gains),
        averageNormalizedGain: average(normalized),
        learnersBelowTarget: below.length,
        levelsMissing: below.reduce((sum, row) => sum + (row.remainingGap ?? 0), 0),
        present: rows.length > 0,
      };
    })
    .filter((summary) => summary.present)
    .map(({ present: _present, ...summary }) => summary);

  const activities = new Map(project.activities.map((activity) => [activity.id, activity]));
  const usageById = new Map<string, ActivityUsage>();
  for (const plan of project.plans) {
    const seen = new Map<string, PlanItemState>();
    for (const item of plan.items) {
      if (item.activityId === null || item.kind === 'pre-assessment' || item.kind === 'post-assessment') continue;
      const state = seen.get(item.activityId);
      seen.set(item.activityId, strongest(state, item.status));
    }
    for (const [activityId, state] of seen) {
      let usage = usageById.get(activityId);
      if (!usage) usageById.set(activityId, (usage = { activityId, title: activities.get(activityId)?.title ?? activityId, picked: 0, completed: 0, skipped: 0 }));
      if (state === 'skipped') usage.skipped++;
      else usage.picked++;
      if (state === 'done') usage.completed++;
    }
  }
  const usage = [...usageById.values()].sort((a, b) => b.picked - a.picked || b.completed - a.completed || a.title.localeCompare(b.title));

  const statusCounts: Record<Plan['status'], number> = { draft: 0, agreed: 0, 'in-progress': 0, complete: 0 };
  for (const plan of project.plans) statusCounts[plan.status]++;
  const planned = new Set(project.plans.map((plan) => plan.learnerId));
  return { maxRank, learners, capabilities, usage, statusCounts, learnersWithoutPlan: project.learners.filter((learner) => !planned.has(learner.id)).length };
}

type PlanItemState = Plan['items'][number]['status'];

/** An activity listed twice in a plan counts once: done beats planned beats skipped. */
function strongest(previous: PlanItemState | undefined, next: PlanItemState): PlanItemState {
  const order: Record<PlanItemState, number> = { skipped: 0, planned: 1, done: 2 };
  return previous === undefined || order[next] > order[previous] ? next : previous;
}

/** "+1.5 levels", "−1 level", "0 levels". */
export function formatGain(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100) / 100;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(rounded)} ${Math.abs(rounded) === 1 ? 'level' : 'levels'}`;
}

/** "67%" for 0.667; "—" for null. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}
