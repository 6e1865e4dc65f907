/** The findings: statement (edited in place), source, priority, links and tags; filter, edit, delete, reorder. */
import { ActionIcon, Button, CloseButton, Group, Paper, SegmentedControl, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconSearch, IconTrash } from '@tabler/icons-react';
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { deleteFinding, moveFinding, updateFinding } from '../../../../shared/domain/commands/findings-commands';
import { PRIORITIES, type Finding, type Project } from '../../../../shared/domain/schema';
import { useServices } from '../../app/services';
import { InlineText, type CommitResult } from '../../components/InlineText';
import { altMove, announce, restoreFocus, useRun } from '../capability-model/editing';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../labels';
import { LinkList } from '../LinkList';

type PriorityFilter = 'all' | (typeof PRIORITIES)[number];

interface RowContext {
  capabilities: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
  commit: (findingId: string, statement: string) => CommitResult;
  edit: (findingId: string) => void;
  remove: (finding: Finding) => void;
  move: (finding: Finding, delta: -1 | 1, from: Element | null) => void;
}

const FindingRow = memo(function FindingRow({ finding, context, recent, movable }: { finding: Finding; context: RowContext; recent: boolean; movable: boolean }) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const delta = altMove(event);
    if (delta === null || !movable) return;
    event.preventDefault();
    context.move(finding, delta, document.activeElement);
  };
  return (
    <Table.Tr data-testid="finding-row" data-id={finding.id} className={recent ? 'plp-finding-new' : undefined} onKeyDown={onKeyDown}>
      <Table.Td>
        <InlineText
          value={finding.statement}
          label="Finding"
          testId="finding-statement"
          data-id={finding.id}
          multiline
          lineClamp={3}
          onCommit={(next) => context.commit(finding.id, next)}
        />
        {finding.evidence ? (
          <Text size="sm" c="dimmed" lineClamp={2} mt={4} style={{ overflowWrap: 'anywhere' }}>
            {finding.evidence}
          </Text>
        ) : null}
        {finding.tags.length > 0 ? (
          <Group gap={4} mt={6} data-testid="finding-tags">
            {finding.tags.map((tag) => (
              <span key={tag} className="plp-tag">
                #{tag}
              </span>
            ))}
          </Group>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{SOURCE_LABEL[finding.source]}</Text>
      </Table.Td>
      <Table.Td>
        <span className="plp-priority" data-priority={finding.priority}>
          <span className="plp-priority-dot" aria-hidden />
          {PRIORITY_LABEL[finding.priority]}
        </span>
      </Table.Td>
      <Table.Td data-testid="finding-capabilities">
        <LinkList ids={finding.capabilityIds} names={context.capabilities} none="No capability linked" />
      </Table.Td>
      <Table.Td data-testid="finding-roles">
        <LinkList ids={finding.roleIds} names={context.roles} none="All roles" />
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap" justify="flex-end">
          <Tooltip label="Edit source, evidence, links and tags">
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Edit finding: ${finding.statement}`} onClick={() => context.edit(finding.id)} data-testid="finding-edit" data-id={finding.id}>
              <IconPencil size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete finding">
            <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Delete finding: ${finding.statement}`} onClick={() => context.remove(finding)} data-testid="finding-delete" data-id={finding.id}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

function matches(finding: Finding, words: readonly string[], names: { capabilities: ReadonlyMap<string, string>; roles: ReadonlyMap<string, string> }): boolean {
  if (words.length === 0) return true;
  const haystack = [
    finding.statement,
    finding.evidence,
    SOURCE_LABEL[finding.source],
    ...finding.tags,
    ...finding.capabilityIds.map((id) => names.capabilities.get(id) ?? ''),
    ...finding.roleIds.map((id) => names.roles.get(id) ?? ''),
  ]
    .join(' ')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function FindingsTable({ project, recentId, onEdit }: { project: Project; recentId: string | null; onEdit: (findingId: string) => void }) {
  const run = useRun();
  const { store } = useServices();
  const [query, setQuery] = useState('');
  const [priority, setPriority] = useState<PriorityFilter>('all');

  const context = useMemo((): RowContext => {
    return {
      capabilities: new Map(project.capabilities.map((item) => [item.id, item.name])),
      roles: new Map(project.roles.map((item) => [item.id, item.name])),
      commit: (findingId, statement) => {
        const result = run(() => updateFinding(findingId, { statement }));
        return result.ok ? { ok: true } : { ok: false, message: result.message };
      },
      edit: onEdit,
      remove: (finding) => {
        const result = run(deleteFinding(finding.id));
        if (!result.ok) return;
        const after = store.getState().history?.present;
        announce('Finding deleted. Ctrl+Z brings it back.');
        notifications.show({
          id: 'finding-deleted',
          color: 'indigo',
          title: 'Finding deleted',
          'data-testid': 'toast',
          message: (
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Text size="sm" lineClamp={1}>
                “{finding.statement}”
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => {
                  // Only undo the deletion itself, never a later edit.
                  if (store.getState().history?.present === after) store.getState().undo();
                  notifications.hide('finding-deleted');
                }}
              >
                Undo
              </Button>
            </Group>
          ),
          autoClose: 6000,
          closeButtonProps: { 'aria-label': 'Dismiss notification' },
        });
      },
      move: (finding, delta, from) => {
        const result = run(moveFinding(finding.id, delta));
        if (result.ok && result.changed) {
          announce(delta < 0 ? 'Finding moved up.' : 'Finding moved down.');
          restoreFocus(from);
        }
      },
    };
    // Rows re-render when capability or role names change, not on every finding edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project.capabilities, project.roles, onEdit]);

  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const filtering = words.length > 0 || priority !== 'all';
  const shown = project.findings.filter((finding) => (priority === 'all' || finding.priority === priority) && matches(finding, words, context));

  return (
    <>
      <Group justify="space-between" mb="md" gap="md" wrap="wrap">
        <Group gap="md" wrap="nowrap">
          <TextInput
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query !== '') {
                event.preventDefault();
                setQuery('');
              }
            }}
            leftSection={<IconSearch size={18} aria-hidden />}
            rightSection={query ? <CloseButton aria-label="Clear filter" onClick={() => setQuery('')} /> : null}
            placeholder="Filter findings, tags, capabilities, roles"
            aria-label="Filter findings"
            data-testid="finding-filter"
            w={400}
          />
          <SegmentedControl
            value={priority}
            onChange={(value) => setPriority(value as PriorityFilter)}
            data={[{ value: 'all', label: 'All' }, ...PRIORITIES.map((value) => ({ value, label: PRIORITY_LABEL[value] }))]}
            aria-label="Show findings of priority"
            data-testid="finding-priority-filter"
          />
        </Group>
        {filtering ? (
          <Text size="sm" c="dimmed" role="status">
            {shown.length} of {project.findings.length} findings shown
          </Text>
        ) : null}
      </Group>
      <Paper withBorder radius="md" className="plp-table-paper">
        <Table stickyHeader stickyHeaderOffset={68} highlightOnHover aria-label="Needs-analysis findings" data-testid="findings-table" className="plp-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ width: '39%' }}>Finding</Table.Th>
              <Table.Th style={{ width: '10%' }}>Source</Table.Th>
              <Table.Th style={{ width: '9%' }}>Priority</Table.Th>
              <Table.Th style={{ width: '18%' }}>Capabilities</Table.Th>
              <Table.Th style={{ width: '17%' }}>Roles</Table.Th>
              <Table.Th style={{ width: '7%' }}>
                <span className="plp-sr-only">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((finding) => (
              <FindingRow key={finding.id} finding={finding} context={context} recent={finding.id === recentId} movable={!filtering} />
            ))}
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed" ta="center" py="md">
                    No finding matches the filter.{' '}
                    <Button
                      variant="subtle"
                      size="compact-md"
                      onClick={() => {
                        setQuery('');
                        setPriority('all');
                      }}
                    >
                      Show all findings
                    </Button>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
