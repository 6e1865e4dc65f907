/**
 * One learner's personalized learning plan, as the six elements of the seed article, each
 * editable: learner info, prioritized goals, activities & resources (with reasons and overrides),
 * the dated timeline, participation expectations, assessment & feedback; then status and sign-off.
 */
import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowBackUp, IconArrowDown, IconArrowsExchange, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { moveGoal, restorePlanItem, setItemDates, setItemStatus, setPlanStatus, setPlanTextList, setSignOff, STATUS_LABEL, type PlanStatus } from '../../../../shared/domain/commands/plan-commands';
import { LEVEL_SOURCE_LABELS, planElements } from '../../../../shared/domain/plans';
import { PLAN_STATUSES, type Plan, type PlanItem, type Project } from '../../../../shared/domain/schema';
import { formatDate } from '../../app/format';
import { MODALITY_LABEL, NODE_KIND_LABEL } from '../labels';
import { OverrideDialog, type OverrideRequest } from './dialogs';
import { CommitInput, CommitLines, ManualBadge, SectionTitle, useRun } from './fields';
import { PlanTimeline } from './Timelines';

const KIND_BADGE: Partial<Record<PlanItem['kind'], { label: string; color: string }>> = {
  core: { label: 'Core', color: 'indigo' },
  'optional-group': { label: 'Option', color: 'teal' },
  capstone: { label: 'Capstone', color: 'grape' },
};

function Section({ number, title, children, id, actions }: { number: number; title: string; children: ReactNode; id: string; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="plp-plans-section" data-testid={`plan-section-${number}`}>
      <SectionTitle number={number} id={id} actions={actions}>
        {title}
      </SectionTitle>
      {children}
    </section>
  );
}

function GoalsList({ plan, project }: { plan: Plan; project: Project }) {
  const run = useRun();
  const elements = planElements(project, plan);
  const move = (capabilityId: string, delta: number, refocus: boolean) => {
    run(() => moveGoal(plan.id, capabilityId, delta));
    if (refocus) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-goal="${capabilityId}"]`)?.focus());
  };
  if (elements.goals.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No gaps against the role&apos;s targets: this plan has no goals. Record a pre-assessment to find them.
      </Text>
    );
  }
  return (
    <ol className="plp-plans-goals" aria-label="Prioritized learning goals (Alt+↑ / Alt+↓ to reorder)">
      {elements.goals.map((goal, index) => (
        <li
          key={goal.capabilityId}
          className="plp-plans-goal"
          tabIndex={0}
          data-goal={goal.capabilityId}
          data-testid="goal-row"
          aria-label={`Priority ${goal.rank}: ${goal.capabilityName}, ${goal.currentLevelLabel ?? 'not assessed'} to ${goal.targetLevelLabel}`}
          onKeyDown={(event: KeyboardEvent<HTMLLIElement>) => {
            if (event.target !== event.currentTarget || !event.altKey) return;
            if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
              event.preventDefault();
              move(goal.capabilityId, event.key === 'ArrowUp' ? -1 : 1, true);
            }
          }}
        >
          <span className="plp-plans-rank" aria-hidden>
            {goal.rank}
          </span>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={650}>{goal.capabilityName}</Text>
              <Text size="sm" c="dimmed">
                {goal.currentLevelLabel ?? 'Not assessed'} → {goal.targetLevelLabel}
              </Text>
            </Group>
            {goal.rationale ? (
              <Text size="sm" c="dimmed" lineClamp={2}>
                {goal.rationale}
              </Text>
            ) : null}
          </div>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Higher priority (Alt+↑)">
              <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => move(goal.capabilityId, -1, false)} aria-label={`Move ${goal.capabilityName} up`} data-testid="goal-up">
                <IconArrowUp size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Lower priority (Alt+↓)">
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === elements.goals.length - 1}
                onClick={() => move(goal.capabilityId, 1, false)}
                aria-label={`Move ${goal.capabilityName} down`}
                data-testid="goal-down"
              >
                <IconArrowDown size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </li>
      ))}
    </ol>
  );
}

function ActivitiesTable({ plan, project, onOverride }: { plan: Plan; project: Project; onOverride: (request: OverrideRequest) => void }) {
  const run = useRun();
  const activities = new Map(project.activities.map((activity) => [activity.id, activity]));
  const items = plan.items.filter((item) => KIND_BADGE[item.kind] !== undefined);
  return (
    <Paper withBorder radius="md" className="plp-table-paper">
      <Table layout="fixed" aria-label="Activities and resources" className="plp-table" data-testid="plan-activities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ width: '34%' }}>Activity</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th style={{ width: 150 }}>When</Table.Th>
            <Table.Th style={{ width: 150 }}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const activity = item.activityId ? activities.get(item.activityId) : undefined;
            const badge = KIND_BADGE[item.kind]!;
            const skipped = item.status === 'skipped';
            return (
              <Table.Tr key={item.id} data-testid="plan-item" data-id={item.id} data-activity={item.activityId ?? ''} data-status={item.status} className={skipped ? 'plp-plans-skipped' : undefined}>
                <Table.Td>
                  <Stack gap={4}>
                    <Text fw={600} td={skipped ? 'line-through' : undefined}>
                      {item.title}
                    </Text>
                    <Group gap={6}>
                      <Badge variant={item.kind === 'optional-group' ? 'default' : 'light'} color={badge.color}>
                        {item.nodeId === null ? 'Added' : badge.label}
                      </Badge>
                      {activity ? (
                        <Text size="sm" c="dimmed">
                          {MODALITY_LABEL[activity.modality]} · {activity.hours} h
                        </Text>
                      ) : null}
                      {item.manual ? <ManualBadge /> : null}
                      {skipped ? (
                        <Badge variant="outline" color="gray">
                          Removed
                        </Badge>
                      ) : null}
                      {activity?.link ? (
                        <Anchor href={activity.link} target="_blank" rel="noreferrer noopener" size="sm">
                          Link
                        </Anchor>
                      ) : null}
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={4} title={item.reason}>
                    {item.reason || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="plp-num">
                    {formatDate(item.start)}
                    {item.end && item.end !== item.start ? ` – ${formatDate(item.end)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {!skipped ? (
                      <Checkbox
                        size="sm"
                        checked={item.status === 'done'}
                        onChange={(event) => run(() => setItemStatus(plan.id, item.id, event.currentTarget.checked ? 'done' : 'planned'))}
                        aria-label={`${item.title} done`}
                        label="Done"
                        mr={6}
                      />
                    ) : null}
                    {!skipped && item.kind === 'optional-group' && item.nodeId !== null ? (
                      <Tooltip label="Swap for another option of this group">
                        <ActionIcon variant="subtle" onClick={() => onOverride({ kind: 'swap', item })} aria-label={`Swap ${item.title}`} data-testid="item-swap">
                          <IconArrowsExchange size={18} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                    {skipped ? (
                      <Tooltip label="Put back in the plan">
                        <ActionIcon variant="subtle" onClick={() => run(() => restorePlanItem(plan.id, item.id))} aria-label={`Restore ${item.title}`} data-testid="item-restore">
                          <IconArrowBackUp size={18} />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Tooltip label="Remove, with a reason">
                        <ActionIcon variant="subtle" color="red" onClick={() => onOverride({ kind: 'remove', item })} aria-label={`Remove ${item.title}`} data-testid="item-remove">
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function DatesTable({ plan }: { plan: Plan }) {
  const run = useRun();
  const items = plan.items.filter((item) => item.status !== 'skipped');
  return (
    <Paper withBorder radius="md" className="plp-table-paper">
      <Table layout="fixed" aria-label="Dates" className="plp-table" data-testid="plan-dates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th style={{ width: 180 }}>Start</Table.Th>
            <Table.Th style={{ width: 180 }}>End</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid="date-row" data-id={item.id}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={item.kind === 'milestone' ? 600 : undefined}>
                    {item.kind === 'milestone' ? '◆ ' : ''}
                    {item.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {NODE_KIND_LABEL[item.kind].one}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <CommitInput size="xs" type="date" aria-label={`${item.title}: start`} value={item.start ?? ''} onCommit={(start) => run(() => setItemDates(plan.id, item.id, start || null, item.end))} data-testid="date-start" />
              </Table.Td>
              <Table.Td>
                <CommitInput size="xs" type="date" aria-label={`${item.title}: end`} value={item.end ?? ''} onCommit={(end) => run(() => setItemDates(plan.id, item.id, item.start, end || null))} data-testid="date-end" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function PlanEditor({ project, plan, today }: { project: Project; plan: Plan; today: string }) {
  const run = useRun();
  const [override, setOverride] = useState<OverrideRequest | null>(null);
  const [showDates, setShowDates] = useState(false);
  const elements = planElements(project, plan);
  const learner = elements.learner;
  const framework = project.frameworks.find((candidate) => candidate.id === plan.frameworkId);
  const hours = project.learners.find((candidate) => candidate.id === plan.learnerId)?.hoursPerWeek ?? 0;

  return (
    <Stack gap="xl" data-testid="plan-editor">
      <Paper withBorder radius="md" p="md" className="plp-plans-statusbar">
        <Group justify="space-between" wrap="wrap" gap="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Plan status
            </Text>
            <SegmentedControl
              value={plan.status}
              onChange={(value) => run(() => setPlanStatus(plan.id, value as PlanStatus))}
              data={PLAN_STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))}
              data-testid="plan-status"
              aria-label="Plan status"
            />
          </Stack>
          <Text size="sm" c="dimmed" maw={520}>
            Framework: <strong>{framework?.name ?? plan.frameworkId}</strong>
            {plan.generatedAt ? ` · generated ${formatDate(plan.generatedAt.slice(0, 10))}` : ''}. Items marked “Manual override” were changed by hand and survive regeneration.
          </Text>
        </Group>
      </Paper>

      <Section number={1} title="Learner" id="plan-learner">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap={6}>
            <Text>
              <strong>{learner.name}</strong> · {learner.roleName ?? 'No role'}
            </Text>
            <Text size="sm" c="dimmed">
              Manager: {learner.manager || '—'} · Team: {learner.team || '—'} · {learner.hoursPerWeek} h a week from {formatDate(learner.startDate)}
            </Text>
            <Text size="sm" fw={600} mt={4}>
              Career goals
            </Text>
            <Text size="sm">{learner.careerGoals || 'Not recorded yet.'}</Text>
          </Stack>
          <Stack gap={4}>
            <Table className="plp-table" aria-label="Current capability levels" fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Capability</Table.Th>
                  <Table.Th>Now</Table.Th>
                  <Table.Th>Role target</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {learner.currentCapabilities.map((row) => (
                  <Table.Tr key={row.capabilityId}>
                    <Table.Td>{row.capabilityName}</Table.Td>
                    <Table.Td>
                      {row.levelLabel ?? (
                        <Text span c="dimmed" size="sm">
                          Not assessed
                        </Text>
                      )}
                      {row.source && row.source !== 'pre' ? (
                        <Text span c="dimmed" size="xs">
                          {' '}
                          ({LEVEL_SOURCE_LABELS[row.source]})
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{row.targetLevelLabel ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </SimpleGrid>
      </Section>

      <Section number={2} title="Prioritized learning goals" id="plan-goals">
        <GoalsList plan={plan} project={project} />
      </Section>

      <Section
        number={3}
        title="Activities & resources"
        id="plan-activities"
        actions={
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setOverride({ kind: 'add' })} data-testid="plan-add-activity">
            Add from catalog
          </Button>
        }
      >
        <ActivitiesTable plan={plan} project={project} onOverride={setOverride} />
      </Section>

      <Section
        number={4}
        title="Timeline & milestones"
        id="plan-timeline"
        actions={
          <Button variant="default" onClick={() => setShowDates((shown) => !shown)} aria-expanded={showDates} data-testid="plan-edit-dates">
            {showDates ? 'Hide dates' : 'Change dates'}
          </Button>
        }
      >
        <Stack gap="md">
          <PlanTimeline project={project} plan={plan} today={today} hoursPerWeek={hours} />
          {showDates ? <DatesTable plan={plan} /> : null}
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section number={5} title="Participation expectations" id="plan-expectations">
          <CommitLines
            lines={plan.participationExpectations}
            onCommit={(lines) => run(() => setPlanTextList(plan.id, 'participationExpectations', lines))}
            aria-label="Participation expectations, one per line"
            description="One expectation per line; saved when you leave the field."
            data-testid="plan-expectations"
          />
        </Section>
        <Section number={6} title="Assessment & feedback" id="plan-feedback">
          <Stack gap="xs">
            <CommitLines
              lines={plan.assessmentAndFeedback}
              onCommit={(lines) => run(() => setPlanTextList(plan.id, 'assessmentAndFeedback', lines))}
              aria-label="Assessment and feedback mechanisms, one per line"
              description="One mechanism per line; saved when you leave the field."
              data-testid="plan-feedback"
            />
            {elements.assessmentAndFeedback.assessments.length > 0 ? (
              <Text size="sm" c="dimmed">
                Scheduled: {elements.assessmentAndFeedback.assessments.map((entry) => `${entry.title} (${formatDate(entry.start)})`).join(' · ')}
              </Text>
            ) : null}
          </Stack>
        </Section>
      </SimpleGrid>

      <section aria-labelledby="plan-signoff" className="plp-plans-section" data-testid="plan-signoff">
        <SectionTitle id="plan-signoff">Sign-off</SectionTitle>
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <CommitInput label="Employee" value={plan.signOff.employeeName} placeholder={learner.name} onCommit={(employeeName) => run(() => setSignOff(plan.id, { employeeName }))} maxLength={500} />
          <CommitInput label="Employee signed on" type="date" value={plan.signOff.employeeDate ?? ''} onCommit={(date) => run(() => setSignOff(plan.id, { employeeDate: date || null }))} />
          <CommitInput label="Manager" value={plan.signOff.managerName} placeholder={learner.manager} onCommit={(managerName) => run(() => setSignOff(plan.id, { managerName }))} maxLength={500} />
          <CommitInput label="Manager signed on" type="date" value={plan.signOff.managerDate ?? ''} onCommit={(date) => run(() => setSignOff(plan.id, { managerDate: date || null }))} />
        </SimpleGrid>
      </section>

      <OverrideDialog project={project} plan={plan} request={override} onClose={() => setOverride(null)} />
    </Stack>
  );
}
