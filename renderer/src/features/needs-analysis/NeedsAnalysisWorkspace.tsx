/** Step 1: what the needs analysis found, where it came from, how much it matters, what it concerns. */
import { Group, Paper, Table, Text } from '@mantine/core';
import { IconClipboardSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useProject } from '../../app/services';
import { selectPresent } from '../../state/project-store';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../labels';
import { useStartWithSample } from '../useStartWithSample';
import { LinkList } from '../LinkList';

export function NeedsAnalysisWorkspace() {
  const project = useProject(selectPresent);
  const startWithSample = useStartWithSample();
  const names = useMemo(() => {
    if (!project) return { capabilities: new Map<string, string>(), roles: new Map<string, string>() };
    return {
      capabilities: new Map(project.capabilities.map((item) => [item.id, item.name])),
      roles: new Map(project.roles.map((item) => [item.id, item.name])),
    };
  }, [project]);
  if (!project) return null;
  const findings = project.findings;
  const high = findings.filter((finding) => finding.priority === 'high').length;
  const sources = new Set(findings.map((finding) => finding.source)).size;

  return (
    <WorkspaceFrame
      id="needs-analysis"
      step={1}
      title="Needs analysis"
      purpose="What employees can do today against what their role needs, from surveys, interviews, manager ratings and performance data. Each finding is evidence for a gap."
      aside={
        findings.length > 0 ? (
          <Group gap="xl">
            <Stat label="findings" value={findings.length} />
            <Stat label="high priority" value={high} />
            <Stat label={sources === 1 ? 'source' : 'sources'} value={sources} />
          </Group>
        ) : undefined
      }
    >
      {findings.length === 0 ? (
        <TeachingEmptyState
          testId="empty-needs-analysis"
          icon={<IconClipboardSearch size={34} stroke={1.5} />}
          title="Capture what the needs analysis found"
          description="Findings come from surveys, interviews, focus groups, self-assessments, manager ratings and performance data. Give each a priority and link it to the capabilities and roles it concerns: that is what later justifies every activity in a learner's plan."
          actionLabel="Explore the sample project"
          onAction={startWithSample}
        />
      ) : (
        <Paper withBorder radius="md" className="plp-table-paper">
          <Table stickyHeader stickyHeaderOffset={68} highlightOnHover aria-label="Needs-analysis findings" data-testid="findings-table" className="plp-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: '40%' }}>Finding</Table.Th>
                <Table.Th style={{ width: '11%' }}>Source</Table.Th>
                <Table.Th style={{ width: '8%' }}>Priority</Table.Th>
                <Table.Th style={{ width: '22%' }}>Capabilities</Table.Th>
                <Table.Th style={{ width: '19%' }}>Roles</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.map((finding) => (
                <Table.Tr key={finding.id} data-testid="finding-row">
                  <Table.Td>
                    <Text lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                      {finding.statement}
                    </Text>
                    {finding.evidence ? (
                      <Text size="sm" c="dimmed" lineClamp={2} mt={4} style={{ overflowWrap: 'anywhere' }}>
                        {finding.evidence}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {SOURCE_LABEL[finding.source]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <span className="plp-priority" data-priority={finding.priority}>
                      <span className="plp-priority-dot" aria-hidden />
                      {PRIORITY_LABEL[finding.priority]}
                    </span>
                  </Table.Td>
                  <Table.Td>
                    <LinkList ids={finding.capabilityIds} names={names.capabilities} none="No capability linked" />
                  </Table.Td>
                  <Table.Td>
                    <LinkList ids={finding.roleIds} names={names.roles} none="All roles" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </WorkspaceFrame>
  );
}
