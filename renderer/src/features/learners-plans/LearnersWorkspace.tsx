/**
 * Step 4: Learners & plans. The roster (add, edit, delete, search), each learner's assessments
 * and personalized plan, the cohort's timeline, and the evaluation dashboard.
 */
import { ActionIcon, Button, Group, Paper, Progress, Select, Stack, Table, Tabs, Text, TextInput, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChartBar, IconClipboardList, IconPencil, IconPlus, IconSearch, IconSparkles, IconTimeline, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatDate, plural } from '../../app/format';
import { showToast } from '../../app/mantine-ui';
import { useProject } from '../../app/services';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { selectPresent } from '../../state/project-store';
import { useStartWithSample } from '../useStartWithSample';
import { AssessmentGrid } from './AssessmentGrid';
import { describePreAssessment, latestPreAssessments, levelRanks, summarisePreAssessment, type PreAssessmentSummary } from './assessment-summary';
import { DeleteLearnerDialog, GenerateDialog, StatusBadge } from './dialogs';
import { LearnerDrawer } from './LearnerDrawer';
import { localToday } from './plan-model';
import { PlanEditor } from './PlanEditor';
import { ProgressDashboard } from './ProgressDashboard';
import { CohortTimeline } from './Timelines';
import type { Project } from '../../../../shared/domain/schema';
import './plans.css';

type Tab = 'learners' | 'plan' | 'timeline' | 'progress';

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
    <Stack gap={4} miw={130}>
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

function matches(query: string, values: readonly string[]): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' || values.some((value) => value.toLocaleLowerCase().includes(needle));
}

function Roster({
  project,
  onOpen,
  onEdit,
  onDelete,
  onGenerate,
}: {
  project: Project;
  onOpen: (learnerId: string) => void;
  onEdit: (learnerId: string | 'new') => void;
  onDelete: (learnerId: string) => void;
  onGenerate: (learnerIds: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
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
  const shown = rows.filter(({ learner, role }) => matches(query, [learner.name, learner.email, learner.manager, learner.team, role ?? '']));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} aria-hidden />}
          placeholder="Search name, manager, team, role"
          aria-label="Search learners"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={360}
          data-testid="learner-search"
        />
        <Group gap="sm">
          <Button variant="default" leftSection={<IconSparkles size={16} />} onClick={() => onGenerate(project.learners.map((learner) => learner.id))} data-testid="generate-cohort">
            Generate plans for everyone…
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => onEdit('new')} data-testid="add-learner">
            Add learner
          </Button>
        </Group>
      </Group>
      {query && shown.length === 0 ? (
        <Text c="dimmed" data-testid="learner-search-empty">
          No learner matches “{query}”.
        </Text>
      ) : null}
      <Paper withBorder radius="md" className="plp-table-paper">
        <Table stickyHeader stickyHeaderOffset={68} highlightOnHover layout="fixed" aria-label="Learners" data-testid="learners-table" className="plp-table plp-plans-roster">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ width: '20%' }}>Learner</Table.Th>
              <Table.Th style={{ width: '16%' }}>Role</Table.Th>
              <Table.Th style={{ width: '15%' }}>Manager · team</Table.Th>
              <Table.Th style={{ width: '10%' }}>Start</Table.Th>
              <Table.Th style={{ width: '6%', textAlign: 'right' }}>
                <abbr title="Hours a week for learning">Hrs/wk</abbr>
              </Table.Th>
              <Table.Th style={{ width: '15%' }}>Pre-assessment</Table.Th>
              <Table.Th style={{ width: '9%' }}>Plan</Table.Th>
              <Table.Th style={{ width: '9%' }}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map(({ learner, role, plan, summary }) => (
              <Table.Tr key={learner.id} data-testid="learner-row" data-id={learner.id}>
                <Table.Td>
                  <UnstyledButton onClick={() => onOpen(learner.id)} className="plp-plans-name" data-testid="learner-open">
                    <Text fw={600} lineClamp={2} component="span">
                      {learner.name}
                    </Text>
                  </UnstyledButton>
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
                    <StatusBadge status={plan.status} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      No plan yet
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label={plan ? 'Regenerate plan…' : 'Generate plan…'}>
                      <ActionIcon variant="subtle" onClick={() => onGenerate([learner.id])} aria-label={`${plan ? 'Regenerate' : 'Generate'} the plan of ${learner.name}`} data-testid="learner-generate">
                        <IconSparkles size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Edit details">
                      <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(learner.id)} aria-label={`Edit ${learner.name}`} data-testid="learner-edit">
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label="Delete…">
                      <ActionIcon variant="subtle" color="red" onClick={() => onDelete(learner.id)} aria-label={`Delete ${learner.name}`} data-testid="learner-delete">
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

function LearnerPlanTab({ project, learnerId, onSelect, onEdit, onGenerate, today }: { project: Project; learnerId: string | null; onSelect: (id: string) => void; onEdit: (id: string) => void; onGenerate: (ids: string[]) => void; today: string }) {
  const learner = project.learners.find((candidate) => candidate.id === learnerId) ?? project.learners[0];
  const [view, setView] = useState<'plan' | 'assessments'>('plan');
  if (!learner) return null;
  const plan = project.plans.find((candidate) => candidate.learnerId === learner.id) ?? null;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="md">
          <Select
            label="Learner"
            data={project.learners.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={learner.id}
            onChange={(value) => value && onSelect(value)}
            searchable
            allowDeselect={false}
            w={280}
            data-testid="plan-learner-select"
          />
          {plan ? <StatusBadge status={plan.status} /> : null}
        </Group>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onEdit(learner.id)}>
            Edit details
          </Button>
          <Button leftSection={<IconSparkles size={16} />} onClick={() => onGenerate([learner.id])} data-testid="plan-generate" variant={plan ? 'default' : 'filled'}>
            {plan ? 'Regenerate…' : 'Generate plan…'}
          </Button>
        </Group>
      </Group>
      <Tabs value={view} onChange={(value) => setView(value === 'assessments' ? 'assessments' : 'plan')} variant="pills" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan" data-testid="view-plan">
            Plan
          </Tabs.Tab>
          <Tabs.Tab value="assessments" data-testid="view-assessments">
            Assessments
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="lg">
          {plan ? (
            <PlanEditor project={project} plan={plan} today={today} />
          ) : (
            <TeachingEmptyState
              testId="empty-plan"
              icon={<IconClipboardList size={34} stroke={1.5} />}
              title={`${learner.name} has no plan yet`}
              description="Generate a plan from a PLP framework: the studio picks goals from the gaps between the pre-assessment and the role's targets, chooses options for those gaps and dates everything. You can then change anything by hand."
              actionLabel="Generate plan…"
              onAction={() => onGenerate([learner.id])}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="assessments" pt="lg">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Pick a level per capability and kind (type a letter or use the arrow keys; Tab moves on). The plan starts from the latest pre-assessment, else the manager rating, else the self-assessment; post-assessments measure the gain.
            </Text>
            <AssessmentGrid project={project} learner={learner} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function LearnersWorkspace() {
  const project = useProject(selectPresent);
  const startWithSample = useStartWithSample();
  const [tab, setTab] = useState<Tab>('learners');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [generating, setGenerating] = useState<string[] | null>(null);
  const today = localToday();
  if (!project) return null;

  const open = (learnerId: string) => {
    setSelected(learnerId);
    setTab('plan');
  };
  const assessed = new Set(project.assessments.filter((assessment) => assessment.kind === 'pre').map((assessment) => assessment.learnerId)).size;

  return (
    <WorkspaceFrame
      id="learners-plans"
      step={4}
      title="Learners & plans"
      purpose="Each learner's role, time for learning and assessments; their personalized plan, generated from a framework and edited with their manager; the cohort's timeline and the gains."
      aside={
        project.learners.length > 0 ? (
          <Group gap="xl">
            <Stat label={project.learners.length === 1 ? 'learner' : 'learners'} value={project.learners.length} />
            <Stat label="pre-assessed" value={assessed} />
            <Stat label={project.plans.length === 1 ? 'plan' : 'plans'} value={project.plans.length} />
          </Group>
        ) : undefined
      }
    >
      {project.learners.length === 0 ? (
        <TeachingEmptyState
          testId="empty-learners-plans"
          icon={<IconUsersGroup size={34} stroke={1.5} />}
          title="Add the people the plans are for"
          description="List each learner with their role, manager, team, start date and the hours a week they can give to learning, then record a pre-assessment per capability. The studio compares it with the role's targets to propose each personal plan."
          actionLabel="Add a learner"
          onAction={() => setEditing('new')}
          footnote={
            <UnstyledButton onClick={startWithSample} className="plp-plans-link">
              Or explore the sample project
            </UnstyledButton>
          }
        />
      ) : (
        <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'learners')} keepMounted={false} className="plp-plans-tabs">
          <Tabs.List mb="lg">
            <Tabs.Tab value="learners" leftSection={<IconUsersGroup size={18} />} data-testid="tab-learners">
              Learners
            </Tabs.Tab>
            <Tabs.Tab value="plan" leftSection={<IconClipboardList size={18} />} data-testid="tab-plan">
              Assessments & plan
            </Tabs.Tab>
            <Tabs.Tab value="timeline" leftSection={<IconTimeline size={18} />} data-testid="tab-timeline">
              Cohort timeline
            </Tabs.Tab>
            <Tabs.Tab value="progress" leftSection={<IconChartBar size={18} />} data-testid="tab-progress">
              Progress
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="learners">
            <Roster project={project} onOpen={open} onEdit={setEditing} onDelete={setDeleting} onGenerate={setGenerating} />
          </Tabs.Panel>
          <Tabs.Panel value="plan">
            <LearnerPlanTab project={project} learnerId={selected} onSelect={setSelected} onEdit={setEditing} onGenerate={setGenerating} today={today} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline">
            <Stack gap="sm">
              <Text c="dimmed" size="sm">
                One row per learner: the bars are the hours each week asks for, against the learner&apos;s own hours a week. Red bars and ⚠ mark weeks over capacity.
              </Text>
              <CohortTimeline project={project} today={today} onOpen={open} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="progress">
            <ProgressDashboard project={project} />
          </Tabs.Panel>
        </Tabs>
      )}
      <LearnerDrawer project={project} learnerId={editing} onClose={() => setEditing(null)} onSaved={(id) => setSelected(id)} />
      <DeleteLearnerDialog project={project} learnerId={deleting} onClose={() => setDeleting(null)} />
      <GenerateDialog
        project={project}
        learnerIds={generating}
        onClose={() => setGenerating(null)}
        onDone={(count) => showToast({ kind: 'success', title: count === 1 ? 'Plan generated' : `${plural(count, 'plan')} generated`, message: 'Ctrl+Z undoes it in one step.' })}
      />
    </WorkspaceFrame>
  );
}
