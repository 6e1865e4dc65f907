/**
 * The 5,000-learner cohort: checked for correctness here, timed for information only (timings
 * belong to `npm run bench`, which can call `benchPersonalize` the same way).
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { BENCH_FRAMEWORK_ID, benchPersonalize, createPersonalizer, generateBenchProject } from '../../../shared/domain/plans';
import { PlanSchema, ProjectSchema } from '../../../shared/domain/schema';

describe('5,000-learner cohort', () => {
  const project = generateBenchProject();

  it('is a valid project of the agreed size: 30 capabilities, 5,000 learners, 10 nodes, two groups of 8', () => {
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    const framework = project.frameworks[0]!;
    expect([project.capabilities.length, project.learners.length, framework.nodes.length]).toEqual([30, 5_000, 10]);
    expect(framework.nodes.filter((node) => node.kind === 'optional-group').map((node) => (node.kind === 'optional-group' ? node.activityIds.length : 0))).toEqual([8, 8]);
  });

  it('gives valid plans (a sample checked against the schema)', () => {
    const personalize = createPersonalizer(project, BENCH_FRAMEWORK_ID);
    for (const learner of project.learners.slice(0, 200)) {
      const { plan } = personalize(learner.id, { planId: 'plan-1', itemId: (index) => `item-${index}`, generatedAt: '2026-01-05T09:00:00.000Z', today: '2026-01-05' });
      expect(PlanSchema.safeParse(plan).success).toBe(true);
    }
  });

  it('times personalizing all 5,000 (printed, not asserted)', () => {
    const clock = () => performance.now();
    const first = benchPersonalize({ clock, project });
    const second = benchPersonalize({ clock, project });
    const third = benchPersonalize({ clock, project });
    const line = (label: string, result: typeof first) =>
      `${label}: ${result.totalMs.toFixed(0)} ms (index ${result.setupMs.toFixed(0)} ms + ${result.learners} plans ${result.personalizeMs.toFixed(0)} ms, ${((result.personalizeMs * 1000) / result.learners).toFixed(0)} µs a plan)`;
    console.log(
      [
        `personalize ${first.learners} learners × ${first.capabilities} capabilities: ${first.items} items, ${first.goals} goals, ${first.warnings} warnings`,
        line('  first run', first),
        line('  second run', second),
        line('  third run', third),
      ].join('\n'),
    );
    expect(second).toMatchObject({ learners: first.learners, items: first.items, goals: first.goals, warnings: first.warnings });
  });
});
