import { describe, expect, it } from 'vitest';
import { planLoad, planSpan, weeksBetween } from '../../../renderer/src/features/learners-plans/plan-model';
import type { Plan } from '../../../shared/domain/schema';

const activities = [
  { id: 'a', hours: 14 },
  { id: 'b', hours: 7 },
];
const item = (id: string, activityId: string | null, start: string | null, end: string | null, status: Plan['items'][number]['status'] = 'planned') => ({
  id,
  nodeId: null,
  activityId,
  kind: 'core' as const,
  title: id,
  start,
  end,
  reason: '',
  manual: false,
  status,
});
const plan = (items: Plan['items']): Plan => ({
  id: 'p',
  learnerId: 'l',
  frameworkId: 'f',
  status: 'draft',
  generatedAt: null,
  goals: [],
  items,
  participationExpectations: [],
  assessmentAndFeedback: [],
  signOff: { employeeName: '', employeeDate: null, managerName: '', managerDate: null },
  warnings: [],
});

describe('weekly workload', () => {
  it('spreads hours evenly over the item days and flags weeks over capacity', () => {
    // a: 14 h over 14 days (1 h a day) in weeks 0–1; b: 7 h over 7 days (1 h a day) in week 1.
    const load = planLoad({ activities } as never, plan([item('1', 'a', '2026-01-05', '2026-01-18'), item('2', 'b', '2026-01-12', '2026-01-18'), item('3', 'b', '2026-03-01', null, 'skipped')]), 10, '2026-01-05', 3);
    expect(load.weeks.map((week) => week.hours)).toEqual([7, 14, 0]);
    expect(load.weeks.map((week) => week.over)).toEqual([false, true, false]);
    expect(load.weeks[1]!.start).toBe('2026-01-12');
    expect(load.peak).toBe(14);
    expect(load.overWeeks).toBe(1);
  });

  it('tolerates rounding: 10% over (at least a quarter hour) is not an overload', () => {
    // 7.6 h over 7 days, all in week 0: within 7 h + 0.7 h.
    const items = [item('1', 'c', '2026-01-05', '2026-01-11')];
    expect(planLoad({ activities: [{ id: 'c', hours: 7.6 }] } as never, plan(items), 7, '2026-01-05', 1).weeks[0]!.over).toBe(false);
    expect(planLoad({ activities: [{ id: 'c', hours: 7.8 }] } as never, plan(items), 7, '2026-01-05', 1).weeks[0]!.over).toBe(true);
    expect(planLoad({ activities: [{ id: 'c', hours: 1.3 }] } as never, plan(items), 1, '2026-01-05', 1).weeks[0]!.over).toBe(true);
    expect(planLoad({ activities: [{ id: 'c', hours: 1.2 }] } as never, plan(items), 1, '2026-01-05', 1).weeks[0]!.over).toBe(false);
  });

  it('span ignores skipped and undated items; weeks round up', () => {
    expect(planSpan(plan([item('1', 'a', '2026-01-05', '2026-01-18'), item('2', null, null, null), item('3', 'b', '2025-01-01', '2025-01-02', 'skipped')]))).toEqual({ start: '2026-01-05', end: '2026-01-18' });
    expect(planSpan(plan([]))).toBeNull();
    expect(weeksBetween('2026-01-05', '2026-01-18')).toBe(2);
    expect(weeksBetween('2026-01-05', '2026-01-19')).toBe(3);
  });
});
