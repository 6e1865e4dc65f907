/** The workspace's dialogs: delete a learner, generate / review plans, and the plan editor's overrides. */
import { Alert, Badge, Button, Checkbox, Group, List, Modal, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { deleteLearner, learnerReferences } from '../../../../shared/domain/commands/learner-commands';
import { addPlanActivity, hasChanges, removePlanItem, storeGeneratedPlans, swapOptionalPick } from '../../../../shared/domain/commands/plan-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Plan, PlanItem, Project } from '../../../../shared/domain/schema';
import { formatDate, plural } from '../../app/format';
import { useRun } from './fields';
import { generatePlans, localToday } from './plan-model';

// ---------------------------------------------------------------------------------------------
// Delete a learner

export function DeleteLearnerDialog({ project, learnerId, onClose }: { project: Project; learnerId: string | null; onClose: () => void }) {
  const run = useRun();
  const learner = learnerId ? project.learners.find((candidate) => candidate.id === learnerId) : undefined;
  const references = learnerId ? learnerReferences(project, learnerId) : { assessments: 0, plans: 0 };
  const goes = [references.assessments > 0 ? plural(references.assessments, 'assessment') : null, references.plans > 0 ? 'their learning plan' : null].filter(Boolean);
  return (
    <Modal opened={learner !== undefined} onClose={onClose} title={learner ? `Delete ${learner.name}?` : ''} data-testid="delete-learner-dialog" size="lg">
      {learner ? (
        <Stack gap="lg">
          <Text>
            {goes.length > 0 ? (
              <>
                Their {goes.join(' and ')} will be deleted with them.
              </>
            ) : (
              'They have no assessments and no plan.'
            )}
          </Text>
          <Text size="sm" c="dimmed">
            You can undo this with Ctrl+Z: everything comes back in one step.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              data-testid="delete-learner-confirm"
              onClick={() => {
                run(() => deleteLearner(learner.id));
                onClose();
              }}
            >
              Delete learner
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// Generate / regenerate

export function defaultFramework(project: Project, learnerIds: readonly string[]): string | null {
  const roles = new Set(project.learners.filter((learner) => learnerIds.includes(learner.id)).map((learner) => learner.roleId));
  const existing = project.plans.find((plan) => learnerIds.includes(plan.learnerId));
  if (existing && project.frameworks.some((framework) => framework.id === existing.frameworkId)) return existing.frameworkId;
  const fits = project.frameworks.find((framework) => framework.audienceRoleIds.some((roleId) => roles.has(roleId)));
  return fits?.id ?? project.frameworks[0]?.id ?? null;
}

function ChangeList({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {lines.map((line, index) => (
          <List.Item key={index}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}

function GenerateBody({ project, learnerIds, onClose, onDone }: { project: Project; learnerIds: readonly string[]; onClose: () => void; onDone: (count: number) => void }) {
  const run = useRun();
  const [frameworkId, setFrameworkId] = useState<string | null>(() => defaultFramework(project, learnerIds));
  const [keepOverrides, setKeepOverrides] = useState(true);
  const generated = useMemo(() => {
    if (!frameworkId) return [];
    return generatePlans(project, frameworkId, learnerIds, { today: localToday(), now: new Date().toISOString(), keepOverrides });
  }, [project, frameworkId, learnerIds, keepOverrides]);
  const fresh = generated.filter((entry) => entry.changes === null);
  const regenerated = generated.filter((entry) => entry.changes !== null);
  const overrides = regenerated.reduce((sum, entry) => sum + (entry.changes?.overrides ?? 0), 0);
  const unchanged = regenerated.filter((entry) => entry.changes && !hasChanges(entry.changes));
  const single = learnerIds.length === 1;
  const confirm = () => {
    if (generated.length === 0) return;
    const result = run(() => storeGeneratedPlans(generated.map((entry) => entry.plan)));
    if (result.ok) onDone(generated.length);
  };

  if (project.frameworks.length === 0) {
    return (
      <Stack>
        <Text>There is no PLP framework yet. Build one in Pathways first: the plan follows its pathway.</Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Select
        label="PLP framework"
        data={project.frameworks.map((framework) => ({ value: framework.id, label: framework.name }))}
        value={frameworkId}
        onChange={setFrameworkId}
        allowDeselect={false}
        data-testid="generate-framework"
      />
      {fresh.length > 0 ? (
        <Text>
          {single ? 'A first plan will be proposed' : `${plural(fresh.length, 'new plan')} will be proposed`} from the framework and the latest assessments
          {fresh[0] && single ? ` (${plural(fresh[0].plan.items.length, 'item')}, ${plural(fresh[0].plan.goals.length, 'goal')})` : ''}.
        </Text>
      ) : null}
      {regenerated.length > 0 ? (
        <Stack gap="sm" data-testid="generate-review">
          <Text fw={600}>
            {single ? 'This learner already has a plan. Regenerating changes:' : `${plural(regenerated.length, 'learner')} already ${regenerated.length === 1 ? 'has' : 'have'} a plan. Review the changes:`}
          </Text>
          {overrides > 0 ? (
            <Checkbox
              checked={keepOverrides}
              onChange={(event) => setKeepOverrides(event.currentTarget.checked)}
              label={`Keep the ${plural(overrides, 'manual override')} (removals, swaps, additions, date changes)`}
              description={keepOverrides ? undefined : 'The overrides will be discarded: the plan goes back to what the engine proposes.'}
              data-testid="generate-keep-overrides"
            />
          ) : null}
          <ScrollArea.Autosize mah={340} type="auto">
            <Stack gap="md" pr="sm">
              {regenerated.map(({ learnerId, learnerName, changes }) =>
                changes && hasChanges(changes) ? (
                  <Stack key={learnerId} gap={6} className="plp-plans-change" data-testid="generate-change">
                    {single ? null : <Text fw={650}>{learnerName}</Text>}
                    {changes.frameworkChanged ? <Text size="sm">Follows a different framework.</Text> : null}
                    <ChangeList title={`Added (${changes.added.length})`} lines={changes.added} />
                    <ChangeList title={`Removed (${changes.removed.length})`} lines={changes.removed} />
                    <ChangeList title={`Dates moved (${changes.moved.length})`} lines={changes.moved.map((move) => `${move.title}: ${formatDate(move.from)} → ${formatDate(move.to)}`)} />
                    <ChangeList title="Goals" lines={changes.goals} />
                  </Stack>
                ) : null,
              )}
              {unchanged.length > 0 ? (
                <Text size="sm" c="dimmed" data-testid="generate-unchanged">
                  {single ? 'Nothing would change.' : `${plural(unchanged.length, 'plan')} would not change.`}
                </Text>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      ) : null}
      {single && generated[0] && generated[0].warnings.length > 0 ? (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />} title={plural(generated[0].warnings.length, 'thing', 'things') + ' to check'}>
          <List size="sm">
            {generated[0].warnings.slice(0, 4).map((warning, index) => (
              <List.Item key={index}>{warning.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        One undo step (Ctrl+Z) takes {single ? 'it' : 'them all'} back.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={confirm} data-testid="generate-confirm" disabled={generated.length === 0}>
          {regenerated.length > 0 ? 'Apply changes' : single ? 'Generate plan' : `Generate ${generated.length} plans`}
        </Button>
      </Group>
    </Stack>
  );
}

export function GenerateDialog({ project, learnerIds, onClose, onDone }: { project: Project; learnerIds: readonly string[] | null; onClose: () => void; onDone: (count: number) => void }) {
  const single = learnerIds?.length === 1 ? project.learners.find((learner) => learner.id === learnerIds[0]) : undefined;
  const title = single ? `${project.plans.some((plan) => plan.learnerId === single.id) ? 'Regenerate' : 'Generate'} the plan of ${single.name}` : `Generate plans for ${plural(learnerIds?.length ?? 0, 'learner')}`;
  return (
    <Modal opened={learnerIds !== null} onClose={onClose} title={title} size="xl" data-testid="generate-dialog">
      {learnerIds ? (
        <GenerateBody
          project={project}
          learnerIds={learnerIds}
          onClose={onClose}
          onDone={(count) => {
            onDone(count);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// Plan overrides: remove with a reason, swap a pick, add from the catalog

export type OverrideRequest = { kind: 'remove'; item: PlanItem } | { kind: 'swap'; item: PlanItem } | { kind: 'add' };

function ReasonField({ value, onChange, error, label = 'Reason (shown in the plan)' }: { value: string; onChange: (text: string) => void; error: string | null; label?: string }) {
  return <Textarea label={label} required autosize minRows={2} value={value} onChange={(event) => onChange(event.currentTarget.value)} error={error} data-testid="override-reason" />;
}

function OverrideBody({ project, plan, request, onClose }: { project: Project; plan: Plan; request: OverrideRequest; onClose: () => void }) {
  const run = useRun();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inPlan = new Set(plan.items.filter((item) => item.status !== 'skipped').map((item) => item.activityId));
  const activities = new Map(project.activities.map((activity) => [activity.id, activity]));

  let options: { value: string; label: string }[] = [];
  if (request.kind === 'swap') {
    const framework = project.frameworks.find((candidate) => candidate.id === plan.frameworkId);
    const node = framework?.nodes.find((candidate) => candidate.id === request.item.nodeId);
    const members = node?.kind === 'optional-group' ? node.activityIds : [];
    options = members.filter((id) => !inPlan.has(id) && activities.has(id)).map((id) => ({ value: id, label: activities.get(id)!.title }));
  } else if (request.kind === 'add') {
    options = project.activities.filter((activity) => !inPlan.has(activity.id)).map((activity) => ({ value: activity.id, label: `${activity.title} · ${activity.hours} h` }));
  }

  const submit = () => {
    setError(null);
    const result =
      request.kind === 'remove'
        ? run(() => removePlanItem(plan.id, request.item.id, reason))
        : request.kind === 'swap'
          ? choice
            ? run(() => swapOptionalPick(plan.id, request.item.id, choice, reason, newId('item')))
            : { ok: false as const, message: 'Choose the option to take instead.' }
          : choice
            ? run(() => addPlanActivity(plan.id, { itemId: newId('item'), activityId: choice, reason, start: start || null, end: end || null }))
            : { ok: false as const, message: 'Choose an activity from the catalog.' };
    if (result.ok) onClose();
    else setError(result.message);
  };
  const chosen = choice ? activities.get(choice) : undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {request.kind === 'remove' ? (
          <Text>
            <strong>{request.item.title}</strong> stays listed as removed, with your reason, and regenerating will not bring it back.
          </Text>
        ) : null}
        {request.kind === 'swap' ? (
          <>
            <Text>
              Instead of <strong>{request.item.title}</strong>, take another option of the same group. It keeps the same dates.
            </Text>
            {options.length === 0 ? <Text c="dimmed">Every other option of this group is already in the plan.</Text> : null}
          </>
        ) : null}
        {request.kind !== 'remove' ? (
          <Select label={request.kind === 'swap' ? 'Take instead' : 'Activity from the catalog'} data={options} value={choice} onChange={setChoice} searchable data-autofocus data-testid="override-activity" nothingFoundMessage="No activity matches" />
        ) : null}
        {chosen?.description ? (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {chosen.description}
          </Text>
        ) : null}
        {request.kind === 'add' ? (
          <SimpleGrid cols={2}>
            <TextInput type="date" label="Start" value={start} onChange={(event) => setStart(event.currentTarget.value)} />
            <TextInput type="date" label="End" value={end} onChange={(event) => setEnd(event.currentTarget.value)} />
          </SimpleGrid>
        ) : null}
        <ReasonField value={reason} onChange={setReason} error={error} />
        <Group gap={6} c="dimmed">
          <IconInfoCircle size={16} aria-hidden />
          <Text size="sm">The change is marked “Manual override” in the plan and kept when the plan is regenerated.</Text>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color={request.kind === 'remove' ? 'red' : undefined} data-testid="override-confirm">
            {request.kind === 'remove' ? 'Remove from plan' : request.kind === 'swap' ? 'Swap option' : 'Add to plan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OverrideDialog({ project, plan, request, onClose }: { project: Project; plan: Plan | null; request: OverrideRequest | null; onClose: () => void }) {
  const title = request?.kind === 'remove' ? 'Remove an activity' : request?.kind === 'swap' ? 'Swap an optional pick' : 'Add an activity from the catalog';
  return (
    <Modal opened={request !== null && plan !== null} onClose={onClose} title={title} size="lg" data-testid="override-dialog">
      {request && plan ? <OverrideBody project={project} plan={plan} request={request} onClose={onClose} /> : null}
    </Modal>
  );
}

export function StatusBadge({ status }: { status: Plan['status'] }) {
  const colors: Record<Plan['status'], string> = { draft: 'gray', agreed: 'indigo', 'in-progress': 'blue', complete: 'teal' };
  const labels: Record<Plan['status'], string> = { draft: 'Draft', agreed: 'Agreed', 'in-progress': 'In progress', complete: 'Complete' };
  return (
    <Badge variant="light" color={colors[status]} data-testid="plan-status-badge">
      {labels[status]}
    </Badge>
  );
}
