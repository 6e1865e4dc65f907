/**
 * Gantt-style timelines drawn as SVG: one plan (items, milestones as diamonds, today's line, the
 * weekly workload against the learner's hours), and the cohort (one row per learner, weeks over
 * capacity highlighted and named in text).
 */
import { Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { fromDayNumber, toDayNumber } from '../../../../shared/domain/plans';
import type { Plan, PlanItem, Project } from '../../../../shared/domain/schema';
import { formatDate, plural } from '../../app/format';
import { planLoad, planSpan, weeksBetween, type PlanLoad } from './plan-model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthTicks(startDay: number, endDay: number): { day: number; label: string }[] {
  const ticks: { day: number; label: string }[] = [];
  const first = fromDayNumber(startDay);
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let guard = 0; guard < 400; guard++) {
    const day = toDayNumber(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
    if (day > endDay) break;
    if (day >= startDay) ticks.push({ day, label: `${MONTHS[month - 1]} ${month === 1 || ticks.length === 0 ? year : ''}`.trim() });
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return ticks;
}

/** "Jul 1" */
function shortDate(isoDate: string): string {
  return `${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${Number(isoDate.slice(8, 10))}`;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const DIAMOND_KINDS: ReadonlySet<PlanItem['kind']> = new Set(['milestone', 'pre-assessment', 'post-assessment']);

function overText(load: PlanLoad): string {
  return load.overWeeks === 0
    ? `Within ${load.capacity} h a week every week (peak ${load.peak} h).`
    : `${plural(load.overWeeks, 'week')} over the ${load.capacity} h a week available (peak ${load.peak} h).`;
}

export function PlanTimeline({ project, plan, today, hoursPerWeek }: { project: Project; plan: Plan; today: string; hoursPerWeek: number }) {
  const span = planSpan(plan);
  if (!span) {
    return (
      <Text c="dimmed" size="sm">
        No dated items yet.
      </Text>
    );
  }
  const items = plan.items.filter((item) => item.status !== 'skipped' && item.start !== null).sort((a, b) => (a.start! < b.start! ? -1 : a.start! > b.start! ? 1 : 0));
  const startDay = toDayNumber(span.start);
  const weeks = weeksBetween(span.start, span.end);
  const endDay = startDay + weeks * 7 - 1;
  const load = planLoad(project, plan, hoursPerWeek, span.start, weeks);

  const width = 1120;
  const labelWidth = 330;
  const chartWidth = width - labelWidth - 16;
  const rowHeight = 30;
  const top = 34;
  const loadHeight = 64;
  const height = top + items.length * rowHeight + 24 + loadHeight + 28;
  const x = (day: number) => labelWidth + ((day - startDay) / (endDay - startDay + 1)) * chartWidth;
  const todayDay = toDayNumber(today);
  const todayVisible = todayDay >= startDay && todayDay <= endDay;
  const loadTop = top + items.length * rowHeight + 24;
  const loadScale = Math.max(load.peak, hoursPerWeek, 1);
  const weekWidth = chartWidth / weeks;
  const milestones = items.filter((item) => DIAMOND_KINDS.has(item.kind)).length;
  const summary = `Timeline of ${plural(items.length, 'item')} from ${formatDate(span.start)} to ${formatDate(span.end)}, ${plural(milestones, 'milestone')}. ${overText(load)}`;

  return (
    <Paper withBorder radius="md" p="md" className="plp-plans-timeline-paper">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} data-testid="plan-timeline" className="plp-tl">
        <title>{summary}</title>
        {monthTicks(startDay, endDay).map((tick) => (
          <g key={tick.day}>
            <line x1={x(tick.day)} x2={x(tick.day)} y1={top - 8} y2={loadTop + loadHeight} className="plp-tl-grid" />
            <text x={x(tick.day) + 4} y={top - 14} className="plp-tl-axis">
              {tick.label}
            </text>
          </g>
        ))}
        {items.map((item, index) => {
          const y = top + index * rowHeight;
          const first = toDayNumber(item.start!);
          const last = item.end ? Math.max(first, toDayNumber(item.end)) : first;
          const diamond = DIAMOND_KINDS.has(item.kind);
          const cx = x(first) + (x(first + 1) - x(first)) / 2;
          return (
            <g key={item.id} data-testid="timeline-item" data-id={item.id}>
              <title>{`${item.title}: ${formatDate(item.start)}${item.end && item.end !== item.start ? ` – ${formatDate(item.end)}` : ''}${item.manual ? ' (manual override)' : ''}`}</title>
              {index % 2 === 0 ? <rect x={0} y={y} width={width} height={rowHeight} className="plp-tl-stripe" /> : null}
              <text x={8} y={y + rowHeight / 2 + 5} className="plp-tl-label">
                {item.status === 'done' ? '✓ ' : ''}
                {shorten(item.title, item.manual ? 28 : 36)}
                {item.manual ? <tspan className="plp-tl-manual"> · manual</tspan> : null}
              </text>
              {diamond ? (
                <>
                  <path d={`M ${cx} ${y + 5} L ${cx + 10} ${y + rowHeight / 2} L ${cx} ${y + rowHeight - 5} L ${cx - 10} ${y + rowHeight / 2} Z`} className={`plp-tl-diamond plp-tl-kind-${item.kind}`} />
                  <text x={cx > labelWidth + chartWidth - 90 ? cx - 16 : cx + 16} y={y + rowHeight / 2 + 5} textAnchor={cx > labelWidth + chartWidth - 90 ? 'end' : 'start'} className="plp-tl-small">
                    {shortDate(item.start!)}
                  </text>
                </>
              ) : (
                <rect x={x(first)} y={y + 7} width={Math.max(4, x(last + 1) - x(first))} height={rowHeight - 14} rx={4} className={`plp-tl-bar plp-tl-kind-${item.kind}${item.manual ? ' plp-tl-bar-manual' : ''}`} />
              )}
            </g>
          );
        })}
        <text x={8} y={loadTop + 18} className="plp-tl-label">
          Hours per week
        </text>
        <text x={8} y={loadTop + 38} className="plp-tl-small">
          {`available: ${hoursPerWeek} h`}
        </text>
        {load.weeks.map((week) => {
          const h = (week.hours / loadScale) * (loadHeight - 8);
          return (
            <rect key={week.index} x={labelWidth + week.index * weekWidth + 1} y={loadTop + loadHeight - h} width={Math.max(1, weekWidth - 2)} height={h} className={week.over ? 'plp-tl-load-over' : 'plp-tl-load'}>
              <title>{`Week of ${formatDate(week.start)}: ${week.hours} h${week.over ? ' — over capacity' : ''}`}</title>
            </rect>
          );
        })}
        <line x1={labelWidth} x2={labelWidth + chartWidth} y1={loadTop + loadHeight - (hoursPerWeek / loadScale) * (loadHeight - 8)} y2={loadTop + loadHeight - (hoursPerWeek / loadScale) * (loadHeight - 8)} className="plp-tl-capacity" />
        {todayVisible ? (
          <g data-testid="timeline-today">
            <line x1={x(todayDay)} x2={x(todayDay)} y1={top - 8} y2={loadTop + loadHeight} className="plp-tl-today" />
            <text x={x(todayDay) + 4} y={loadTop + loadHeight + 18} className="plp-tl-today-label">
              Today
            </text>
          </g>
        ) : null}
      </svg>
      <Group gap="lg" mt="xs" className="plp-tl-legend">
        <Text size="sm" c={load.overWeeks > 0 ? undefined : 'dimmed'} fw={load.overWeeks > 0 ? 600 : undefined} data-testid="timeline-load-summary">
          {load.overWeeks > 0 ? <IconAlertTriangle size={16} className="plp-tl-warn-icon" aria-hidden /> : null} {overText(load)}
        </Text>
        {!todayVisible ? (
          <Text size="sm" c="dimmed">
            Today ({formatDate(today)}) is {todayDay < startDay ? 'before the plan starts' : 'after the plan ends'}.
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          ◆ milestone or assessment · bars: activities · “manual”: changed by hand
        </Text>
      </Group>
    </Paper>
  );
}

export function CohortTimeline({ project, today, onOpen }: { project: Project; today: string; onOpen: (learnerId: string) => void }) {
  const learners = new Map(project.learners.map((learner) => [learner.id, learner]));
  const rows = project.plans
    .map((plan) => ({ plan, learner: learners.get(plan.learnerId), span: planSpan(plan) }))
    .filter((row): row is { plan: Plan; learner: NonNullable<typeof row.learner>; span: NonNullable<typeof row.span> } => row.learner !== undefined && row.span !== null);
  if (rows.length === 0) {
    return (
      <Text c="dimmed" data-testid="cohort-timeline-empty">
        No plans yet: generate plans for the cohort to see who is busy when.
      </Text>
    );
  }
  const start = rows.reduce((min, row) => (row.span.start < min ? row.span.start : min), rows[0]!.span.start);
  const end = rows.reduce((max, row) => (row.span.end > max ? row.span.end : max), rows[0]!.span.end);
  const weeks = weeksBetween(start, end);
  const startDay = toDayNumber(start);
  const endDay = startDay + weeks * 7 - 1;
  const width = 1120;
  const labelWidth = 250;
  const statusWidth = 220;
  const chartWidth = width - labelWidth - statusWidth - 16;
  const rowHeight = 40;
  const top = 34;
  const height = top + rows.length * rowHeight + 30;
  const x = (day: number) => labelWidth + ((day - startDay) / (endDay - startDay + 1)) * chartWidth;
  const weekWidth = chartWidth / weeks;
  const todayDay = toDayNumber(today);
  const loads = rows.map((row) => planLoad(project, row.plan, row.learner.hoursPerWeek, start, weeks));
  const overloaded = rows.filter((_, index) => loads[index]!.overWeeks > 0).length;
  const summary = `Cohort timeline: ${plural(rows.length, 'plan')} from ${formatDate(start)} to ${formatDate(end)}; ${plural(overloaded, 'learner')} with weeks over their hours a week.`;

  return (
    <Paper withBorder radius="md" p="md" className="plp-plans-timeline-paper">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} data-testid="cohort-timeline" className="plp-tl">
        <title>{summary}</title>
        {monthTicks(startDay, endDay).map((tick) => (
          <g key={tick.day}>
            <line x1={x(tick.day)} x2={x(tick.day)} y1={top - 8} y2={height - 24} className="plp-tl-grid" />
            <text x={x(tick.day) + 4} y={top - 14} className="plp-tl-axis">
              {tick.label}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = top + index * rowHeight;
          const load = loads[index]!;
          const scale = Math.max(load.peak, row.learner.hoursPerWeek, 1);
          return (
            <g key={row.plan.id} data-testid="cohort-row" data-id={row.learner.id} data-over={load.overWeeks > 0 || undefined}>
              {index % 2 === 0 ? <rect x={0} y={y} width={width} height={rowHeight} className="plp-tl-stripe" /> : null}
              <text x={8} y={y + 17} className="plp-tl-label">
                {shorten(row.learner.name, 26)}
              </text>
              <text x={8} y={y + 33} className="plp-tl-small">
                {`${row.learner.hoursPerWeek} h/wk available`}
              </text>
              {load.weeks.map((week) => {
                if (week.hours <= 0) return null;
                const h = Math.max(3, (week.hours / scale) * (rowHeight - 10));
                return (
                  <rect key={week.index} x={labelWidth + week.index * weekWidth + 1} y={y + rowHeight - 5 - h} width={Math.max(1, weekWidth - 2)} height={h} className={week.over ? 'plp-tl-load-over' : 'plp-tl-load'}>
                    <title>{`${row.learner.name}, week of ${formatDate(week.start)}: ${week.hours} h of ${row.learner.hoursPerWeek} h${week.over ? ' — over capacity' : ''}`}</title>
                  </rect>
                );
              })}
              {row.plan.items
                .filter((item) => item.kind === 'milestone' && item.status !== 'skipped' && item.start)
                .map((item) => {
                  const cx = x(toDayNumber(item.start!));
                  return <path key={item.id} d={`M ${cx} ${y + 4} L ${cx + 7} ${y + 11} L ${cx} ${y + 18} L ${cx - 7} ${y + 11} Z`} className="plp-tl-diamond plp-tl-kind-milestone" />;
                })}
              <text x={width - statusWidth + 8} y={y + 24} className={load.overWeeks > 0 ? 'plp-tl-over-text' : 'plp-tl-small'}>
                {load.overWeeks > 0 ? `⚠ ${load.overWeeks} wk over · peak ${load.peak} h` : `OK · peak ${load.peak} h`}
              </text>
            </g>
          );
        })}
        {todayDay >= startDay && todayDay <= endDay ? (
          <g>
            <line x1={x(todayDay)} x2={x(todayDay)} y1={top - 8} y2={height - 24} className="plp-tl-today" />
            <text x={x(todayDay) + 4} y={height - 8} className="plp-tl-today-label">
              Today
            </text>
          </g>
        ) : null}
      </svg>
      <Group gap="lg" mt="xs">
        <Text size="sm" fw={overloaded > 0 ? 600 : undefined} data-testid="cohort-overload-summary">
          {overloaded > 0 ? `${plural(overloaded, 'learner')} ${overloaded === 1 ? 'has' : 'have'} weeks over their hours a week (red bars, ⚠).` : 'Every plan fits its learner’s hours a week.'}
        </Text>
        {todayDay < startDay || todayDay > endDay ? (
          <Text size="sm" c="dimmed">
            Today ({formatDate(today)}) is {todayDay < startDay ? 'before the plans start' : 'after the plans end'}.
          </Text>
        ) : null}
      </Group>
      <Group gap="xs" mt="xs" wrap="wrap">
        {rows
          .filter((_, index) => loads[index]!.overWeeks > 0)
          .map((row) => (
            <button key={row.learner.id} type="button" className="plp-plans-link" onClick={() => onOpen(row.learner.id)}>
              Open {row.learner.name}’s plan
            </button>
          ))}
      </Group>
    </Paper>
  );
}
