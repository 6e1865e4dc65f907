/** Dates: pathway order, predecessors, durations from hours a week, calendar arithmetic. */
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isIsoDate, orderPathway, toDayNumber } from '../../../shared/domain/plans';
import { activity, assess, chain, framework, learner, node, project, run, warningsOf } from './build';

const dated = (result: ReturnType<typeof run>) => result.plan.items.map((item) => [item.title, item.start, item.end]);

describe('calendar arithmetic (no Date, no time zone)', () => {
  it('agrees with Date.UTC for every day from 1999 to 2001 and round-trips', () => {
    for (let day = toDayNumber('1999-12-01'); day <= toDayNumber('2001-03-31'); day++) {
      const text = fromDayNumber(day);
      expect(text).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(toDayNumber(text)).toBe(day);
    }
  });

  it('handles leap years and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(toDayNumber('1970-01-01')).toBe(0);
  });

  it('accepts only real calendar dates and clamps to four-digit years', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(addDays('9999-12-30', 10)).toBe('9999-12-31');
  });
});

describe('pathway order', () => {
  it("is Kahn's algorithm with ties broken by position x, then id", () => {
    const nodes = [node.core('b', 100, 'x'), node.pre('pre', 0), node.core('a', 100, 'x'), node.core('c', 50, 'x'), node.core('join', 300, 'x')];
    const edges = [...chain('pre', 'a', 'join'), ...chain('pre', 'b', 'join'), ...chain('pre', 'c', 'join')];
    expect(orderPathway({ nodes, edges }).order.map((each) => each.id)).toEqual(['pre', 'c', 'a', 'b', 'join']);
  });

  it('puts post-assessments after other ready nodes and capstones last, when edges allow', () => {
    const nodes = [node.capstone('cap', 0), node.post('post', 0), node.core('core', 500, 'x'), node.milestone('m', 900)];
    expect(orderPathway({ nodes, edges: [] }).order.map((each) => each.id)).toEqual(['core', 'm', 'post', 'cap']);
    // An edge wins over the tier: a core after the capstone stays after it.
    expect(orderPathway({ nodes, edges: chain('cap', 'core') }).order.map((each) => each.id)).toEqual(['m', 'post', 'cap', 'core']);
  });

  it('appends nodes on a cycle and ignores edges to unknown nodes', () => {
    const nodes = [node.core('a', 0, 'x'), node.core('b', 1, 'x'), node.core('c', 2, 'x')];
    const result = orderPathway({ nodes, edges: [...chain('a', 'b', 'a'), { id: 'ghost', source: 'c', target: 'nowhere' }] });
    expect(result.order.map((each) => each.id)).toEqual(['c', 'a', 'b']);
    expect(result.cyclic).toEqual(['a', 'b']);
    expect(result.predecessors.get('b')).toEqual(['a']);
    expect(result.predecessors.get('a')).toEqual([]);
  });
});

describe('schedule', () => {
  // Start Monday 2026-03-02, 2 h a week: 1 h = 3.5 days.
  const acts = [
    activity('act-pre', { title: 'Pre', hours: 0.5 }),
    activity('act-core', { title: 'Core', hours: 3 }), // ceil(10.5) = 11 days
    activity('act-g1', { title: 'G1', hours: 1, develops: [['cap-a', 'beginner', 'intermediate']] }), // 4 days
    activity('act-g2', { title: 'G2', hours: 2, develops: [['cap-b', 'beginner', 'intermediate']] }), // 7 days
    activity('act-cap', { title: 'Capstone', hours: 4 }), // 14 days
  ];
  const nodes = [node.pre('pre', 0, 'act-pre'), node.core('core', 1, 'act-core'), node.group('group', 2, ['act-g2', 'act-g1'], 2, 2), node.milestone('check', 3), node.post('post', 4), node.capstone('cap', 5, 'act-cap')];
  const data = () =>
    project({
      assessments: [assess('learner-1', 'cap-a', 'beginner'), assess('learner-1', 'cap-b', 'beginner'), assess('learner-1', 'cap-c', 'skilled')],
      activities: acts,
      frameworks: [framework(nodes, chain('pre', 'core', 'group', 'check', 'post', 'cap'))],
    });

  it('dates a small pathway exactly (hand-computed)', () => {
    const result = run(data());
    expect(dated(result)).toEqual([
      ['Pre', '2026-03-02', '2026-03-02'], // assessments: 1 day
      ['Core', '2026-03-03', '2026-03-13'], // 3 h / 2 h a week × 7 = 10.5 → 11 days
      ['G1', '2026-03-14', '2026-03-17'], // Alpha (critical) first: 1 h → 3.5 → 4 days
      ['G2', '2026-03-18', '2026-03-24'], // then Beta, after G1: 2 h → 7 days
      ['Manager check-in', '2026-03-25', '2026-03-25'], // milestones: 1 day
      ['Post-assessment', '2026-03-26', '2026-03-26'],
      ['Capstone', '2026-03-27', '2026-04-09'], // 4 h → 14 days
    ]);
    expect(result.explanation.schedule).toMatchObject({ start: '2026-03-02', startSource: 'learner', end: '2026-04-09', frameworkEnd: '2026-05-24', hoursPerWeek: 2 });
    expect(result.explanation.items.map((item) => item.days)).toEqual([1, 11, 4, 7, 1, 1, 14]);
  });

  it('starts a join after the later of its branches; parallel branches start together', () => {
    const branchActs = [activity('act-long', { title: 'Long', hours: 4 }), activity('act-short', { title: 'Short', hours: 1 }), activity('act-join', { title: 'Join', hours: 0.1 })];
    const branchNodes = [node.pre('pre', 0), node.core('long', 1, 'act-long'), node.core('short', 1, 'act-short'), node.core('join', 2, 'act-join')];
    const result = run(project({ activities: branchActs, frameworks: [framework(branchNodes, [...chain('pre', 'long', 'join'), ...chain('pre', 'short', 'join')])] }));
    expect(dated(result)).toEqual([
      ['Pre-assessment', '2026-03-02', '2026-03-02'],
      ['Long', '2026-03-03', '2026-03-16'],
      ['Short', '2026-03-03', '2026-03-06'],
      ['Join', '2026-03-17', '2026-03-17'], // at least 1 day
    ]);
  });

  it('dates a milestone without predecessors where it sits in the order, and post/capstone at the end', () => {
    const loose = [node.core('core', 0, 'act-core'), node.milestone('check', 10), node.capstone('cap', 0, 'act-cap'), node.post('post', 0)];
    const result = run(project({ activities: acts, frameworks: [framework(loose, [])] }));
    expect(dated(result)).toEqual([
      ['Core', '2026-03-02', '2026-03-12'],
      ['Manager check-in', '2026-03-13', '2026-03-13'],
      ['Post-assessment', '2026-03-14', '2026-03-14'],
      ['Capstone', '2026-03-15', '2026-03-28'],
    ]);
  });

  it('starts today when the learner has no start date, else on the day the plan was generated', () => {
    const noStart = data();
    noStart.learners = [learner('learner-1', { startDate: null, name: 'Sam' })];
    const today = run(noStart, 'learner-1', { today: '2026-06-01' });
    expect(today.plan.items[0]!.start).toBe('2026-06-01');
    expect(today.explanation.schedule.startSource).toBe('today');
    expect(warningsOf(today, 'no-start-date')[0]?.message).toBe('Sam has no start date: the plan starts today (2026-06-01).');
    const generated = run(noStart);
    expect(generated.plan.items[0]!.start).toBe('2026-01-05');
    expect(generated.explanation.schedule.startSource).toBe('generated-at');
    expect(() => run(noStart, 'learner-1', { today: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('assumes 1 hour a week when the learner has none, and says so', () => {
    const zero = data();
    zero.learners = [learner('learner-1', { hoursPerWeek: 0 })];
    const result = run(zero);
    expect(result.explanation.items.find((item) => item.activityId === 'act-core')!.days).toBe(21);
    expect(warningsOf(result, 'no-hours')).toHaveLength(1);
  });

  it('still plans every node of a cyclic pathway and warns', () => {
    const cyclic = data();
    cyclic.frameworks[0]!.edges = [...chain('pre', 'core', 'group', 'check', 'post', 'cap'), ...chain('cap', 'core')];
    const result = run(cyclic);
    expect(result.plan.items).toHaveLength(7);
    expect(warningsOf(result, 'pathway-cycle')).toHaveLength(1);
  });
});
