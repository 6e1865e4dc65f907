/** Step 4: the roster — who is on a plan, their role and manager, and where they start against the role's targets. */
import { Badge, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PLAN_STATUSES } from '../../../../shared/domain/schema';
import { formatDate } from '../../app/format';
import { useProject } from '../../app/services';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { useStartWithSample } from '../useStartWithSample';
import { describePreAssessment, latestPreAssessments, levelRanks, summarisePreAssessment, type PreAssessmentSummary } from './assessment-summary';

type PlanStatus = (typeof PLAN_STATUSES)[number];
const PLAN_STATUS_LABEL: Record<PlanStatus, string> = { draft: 'Draft', agreed: 'Agreed', 'in-progress': 'In progress', complete: 'Complete' };
const PLAN_STATUS_COLOR: Record<PlanStatus, string> = { draft: 'gray', agreed: 'indigo', 'in-progress': 'blue', complete: 'teal' };

function PreAssessmentCell({ summary }: { summary: PreAssessmentSummary }) {
  const text = describePreAssessment(summary);
  if (summary.status !== 'assessed') {
    return (
      <Text size="sm" c="dimmed">
        {text}
      </Text>
    );
  }
  const missing = summary.targets - summary.assessed;
  return (
    <Stack gap={4} miw={150}>
      <Text size="sm">
        <strong>{summary.atTarget}</strong> of {summary.targets} at target
      </Text>
      <Progress value={(summary.atTarget / summary.targets) * 100} size="sm" aria-hidden color={summary.atTarget === summary.targets ? 'teal' : 'indigo'} />
      {missing > 0 ? (
        <Text size="xs" c="dimmed">
          {missing} not assessed
        </Text>
      ) : null}
    </Stack>
  );
}

export function LearnersWorkspace() {
  const project = useProject(selectPresent);
  const startWithSample = useStartWithSample();
  const rows = useMemo(() => {
    if (!project) return [];
    const ranks = levelRanks(project);
    const pre = latestPreAssessments(project);
    const roles = new Map(project.roles.map((role) => [role.id, role.name]));
    const plans = new Map(project.plans.map((plan) => [plan.learnerId, plan]));
    return project.learners.map((learner) => ({
      learner,
      role: learner.roleId ? (roles.get(learner.roleId) ?? null) : null,
      plan: plans.get(learner.id) ?? null,
      summary: summarisePreAssessment(project, learner.id, { ranks, pre }),
    }));
  }, [project]);
  if (!project) return null;

  const assessed = rows.filter((row) => row.summary.status === 'assessed').length;
  return (
    <WorkspaceFrame
      id="learners-plans"
      step={4}
      title="Learners & plans"
      purpose="Each learner's role, manager and time for learning, and their pre-assessment against the role's targets: the gaps their personalized plan will close."
      aside={
        rows.length > 0 ? (
          <Group gap="xl">
            <Stat label={rows.length === 1 ? 'learner' : 'learners'} value={rows.length} />
            <Stat label="pre-assessed" value={assessed} />
            <Stat label={project.plans.length === 1 ? 'plan' : 'plans'} value={project.plans.length} />
          </Group>
        ) : undefined
      }
    >
      {rows.length === 0 ? (
        <TeachingEmptyState
          testId="empty-learners-plans"
          icon={<IconUsersGroup size={34} stroke={1.5} />}
          title="Add the people the plans are for"
          description="List each learner with their role, manager, team, start date and the hours a week they can give to learning, then record a pre-assessment per capability. The studio compares it with the role's targets to propose each personal plan."
          actionLabel="Explore the sample project"
          onAction={startWithSample}
        />
      ) : (
        <Paper withBorder radius="md" className="plp-table-paper">
          <Table stickyHeader stickyHeaderOffset={68} highlightOnHover layout="fixed" aria-label="Learners" data-testid="learners-table" className="plp-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: '20%' }}>Learner</Table.Th>
                <Table.Th style={{ width: '17%' }}>Role</Table.Th>
                <Table.Th style={{ width: '16%' }}>Manager · team</Table.Th>
                <Table.Th style={{ width: '11%' }}>Start</Table.Th>
                <Table.Th style={{ width: '7%', textAlign: 'right' }}>
                  <abbr title="Hours a week for learning">Hrs/wk</abbr>
                </Table.Th>
                <Table.Th style={{ width: '16%' }}>Pre-assessment</Table.Th>
                <Table.Th style={{ width: '13%' }}>Plan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ learner, role, plan, summary }) => (
                <Table.Tr key={learner.id} data-testid="learner-row">
                  <Table.Td>
                    <Text fw={600} lineClamp={2}>
                      {learner.name}
                    </Text>
                    {learner.email ? (
                      <Text size="sm" c="dimmed" truncate="end" title={learner.email}>
                        {learner.email}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={role ? undefined : 'dimmed'} lineClamp={2}>
                      {role ?? 'No role'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {learner.manager || 'No manager'}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {learner.team || 'No team'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(learner.startDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Text size="sm" className="plp-num">
                      {learner.hoursPerWeek}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PreAssessmentCell summary={summary} />
                  </Table.Td>
                  <Table.Td>
                    {plan ? (
                      <Badge variant="light" color={PLAN_STATUS_COLOR[plan.status]}>
                        {PLAN_STATUS_LABEL[plan.status]}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        No plan yet
                      </Text>
                    )}
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
