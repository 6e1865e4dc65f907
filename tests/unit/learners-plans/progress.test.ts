import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortProgress, formatGain, formatPercent, gain, normalizedGain } from '../../../shared/domain/analysis/progress';
import { setAssessment } from '../../../shared/domain/commands/learner-commands';
import { setItemStatus, storeGeneratedPlans, setPlanStatus } from '../../../shared/domain/commands/plan-commands';
import { generatePlans } from '../../../renderer/src/features/learners-plans/plan-model';
import type { Project } from '../../../shared/domain/schema';
import { counter, FRAMEWORK, GENERATE, PRIYA, sampleProject } from './support';

const MARCUS = 'learner-marcus-bell';
const post = (project: Project, learnerId: string, capabilityId: string, levelId: string, id: string) =>
  setAssessment({ learnerId, capabilityId, kind: 'post' }, { levelId, date: '2026-09-01' }, id).apply(project);

describe('gain and normalized gain', () => {
  it('hand-computed values on a 4-level scale (ranks 0–3)', () => {
    expect(gain(1, 2)).toBe(1);
    expect(normalizedGain(1, 2, 3)).toBe(0.5);
    expect(normalizedGain(0, 3, 3)).toBe(1);
    expect(normalizedGain(2, 1, 3)).toBe(-1);
    expect(normalizedGain(3, 3, 3)).toBeNull();
    expect(formatGain(1.5)).toBe('+1.5 levels');
    expect(formatGain(-1)).toBe('−1 level');
    expect(formatPercent(0.6667)).toBe('67%');
  });

  it('property: normalized gain is at most 1 and has the sign of the gain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat(), fc.nat(), (max, a, b) => {
        const pre = a % (max + 1);
        const postRank = b % (max + 1);
        const normalized = normalizedGain(pre, postRank, max);
        if (pre === max) return normalized === null;
        return normalized !== null && normalized <= 1 && Math.sign(normalized) === Math.sign(gain(pre, postRank));
      }),
    );
  });
});

describe('cohort progress', () => {
  it('per learner and per capability, by hand', () => {
    let project = sampleProject();
    // Priya: composure pre intermediate (1) → post skilled (2): gain 1, g = 1/2.
    project = post(project, PRIYA, 'cap-composure', 'skilled', 'post-1');
    // Priya: exec communication pre intermediate (1) → post expert (3): gain 2, g = 1.
    project = post(project, PRIYA, 'cap-exec-communication', 'expert', 'post-2');
    project = setAssessment({ learnerId: MARCUS, capabilityId: 'cap-composure', kind: 'pre' }, { levelId: 'beginner', date: '2026-03-20' }, 'pre-x').apply(project);
    // Marcus: composure pre beginner (0) → post intermediate (1): gain 1, g = 1/3.
    project = post(project, MARCUS, 'cap-composure', 'intermediate', 'post-3');

    const progress = cohortProgress(project);
    expect(progress.maxRank).toBe(3);
    const priya = progress.learners.find((learner) => learner.learnerId === PRIYA)!;
    expect(priya.capabilities.find((row) => row.capabilityId === 'cap-composure')).toMatchObject({ preRank: 1, postRank: 2, targetRank: 2, gain: 1, normalizedGain: 0.5, remainingGap: 0 });
    expect(priya.capabilities.find((row) => row.capabilityId === 'cap-exec-communication')).toMatchObject({ gain: 2, normalizedGain: 1, remainingGap: 0 });
    const marcus = progress.learners.find((learner) => learner.learnerId === MARCUS)!;
    expect(marcus.capabilities.find((row) => row.capabilityId === 'cap-composure')).toMatchObject({ gain: 1, remainingGap: 1 });

    const composure = progress.capabilities.find((row) => row.capabilityId === 'cap-composure')!;
    expect(composure.measured).toBe(2);
    expect(composure.averageGain).toBe(1);
    expect(composure.averageNormalizedGain).toBeCloseTo((0.5 + 1 / 3) / 2, 10);
    expect(progress.capabilities.find((row) => row.capabilityId === 'cap-business-acumen')!.averageGain).toBeNull();
    expect(progress.learnersWithoutPlan).toBe(12);
  });

  it('activity usage and plan status counts', () => {
    let project = sampleProject();
    const generated = generatePlans(project, FRAMEWORK, [PRIYA, MARCUS], { ...GENERATE, id: counter() });
    project = storeGeneratedPlans(generated.map((entry) => entry.plan)).apply(project);
    const plan = project.plans[0]!;
    const core = plan.items.find((item) => item.kind === 'core')!;
    project = setItemStatus(plan.id, core.id, 'done').apply(project);
    project = setPlanStatus(plan.id, 'agreed').apply(project);

    const progress = cohortProgress(project);
    const usage = progress.usage.find((row) => row.activityId === core.activityId)!;
    expect(usage).toMatchObject({ picked: 2, completed: 1, skipped: 0 });
    expect(progress.usage.some((row) => row.activityId === 'act-ep-360-pre')).toBe(false);
    expect(progress.statusCounts).toEqual({ draft: 1, agreed: 1, 'in-progress': 0, complete: 0 });
    expect(progress.learnersWithoutPlan).toBe(10);
  });
});
