/**
 * The gap heat-map: roles (or teams, or learners) × capabilities, each cell the mean number of
 * levels the assessed learners are below their role's target. The number is always printed;
 * colour (a colour-blind-safe sequential ramp) only repeats it. Click a cell (or Enter on it) to
 * see the learners behind the number.
 */
import { Badge, Box, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Title, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconGridDots } from '@tabler/icons-react';
import { useMemo, useState, type CSSProperties } from 'react';
import {
  GAP_GROUPING_LABELS,
  GAP_GROUPINGS,
  GAP_SOURCE_LABELS,
  GAP_SOURCES,
  computeGapMatrix,
  formatGap,
  type GapCell,
  type GapGrouping,
  type GapSource,
} from '../../../../shared/domain/analysis/gaps';
import { useProject } from '../../app/services';
import { selectPresent } from '../../state/project-store';
import { gapColors, rampColor } from './palette';
import './heatmap.css';

const SOURCE_SENTENCE: Readonly<Record<GapSource, string>> = {
  pre: 'the latest pre-assessment',
  self: 'the latest self-rating',
  manager: 'the latest manager rating',
  'self-manager': 'the mean of the latest self-rating and manager rating',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function cellSummary(cell: GapCell): string {
  if (cell.targeted === 0) return 'No target for this capability';
  if (cell.meanGap === null) return `${plural(cell.targeted, 'learner has', 'learners have')} a target here, none assessed`;
  return `Mean gap ${formatGap(cell.meanGap)} ${cell.meanGap === 1 ? 'level' : 'levels'} · n = ${cell.assessed} of ${cell.targeted} assessed · ${cell.atTarget} at target`;
}

export function GapHeatmap() {
  const project = useProject(selectPresent);
  const [grouping, setGrouping] = useState<GapGrouping>('role');
  const [source, setSource] = useState<GapSource>('pre');
  const [selected, setSelected] = useState<{ row: string; capabilityId: string } | null>(null);
  const matrix = useMemo(() => (project ? computeGapMatrix(project, { grouping, source }) : null), [project, grouping, source]);
  if (!project || !matrix) return null;

  const selectedRow = selected ? matrix.rows.find((row) => row.key === selected.row) : undefined;
  const selectedIndex = selected ? matrix.columns.findIndex((column) => column.capabilityId === selected.capabilityId) : -1;
  const selectedCell = selectedRow && selectedIndex >= 0 ? selectedRow.cells[selectedIndex] : undefined;
  const selectedColumn = selectedIndex >= 0 ? matrix.columns[selectedIndex] : undefined;
  const levels = Array.from({ length: matrix.maxGap + 1 }, (_, gap) => gap);

  return (
    <Paper component="section" withBorder radius="md" p="lg" mt="xl" className="plp-heatmap" data-testid="gap-heatmap" aria-labelledby="gap-heatmap-heading">
      <Group justify="space-between" align="flex-start" gap="lg" mb="md">
        <Stack gap={4} maw={720}>
          <Title order={2} id="gap-heatmap-heading">
            Capability gaps
          </Title>
          <Text size="sm" c="dimmed" data-testid="gap-definition">
            Each cell: how many levels, on average, learners are below their role&apos;s target, from <strong>{SOURCE_SENTENCE[source]}</strong>. 0 = at or above target. n = learners
            assessed.
          </Text>
        </Stack>
        <Group gap="md" align="flex-end">
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" id="gap-grouping-label">
              Rows
            </Text>
            <SegmentedControl
              aria-labelledby="gap-grouping-label"
              data={GAP_GROUPINGS.map((value) => ({ value, label: GAP_GROUPING_LABELS[value] }))}
              value={grouping}
              onChange={(value) => {
                setGrouping(value as GapGrouping);
                setSelected(null);
              }}
              data-testid="gap-grouping"
            />
          </Stack>
          <Select
            label="Ratings"
            data={GAP_SOURCES.map((value) => ({ value, label: GAP_SOURCE_LABELS[value] }))}
            value={source}
            onChange={(value) => {
              if (value) setSource(value as GapSource);
            }}
            allowDeselect={false}
            w={240}
            data-testid="gap-source"
          />
        </Group>
      </Group>

      {matrix.rows.length === 0 || matrix.columns.length === 0 ? (
        <Group gap="sm" className="plp-heatmap-empty" data-testid="gap-heatmap-empty">
          <IconGridDots size={22} aria-hidden />
          <Text size="sm" c="dimmed">
            {matrix.columns.length === 0
              ? 'No role has capability targets yet: set the level each role must reach in the capability model.'
              : 'No learner has a role yet: give learners a role to compare their assessments with its targets.'}
          </Text>
        </Group>
      ) : (
        <>
          <ScrollArea type="auto" className={grouping === 'learner' ? 'plp-heatmap-scroll plp-heatmap-tall' : 'plp-heatmap-scroll'}>
            <table className="plp-heatmap-grid" style={{ '--plp-heatmap-columns': matrix.columns.length } as CSSProperties} aria-label={`Mean capability gap by ${GAP_GROUPING_LABELS[grouping].toLowerCase()}, ${GAP_SOURCE_LABELS[source].toLowerCase()}`}>
              <thead>
                <tr>
                  <th scope="col" className="plp-heatmap-corner">
                    {GAP_GROUPING_LABELS[grouping].replace(/s$/, '')}
                  </th>
                  {matrix.columns.map((column) => (
                    <th key={column.capabilityId} scope="col" className="plp-heatmap-colhead" title={column.name}>
                      <span>{column.name}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row" className="plp-heatmap-rowhead">
                      <Text size="sm" fw={600} lineClamp={2}>
                        {row.label}
                      </Text>
                      {grouping !== 'learner' ? (
                        <Text size="xs" c="dimmed">
                          {plural(row.learnerCount, 'learner', 'learners')}
                        </Text>
                      ) : null}
                    </th>
                    {row.cells.map((cell, index) => {
                      const column = matrix.columns[index]!;
                      const isSelected = selected?.row === row.key && selected.capabilityId === cell.capabilityId;
                      const summary = cellSummary(cell);
                      if (cell.meanGap === null) {
                        return (
                          <td key={cell.capabilityId} className="plp-heatmap-td">
                            <div className="plp-heatmap-cell plp-heatmap-none" data-testid="gap-cell" data-row={row.label} data-capability={column.name} data-value="" title={summary}>
                              <span aria-hidden>—</span>
                              <VisuallyHidden>{`${row.label}, ${column.name}: ${summary}`}</VisuallyHidden>
                            </div>
                          </td>
                        );
                      }
                      const colors = gapColors(cell.meanGap, matrix.maxGap);
                      return (
                        <td key={cell.capabilityId} className="plp-heatmap-td">
                          <Tooltip label={`${row.label} × ${column.name}: ${summary}`} openDelay={250}>
                            <UnstyledButton
                              className="plp-heatmap-cell"
                              style={{ background: colors.background, color: colors.color }}
                              onClick={() => setSelected(isSelected ? null : { row: row.key, capabilityId: cell.capabilityId })}
                              aria-pressed={isSelected}
                              aria-label={`${row.label}, ${column.name}: ${summary}. Show the learners.`}
                              data-testid="gap-cell"
                              data-row={row.label}
                              data-capability={column.name}
                              data-value={formatGap(cell.meanGap)}
                              data-selected={isSelected ? 'true' : undefined}
                            >
                              <span className="plp-heatmap-value">{formatGap(cell.meanGap)}</span>
                              <span className="plp-heatmap-n">n={cell.assessed}</span>
                            </UnstyledButton>
                          </Tooltip>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>

          <Group justify="space-between" mt="sm" gap="lg" align="center">
            <Group gap="xs" align="center" data-testid="gap-legend" aria-label="Colour legend">
              <Text size="xs" c="dimmed">
                Gap in levels
              </Text>
              <Box className="plp-heatmap-legend" style={{ background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => rampColor(t)).join(', ')})` }} aria-hidden />
              <Group gap={4} aria-hidden>
                {levels.map((gap) => {
                  const colors = gapColors(gap, matrix.maxGap);
                  return (
                    <span key={gap} className="plp-heatmap-swatch" style={{ background: colors.background, color: colors.color }}>
                      {gap}
                    </span>
                  );
                })}
              </Group>
              <Text size="xs" c="dimmed">
                0 = at target · — = not assessed or no target
              </Text>
            </Group>
            {matrix.learnersWithoutRole > 0 ? (
              <Text size="xs" c="dimmed">
                {plural(matrix.learnersWithoutRole, 'learner without a role is', 'learners without a role are')} not shown.
              </Text>
            ) : null}
          </Group>

          {selectedCell && selectedRow && selectedColumn ? (
            <Paper withBorder radius="md" p="md" mt="md" className="plp-heatmap-details" data-testid="gap-details" aria-live="polite">
              <Group justify="space-between" mb="xs">
                <Text fw={650}>
                  {selectedRow.label} × {selectedColumn.name}
                </Text>
                <Badge variant="light" size="lg">
                  {cellSummary(selectedCell)}
                </Badge>
              </Group>
              <Table fz="sm" verticalSpacing={4} aria-label={`Learners behind ${selectedRow.label} × ${selectedColumn.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Learner</Table.Th>
                    <Table.Th scope="col">Assessed</Table.Th>
                    <Table.Th scope="col">Target</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Gap
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {selectedCell.learners.map((learner) => (
                    <Table.Tr key={learner.learnerId} data-testid="gap-detail-row">
                      <Table.Td>{learner.name}</Table.Td>
                      <Table.Td>{learner.assessedLabel}</Table.Td>
                      <Table.Td>{learner.targetLabel}</Table.Td>
                      <Table.Td ta="right" fw={650}>
                        {learner.atTarget ? 'at target' : `${formatGap(learner.gap)} below`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {selectedCell.targeted > selectedCell.assessed ? (
                <Text size="xs" c="dimmed" mt={6}>
                  {plural(selectedCell.targeted - selectedCell.assessed, 'learner with this target is', 'learners with this target are')} not assessed yet.
                </Text>
              ) : null}
            </Paper>
          ) : (
            <Text size="xs" c="dimmed" mt="xs">
              Select a cell to see the learners behind its number.
            </Text>
          )}
        </>
      )}
    </Paper>
  );
}
