/**
 * The Step panel: edit what is selected on the canvas. One step: its name, activity, what it
 * measures, group rule and members, notes and its connections (the keyboard way to connect and
 * disconnect). Several steps: align, duplicate, delete. A connection: what it joins, delete it.
 */
import { ActionIcon, Button, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Tooltip, Kbd } from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconCopy,
  IconCopyPlus,
  IconLayoutAlignBottom,
  IconLayoutAlignCenter,
  IconLayoutAlignLeft,
  IconLayoutAlignMiddle,
  IconLayoutAlignRight,
  IconLayoutAlignTop,
  IconLayoutDistributeHorizontal,
  IconLayoutDistributeVertical,
  IconTrash,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import {
  addGroupActivities,
  connectNodes,
  disconnectEdges,
  removeGroupActivities,
  setGroupRule,
  updateNode,
} from '../../../../shared/domain/commands/pathway-commands';
import { newId } from '../../../../shared/domain/ids';
import { LEARNING_CATEGORIES, type Activity, type Framework, type PathwayNode } from '../../../../shared/domain/schema';
import { useProject, useServices } from '../../app/services';
import { isMac } from '../../app/shortcuts';
import { MODALITY_LABEL } from '../labels';
import { alignSelection, copySelection, deleteSelection, duplicateSelection, stableFramework, type EditorContext } from './editor-actions';
import { useEditor } from './editor-store';
import { CommitNumberInput, CommitTextarea, CommitTextInput } from './fields';
import { ALIGNMENT_LABEL, type Alignment } from './geometry';
import { CategoryTag } from './StepNode';
import { CATEGORY_LABEL, CATEGORY_SHARE, KIND_ICON, KIND_TITLE, MODALITY_ICON, hours } from './visuals';

const MOD = isMac ? '⌘' : 'Ctrl';

export function stepTitle(node: PathwayNode, activities: ReadonlyMap<string, Activity>): string {
  if (node.label.trim()) return node.label.trim();
  const activityId = node.kind === 'optional-group' || node.kind === 'milestone' ? null : node.activityId;
  return (activityId && activities.get(activityId)?.title) || KIND_TITLE[node.kind];
}

function activityOptions(activities: readonly Activity[], exclude: ReadonlySet<string> = new Set()) {
  return LEARNING_CATEGORIES.map((category) => ({
    group: `${CATEGORY_LABEL[category]} (${CATEGORY_SHARE[category]})`,
    items: activities.filter((activity) => activity.category === category && !exclude.has(activity.id)).map((activity) => ({ value: activity.id, label: activity.title })),
  })).filter((group) => group.items.length > 0);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={650}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function useActivities() {
  const activities = useProject((state) => state.history?.present.activities ?? []);
  const byId = useMemo(() => new Map(activities.map((activity) => [activity.id, activity])), [activities]);
  return { activities, byId };
}

function Connections({ ctx, framework, node, byId }: { ctx: EditorContext; framework: Framework; node: PathwayNode; byId: ReadonlyMap<string, Activity> }) {
  const { store } = useServices();
  const titles = useMemo(() => new Map(framework.nodes.map((candidate) => [candidate.id, stepTitle(candidate, byId)])), [framework.nodes, byId]);
  const before = framework.edges.filter((edge) => edge.target === node.id);
  const after = framework.edges.filter((edge) => edge.source === node.id);
  const nextIds = new Set(after.map((edge) => edge.target));
  const options = framework.nodes
    .filter((candidate) => candidate.id !== node.id && !nextIds.has(candidate.id))
    .map((candidate) => ({ value: candidate.id, label: `${titles.get(candidate.id)} (${KIND_TITLE[candidate.kind].toLowerCase()})` }));
  const row = (edgeId: string, otherId: string, direction: 'before' | 'after') => (
    <Group key={edgeId} gap={6} wrap="nowrap" className="plp-connection-row">
      {direction === 'before' ? <IconArrowLeft size={15} aria-hidden /> : <IconArrowRight size={15} aria-hidden />}
      <Text size="sm" className="plp-grow" truncate="end" title={titles.get(otherId)}>
        {titles.get(otherId) ?? otherId}
      </Text>
      <Tooltip label="Remove this connection">
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={`Remove the connection ${direction === 'before' ? 'from' : 'to'} ${titles.get(otherId) ?? otherId}`}
          onClick={() => store.getState().run(() => disconnectEdges(ctx.frameworkId, [edgeId]))}
        >
          <IconX size={14} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
  return (
    <Section title="Sequence">
      <Text size="xs" c="dimmed">
        Comes after
      </Text>
      {before.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing — this is a starting point
        </Text>
      ) : (
        before.map((edge) => row(edge.id, edge.source, 'before'))
      )}
      <Text size="xs" c="dimmed" mt={4}>
        Leads on to
      </Text>
      {after.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing — this is an end point
        </Text>
      ) : (
        after.map((edge) => row(edge.id, edge.target, 'after'))
      )}
      <Select
        size="sm"
        placeholder="Connect to a next step…"
        aria-label="Connect to a next step"
        data={options}
        value={null}
        searchable
        limit={50}
        nothingFoundMessage="No other step"
        onChange={(target) => {
          if (target) store.getState().run(() => connectNodes(ctx.frameworkId, { id: newId('edge'), source: node.id, target }));
        }}
        data-testid="inspector-connect"
      />
    </Section>
  );
}

function GroupMembers({ ctx, node, activities, byId }: { ctx: EditorContext; node: Extract<PathwayNode, { kind: 'optional-group' }>; activities: readonly Activity[]; byId: ReadonlyMap<string, Activity> }) {
  const { store } = useServices();
  const members = new Set(node.activityIds);
  return (
    <Section title={`Activities in the group (${node.activityIds.length})`}>
      {node.activityIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet: drag activities from the catalog onto the group, or add them here.
        </Text>
      ) : (
        <ul className="plp-member-list" data-testid="inspector-members">
          {node.activityIds.map((id) => {
            const activity = byId.get(id);
            const ModalityIcon = activity ? MODALITY_ICON[activity.modality] : null;
            return (
              <li key={id} className="plp-member-row">
                {ModalityIcon ? <ModalityIcon size={16} stroke={1.8} aria-hidden /> : null}
                <span className="plp-grow">
                  <Text size="sm" lh={1.3} className="plp-member-title">
                    {activity?.title ?? `Missing activity “${id}”`}
                  </Text>
                  {activity ? (
                    <Text size="xs" c="dimmed">
                      {MODALITY_LABEL[activity.modality]} · {hours(activity.hours)}
                    </Text>
                  ) : null}
                </span>
                {activity ? <CategoryTag category={activity.category} compact /> : null}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Remove ${activity?.title ?? id} from the group`}
                  onClick={() => store.getState().run(() => removeGroupActivities(ctx.frameworkId, node.id, [id]))}
                >
                  <IconX size={14} />
                </ActionIcon>
              </li>
            );
          })}
        </ul>
      )}
      <Select
        size="sm"
        placeholder="Add an activity…"
        aria-label="Add an activity to the group"
        data={activityOptions(activities, members)}
        value={null}
        searchable
        nothingFoundMessage="No activity matches"
        onChange={(id) => {
          if (id) store.getState().run(() => addGroupActivities(ctx.frameworkId, node.id, [id]));
        }}
      />
    </Section>
  );
}

function SingleStep({ ctx, node, framework }: { ctx: EditorContext; node: PathwayNode; framework: Framework }) {
  const { store } = useServices();
  const { activities, byId } = useActivities();
  const capabilities = useProject((state) => state.history?.present.capabilities ?? []);
  const run = (patch: Parameters<typeof updateNode>[2]) => store.getState().run(() => updateNode(ctx.frameworkId, node.id, patch));
  const KindIcon = KIND_ICON[node.kind];
  const activityId = node.kind === 'optional-group' || node.kind === 'milestone' ? null : node.activityId;
  const activity = activityId ? byId.get(activityId) : undefined;
  const placeholder = activity?.title ?? KIND_TITLE[node.kind];

  return (
    <Stack gap="md" data-testid="step-inspector" data-id={node.id}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <span className="plp-palette-icon" data-kind={node.kind}>
            <KindIcon size={18} stroke={1.8} aria-hidden />
          </span>
          <Text fw={650}>{KIND_TITLE[node.kind]}</Text>
        </Group>
        <Tooltip label="Delete step (Delete)">
          <ActionIcon variant="subtle" color="red" aria-label="Delete this step" onClick={() => deleteSelection(ctx)}>
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>

      <CommitTextInput
        key={`label-${node.label}`}
        label="Name on the pathway"
        description={node.kind === 'core' ? 'Leave empty to use the activity title' : undefined}
        placeholder={placeholder}
        value={node.label}
        maxLength={500}
        onCommit={(label) => run({ label })}
        data-testid="inspector-label"
      />

      {node.kind !== 'optional-group' && node.kind !== 'milestone' ? (
        <Select
          label={node.kind === 'core' ? 'Activity' : 'Activity (optional)'}
          placeholder="Choose from the catalog"
          data={activityOptions(activities)}
          value={node.activityId}
          searchable
          clearable={node.kind !== 'core'}
          allowDeselect={node.kind !== 'core'}
          nothingFoundMessage="No activity matches"
          onChange={(id) => {
            if (node.kind === 'core' && !id) return;
            run({ activityId: id });
          }}
          data-testid="inspector-activity"
        />
      ) : null}
      {activity ? (
        <Group gap={8} mt={-8}>
          <Text size="xs" c="dimmed">
            {MODALITY_LABEL[activity.modality]} · {hours(activity.hours)}
          </Text>
          <CategoryTag category={activity.category} />
        </Group>
      ) : null}

      {node.kind === 'pre-assessment' || node.kind === 'post-assessment' ? (
        <MultiSelect
          label="Capabilities it measures"
          placeholder={node.capabilityIds.length === 0 ? 'Choose capabilities' : undefined}
          data={capabilities.map((capability) => ({ value: capability.id, label: capability.name }))}
          value={node.capabilityIds}
          searchable
          hidePickedOptions
          onChange={(capabilityIds) => run({ capabilityIds })}
          data-testid="inspector-capabilities"
        />
      ) : null}

      {node.kind === 'optional-group' ? (
        <>
          <Section title="Learners choose">
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <CommitNumberInput
                key={`min-${node.min}`}
                label="At least"
                value={node.min}
                min={0}
                max={Math.max(node.activityIds.length, 1)}
                allowDecimal={false}
                onCommit={(min) => store.getState().run(() => setGroupRule(ctx.frameworkId, node.id, { min }))}
                w={96}
                data-testid="inspector-min"
              />
              <CommitNumberInput
                key={`max-${node.max}`}
                label="At most"
                value={node.max}
                min={0}
                allowDecimal={false}
                onCommit={(max) => store.getState().run(() => setGroupRule(ctx.frameworkId, node.id, { max }))}
                w={96}
                data-testid="inspector-max"
              />
              <Text size="sm" c="dimmed" pb={8}>
                of {node.activityIds.length}
              </Text>
            </Group>
            <SegmentedControl
              fullWidth
              size="xs"
              aria-label="How the activities are chosen"
              value={node.selectionRule}
              onChange={(value) => store.getState().run(() => setGroupRule(ctx.frameworkId, node.id, { selectionRule: value as 'by-gap' | 'learner-choice' }))}
              data={[
                { value: 'by-gap', label: 'By assessed gap' },
                { value: 'learner-choice', label: "Learner's choice" },
              ]}
            />
            <Text size="xs" c="dimmed">
              {node.selectionRule === 'by-gap'
                ? "Each plan gets the activities that close the learner's largest gaps from the pre-assessment."
                : 'Learners pick the activities themselves when they agree their plan with their manager.'}
            </Text>
          </Section>
          <GroupMembers ctx={ctx} node={node} activities={activities} byId={byId} />
        </>
      ) : null}

      {node.kind === 'milestone' ? (
        <Switch label="Manager check-in" description="The learner's manager attends this milestone" checked={node.checkIn} onChange={(event) => run({ checkIn: event.currentTarget.checked })} />
      ) : null}

      <CommitTextarea key={`notes-${node.notes}`} label="Notes" description="Timing, who is involved, how it is run" value={node.notes} onCommit={(notes) => run({ notes })} />

      <Connections ctx={ctx} framework={framework} node={node} byId={byId} />
    </Stack>
  );
}

const ALIGN_ICONS: [Alignment, Icon][] = [
  ['left', IconLayoutAlignLeft],
  ['center', IconLayoutAlignCenter],
  ['right', IconLayoutAlignRight],
  ['distribute-horizontal', IconLayoutDistributeHorizontal],
  ['top', IconLayoutAlignTop],
  ['middle', IconLayoutAlignMiddle],
  ['bottom', IconLayoutAlignBottom],
  ['distribute-vertical', IconLayoutDistributeVertical],
];

export function AlignButtons({ ctx, count }: { ctx: EditorContext; count: number }) {
  return (
    <SimpleGrid cols={4} spacing={6}>
      {ALIGN_ICONS.map(([alignment, AlignIcon]) => {
        const disabled = alignment.startsWith('distribute') ? count < 3 : count < 2;
        return (
          <Tooltip key={alignment} label={ALIGNMENT_LABEL[alignment]}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={ALIGNMENT_LABEL[alignment]}
              disabled={disabled}
              onClick={() => alignSelection(ctx, alignment, ALIGNMENT_LABEL[alignment])}
              data-testid={`align-${alignment}`}
            >
              <AlignIcon size={18} />
            </ActionIcon>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}

function ManySteps({ ctx, framework, ids }: { ctx: EditorContext; framework: Framework; ids: ReadonlySet<string> }) {
  const { byId } = useActivities();
  const nodes = framework.nodes.filter((node) => ids.has(node.id));
  return (
    <Stack gap="md" data-testid="multi-inspector">
      <Text fw={650}>{nodes.length} steps selected</Text>
      <Section title="Arrange">
        <AlignButtons ctx={ctx} count={nodes.length} />
      </Section>
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconCopy size={16} />} onClick={() => copySelection(ctx)}>
          Copy
        </Button>
        <Button variant="default" size="xs" leftSection={<IconCopyPlus size={16} />} onClick={() => duplicateSelection(ctx)}>
          Duplicate
        </Button>
        <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={16} />} onClick={() => deleteSelection(ctx)}>
          Delete
        </Button>
      </Group>
      <ul className="plp-selected-list">
        {nodes.slice(0, 12).map((node) => (
          <li key={node.id}>
            <Text size="sm" truncate="end">
              {stepTitle(node, byId)} <Text span size="xs" c="dimmed">({KIND_TITLE[node.kind].toLowerCase()})</Text>
            </Text>
          </li>
        ))}
        {nodes.length > 12 ? (
          <li>
            <Text size="sm" c="dimmed">
              and {nodes.length - 12} more
            </Text>
          </li>
        ) : null}
      </ul>
    </Stack>
  );
}

function ConnectionsSelected({ ctx, framework, ids }: { ctx: EditorContext; framework: Framework; ids: ReadonlySet<string> }) {
  const { byId } = useActivities();
  const titles = new Map(framework.nodes.map((node) => [node.id, stepTitle(node, byId)]));
  const edges = framework.edges.filter((edge) => ids.has(edge.id));
  return (
    <Stack gap="md" data-testid="edge-inspector">
      <Text fw={650}>{edges.length === 1 ? 'Connection' : `${edges.length} connections`}</Text>
      {edges.slice(0, 8).map((edge) => (
        <Text key={edge.id} size="sm">
          <strong>{titles.get(edge.source)}</strong> comes before <strong>{titles.get(edge.target)}</strong>
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        Drag either end of a connection onto another step to reconnect it, or onto empty canvas to remove it.
      </Text>
      <Button variant="light" color="red" size="xs" leftSection={<IconTrash size={16} />} onClick={() => deleteSelection(ctx)} w="fit-content">
        Delete {edges.length === 1 ? 'connection' : 'connections'}
      </Button>
    </Stack>
  );
}

const SHORTCUTS: [string, string][] = [
  ['Drag a step', 'Move it (one undo step)'],
  ['Shift + drag', 'Select with a box'],
  ['Shift + click', 'Add to the selection'],
  [`${MOD}+C / ${MOD}+V`, 'Copy, paste (also into another framework)'],
  [`${MOD}+D`, 'Duplicate'],
  ['Delete', 'Delete the selection'],
  ['Arrows', 'Move the selection (Shift: further)'],
  ['Tab / Alt+arrows', 'Go from step to step'],
  [`${MOD}+Z / ${MOD}+Shift+Z`, 'Undo, redo'],
];

export function ShortcutList() {
  return (
    <dl className="plp-shortcuts">
      {SHORTCUTS.map(([keys, what]) => (
        <div key={keys} className="plp-shortcut-row">
          <dt>
            {keys.split(' / ').map((chord, index) => (
              <span key={chord}>
                {index > 0 ? ' ' : null}
                <Kbd size="xs">{chord}</Kbd>
              </span>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

export function StepInspector({ ctx }: { ctx: EditorContext | null }) {
  const frameworkId = ctx?.frameworkId ?? null;
  const framework = useProject((state) => stableFramework(state, frameworkId));
  const selectedNodes = useEditor((state) => state.selectedNodes);
  const selectedEdges = useEditor((state) => state.selectedEdges);
  if (!ctx || !framework) return null;
  const single = selectedNodes.size === 1 ? framework.nodes.find((node) => selectedNodes.has(node.id)) : undefined;
  if (single) return <SingleStep key={single.id} ctx={ctx} node={single} framework={framework} />;
  if (selectedNodes.size > 1) return <ManySteps ctx={ctx} framework={framework} ids={selectedNodes} />;
  if (selectedEdges.size > 0) return <ConnectionsSelected ctx={ctx} framework={framework} ids={selectedEdges} />;
  return (
    <Stack gap="md" data-testid="inspector-empty">
      <Text size="sm" c="dimmed">
        Select a step on the canvas to edit it. Drag from a step&apos;s right-hand dot to another step&apos;s left-hand dot to say which comes first.
      </Text>
      <ShortcutList />
    </Stack>
  );
}
