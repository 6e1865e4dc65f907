/**
 * Pure helpers behind the Learners & plans workspace: generating plans (now in shared, re-exported
 * here) and the weekly workload that the timelines draw. Unit-tested.
 */
import { fromDayNumber, toDayNumber } from '../../../../shared/domain/plans';
import type { Plan, Project } from '../../../../shared/domain/schema';

export { generatePlans, type GeneratedPlan, type GenerateOptions } from '../../../../shared/domain/plans/generate';

// ---------------------------------------------------------------------------------------------
// Workload

export interface WeekLoad {
  /** First day of the week (the timeline's start + 7 × index). */
  start: string;
  index: number;
  hours: number;
  over: boolean;
}

export interface PlanLoad {
  weeks: WeekLoad[];
  peak: number;
  capacity: number;
  overWeeks: number;
}

/**
 * Hours a week the plan asks for, week by week from `origin`: each dated, not-skipped item with
 * catalog hours spreads them evenly over its days. A week is over capacity when it needs more
 * than the learner's hours a week plus a tolerance of 10% (at least a quarter of an hour): the
 * engine rounds durations up to whole days, so the day two items meet is not an overload.
 */
export function planLoad(project: Pick<Project, 'activities'>, plan: Plan, capacity: number, origin: string, weekCount: number): PlanLoad {
  const hours = new Map(project.activities.map((activity) => [activity.id, activity.hours]));
  const originDay = toDayNumber(origin);
  const totals = new Array<number>(Math.max(0, weekCount)).fill(0);
  for (const item of plan.items) {
    if (item.status === 'skipped' || item.activityId === null || item.start === null) continue;
    const itemHours = hours.get(item.activityId) ?? 0;
    if (itemHours <= 0) continue;
    const first = toDayNumber(item.start);
    const last = item.end === null ? first : Math.max(first, toDayNumber(item.end));
    const perDay = itemHours / (last - first + 1);
    for (let week = 0; week < totals.length; week++) {
      const weekFirst = originDay + week * 7;
      const overlap = Math.min(last, weekFirst + 6) - Math.max(first, weekFirst) + 1;
      if (overlap > 0) totals[week] = (totals[week] ?? 0) + perDay * overlap;
    }
  }
  const weeks = totals.map((value, index) => ({
    start: fromDayNumber(originDay + index * 7),
    index,
    hours: Math.round(value * 10) / 10,
    over: value > capacity + overTolerance(capacity),
  }));
  return { weeks, peak: Math.max(0, ...weeks.map((week) => week.hours)), capacity, overWeeks: weeks.filter((week) => week.over).length };
}

export function overTolerance(capacity: number): number {
  return Math.max(0.25, capacity * 0.1);
}

/** The dated span of a plan's active items. */
export function planSpan(plan: Plan): { start: string; end: string } | null {
  let start: string | null = null;
  let end: string | null = null;
  for (const item of plan.items) {
    if (item.status === 'skipped' || item.start === null) continue;
    const last = item.end ?? item.start;
    if (start === null || item.start < start) start = item.start;
    if (end === null || last > end) end = last;
  }
  return start !== null && end !== null ? { start, end } : null;
}

/** Today as `YYYY-MM-DD` in local time. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function weeksBetween(start: string, end: string): number {
  return Math.max(1, Math.ceil((toDayNumber(end) - toDayNumber(start) + 1) / 7));
}
