/** Properties of every plan the engine makes, over generated projects, pathways and learners. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPersonalizer, personalizePlan, resolveCurrentLevels, type PersonalizedPlan } from '../../../shared/domain/plans';
import { PlanSchema, ProjectSchema, type PathwayNode, type Project } from '../../../shared/domain/schema';
import { arbitraryProject, type GeneratedProject } from './generate';

const NUM_RUNS = 500;

function plansOf({ project, frameworkId, today }: GeneratedProject): { learnerId: string; result: PersonalizedPlan }[] {
  const personalize = createPersonalizer(project, frameworkId);
  return project.learners.map((learner) => ({
    learnerId: learner.id,
    result: personalize(learner.id, { planId: `plan-${learner.id}`, itemId: (index) => `${learner.id}-item-${index}`, generatedAt: '2026-02-16T08:00:00.000Z', today }),
  }));
}

function descendants(project: Project): Map<string, Set<string>> {
  const framework = project.frameworks[0]!;
  const next = new Map<string, string[]>(framework.nodes.map((node) => [node.id, []]));
  for (const edge of framework.edges) next.get(edge.source)?.push(edge.target);
  const result = new Map<string, Set<string>>();
  for (const node of framework.nodes) {
    const seen = new Set<string>();
    const stack = [...next.get(node.id)!];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(next.get(id) ?? []));
    }
    result.set(node.id, seen);
  }
  return result;
}

const tier = (node: PathwayNode | undefined) => (node?.kind === 'post-assessment' ? 1 : node?.kind === 'capstone' ? 2 : 0);

describe('personalization properties (fast-check)', () => {
  it('generates schema-valid projects', () => {
    fc.assert(
      fc.property(arbitraryProject, ({ project }) => {
        const parsed = ProjectSchema.safeParse(project);
        expect(parsed.success, parsed.error?.message).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('every plan passes PlanSchema, with unique item ids, every item dated and goals ranked 1…n by score', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        for (const { result } of plansOf(generated)) {
          const parsed = PlanSchema.safeParse(result.plan);
          expect(parsed.success, parsed.error?.message).toBe(true);
          expect(parsed.data).toEqual(result.plan); // nothing defaulted or stripped
          expect(new Set(result.plan.items.map((item) => item.id)).size).toBe(result.plan.items.length);
          for (const item of result.plan.items) expect(item.start! <= item.end!).toBe(true);
          expect(result.plan.goals.map((goal) => goal.rank)).toEqual(result.plan.goals.map((_, index) => index + 1));
          const scores = result.explanation.goals.map((goal) => goal.score);
          for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]!);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('respects group bounds: min ≤ picks ≤ max whenever the group has ≥ min members; picks are distinct members', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        const catalog = new Set(generated.project.activities.map((activity) => activity.id));
        for (const { result } of plansOf(generated)) {
          for (const node of generated.project.frameworks[0]!.nodes) {
            if (node.kind !== 'optional-group') continue;
            const members = [...new Set(node.activityIds)].filter((id) => catalog.has(id));
            const picks = result.plan.items.filter((item) => item.nodeId === node.id).map((item) => item.activityId!);
            expect(new Set(picks).size).toBe(picks.length);
            for (const pick of picks) expect(members).toContain(pick);
            if (members.length >= node.min && node.max >= node.min) {
              expect(picks.length).toBeGreaterThanOrEqual(node.min);
              expect(picks.length).toBeLessThanOrEqual(node.max);
              if (node.selectionRule === 'learner-choice') expect(picks.length).toBe(node.min);
            } else if (members.length < node.min) {
              expect(picks.length).toBe(members.length);
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('respects the order: every item starts on or after the end of every item before it in the pathway; post-assessments and capstones come last', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        const framework = generated.project.frameworks[0]!;
        const nodes = new Map(framework.nodes.map((node) => [node.id, node]));
        const after = descendants(generated.project);
        const behindEnd = new Set([...nodes.values()].filter((node) => tier(node) > 0).flatMap((node) => [...after.get(node.id)!]));
        for (const { result } of plansOf(generated)) {
          const items = result.plan.items;
          for (const earlier of items) {
            for (const later of items) {
              if (earlier === later) continue;
              // Along the edges, transitively (also through groups with no picks).
              if (after.get(earlier.nodeId!)!.has(later.nodeId!)) expect(later.start! >= earlier.end!, `${earlier.nodeId} → ${later.nodeId}`).toBe(true);
              // Post-assessment after ordinary work, capstone after both, unless an edge says otherwise.
              if (tier(nodes.get(later.nodeId!)) > tier(nodes.get(earlier.nodeId!)) && !behindEnd.has(earlier.nodeId!)) expect(later.start! > earlier.end!).toBe(true);
            }
          }
          // Picks in one group run one after another.
          for (const node of framework.nodes) {
            const picks = items.filter((item) => item.nodeId === node.id);
            for (let i = 1; i < picks.length; i++) expect(picks[i]!.start! > picks[i - 1]!.end!).toBe(true);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('sets a goal for exactly the gaps, and every gap is addressed by a planned item or warned about as uncovered', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        const { project } = generated;
        const ranks = new Map(project.scale.levels.map((level, index) => [level.id, index]));
        const activities = new Map(project.activities.map((activity) => [activity.id, activity]));
        const names = new Map(project.capabilities.map((capability) => [capability.id, capability.name]));
        const framework = project.frameworks[0]!;
        for (const { learnerId, result } of plansOf(generated)) {
          // Independently: the focus (or role targets) with a current level below the target.
          const learner = project.learners.find((each) => each.id === learnerId)!;
          const role = project.roles.find((each) => each.id === learner.roleId);
          const targets = new Map<string, string>();
          for (const target of role?.targets ?? []) if (!targets.has(target.capabilityId)) targets.set(target.capabilityId, target.levelId);
          const scope = framework.focusCapabilityIds.length > 0 ? framework.focusCapabilityIds : [...targets.keys()];
          const current = resolveCurrentLevels(project, learnerId);
          const gaps = scope.filter((id) => targets.has(id) && current.has(id) && ranks.get(targets.get(id)!)! > current.get(id)!.rank);
          expect(result.plan.goals.map((goal) => goal.capabilityId).sort()).toEqual([...new Set(gaps)].sort());

          for (const goal of result.plan.goals) {
            const at = ranks.get(goal.currentLevelId!)!;
            const addressed = result.plan.items.some((item) =>
              (activities.get(item.activityId ?? '')?.develops ?? []).some(
                (step) => step.capabilityId === goal.capabilityId && ranks.get(step.fromLevelId)! <= at && at < ranks.get(step.toLevelId)!,
              ),
            );
            const warned = result.explanation.warnings.some(
              (warning) => warning.code === 'uncovered-gap' && warning.capabilityIds.includes(goal.capabilityId) && warning.message.includes(names.get(goal.capabilityId)!),
            );
            expect(addressed || warned, `${goal.capabilityId} neither addressed nor warned`).toBe(true);
            const explained = result.explanation.goals.find((each) => each.capabilityId === goal.capabilityId)!;
            expect(warned).toBe(explained.coverage !== 'full');
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adds options beyond the minimum only within the hours budget; the mix adds up to the planned hours', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        for (const { result } of plansOf(generated)) {
          const { hours, mix } = result.explanation;
          if (result.explanation.items.some((item) => item.selection === 'by-gap-extra')) expect(hours.planned).toBeLessThanOrEqual(hours.budget + 1e-9);
          expect(mix.hours.experiential + mix.hours.social + mix.hours.formal).toBeCloseTo(hours.planned, 6);
          expect(hours.planned).toBeCloseTo(
            result.explanation.items.reduce((sum, item) => sum + item.hours, 0),
            6,
          );
          expect(result.explanation.warnings.some((warning) => warning.code === 'over-budget')).toBe(hours.planned > hours.budget + 1e-9);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic: same input → deep-equal plan, whether the personalizer is shared or fresh', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        const shared = plansOf(generated);
        const again = plansOf(generated);
        expect(again).toEqual(shared);
        // A personalizer reused across learners gives each the plan it would get alone (no state leaks), in any order.
        for (const { learnerId, result } of [...shared].reverse()) {
          const alone = personalizePlan({
            project: generated.project,
            frameworkId: generated.frameworkId,
            learnerId,
            planId: `plan-${learnerId}`,
            itemId: (index) => `${learnerId}-item-${index}`,
            generatedAt: '2026-02-16T08:00:00.000Z',
            today: generated.today,
          });
          expect(alone).toEqual(result);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not modify the project', () => {
    fc.assert(
      fc.property(arbitraryProject, (generated) => {
        const before = structuredClone(generated.project);
        plansOf(generated);
        expect(generated.project).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
