/**
 * The activity catalog view of the Pathways workspace: search and filters, a table with
 * multi-select (checkboxes, shift-click ranges, Ctrl/Cmd+A), a bulk edit bar, and the detail
 * editor beside the table. Every change is a catalog command run through the project store.
 *
 * Keys (when not typing in a field): in the table, Ctrl/Cmd+A selects every shown activity and
 * Delete asks to delete the selection (or the focused row); anywhere in the view, Ctrl/Cmd+D
 * duplicates the selection (or the focused row, or the open activity) and Escape clears the
 * selection.
 */
import { Button, Group, ScrollArea, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconBooks, IconCopyPlus, IconFilterOff, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useCallback, useDeferredValue, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { activityUses, addActivity, deleteActivities, duplicateActivities, type ActivityUse } from '../../../../shared/domain/commands/catalog-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Activity, Capability, ProficiencyLevel, Project } from '../../../../shared/domain/schema';
import { useProject, useServices } from '../../app/services';
import { isMac, isTextEditingTarget } from '../../app/shortcuts';
import { TeachingEmptyState } from '../../components/WorkspaceFrame';
import { Announcer, ConfirmDialog, announce, focusSoon, useRun, type ConfirmRequest } from '../capability-model/editing';
import '../pathways/pathways.css';
import { ActivityEditor, CATEGORY_OPTIONS, MODALITY_OPTIONS } from './ActivityEditor';
import { ActivityTable } from './ActivityTable';
import { BulkBar } from './BulkBar';
import './catalog.css';
import { NO_FILTER, filterActivities, isFiltering, rangeBetween, type CatalogFilter } from './filter';
import { PathwaysViewSwitch } from './ViewSwitch';

const EFFECT_TEXT: Record<ActivityUse['effect'], string> = {
  'remove-step': 'the step is removed, with its connections',
  'leave-group': 'it is taken out of the group’s choices',
  'unlink-step': 'the step stays, without an activity',
  'unlink-plan-item': 'the item stays in the plan, no longer linked to the catalog',
};

function UsesList({ uses, titles }: { uses: readonly ActivityUse[]; titles: ReadonlyMap<string, string> }) {
  return (
    <ul className="plp-ac-uses" data-testid="delete-uses">
      {uses.map((use) => (
        <li key={`${use.activityId}:${use.nodeId ?? use.itemId ?? ''}:${use.where}`}>
          <strong>{titles.get(use.activityId)}</strong> — {use.what} in {use.where}: {EFFECT_TEXT[use.effect]}.
        </li>
      ))}
    </ul>
  );
}

function deleteRequest(project: Project, ids: readonly string[], onConfirm: () => void, detach: () => void): ConfirmRequest {
  const titles = new Map(project.activities.map((activity) => [activity.id, activity.title]));
  const uses = activityUses(project, ids);
  const name = ids.length === 1 ? `“${titles.get(ids[0] ?? '') ?? ''}”` : `${ids.length} activities`;
  let body: ReactNode;
  if (uses.length === 0) {
    body = <Text>{ids.length === 1 ? 'It is not used in any pathway or plan.' : 'None of them is used in a pathway or plan.'}</Text>;
  } else {
    body = (
      <Stack gap="xs">
        <Text>
          {ids.length === 1 ? 'This activity is used in' : 'These activities are used in'} {uses.length === 1 ? '1 place' : `${uses.length} places`}. Deleting{' '}
          {ids.length === 1 ? 'it' : 'them'} changes each of them:
        </Text>
        <UsesList uses={uses} titles={titles} />
      </Stack>
    );
  }
  return { title: `Delete ${name}?`, body, confirmLabel: uses.length === 0 ? 'Delete' : 'Delete and update pathways', onConfirm: uses.length === 0 ? onConfirm : detach };
}

function EmptyCatalog({ onNew }: { onNew: () => void }) {
  return (
    <TeachingEmptyState
      testId="catalog-empty"
      icon={<IconBooks size={34} stroke={1.5} />}
      title="Build the activity catalog"
      description="The catalog holds every learning activity a pathway can use: courses and e-learning, workshops and webinars, podcasts, videos and reading, mentoring and coaching, job shadowing, stretch assignments and on-the-job projects. Give each its hours, its 70-20-10 category and the capabilities it develops."
      actionLabel="New activity"
      onAction={onNew}
    />
  );
}

export function CatalogWorkspace() {
  const run = useRun();
  const { store } = useServices();
  const project = useProject((state) => state.history?.present ?? null);
  const activities = project?.activities ?? EMPTY_ACTIVITIES;
  const capabilities = project?.capabilities ?? EMPTY_CAPABILITIES;
  const levels = project?.scale.levels ?? EMPTY_LEVELS;

  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const deferredQuery = useDeferredValue(filter.query);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const shown = useMemo(() => filterActivities(activities, { ...filter, query: deferredQuery }), [activities, filter, deferredQuery]);
  const capabilityNames = useMemo(() => new Map(capabilities.map((capability) => [capability.id, capability.name])), [capabilities]);
  const existing = useMemo(() => new Set(activities.map((activity) => activity.id)), [activities]);
  // The selection forgets activities that are gone (deleted, or an add undone).
  const liveSelection = useMemo(() => [...selected].filter((id) => existing.has(id)), [selected, existing]);
  const open = activities.find((activity) => activity.id === openId) ?? null;
  const targets = liveSelection.length > 0 ? liveSelection : open ? [open.id] : [];

  const setSelection = useCallback((ids: Iterable<string>) => setSelected(new Set(ids)), []);

  const onToggle = useCallback(
    (id: string, range: boolean) => {
      const order = shown.map((activity) => activity.id);
      setSelected((current) => {
        const next = new Set(current);
        if (range) {
          for (const rangeId of rangeBetween(order, anchor, id)) next.add(rangeId);
        } else if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      setAnchor(id);
    },
    [shown, anchor],
  );
  const onToggleAll = useCallback(() => {
    const allShown = shown.length > 0 && shown.every((activity) => selected.has(activity.id));
    setSelection(allShown ? [] : shown.map((activity) => activity.id));
  }, [shown, selected, setSelection]);

  const createActivity = () => {
    const id = newId('activity');
    const result = run(() => addActivity({ id, title: 'New activity', modality: 'e-learning' }));
    if (!result.ok) return;
    setFilter(NO_FILTER);
    setSelection([]);
    setOpenId(id);
    revealRow(id);
    focusSoon('[data-testid="field-title"]');
  };

  const duplicate = (ids: readonly string[]) => {
    if (ids.length === 0 || !project) return;
    const before = new Set(project.activities.map((activity) => activity.id));
    const result = run(() => duplicateActivities(ids, () => newId('activity')));
    const after = store.getState().history?.present.activities ?? [];
    const copies = after.map((activity) => activity.id).filter((id) => !before.has(id));
    if (!result.ok || copies.length === 0) return;
    announce(copies.length === 1 ? 'Duplicated 1 activity.' : `Duplicated ${copies.length} activities.`);
    setSelection(copies.length > 1 ? copies : []);
    if (copies[0]) revealRow(copies[0]);
    if (copies.length === 1) setOpenId(copies[0] ?? null);
  };

  const requestDelete = (ids: readonly string[]) => {
    if (ids.length === 0 || !project) return;
    const done = () => {
      announce(ids.length === 1 ? 'Deleted 1 activity.' : `Deleted ${ids.length} activities.`);
      setSelection([]);
      if (openId && ids.includes(openId)) setOpenId(null);
    };
    setConfirm(
      deleteRequest(
        project,
        ids,
        () => {
          if (run(() => deleteActivities(ids)).ok) done();
        },
        () => {
          if (run(() => deleteActivities(ids, { detachUses: true })).ok) done();
        },
      ),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (isTextEditingTarget(event.target) || event.altKey) return;
    // Keys from portals (the confirmation, dropdowns) bubble here through React, not the DOM: not ours.
    if (!(event.target instanceof Node) || !event.currentTarget.contains(event.target)) return;
    if ((event.target as HTMLElement).closest('[role="listbox"], .mantine-Popover-dropdown')) return;
    const mod = isMac ? event.metaKey : event.ctrlKey;
    // A key pressed on a row acts on that row, unless the row is part of the selection.
    const rowId = (event.target as HTMLElement).closest('[data-testid="catalog-row"]')?.getAttribute('data-id') ?? null;
    const keyTargets = rowId !== null && !liveSelection.includes(rowId) ? [rowId] : targets;
    // Select-all and Delete belong to the table: in the editor a Backspace on a choice field must not ask to delete.
    const inTable = (event.target as HTMLElement).closest('.plp-ac-table, .plp-ac-toolbar') !== null;
    const key = event.key.toLowerCase();
    if (inTable && mod && !event.shiftKey && key === 'a') {
      event.preventDefault();
      setSelection(shown.map((activity) => activity.id));
    } else if (mod && !event.shiftKey && key === 'd') {
      event.preventDefault();
      duplicate(keyTargets);
    } else if (inTable && !mod && (event.key === 'Delete' || event.key === 'Backspace')) {
      if (keyTargets.length === 0) return;
      event.preventDefault();
      requestDelete(keyTargets);
    } else if (event.key === 'Escape' && liveSelection.length > 0) {
      setSelection([]);
    }
  };

  if (!project) return null;
  const MOD = isMac ? '⌘' : 'Ctrl+';
  const filtering = isFiltering(filter);

  return (
    <section className="plp-pathways plp-ac" data-testid="workspace-catalog" aria-labelledby="pathways-heading" onKeyDown={onKeyDown}>
      <header className="plp-pathways-head">
        <Stack gap={0} className="plp-pathways-title">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
            Step 3 of 5
          </Text>
          <Title order={1} id="pathways-heading" className="plp-pathways-h1">
            Pathways
          </Title>
        </Stack>
        <PathwaysViewSwitch />
        {activities.length > 0 ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createActivity} data-testid="catalog-new">
            New activity
          </Button>
        ) : null}
        <span className="plp-grow" />
        <span className="plp-head-stats" data-testid="catalog-count">
          <strong>{activities.length.toLocaleString('en-US')}</strong> {activities.length === 1 ? 'activity' : 'activities'}
          {filtering ? (
            <>
              {' '}
              · <strong>{shown.length.toLocaleString('en-US')}</strong> shown
            </>
          ) : null}
        </span>
      </header>
      {activities.length === 0 ? (
        <div className="plp-ac-empty">
          <EmptyCatalog onNew={createActivity} />
        </div>
      ) : (
        <div className="plp-ac-body" data-open={open ? 'true' : undefined}>
          <div className="plp-ac-main">
            <Group className="plp-ac-toolbar" gap="xs" wrap="wrap" role="toolbar" aria-label="Catalog tools">
              <TextInput
                className="plp-ac-search"
                size="sm"
                placeholder="Search activities"
                aria-label="Search activities"
                leftSection={<IconSearch size={16} aria-hidden />}
                value={filter.query}
                onChange={(event) => setFilter({ ...filter, query: event.currentTarget.value })}
                data-testid="catalog-filter-search"
              />
              <Select
                size="sm"
                className="plp-ac-filter"
                aria-label="Filter by modality"
                placeholder="Any modality"
                data={MODALITY_OPTIONS}
                value={filter.modality}
                clearable
                searchable
                onChange={(value) => setFilter({ ...filter, modality: (value as Activity['modality'] | null) ?? null })}
                data-testid="catalog-filter-modality"
              />
              <Select
                size="sm"
                className="plp-ac-filter"
                aria-label="Filter by 70-20-10 category"
                placeholder="Any category"
                data={CATEGORY_OPTIONS}
                value={filter.category}
                clearable
                comboboxProps={{ width: 260 }}
                onChange={(value) => setFilter({ ...filter, category: (value as Activity['category'] | null) ?? null })}
                data-testid="catalog-filter-category"
              />
              <Select
                size="sm"
                className="plp-ac-filter plp-ac-filter-wide"
                aria-label="Filter by capability developed"
                placeholder="Any capability"
                data={capabilities.map((capability) => ({ value: capability.id, label: capability.name }))}
                value={filter.capabilityId}
                clearable
                searchable
                comboboxProps={{ width: 340 }}
                onChange={(value) => setFilter({ ...filter, capabilityId: value })}
                data-testid="catalog-filter-capability"
              />
              <span className="plp-grow" />
              <Tooltip label={`Duplicate (${MOD}D)`}>
                <Button size="sm" variant="default" leftSection={<IconCopyPlus size={16} aria-hidden />} disabled={targets.length === 0} onClick={() => duplicate(targets)} data-testid="catalog-duplicate">
                  Duplicate
                </Button>
              </Tooltip>
              <Tooltip label="Delete (Delete key)">
                <Button size="sm" variant="default" leftSection={<IconTrash size={16} aria-hidden />} disabled={targets.length === 0} onClick={() => requestDelete(targets)} data-testid="catalog-delete">
                  Delete
                </Button>
              </Tooltip>
            </Group>
            {liveSelection.length >= 2 ? <BulkBar ids={liveSelection} capabilities={capabilities} levels={levels} onClear={() => setSelection([])} /> : null}
            {shown.length === 0 ? (
              <div className="plp-ac-nomatch" data-testid="catalog-no-match">
                <Text fw={650}>No activity matches</Text>
                <Text size="sm" c="dimmed">
                  Nothing in the catalog fits the search and filters.
                </Text>
                <Button variant="light" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => setFilter(NO_FILTER)} data-testid="catalog-clear-filters">
                  Clear filters
                </Button>
              </div>
            ) : (
              <ScrollArea className="plp-ac-scroll" type="auto" offsetScrollbars="y">
                <ActivityTable activities={shown} capabilityNames={capabilityNames} selected={selected} openId={openId} onToggle={onToggle} onToggleAll={onToggleAll} onOpen={setOpenId} compact={open !== null} />
              </ScrollArea>
            )}
          </div>
          {open ? (
            <ActivityEditor
              key={open.id}
              activity={open}
              capabilities={capabilities}
              levels={levels}
              onClose={() => setOpenId(null)}
              onDuplicate={() => duplicate([open.id])}
              onDelete={() => requestDelete([open.id])}
            />
          ) : null}
        </div>
      )}
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      <Announcer />
    </section>
  );
}

const EMPTY_ACTIVITIES: readonly Activity[] = [];

/** Scrolls a new row (added at the end, or a copy) into view once it is rendered. */
function revealRow(id: string): void {
  requestAnimationFrame(() => document.querySelector(`[data-testid="catalog-row"][data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }));
}
const EMPTY_CAPABILITIES: readonly Capability[] = [];
const EMPTY_LEVELS: readonly ProficiencyLevel[] = [];
