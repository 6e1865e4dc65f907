/** Warnings say what the plan cannot do, with names and numbers; plus mix and coverage. */
import { describe, expect, it } from 'vitest';
import { personalizePlan } from '../../../shared/domain/plans';
import { OPTIONS, activity, assess, chain, framework, learner, node, project, run, warningsOf } from './build';

describe('uncovered gaps', () => {
  it('names the capability and the missing step when no activity in the pathway can take it', () => {
    const acts = [activity('act-a1', { develops: [['cap-a', 'beginner', 'intermediate']] })];
    const nodes = [node.core('core', 0, 'act-a1')];
    const result = run(project({ assessments: [assess('learner-1', 'cap-a', 'beginner'), assess('learner-1', 'cap-c', 'intermediate')], activities: acts, frameworks: [framework(nodes, [])] }));
    const messages = warningsOf(result, 'uncovered-gap').map((warning) => [warning.capabilityIds, warning.message]);
    expect(messages).toEqual([
      [['cap-a'], 'No activity in this pathway develops Alpha beyond Intermediate (target Skilled): the plan closes this gap only up to Intermediate (missing step Intermediate → Skilled).'],
      [['cap-c'], 'No activity in this pathway develops Gamma from Intermediate towards Skilled: this gap stays open (missing step Intermediate → Skilled).'],
    ]);
    expect(result.explanation.goals.map((goal) => [goal.capabilityId, goal.coverage, goal.reachedLevelId])).toEqual([
      ['cap-a', 'partial', 'intermediate'],
      ['cap-c', 'none', 'intermediate'],
    ]);
  });

  it('chains steps across items: beginner → intermediate → skilled is full coverage', () => {
    const acts = [activity('act-a1', { develops: [['cap-a', 'beginner', 'intermediate']] }), activity('act-a2', { develops: [['cap-a', 'intermediate', 'skilled']] })];
    const nodes = [node.core('c1', 0, 'act-a1'), node.core('c2', 1, 'act-a2')];
    const result = run(project({ assessments: [assess('learner-1', 'cap-a', 'beginner')], activities: acts, frameworks: [framework(nodes, chain('c1', 'c2'))] }));
    expect(result.explanation.goals[0]).toMatchObject({ coverage: 'full', reachedLevelId: 'skilled', itemIds: ['item-0'] });
    expect(warningsOf(result, 'uncovered-gap')).toEqual([]);
  });

  it('names the pathway activities that could close a gap but were not picked', () => {
    const acts = [activity('act-a', { title: 'Alpha lab', develops: [['cap-a', 'intermediate', 'skilled']] }), activity('act-b', { title: 'Beta lab', develops: [['cap-b', 'intermediate', 'skilled']] })];
    const nodes = [node.group('group', 0, ['act-a', 'act-b'], 1, 1)];
    const result = run(project({ assessments: [assess('learner-1', 'cap-a', 'intermediate'), assess('learner-1', 'cap-b', 'intermediate')], activities: acts, frameworks: [framework(nodes, [])] }));
    expect(warningsOf(result, 'uncovered-gap').map((warning) => warning.message)).toEqual([
      'The chosen activities do not develop Beta from Intermediate (target Skilled); “Beta lab” in this pathway could, but was not picked (group maximum or hours budget).',
    ]);
  });
});

describe('budget, duration, data', () => {
  const acts = [activity('act-big', { hours: 30, category: 'experiential' }), activity('act-talk', { hours: 6, category: 'social' }), activity('act-read', { hours: 4, category: 'formal' })];
  const nodes = [node.core('big', 0, 'act-big'), node.core('talk', 1, 'act-talk'), node.core('read', 2, 'act-read')];
  const data = () => project({ learners: [learner('learner-1', { hoursPerWeek: 2.5 })], activities: acts, frameworks: [framework(nodes, chain('big', 'talk', 'read'), { durationWeeks: 10 })] });

  it('reports hours over budget with the numbers', () => {
    const result = run(data());
    expect(result.explanation.hours).toEqual({ planned: 40, budget: 25, hoursPerWeek: 2.5, durationWeeks: 10, over: 15 });
    expect(warningsOf(result, 'over-budget')[0]?.message).toBe('The plan needs 40 hours, 15 more than the budget of 25 hours (2.5 hours a week for 10 weeks).');
  });

  it('reports a timeline longer than the framework', () => {
    const result = run(data());
    // 30 h → 84 days, 6 h → 17 days, 4 h → 12 days: 113 days from 2026-03-02.
    expect(result.explanation.schedule.end).toBe('2026-06-22');
    expect(warningsOf(result, 'beyond-duration')[0]?.message).toBe("The timeline ends on 2026-06-22, 7 weeks after the framework's 10 weeks (2026-05-10).");
  });

  it('computes the plan’s own 70-20-10 mix by hours against the target', () => {
    const result = run(data());
    expect(result.explanation.mix).toEqual({
      hours: { experiential: 30, social: 6, formal: 4 },
      percent: { experiential: 75, social: 15, formal: 10 },
      target: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
      offTarget: [],
    });
  });

  it('puts learner data warnings first, pathway warnings next, outcome warnings last', () => {
    const broken = data();
    broken.learners = [learner('learner-1', { hoursPerWeek: 2.5, startDate: null })];
    broken.frameworks[0]!.nodes.push(node.core('ghost', 9, 'act-ghost'));
    broken.assessments = [assess('learner-1', 'cap-a', 'beginner')];
    const result = run(broken);
    expect(result.explanation.warnings.map((warning) => warning.code)).toEqual(['no-start-date', 'missing-assessment', 'missing-activity', 'uncovered-gap', 'over-budget', 'beyond-duration']);
    expect(result.plan.warnings).toEqual(result.explanation.warnings.map((warning) => warning.message));
  });

  it('throws a typed error for an unknown framework or learner', () => {
    expect(() => run(data(), 'nobody')).toThrow(expect.objectContaining({ name: 'PersonalizeError', code: 'unknown-learner' }));
    expect(() => personalizePlan({ project: data(), frameworkId: 'fw-nope', learnerId: 'learner-1', ...OPTIONS })).toThrow(
      expect.objectContaining({ name: 'PersonalizeError', code: 'unknown-framework' }),
    );
  });
});
