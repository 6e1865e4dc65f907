/** Fixtures for the Learners & plans tests: the sample project and a generated plan. */
import { generatePlans } from '../../../renderer/src/features/learners-plans/plan-model';
import { storeGeneratedPlans } from '../../../shared/domain/commands/plan-commands';
import type { Project } from '../../../shared/domain/schema';
import { frozen, sampleProject } from '../model-editor/support';

export { applyWithUndo, expectLoadable, expectNoOp, frozen, sampleProject } from '../model-editor/support';

export const FRAMEWORK = 'fw-executive-presence';
export const PRIYA = 'learner-priya-nair';

/** Deterministic ids: plan-1, item-2, … */
export function counter(): (prefix: string) => string {
  let next = 0;
  return (prefix) => `${prefix}-${++next}`;
}

export const GENERATE = { today: '2026-03-01', now: '2026-03-01T09:00:00Z', keepOverrides: true } as const;

/** The sample with Priya's plan generated and stored (frozen). */
export function withPriyaPlan(): Project {
  const project = sampleProject();
  const [generated] = generatePlans(project, FRAMEWORK, [PRIYA], { ...GENERATE, id: counter() });
  return frozen(storeGeneratedPlans([generated!.plan]).apply(project));
}
