/**
 * Generating (and reviewing) plans for one learner or a cohort: the engine's fresh plan merged
 * with what a person already changed, and what regenerating would change. Shared by the Learners &
 * plans workspace and `plp-studio plan`.
 */
import { diffPlans, mergeRegeneratedPlan, type PlanChanges } from '../commands/plan-commands';
import { newId } from '../ids';
import { createPersonalizer } from './personalize';
import type { PlanWarning } from './types';
import type { Plan, Project } from '../schema';

export interface GeneratedPlan {
  learnerId: string;
  learnerName: string;
  existing: Plan | null;
  /** What would be stored (merged with the existing plan's overrides when asked). */
  plan: Plan;
  /** null for a first plan. */
  changes: PlanChanges | null;
  warnings: readonly PlanWarning[];
}

export interface GenerateOptions {
  /** `YYYY-MM-DD`, the plan start when a learner has none. */
  today: string;
  /** ISO date-time stamped on the plans. */
  now: string;
  keepOverrides: boolean;
  /** Id source (tests pass a counter). */
  id?: (prefix: string) => string;
}

export function generatePlans(project: Project, frameworkId: string, learnerIds: readonly string[], options: GenerateOptions): GeneratedPlan[] {
  const personalize = createPersonalizer(project, frameworkId);
  const id = options.id ?? ((prefix: string) => newId(prefix));
  const capabilityNames = new Map(project.capabilities.map((capability) => [capability.id, capability.name]));
  const name = (capabilityId: string) => capabilityNames.get(capabilityId) ?? capabilityId;
  const plans = new Map(project.plans.map((plan) => [plan.learnerId, plan]));
  const learners = new Map(project.learners.map((learner) => [learner.id, learner]));
  return learnerIds.map((learnerId) => {
    const existing = plans.get(learnerId) ?? null;
    const { plan: fresh, explanation } = personalize(learnerId, {
      planId: existing?.id ?? id('plan'),
      itemId: () => id('item'),
      generatedAt: options.now,
      today: options.today,
    });
    const plan = mergeRegeneratedPlan(existing, fresh, { keepOverrides: options.keepOverrides });
    return {
      learnerId,
      learnerName: learners.get(learnerId)?.name ?? learnerId,
      existing,
      plan,
      changes: existing ? diffPlans(existing, plan, name) : null,
      warnings: explanation.warnings,
    };
  });
}
