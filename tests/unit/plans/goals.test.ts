/** Prioritized goals: score = gap × importance weight + findings bonus; ties by capability order. */
import { describe, expect, it } from 'vitest';
import { capability, assess, finding, framework, learner, project, run, warningsOf } from './build';

// Alpha critical (×3), Beta important (×2), Gamma useful (×1); all targets Skilled.
const levels = [assess('learner-1', 'cap-a', 'intermediate'), assess('learner-1', 'cap-b', 'beginner'), assess('learner-1', 'cap-c', 'beginner')];

describe('prioritized goals', () => {
  it('orders by gap × importance: Beta (2×2=4), Alpha (1×3=3), Gamma (2×1=2)', () => {
    const result = run(project({ assessments: levels }));
    expect(result.plan.goals.map((goal) => [goal.capabilityId, goal.rank])).toEqual([
      ['cap-b', 1],
      ['cap-a', 2],
      ['cap-c', 3],
    ]);
    expect(result.explanation.goals.map((goal) => goal.score)).toEqual([4, 3, 2]);
    expect(result.plan.goals[0]).toMatchObject({ currentLevelId: 'beginner', targetLevelId: 'skilled' });
    expect(result.plan.goals[0]!.rationale).toBe('Gap of 2 levels (Beginner → Skilled), important for Account Manager.');
  });

  it('adds findings linked to the capability for the learner role or no role, weighted high 1, medium 0.5, low 0.25', () => {
    const findings = [
      finding('f-1', 'high', ['cap-c'], ['role-am']),
      finding('f-2', 'medium', ['cap-c']),
      finding('f-3', 'low', ['cap-c', 'cap-a'], ['role-am', 'role-other']),
      finding('f-4', 'high', ['cap-a'], ['role-other']), // another role: ignored
      finding('f-5', 'high', []), // no capability: ignored
    ];
    const result = run(project({ assessments: levels, findings }));
    // Gamma 2 + 1 + 0.5 + 0.25 = 3.75, Alpha 3 + 0.25 = 3.25, Beta 4.
    expect(result.explanation.goals.map((goal) => [goal.capabilityId, goal.score])).toEqual([
      ['cap-b', 4],
      ['cap-c', 3.75],
      ['cap-a', 3.25],
    ]);
    const gamma = result.explanation.goals[1]!;
    expect(gamma.findings).toMatchObject({ high: 1, medium: 1, low: 1, findingIds: ['f-1', 'f-2', 'f-3'] });
    expect(gamma.findingBonus).toBe(1.75);
    expect(result.plan.goals[1]!.rationale).toBe(
      'Gap of 2 levels (Beginner → Skilled), useful for Account Manager; 1 high-priority, 1 medium-priority and 1 low-priority findings.',
    );
    expect(result.plan.goals[2]!.rationale).toBe('Gap of 1 level (Intermediate → Skilled), critical for Account Manager; 1 low-priority finding.');
  });

  it('"2 high-priority findings" in the rationale, as the brief words it', () => {
    const result = run(project({ assessments: levels, findings: [finding('f-1', 'high', ['cap-a']), finding('f-2', 'high', ['cap-a'], ['role-am'])] }));
    expect(result.plan.goals.find((goal) => goal.capabilityId === 'cap-a')!.rationale).toBe(
      'Gap of 1 level (Intermediate → Skilled), critical for Account Manager; 2 high-priority findings.',
    );
  });

  it('breaks ties by the capability order in the project', () => {
    const data = project({ assessments: [assess('learner-1', 'cap-a', 'intermediate'), assess('learner-1', 'cap-b', 'intermediate'), assess('learner-1', 'cap-c', 'intermediate')] });
    for (const role of data.roles) for (const target of role.targets) target.importance = 'important';
    expect(run(data).plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-a', 'cap-b', 'cap-c']);
    data.capabilities = [capability('cap-c', 'Gamma'), capability('cap-a', 'Alpha'), capability('cap-b', 'Beta')];
    expect(run(data).plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-c', 'cap-a', 'cap-b']);
  });

  it('sets no goal at or above the target', () => {
    const result = run(project({ assessments: [assess('learner-1', 'cap-a', 'skilled'), assess('learner-1', 'cap-b', 'expert'), assess('learner-1', 'cap-c', 'intermediate')] }));
    expect(result.plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-c']);
    expect(result.explanation.capabilities.map((capability) => capability.status)).toEqual(['on-target', 'on-target', 'gap']);
  });

  it("considers only the framework's focus capabilities, or all role targets when it has none", () => {
    const data = project({ assessments: levels, frameworks: [framework([], [], { focusCapabilityIds: ['cap-c'] })] });
    expect(run(data).plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-c']);
    data.frameworks = [framework([], [], { focusCapabilityIds: [] })];
    expect(run(data).plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-b', 'cap-a', 'cap-c']);
  });

  it('warns when the role has no target for a focus capability', () => {
    const data = project({ assessments: levels });
    data.roles[0]!.targets = data.roles[0]!.targets.filter((target) => target.capabilityId !== 'cap-b');
    const result = run(data);
    expect(result.plan.goals.map((goal) => goal.capabilityId)).toEqual(['cap-a', 'cap-c']);
    expect(warningsOf(result, 'no-target')[0]?.message).toBe("Account Manager has no target for Beta in this framework's focus: no goals were set for it.");
  });

  it('a learner without a role gets the common pathway and no goals, with a warning', () => {
    const data = project({ learners: [learner('learner-1', { roleId: null, name: 'Robin' })], assessments: levels });
    const result = run(data);
    expect(result.plan.goals).toEqual([]);
    expect(warningsOf(result, 'no-role')[0]?.message).toBe(
      "Robin has no role, so there are no targets to measure gaps against: the plan has the pathway's common items and no goals.",
    );
  });

  it('warns when the role is outside the framework audience but still plans', () => {
    const data = project({ assessments: levels, frameworks: [framework([], [], { audienceRoleIds: ['role-other'] })] });
    const result = run(data);
    expect(result.plan.goals).toHaveLength(3);
    expect(warningsOf(result, 'role-not-in-audience')).toHaveLength(1);
  });
});
