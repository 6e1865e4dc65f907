/**
 * Current level per capability: latest pre-assessment, else manager rating, else self-assessment;
 * nothing usable → treated as at the role target (no goal) and warned about.
 */
import { describe, expect, it } from 'vitest';
import { LEVEL_SOURCE_PRECEDENCE, resolveCurrentLevels } from '../../../shared/domain/plans';
import { assess, project, run, warningsOf } from './build';

const current = (result: ReturnType<typeof run>, capabilityId: string) => result.explanation.capabilities.find((capability) => capability.capabilityId === capabilityId)!;

describe('current level precedence', () => {
  it('documents the order: pre, manager, self', () => {
    expect(LEVEL_SOURCE_PRECEDENCE).toEqual(['pre', 'manager', 'self']);
  });

  it('uses the pre-assessment over newer manager and self ratings', () => {
    const data = project({
      assessments: [
        assess('learner-1', 'cap-a', 'beginner', 'pre', '2026-01-01'),
        assess('learner-1', 'cap-a', 'skilled', 'manager', '2026-02-01'),
        assess('learner-1', 'cap-a', 'expert', 'self', '2026-02-02'),
      ],
    });
    const alpha = current(run(data), 'cap-a');
    expect(alpha.current).toMatchObject({ levelId: 'beginner', source: 'pre', rank: 0, date: '2026-01-01' });
    expect(alpha.status).toBe('gap');
    expect(alpha.gap).toBe(2);
  });

  it('uses the manager rating when there is no pre-assessment, over a self-assessment', () => {
    const data = project({
      assessments: [assess('learner-1', 'cap-a', 'intermediate', 'manager', '2026-01-01'), assess('learner-1', 'cap-a', 'expert', 'self', '2026-02-01')],
    });
    const result = run(data);
    expect(current(result, 'cap-a').current).toMatchObject({ levelId: 'intermediate', source: 'manager' });
    expect(result.plan.goals[0]!.rationale).toBe('Gap of 1 level (Intermediate, from the manager rating → Skilled), critical for Account Manager.');
  });

  it('uses the self-assessment when it is the only one', () => {
    const data = project({ assessments: [assess('learner-1', 'cap-b', 'beginner', 'self')] });
    const result = run(data);
    expect(current(result, 'cap-b').current).toMatchObject({ levelId: 'beginner', source: 'self' });
    expect(result.plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-b']);
    expect(result.plan.goals[0]!.rationale).toContain('from the self-assessment');
  });

  it('takes the latest of a kind; on the same date the one recorded later', () => {
    const data = project({
      assessments: [
        assess('learner-1', 'cap-a', 'intermediate', 'pre', '2026-02-01'),
        assess('learner-1', 'cap-a', 'beginner', 'pre', '2025-06-01'),
        assess('learner-1', 'cap-b', 'beginner', 'pre', '2026-01-10'),
        assess('learner-1', 'cap-b', 'intermediate', 'pre', '2026-01-10'),
      ],
    });
    const result = run(data);
    expect(current(result, 'cap-a').current?.levelId).toBe('intermediate');
    expect(current(result, 'cap-b').current?.levelId).toBe('intermediate');
  });

  it('ignores post-assessments, other learners and levels that are not on the scale', () => {
    const data = project({
      assessments: [
        assess('learner-1', 'cap-a', 'expert', 'post', '2026-03-01'),
        assess('learner-2', 'cap-a', 'expert', 'pre', '2026-03-01'),
        { ...assess('learner-1', 'cap-a', 'beginner', 'pre', '2026-03-01'), levelId: 'guru' },
        assess('learner-1', 'cap-a', 'beginner', 'self', '2026-01-01'),
      ],
    });
    expect(current(run(data), 'cap-a').current).toMatchObject({ levelId: 'beginner', source: 'self' });
  });

  it('without any assessment, treats the capability as at the target (no goal) and names it in a warning', () => {
    const data = project({ assessments: [assess('learner-1', 'cap-a', 'beginner')] });
    const result = run(data);
    expect(current(result, 'cap-b')).toMatchObject({ status: 'not-assessed', gap: 0, current: null, targetLevelId: 'skilled' });
    expect(result.plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-a']);
    const [warning] = warningsOf(result, 'missing-assessment');
    expect(warning?.capabilityIds).toEqual(['cap-b', 'cap-c']);
    expect(warning?.message).toBe(
      'No assessment data for Beta and Gamma: treated as already at the Account Manager target (no goal set); assess them to personalise the plan.',
    );
    expect(result.plan.warnings).toContain(warning?.message);
  });

  it('resolveCurrentLevels applies the same precedence for the plan document', () => {
    const data = project({
      assessments: [assess('learner-1', 'cap-a', 'skilled', 'self'), assess('learner-1', 'cap-a', 'intermediate', 'manager'), assess('learner-1', 'cap-b', 'expert', 'pre')],
    });
    const levels = resolveCurrentLevels(data, 'learner-1');
    expect(levels.get('cap-a')).toMatchObject({ levelId: 'intermediate', source: 'manager' });
    expect(levels.get('cap-b')).toMatchObject({ levelId: 'expert', source: 'pre' });
    expect(levels.has('cap-c')).toBe(false);
  });
});
