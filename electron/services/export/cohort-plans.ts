/**
 * Which plan to export for each learner: a plan the caller passes (unsaved edits), else the
 * project's saved plan, else one the personalization engine drafts in memory (never saved here).
 */
import { createPersonalizer, PersonalizeError, type Personalizer } from '../../../shared/domain/plans';
import type { Learner, Plan, Project } from '../../../shared/domain/schema';

export interface CohortEntry {
  learner: Learner;
  plan: Plan;
  /** Drafted by the engine for this export; the project has no such plan. */
  generated: boolean;
}

export interface CohortGap {
  learner: Learner;
  reason: string;
}

export interface ResolveCohortOptions {
  /** Learners to export, in this order; default every learner in the project. */
  learnerIds?: readonly string[];
  /** Plans that take the place of the project's (for the same learner and framework). */
  plans?: readonly Plan[];
  /** Only plans of this framework; also the framework new plans are drafted with. */
  frameworkId?: string;
  /** Draft plans for learners without one (default true). */
  generateMissing?: boolean;
  /** ISO date-time stamped on drafted plans. */
  generatedAt: string;
}

export interface ResolvedCohort {
  entries: CohortEntry[];
  /** Learners with no plan that could be exported, and why. */
  gaps: CohortGap[];
  /** Requested ids that are not learners of the project. */
  unknown: string[];
}

/** A learner by id, else by e-mail (case-insensitive); null when there is none. */
export function findLearner(project: Project, idOrEmail: string): Learner | null {
  const key = idOrEmail.trim();
  const byId = project.learners.find((learner) => learner.id === key);
  if (byId) return byId;
  const email = key.toLowerCase();
  if (!email.includes('@')) return null;
  return project.learners.find((learner) => learner.email.toLowerCase() === email) ?? null;
}

export function resolveCohortPlans(project: Project, options: ResolveCohortOptions): ResolvedCohort {
  const learners = new Map(project.learners.map((learner) => [learner.id, learner]));
  const ids = options.learnerIds ?? project.learners.map((learner) => learner.id);
  const matches = (plan: Plan): boolean => options.frameworkId === undefined || plan.frameworkId === options.frameworkId;
  const override = new Map<string, Plan>();
  for (const plan of options.plans ?? []) if (matches(plan) && !override.has(plan.learnerId)) override.set(plan.learnerId, plan);
  const saved = new Map<string, Plan>();
  for (const plan of project.plans) if (matches(plan) && !saved.has(plan.learnerId)) saved.set(plan.learnerId, plan);

  const personalizers = new Map<string, Personalizer | null>();
  const personalizerFor = (frameworkId: string): Personalizer | null => {
    if (!personalizers.has(frameworkId)) {
      try {
        personalizers.set(frameworkId, createPersonalizer(project, frameworkId));
      } catch {
        personalizers.set(frameworkId, null);
      }
    }
    return personalizers.get(frameworkId) ?? null;
  };
  const frameworkFor = (learner: Learner): string | null => {
    if (options.frameworkId !== undefined) return options.frameworkId;
    const forRole = project.frameworks.find((framework) => learner.roleId !== null && framework.audienceRoleIds.includes(learner.roleId));
    return (forRole ?? project.frameworks[0])?.id ?? null;
  };

  const entries: CohortEntry[] = [];
  const gaps: CohortGap[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  let drafted = 0;
  for (const id of ids) {
    const learner = learners.get(id);
    if (!learner) {
      if (!unknown.includes(id)) unknown.push(id);
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const existing = override.get(id) ?? saved.get(id);
    if (existing) {
      entries.push({ learner, plan: existing, generated: false });
      continue;
    }
    if (options.generateMissing === false) {
      gaps.push({ learner, reason: 'has no plan' });
      continue;
    }
    const frameworkId = frameworkFor(learner);
    const personalize = frameworkId === null ? null : personalizerFor(frameworkId);
    if (!personalize) {
      gaps.push({ learner, reason: frameworkId === null ? 'has no plan, and the project has no framework to draft one' : `has no plan, and framework "${frameworkId}" cannot draft one` });
      continue;
    }
    try {
      drafted += 1;
      const planId = `export-draft-${drafted}`;
      const { plan } = personalize(id, { planId, itemId: (index) => `${planId}-item-${index}`, generatedAt: options.generatedAt });
      entries.push({ learner, plan, generated: true });
    } catch (error) {
      gaps.push({ learner, reason: `has no plan, and drafting one failed: ${error instanceof PersonalizeError || error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { entries, gaps, unknown };
}
