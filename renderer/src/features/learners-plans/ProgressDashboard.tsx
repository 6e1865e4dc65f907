/**
 * Evaluation: gains per capability (post − pre, and normalized), which activities are used and
 * completed most, what gaps remain, where the plans stand. Every chart is SVG with its values
 * written on it, and the same numbers are in a table beside it.
 */
import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { cohortProgress, formatGain, formatPercent, type ActivityUsage, type CapabilitySummary } from '../../../../shared/domain/analysis/progress';
import { STATUS_LABEL } from '../../../../shared/domain/commands/plan-commands';
import { PLAN_STATUSES, type Project } from '../../../../shared/domain/schema';
import { Stat } from '../../components/WorkspaceFrame';

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function GainChart({ rows, maxRank }: { rows: CapabilitySummary[]; maxRank: number }) {
  const width = 1040;
  const labelWidth = 320;
  const rowHeight = 36;
  const top = 10;
  const height = top + rows.length * rowHeight + 10;
  const scale = (width - labelWidth - 260) / Math.max(1, maxRank);
  const summary = `Average gain per capability, in levels: ${rows.map((row) => `${row.capabilityName} ${formatGain(row.averageGain)}`).join('; ')}.`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} data-testid="gain-chart" className="plp-tl">
      <title>{summary}</title>
      {rows.map((row, index) => {
        const y = top + index * rowHeight;
        const value = row.averageGain ?? 0;
        const w = Math.abs(value) * scale;
        return (
          <g key={row.capabilityId}>
            <text x={0} y={y + 21} className="plp-tl-label">
              {shorten(row.capabilityName, 34)}
            </text>
            {row.averageGain !== null ? <rect x={labelWidth} y={y + 7} width={Math.max(2, w)} height={rowHeight - 14} rx={3} className={value < 0 ? 'plp-tl-load-over' : 'plp-chart-bar'} /> : null}
            <text x={labelWidth + Math.max(2, w) + 8} y={y + 21} className={row.averageGain === null ? 'plp-tl-small' : 'plp-tl-value'}>
              {row.averageGain === null ? 'no post-assessment yet' : `${formatGain(row.averageGain)} (g ${formatPercent(row.averageNormalizedGain)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function UsageChart({ rows }: { rows: ActivityUsage[] }) {
  const width = 1040;
  const labelWidth = 420;
  const rowHeight = 34;
  const height = 10 + rows.length * rowHeight + 10;
  const max = Math.max(1, ...rows.map((row) => row.picked));
  const scale = (width - labelWidth - 200) / max;
  const summary = `Activity usage: ${rows.map((row) => `${row.title} picked ${row.picked}, completed ${row.completed}`).join('; ')}.`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} data-testid="usage-chart" className="plp-tl">
      <title>{summary}</title>
      {rows.map((row, index) => {
        const y = 10 + index * rowHeight;
        return (
          <g key={row.activityId}>
            <text x={0} y={y + 22} className="plp-tl-label">
              {shorten(row.title, 46)}
            </text>
            <rect x={labelWidth} y={y + 6} width={Math.max(2, row.picked * scale)} height={rowHeight - 12} rx={3} className="plp-chart-bar-soft" />
            {row.completed > 0 ? <rect x={labelWidth} y={y + 6} width={row.completed * scale} height={rowHeight - 12} rx={3} className="plp-chart-bar" /> : null}
            <text x={labelWidth + Math.max(2, row.picked * scale) + 8} y={y + 22} className="plp-tl-value">
              {`${row.picked} picked · ${row.completed} done`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ProgressDashboard({ project }: { project: Project }) {
  const progress = useMemo(() => cohortProgress(project), [project]);
  const levels = project.scale.levels.map((level) => level.label);
  const label = (rank: number | null) => (rank === null ? '—' : (levels[rank] ?? String(rank)));
  const measured = progress.learners.flatMap((learner) => learner.capabilities.filter((row) => row.gain !== null).map((row) => ({ learner, row })));
  const gapRows = progress.capabilities.filter((row) => row.learnersBelowTarget > 0).sort((a, b) => b.levelsMissing - a.levelsMissing);
  const usage = progress.usage.slice(0, 12);

  return (
    <Stack gap="xl" data-testid="progress-dashboard">
      <Paper withBorder radius="md" p="md">
        <Group gap={48} wrap="wrap" data-testid="plan-status-counts">
          {PLAN_STATUSES.map((status) => (
            <Stat key={status} label={STATUS_LABEL[status]} value={progress.statusCounts[status]} />
          ))}
          <Stat label="no plan yet" value={progress.learnersWithoutPlan} />
        </Group>
      </Paper>

      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={2} size="h3">Average gain per capability</Title>
          <Text size="sm" c="dimmed">
            Gain = post − pre, in levels. g = (post − pre) / (top level − pre): the share of the possible improvement achieved.
          </Text>
          <Paper withBorder radius="md" p="md">
            <GainChart rows={progress.capabilities} maxRank={progress.maxRank} />
          </Paper>
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h3">Which activities are used most</Title>
          <Text size="sm" c="dimmed">
            How many plans include each activity (light bar) and how many learners completed it (dark bar).
          </Text>
          <Paper withBorder radius="md" p="md">
            {usage.length > 0 ? (
              <UsageChart rows={usage} />
            ) : (
              <Text c="dimmed" size="sm">
                No plans yet.
              </Text>
            )}
          </Paper>
        </Stack>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h3">Per capability</Title>
        <Paper withBorder radius="md" className="plp-table-paper">
          <Table aria-label="Gains and remaining gaps per capability" className="plp-table" data-testid="capability-progress">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Capability</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Measured</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Average gain</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Normalized gain</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Below target</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Levels missing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {progress.capabilities.map((row) => (
                <Table.Tr key={row.capabilityId} data-testid="capability-progress-row" data-id={row.capabilityId}>
                  <Table.Td>{row.capabilityName}</Table.Td>
                  <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                    {row.measured}
                  </Table.Td>
                  <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                    {formatGain(row.averageGain)}
                  </Table.Td>
                  <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                    {formatPercent(row.averageNormalizedGain)}
                  </Table.Td>
                  <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                    {row.learnersBelowTarget}
                  </Table.Td>
                  <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                    {row.levelsMissing}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {gapRows.length > 0 ? (
          <Text size="sm" data-testid="remaining-gaps">
            Largest remaining gaps: {gapRows.slice(0, 3).map((row) => `${row.capabilityName} (${row.learnersBelowTarget} learners, ${row.levelsMissing} levels)`).join(' · ')}.
          </Text>
        ) : null}
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h3">Gains per learner</Title>
        {measured.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="no-gains">
            No learner has both a pre- and a post-assessment yet. Record post-assessments in a learner&apos;s assessment grid to see gains here.
          </Text>
        ) : (
          <Paper withBorder radius="md" className="plp-table-paper">
            <Table aria-label="Gains per learner and capability" className="plp-table" data-testid="learner-gains">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Learner</Table.Th>
                  <Table.Th>Capability</Table.Th>
                  <Table.Th>Pre</Table.Th>
                  <Table.Th>Post</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Gain</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Normalized gain</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Still to target</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {measured.map(({ learner, row }) => (
                  <Table.Tr key={`${learner.learnerId}:${row.capabilityId}`} data-testid="gain-row" data-learner={learner.learnerId} data-capability={row.capabilityId}>
                    <Table.Td>{learner.learnerName}</Table.Td>
                    <Table.Td>{row.capabilityName}</Table.Td>
                    <Table.Td>{label(row.preRank)}</Table.Td>
                    <Table.Td>{label(row.postRank)}</Table.Td>
                    <Table.Td className="plp-num" style={{ textAlign: 'right' }} data-testid="gain-value">
                      {formatGain(row.gain)}
                    </Table.Td>
                    <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                      {formatPercent(row.normalizedGain)}
                    </Table.Td>
                    <Table.Td className="plp-num" style={{ textAlign: 'right' }}>
                      {row.remainingGap === null ? '—' : row.remainingGap === 0 ? 'At target' : `${row.remainingGap} ${row.remainingGap === 1 ? 'level' : 'levels'}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
    </Stack>
  );
}
