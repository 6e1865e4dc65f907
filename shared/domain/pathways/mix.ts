/**
 * The 70-20-10 mix of a framework, by expected hours per learner (see workload.ts for the
 * estimate): core activities and the pre-/post-assessment and capstone activities in full, each
 * under its activity's category; each optional group as `min picks × mean member hours`, split
 * across categories in proportion to its members' hours (`min / members × hours of the members in
 * that category`). Milestones and steps without a catalog activity take no hours.
 *
 * A category is on target when its share is within `tolerance` percentage points of the
 * framework's target. With no hours at all nothing is on target.
 */
import { LEARNING_CATEGORIES, type Framework, type LearningCategory, type Project } from '../schema';
import { activityIndex, expectedWorkload, type CategoryHours, type OptionalGroupEstimate } from './workload';

export type MixTarget = Framework['mixTarget'];

export interface FrameworkMix {
  /** Expected hours per learner, by category, and their total. */
  hours: CategoryHours;
  /** Share of the total per category, 0–100 (all 0 when there are no hours). */
  percent: Record<LearningCategory, number>;
  target: MixTarget;
  onTarget: Record<LearningCategory, boolean>;
  /** How each optional group was counted. */
  expectedOptionalPicks: OptionalGroupEstimate[];
}

/** The mix of a framework object (e.g. a draft the editor holds). */
export function pathwayMix(project: Pick<Project, 'activities'>, framework: Pick<Framework, 'nodes' | 'mixTarget'>): FrameworkMix {
  const workload = expectedWorkload(framework, activityIndex(project.activities));
  const { hours } = workload;
  const target = framework.mixTarget;
  const percent: Record<LearningCategory, number> = { experiential: 0, social: 0, formal: 0 };
  const onTarget: Record<LearningCategory, boolean> = { experiential: false, social: false, formal: false };
  if (hours.total > 0) {
    for (const category of LEARNING_CATEGORIES) {
      percent[category] = (hours[category] / hours.total) * 100;
      onTarget[category] = Math.abs(percent[category] - target[category]) <= target.tolerance + 1e-9;
    }
  }
  return { hours, percent, target, onTarget, expectedOptionalPicks: workload.groups };
}

/** The mix of one framework of the project. An unknown framework id is a programming error. */
export function frameworkMix(project: Project, frameworkId: string): FrameworkMix {
  const framework = project.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework) throw new RangeError(`No framework "${frameworkId}" in this project`);
  return pathwayMix(project, framework);
}
