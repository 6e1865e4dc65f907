/** Which activities a learner gets: core for everyone, options by gap at the right level. */
import { describe, expect, it } from 'vitest';
import { activity, assess, chain, framework, learner, node, project, run, titles, warningsOf, type LevelId } from './build';

/** One group of `ids` between a pre- and a post-assessment. */
function groupProject(options: {
  members: ReturnType<typeof activity>[];
  min: number;
  max: number;
  rule?: 'by-gap' | 'learner-choice';
  levels: [string, LevelId][];
  hoursPerWeek?: number;
  durationWeeks?: number;
  core?: ReturnType<typeof activity>;
}) {
  const nodes = [node.pre('n-pre', 0), ...(options.core ? [node.core('n-core', 50, options.core.id)] : []), node.group('n-group', 100, options.members.map((member) => member.id), options.min, options.max, options.rule), node.post('n-post', 200)];
  return project({
    learners: [learner('learner-1', { hoursPerWeek: options.hoursPerWeek ?? 2 })],
    assessments: options.levels.map(([capabilityId, levelId]) => assess('learner-1', capabilityId, levelId)),
    activities: [...options.members, ...(options.core ? [options.core] : [])],
    frameworks: [framework(nodes, chain(...nodes.map((each) => each.id)), { durationWeeks: options.durationWeeks ?? 12 })],
  });
}

const picks = (result: ReturnType<typeof run>) => result.plan.items.filter((item) => item.kind === 'optional-group').map((item) => item.activityId);

describe('level fit', () => {
  const members = [
    activity('act-b2i', { develops: [['cap-a', 'beginner', 'intermediate']] }),
    activity('act-i2s', { develops: [['cap-a', 'intermediate', 'skilled']] }),
    activity('act-s2e', { develops: [['cap-a', 'skilled', 'expert']] }),
  ];
  const expertTarget = (data: ReturnType<typeof groupProject>) => {
    data.roles[0]!.targets[0]!.levelId = 'expert';
    return data;
  };

  it('gives "beginner → intermediate" to a beginner', () => {
    expect(picks(run(expertTarget(groupProject({ members, min: 1, max: 1, levels: [['cap-a', 'beginner']] }))))).toEqual(['act-b2i']);
  });

  it('gives "intermediate → skilled" to an intermediate learner', () => {
    expect(picks(run(expertTarget(groupProject({ members, min: 1, max: 1, levels: [['cap-a', 'intermediate']] }))))).toEqual(['act-i2s']);
  });

  it('never gives "beginner → intermediate" to someone already skilled', () => {
    const result = run(expertTarget(groupProject({ members, min: 1, max: 3, levels: [['cap-a', 'skilled']] })));
    expect(picks(result)).toEqual(['act-s2e']);
    expect(result.explanation.groups[0]!.members.map((member) => [member.activityId, member.suitable])).toEqual([
      ['act-b2i', false],
      ['act-i2s', false],
      ['act-s2e', true],
    ]);
  });

  it('a wider step (beginner → skilled) still suits an intermediate learner, with a lower fit', () => {
    const wide = activity('act-wide', { develops: [['cap-a', 'beginner', 'skilled']] });
    const result = run(groupProject({ members: [wide], min: 1, max: 1, levels: [['cap-a', 'intermediate']] }));
    expect(picks(result)).toEqual(['act-wide']);
    expect(result.explanation.items.find((item) => item.activityId === 'act-wide')!.develops[0]).toMatchObject({ fit: 0.5, value: 1.5 });
  });

  it('says why in one sentence', () => {
    const result = run(groupProject({ members, min: 1, max: 1, levels: [['cap-a', 'beginner']] }));
    expect(result.plan.items.find((item) => item.activityId === 'act-b2i')!.reason).toBe('Develops Alpha from Beginner to Intermediate — your top-priority gap (2 levels).');
  });
});

describe('optional groups: min, max, budget', () => {
  // Alpha (critical) beats Beta (important) beats Gamma (useful), all from Beginner.
  const members = [
    activity('act-gamma', { hours: 4, develops: [['cap-c', 'beginner', 'intermediate']] }),
    activity('act-alpha', { hours: 4, develops: [['cap-a', 'beginner', 'intermediate']] }),
    activity('act-beta', { hours: 4, develops: [['cap-b', 'beginner', 'intermediate']] }),
    activity('act-none', { hours: 4, develops: [] }),
  ];
  const beginner: [string, LevelId][] = [
    ['cap-a', 'beginner'],
    ['cap-b', 'beginner'],
    ['cap-c', 'beginner'],
  ];

  it('picks the best members up to max when the budget allows, extras flagged as such', () => {
    const result = run(groupProject({ members, min: 1, max: 3, levels: beginner }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta', 'act-gamma']);
    expect(result.explanation.items.filter((item) => item.kind === 'optional-group').map((item) => item.selection)).toEqual(['by-gap', 'by-gap-extra', 'by-gap-extra']);
    expect(result.explanation.groups[0]).toMatchObject({ pickedCount: 3, suitableCount: 3, stop: 'max' });
  });

  it('stops at the suitable members: never pads beyond min with unsuitable ones', () => {
    const result = run(groupProject({ members, min: 1, max: 4, levels: beginner }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta', 'act-gamma']);
    expect(result.explanation.groups[0]!.stop).toBe('no-more-suitable');
  });

  it('stops adding beyond min when the hours budget would be exceeded', () => {
    // Budget 1 h × 9 weeks = 9 h: the minimum (4 h) plus one extra (4 h) fit, a third would not.
    const result = run(groupProject({ members, min: 1, max: 3, levels: beginner, hoursPerWeek: 1, durationWeeks: 9 }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta']);
    expect(result.explanation.groups[0]!.stop).toBe('budget');
    expect(result.explanation.hours).toMatchObject({ planned: 8, budget: 9, over: 0 });
    expect(warningsOf(result, 'over-budget')).toEqual([]);
  });

  it('always reaches min, even over budget, and says so', () => {
    const result = run(groupProject({ members, min: 2, max: 3, levels: beginner, hoursPerWeek: 1, durationWeeks: 4 }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta']);
    expect(warningsOf(result, 'over-budget')[0]?.message).toBe('The plan needs 8 hours, 4 more than the budget of 4 hours (1 hour a week for 4 weeks).');
  });

  it('fills up to min with the nearest members when too few suit, with a warning and a reason', () => {
    const result = run(groupProject({ members, min: 3, max: 3, levels: [['cap-a', 'beginner'], ['cap-b', 'skilled'], ['cap-c', 'intermediate']] }));
    // Only Alpha suits; Gamma develops a goal capability at the wrong level, so it is nearer than act-beta (no gap) and act-none.
    expect(picks(result)).toEqual(['act-alpha', 'act-gamma', 'act-beta']);
    expect(result.explanation.items.filter((item) => item.kind === 'optional-group').map((item) => item.selection)).toEqual(['by-gap', 'fill', 'fill']);
    const reasons = result.plan.items.filter((item) => item.kind === 'optional-group').map((item) => item.reason);
    expect(reasons[1]).toBe("Added to reach this group's minimum of 3: it develops Gamma from Beginner to Intermediate, which does not match your current level (Intermediate).");
    expect(reasons[2]).toBe("Added to reach this group's minimum of 3: it does not develop any of your goal capabilities.");
    expect(warningsOf(result, 'group-below-min')[0]?.message).toBe(
      'Options group “n-group”: only 1 of its activities suits your current levels, so “Activity act-gamma” and “Activity act-beta” were added to reach its minimum of 3.',
    );
  });

  it('learner-choice groups get exactly min recommendations, flagged, whatever the budget', () => {
    const result = run(groupProject({ members, min: 2, max: 4, rule: 'learner-choice', levels: beginner, hoursPerWeek: 10 }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta']);
    const explained = result.explanation.items.filter((item) => item.kind === 'optional-group');
    expect(explained.map((item) => [item.selection, item.recommendation])).toEqual([
      ['recommended', true],
      ['recommended', true],
    ]);
    expect(result.plan.items.find((item) => item.activityId === 'act-alpha')!.reason).toBe(
      'Recommended option (choose with your manager): develops Alpha from Beginner to Intermediate — your top-priority gap (2 levels).',
    );
    expect(result.explanation.groups[0]!.stop).toBe('learner-choice');
  });

  it('prefers a goal nothing else addresses yet: a goal already covered by a core item counts half', () => {
    const levels: [string, LevelId][] = [
      ['cap-a', 'intermediate'],
      ['cap-b', 'intermediate'],
    ];
    const intermediate = [activity('act-alpha', { develops: [['cap-a', 'intermediate', 'skilled']] }), activity('act-beta', { develops: [['cap-b', 'intermediate', 'skilled']] })];
    // Alpha (3) beats Beta (2) on its own…
    expect(picks(run(groupProject({ members: intermediate, min: 1, max: 1, levels })))).toEqual(['act-alpha']);
    // …but with a core activity already developing Alpha, Beta (2) beats half of Alpha (1.5).
    const core = activity('act-core', { develops: [['cap-a', 'intermediate', 'skilled']] });
    const result = run(groupProject({ members: intermediate, min: 1, max: 1, levels, core }));
    expect(picks(result)).toEqual(['act-beta']);
    expect(result.plan.items.find((item) => item.activityId === 'act-core')!.reason).toBe(
      'Core activity for everyone on this pathway; it develops Alpha from Intermediate to Skilled — your top-priority gap (1 level).',
    );
  });

  it('treats a maximum below the minimum as the minimum, and warns', () => {
    const result = run(groupProject({ members, min: 2, max: 1, levels: beginner }));
    expect(picks(result)).toEqual(['act-alpha', 'act-beta']);
    expect(warningsOf(result, 'group-bounds')).toHaveLength(1);
  });

  it('includes every member of a group smaller than its minimum, and warns', () => {
    const result = run(groupProject({ members: members.slice(0, 2), min: 3, max: 3, levels: beginner }));
    expect(picks(result)).toEqual(['act-alpha', 'act-gamma']);
    expect(warningsOf(result, 'group-below-min').map((warning) => warning.nodeId)).toEqual(['n-group']);
  });

  it('leaves out members missing from the catalog and says which', () => {
    const data = groupProject({ members, min: 1, max: 1, levels: beginner });
    const group = data.frameworks[0]!.nodes.find((each) => each.kind === 'optional-group')!;
    if (group.kind === 'optional-group') group.activityIds = ['act-ghost', ...group.activityIds];
    const result = run(data);
    expect(picks(result)).toEqual(['act-alpha']);
    expect(warningsOf(result, 'missing-activity')[0]?.message).toContain('“act-ghost”');
  });
});

describe('items for every node kind', () => {
  it('plans assessments, core, options, milestones and the capstone, titled from the catalog or the node', () => {
    const acts = [activity('act-pre', { title: '360 pre', hours: 0.5 }), activity('act-core', { title: 'Foundations' }), activity('act-opt', { title: 'Option', develops: [['cap-a', 'beginner', 'intermediate']] }), activity('act-cap', { title: 'Capstone day' })];
    const nodes = [node.pre('pre', 0, 'act-pre', ['cap-a']), node.core('core', 1, 'act-core'), node.group('group', 2, ['act-opt'], 1, 1), node.milestone('check', 3), node.post('post', 4), node.capstone('cap', 5, 'act-cap')];
    nodes[4]!.label = 'Post-assessment (360)';
    const result = run(project({ assessments: [assess('learner-1', 'cap-a', 'beginner')], activities: acts, frameworks: [framework(nodes, chain('pre', 'core', 'group', 'check', 'post', 'cap'))] }));
    expect(titles(result)).toEqual(['360 pre', 'Foundations', 'Option', 'Manager check-in', 'Post-assessment (360)', 'Capstone day']);
    expect(result.plan.items.map((item) => item.kind)).toEqual(['pre-assessment', 'core', 'optional-group', 'milestone', 'post-assessment', 'capstone']);
    expect(result.plan.items.map((item) => item.reason)).toEqual([
      'Establishes your starting level in 1 capability before the plan is agreed.',
      'Core activity for everyone on this pathway.',
      'Develops Alpha from Beginner to Intermediate — your top-priority gap (2 levels).',
      'Manager check-in: review progress against the plan and agree what to adjust.',
      'Measures your progress against the pre-assessment.',
      'Capstone for everyone on this pathway: apply what you have learned.',
    ]);
    expect(result.plan.items.map((item) => item.id)).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    expect(result.plan.items.every((item) => !item.manual && item.status === 'planned')).toBe(true);
  });

  it('plans a core node whose activity is missing under the node label, without an activity, and warns', () => {
    const nodes = [node.core('core', 0, 'act-ghost')];
    nodes[0]!.label = 'Core: foundations';
    const result = run(project({ frameworks: [framework(nodes, [])] }));
    expect(result.plan.items).toMatchObject([{ title: 'Core: foundations', activityId: null, kind: 'core' }]);
    expect(warningsOf(result, 'missing-activity')[0]?.message).toBe('Pathway node “Core: foundations” refers to activity “act-ghost”, not in the activity catalog: it is planned without one.');
  });

  it('copies expectations and assessment & feedback from the framework, and prefills the sign-off names', () => {
    const result = run(project());
    expect(result.plan.participationExpectations).toEqual(['Protect two hours a week.']);
    expect(result.plan.assessmentAndFeedback).toEqual(['Monthly manager check-in.']);
    expect(result.plan.signOff).toEqual({ employeeName: 'Learner learner-1', employeeDate: null, managerName: 'Morgan Manager', managerDate: null });
    expect(result.plan).toMatchObject({ id: 'plan-1', learnerId: 'learner-1', frameworkId: 'fw', status: 'draft', generatedAt: '2026-01-05T09:00:00.000Z' });
  });
});
