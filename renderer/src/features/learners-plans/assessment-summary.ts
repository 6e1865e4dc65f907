/**
 * A learner's pre-assessment against their role's targets: "3 of 8 capabilities at target".
 * Pure, so the numbers the roster shows are unit-tested.
 */
import type { Project } from '../../../../shared/domain/schema';

export type PreAssessmentSummary =
  | { status: 'no-role' }
  | { status: 'no-targets'; roleName: string }
  | { status: 'not-assessed'; targets: number }
  | { status: 'assessed'; targets: number; assessed: number; atTarget: number; gaps: number };

/** Index of each level id on the scale: a level's rank. */
export function levelRanks(project: Project): Map<string, number> {
  return new Map(project.scale.levels.map((level, index) => [level.id, index]));
}

/** The latest pre-assessment level of each capability for each learner. */
export function latestPreAssessments(project: Project): Map<string, Map<string, string>> {
  const byLearner = new Map<string, Map<string, { levelId: string; date: string }>>();
  for (const assessment of project.assessments) {
    if (assessment.kind !== 'pre') continue;
    const forLearner = byLearner.get(assessment.learnerId) ?? new Map<string, { levelId: string; date: string }>();
    const previous = forLearner.get(assessment.capabilityId);
    if (!previous || previous.date <= assessment.date) forLearner.set(assessment.capabilityId, { levelId: assessment.levelId, date: assessment.date });
    byLearner.set(assessment.learnerId, forLearner);
  }
  return new Map([...byLearner].map(([learnerId, map]) => [learnerId, new Map([...map].map(([capabilityId, value]) => [capabilityId, value.levelId]))]));
}

export function summarisePreAssessment(
  project: Project,
  learnerId: string,
  context: { ranks?: Map<string, number>; pre?: Map<string, Map<string, string>> } = {},
): PreAssessmentSummary {
  const learner = project.learners.find((item) => item.id === learnerId);
  const role = learner?.roleId ? project.roles.find((item) => item.id === learner.roleId) : undefined;
  if (!role) return { status: 'no-role' };
  if (role.targets.length === 0) return { status: 'no-targets', roleName: role.name };
  const ranks = context.ranks ?? levelRanks(project);
  const levels = (context.pre ?? latestPreAssessments(project)).get(learnerId);
  let assessed = 0;
  let atTarget = 0;
  for (const target of role.targets) {
    const levelId = levels?.get(target.capabilityId);
    if (levelId === undefined) continue;
    assessed++;
    if ((ranks.get(levelId) ?? -1) >= (ranks.get(target.levelId) ?? Number.POSITIVE_INFINITY)) atTarget++;
  }
  if (assessed === 0) return { status: 'not-assessed', targets: role.targets.length };
  return { status: 'assessed', targets: role.targets.length, assessed, atTarget, gaps: assessed - atTarget };
}

export function describePreAssessment(summary: PreAssessmentSummary): string {
  switch (summary.status) {
    case 'no-role':
      return 'No role assigned';
    case 'no-targets':
      return `${summary.roleName} has no targets yet`;
    case 'not-assessed':
      return 'Not assessed yet';
    case 'assessed': {
      const base = `${summary.atTarget} of ${summary.targets} ${summary.targets === 1 ? 'capability' : 'capabilities'} at target`;
      const missing = summary.targets - summary.assessed;
      return missing > 0 ? `${base} (${missing} not assessed)` : base;
    }
  }
}
