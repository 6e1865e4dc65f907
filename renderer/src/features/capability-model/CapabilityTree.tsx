/**
 * Domains and their capabilities: add, rename, describe, reorder (buttons or Alt+↑/↓), move a
 * capability to another domain, delete (asking first when something refers to it), search.
 */
import { ActionIcon, Anchor, Badge, Box, Button, CloseButton, Group, Menu, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDots, IconFolderPlus, IconLayoutSidebarRightExpand, IconPlus, IconSearch, IconTrash, IconArrowRight } from '@tabler/icons-react';
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import {
  addCapability,
  capabilityReferences,
  deleteCapability,
  describeCapability,
  hasReferences,
  moveCapability,
  moveCapabilityToDomain,
  renameCapability,
} from '../../../../shared/domain/commands/capability-commands';
import { addDomain, deleteDomain, describeDomain, domainReferences, moveDomain, renameDomain, setDomainExternalId } from '../../../../shared/domain/commands/model-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Capability, CapabilityDomain, Project } from '../../../../shared/domain/schema';
import { plural } from '../../app/format';
import { useServices } from '../../app/services';
import { InlineText, type CommitResult } from '../../components/InlineText';
import { TeachingEmptyState } from '../../components/WorkspaceFrame';
import { useStartWithSample } from '../useStartWithSample';
import { altMove, announce, count, focusSoon, MoveButtons, restoreFocus, useRun, type ConfirmRequest } from './editing';
import { capabilityReferenceLines, ReferenceList } from './references';

interface TreeProps {
  project: Project;
  onOpenDetails: (capabilityId: string) => void;
  onConfirm: (request: ConfirmRequest) => void;
}

/** What the rows need besides their capability; rebuilt only when the scale, roles or domains change. */
interface RowContext {
  levelCount: number;
  targetsByCapability: ReadonlyMap<string, { role: string; level: string }[]>;
  domains: readonly CapabilityDomain[];
  commit: (build: () => ReturnType<typeof renameCapability>) => CommitResult;
  move: (capability: Capability, delta: -1 | 1, from: Element | null) => void;
  moveTo: (capability: Capability, domainId: string) => void;
  remove: (capability: Capability) => void;
  openDetails: (capabilityId: string) => void;
}

function matchesQuery(capability: Capability, query: string): boolean {
  if (query === '') return true;
  const haystack = [capability.name, capability.description, capability.externalId, ...capability.skills.map((skill) => `${skill.name} ${skill.externalId}`)].join(' ').toLocaleLowerCase();
  return query
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const CapabilityRow = memo(function CapabilityRow(props: {
  capability: Capability;
  context: RowContext;
  /** Alt+↑ on a domain's first row moves it into the previous domain, Alt+↓ on the last into the next. */
  canUp: boolean;
  canDown: boolean;
}) {
  const { capability, context, canUp, canDown } = props;
  const described = capability.indicators.filter((indicator) => indicator.statements.some((statement) => statement.trim() !== '')).length;
  const targets = context.targetsByCapability.get(capability.id) ?? [];
  const otherDomains = context.domains.filter((domain) => domain.id !== capability.domainId);

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const delta = altMove(event);
    if (delta === null) return;
    event.preventDefault();
    if ((delta < 0 && canUp) || (delta > 0 && canDown)) context.move(capability, delta, document.activeElement);
  };

  return (
    <Table.Tr data-testid="capability-row" data-id={capability.id} onKeyDown={onKeyDown}>
      <Table.Td>
        <Stack gap={2}>
          <InlineText
            value={capability.name}
            label="Capability name"
            testId="capability-name"
            data-id={capability.id}
            fw={600}
            maxLength={500}
            onCommit={(next) => context.commit(() => renameCapability(capability.id, next))}
          />
          <InlineText
            value={capability.description}
            label="Capability description"
            testId="capability-description"
            data-id={capability.id}
            multiline
            size="sm"
            dimmed
            lineClamp={2}
            emptyText="Add a description"
            onCommit={(next) => context.commit(() => describeCapability(capability.id, next))}
          />
          <Group gap={10} mt={2} className="plp-capability-meta">
            {capability.skills.length > 0 ? (
              <Tooltip label={capability.skills.map((skill) => skill.name).join(' · ')}>
                <Text size="sm" tabIndex={0} className="plp-underline-hint" style={{ whiteSpace: 'nowrap' }}>
                  {plural(capability.skills.length, 'skill')}
                </Text>
              </Tooltip>
            ) : (
              <Text size="sm" c="dimmed">
                No skills yet
              </Text>
            )}
            {capability.externalId ? (
              <span className="plp-ext-id" title="External id" data-testid="capability-external-id" data-id={capability.id}>
                {capability.externalId}
              </span>
            ) : null}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <span className="plp-meter" aria-hidden>
            {Array.from({ length: context.levelCount }, (_, index) => (
              <span key={index} className={index < described ? 'plp-meter-on' : undefined} />
            ))}
          </span>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="indicator-coverage" data-id={capability.id}>
            {described} of {context.levelCount} levels
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        {targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No role targets
          </Text>
        ) : (
          <Stack gap={2}>
            {targets.slice(0, 3).map((target) => (
              <Text key={target.role} size="sm" lineClamp={2}>
                {target.role}: <strong>{target.level}</strong>
              </Text>
            ))}
            {targets.length > 3 ? (
              <Text size="sm" c="dimmed">
                +{targets.length - 3} more roles
              </Text>
            ) : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td className="plp-row-actions">
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button
            variant="light"
            size="compact-md"
            leftSection={<IconLayoutSidebarRightExpand size={16} aria-hidden />}
            onClick={() => context.openDetails(capability.id)}
            aria-label={`Details of ${capability.name}: indicators, skills, external id`}
            data-testid="capability-details"
            data-id={capability.id}
          >
            Details
          </Button>
          <MoveButtons
            name={capability.name}
            canUp={canUp}
            canDown={canDown}
            testId="capability-move"
            dataId={capability.id}
            size="md"
            onMove={(delta, button) => context.move(capability, delta, button)}
          />
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="md" aria-label={`More actions for ${capability.name}`} data-testid="capability-menu" data-id={capability.id}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {otherDomains.length > 0 ? <Menu.Label>Move to domain</Menu.Label> : null}
              {otherDomains.map((domain) => (
                <Menu.Item key={domain.id} leftSection={<IconArrowRight size={16} aria-hidden />} onClick={() => context.moveTo(capability, domain.id)} data-testid="move-to-domain">
                  {domain.name}
                </Menu.Item>
              ))}
              {otherDomains.length > 0 ? <Menu.Divider /> : null}
              <Menu.Item color="red" className="plp-danger-item" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => context.remove(capability)} data-testid="capability-delete">
                Delete capability…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

/** "Add capability" at the foot of a domain: type a name, Enter, ready for the next. */
function AddCapability({ domain }: { domain: CapabilityDomain }) {
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    setName('');
    setError(null);
    if (refocus) focusSoon(`[data-testid="add-capability"][data-id="${domain.id}"]`);
  };
  const add = () => {
    if (name.trim() === '') {
      setError('Type the capability name first.');
      return;
    }
    const result = run(() => addCapability({ id: newId('cap'), domainId: domain.id, name }));
    if (result.ok) {
      announce(`Added capability ${name.trim()} to ${domain.name}.`);
      setName('');
    } else {
      setError(result.message);
    }
  };
  if (!open) {
    return (
      <Button variant="subtle" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setOpen(true)} data-testid="add-capability" data-id={domain.id} className="plp-add-button">
        Add capability
      </Button>
    );
  }
  return (
    <Group gap="sm" align="flex-start" className="plp-add-form" wrap="nowrap">
      <TextInput
        autoFocus
        value={name}
        onChange={(event) => {
          setName(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close(true);
          }
        }}
        placeholder="Name of the new capability, then Enter"
        aria-label={`New capability in ${domain.name}`}
        data-testid="new-capability-name"
        data-id={domain.id}
        error={error}
        maxLength={500}
        style={{ flex: 1, maxWidth: 560 }}
      />
      <Button onClick={add} data-testid="new-capability-add">
        Add
      </Button>
      <Button variant="default" onClick={() => close(true)}>
        Done
      </Button>
    </Group>
  );
}

function DomainSection(props: {
  domain: CapabilityDomain;
  index: number;
  domainCount: number;
  capabilities: Capability[];
  total: number;
  filtering: boolean;
  context: RowContext;
  /** First and last capability ids of the whole model (nothing to move past). */
  firstId: string | null;
  lastId: string | null;
  onDelete: (domain: CapabilityDomain) => void;
}) {
  const { domain, capabilities, context } = props;
  const run = useRun();
  const commit = (build: () => ReturnType<typeof renameDomain>): CommitResult => {
    const result = run(build);
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  };
  const move = (delta: -1 | 1, from: Element | null) => {
    const result = run(moveDomain(domain.id, delta));
    if (result.ok && result.changed) {
      announce(`Moved domain ${domain.name} to position ${props.index + 1 + delta} of ${props.domainCount}.`);
      restoreFocus(from);
    }
  };
  const onHeadKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = altMove(event);
    if (delta === null || props.filtering) return;
    event.preventDefault();
    move(delta, document.activeElement);
  };

  return (
    <Box component="section" aria-label={`Domain: ${domain.name}`} data-testid="domain-section" data-id={domain.id} className="plp-domain">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4} onKeyDown={onHeadKeyDown} className="plp-domain-head">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={2} className="plp-section-title plp-domain-title">
              <InlineText
                value={domain.name}
                label="Domain name"
                testId="domain-name"
                data-id={domain.id}
                size="xl"
                fw={650}
                maxLength={500}
                onCommit={(next) => commit(() => renameDomain(domain.id, next))}
              />
            </Title>
            <Badge variant="default" size="lg">
              {props.filtering ? `${capabilities.length} of ${props.total}` : plural(capabilities.length, 'capability', 'capabilities')}
            </Badge>
            <InlineText
              value={domain.externalId}
              label="Domain external id"
              testId="domain-external-id"
              data-id={domain.id}
              size="sm"
              dimmed
              emptyText="Add external id"
              maxLength={500}
              onCommit={(next) => commit(() => setDomainExternalId(domain.id, next))}
            >
              {domain.externalId ? <span className="plp-ext-id">{domain.externalId}</span> : undefined}
            </InlineText>
          </Group>
          <InlineText
            value={domain.description}
            label="Domain description"
            testId="domain-description"
            data-id={domain.id}
            multiline
            size="sm"
            dimmed
            lineClamp={2}
            emptyText="Add a description of this domain"
            onCommit={(next) => commit(() => describeDomain(domain.id, next))}
          />
        </Stack>
        <Group gap={4} wrap="nowrap">
          <MoveButtons
            name={`domain ${domain.name}`}
            canUp={!props.filtering && props.index > 0}
            canDown={!props.filtering && props.index < props.domainCount - 1}
            testId="domain-move"
            dataId={domain.id}
            size="md"
            onMove={(delta, button) => move(delta, button)}
          />
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="md" aria-label={`More actions for domain ${domain.name}`} data-testid="domain-menu" data-id={domain.id}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" className="plp-danger-item" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => props.onDelete(domain)} data-testid="domain-delete">
                Delete domain…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {capabilities.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" my="sm">
          {props.filtering ? 'No capability in this domain matches the search.' : 'No capabilities in this domain yet.'}
        </Text>
      ) : (
        <Paper withBorder radius="md" className="plp-table-paper" mt="sm">
          <Table highlightOnHover className="plp-table" aria-label={`Capabilities in ${domain.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ width: '37%' }}>Capability</Table.Th>
                <Table.Th style={{ width: '16%' }}>Behavioural indicators</Table.Th>
                <Table.Th style={{ width: '29%' }}>Role targets</Table.Th>
                <Table.Th style={{ width: '18%' }}>
                  <span className="plp-sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {capabilities.map((capability) => (
                <CapabilityRow
                  key={capability.id}
                  capability={capability}
                  context={context}
                  canUp={!props.filtering && capability.id !== props.firstId}
                  canDown={!props.filtering && capability.id !== props.lastId}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {props.filtering ? null : <AddCapability domain={domain} />}
    </Box>
  );
}

/** "New domain" at the end of the list: the toolbar's Add domain focuses it. */
function AddDomain({ onAdded }: { onAdded: (id: string) => void }) {
  const run = useRun();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (name.trim() === '') {
      setError('Type the domain name first.');
      return;
    }
    const id = newId('dom');
    const result = run(() => addDomain({ id, name }));
    if (result.ok) {
      announce(`Added domain ${name.trim()}.`);
      setName('');
      onAdded(id);
    } else setError(result.message);
  };
  return (
    <Paper className="plp-new-domain" radius="md" p="md">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          leftSection={<IconFolderPlus size={18} aria-hidden />}
          placeholder="New domain, e.g. “Customer engagement”, then Enter"
          aria-label="New domain name"
          data-testid="new-domain-name"
          error={error}
          maxLength={500}
          style={{ flex: 1, maxWidth: 560 }}
        />
        <Button variant="default" onClick={add} data-testid="new-domain-add">
          Add domain
        </Button>
      </Group>
    </Paper>
  );
}

export function CapabilityTree({ project, onOpenDetails, onConfirm }: TreeProps) {
  const run = useRun();
  const { store } = useServices();
  const startWithSample = useStartWithSample();
  const [query, setQuery] = useState('');
  const normalised = query.trim().toLocaleLowerCase();
  const filtering = normalised !== '';

  const context = useMemo((): RowContext => {
    const levelLabels = new Map(project.scale.levels.map((level) => [level.id, level.label]));
    const targetsByCapability = new Map<string, { role: string; level: string }[]>();
    for (const role of project.roles) {
      for (const target of role.targets) {
        const list = targetsByCapability.get(target.capabilityId) ?? [];
        list.push({ role: role.name, level: levelLabels.get(target.levelId) ?? target.levelId });
        targetsByCapability.set(target.capabilityId, list);
      }
    }
    const domainName = (id: string) => project.domains.find((domain) => domain.id === id)?.name ?? '';
    return {
      levelCount: project.scale.levels.length,
      targetsByCapability,
      domains: project.domains,
      commit: (build) => {
        const result = run(build);
        return result.ok ? { ok: true } : { ok: false, message: result.message };
      },
      move: (capability, delta, from) => {
        // Read the current project at the time of the move (the context is memoised).
        const current = store.getState().history?.present;
        if (!current) return;
        const siblings = current.capabilities.filter((item) => item.domainId === capability.domainId);
        const index = siblings.findIndex((item) => item.id === capability.id);
        const domainIndex = current.domains.findIndex((domain) => domain.id === capability.domainId);
        const selector = from instanceof HTMLElement && from.dataset.testid ? `[data-testid="${from.dataset.testid}"][data-id="${capability.id}"]` : undefined;
        if ((delta < 0 && index === 0) || (delta > 0 && index === siblings.length - 1)) {
          const neighbour = current.domains[domainIndex + delta];
          if (!neighbour) return;
          const result = run(moveCapabilityToDomain(capability.id, neighbour.id, delta < 0 ? undefined : 0));
          if (result.ok) {
            announce(`Moved ${capability.name} to the ${delta < 0 ? 'end' : 'start'} of ${neighbour.name}.`);
            restoreFocus(null, selector ?? `[data-testid="capability-name"][data-id="${capability.id}"]`);
          }
          return;
        }
        const result = run(moveCapability(capability.id, delta));
        if (result.ok && result.changed) {
          announce(`Moved ${capability.name} to position ${index + 1 + delta} of ${siblings.length} in ${domainName(capability.domainId)}.`);
          restoreFocus(from, selector);
        }
      },
      moveTo: (capability, domainId) => {
        const result = run(moveCapabilityToDomain(capability.id, domainId));
        if (result.ok) {
          announce(`Moved ${capability.name} to ${domainName(domainId)}.`);
          restoreFocus(null, `[data-testid="capability-name"][data-id="${capability.id}"]`);
        }
      },
      remove: (capability) => {
        const current = store.getState().history?.present;
        if (!current) return;
        const references = capabilityReferences(current, [capability.id]);
        const doDelete = () => {
          const result = run(deleteCapability(capability.id));
          if (result.ok) announce(`Deleted capability ${capability.name}. Ctrl+Z brings it back.`);
        };
        if (!hasReferences(references)) {
          doDelete();
          return;
        }
        onConfirm({
          title: `Delete “${capability.name}”?`,
          confirmLabel: 'Delete capability',
          onConfirm: doDelete,
          body: <ReferenceList intro="It is used elsewhere in this project. Deleting it also removes:" lines={capabilityReferenceLines(references)} />,
        });
      },
      openDetails: onOpenDetails,
    };
    // The rows re-render when the scale, roles or domains change, not on every capability edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project.scale, project.roles, project.domains]);

  const byDomain = new Map<string, Capability[]>();
  for (const domain of project.domains) byDomain.set(domain.id, []);
  for (const capability of project.capabilities) byDomain.get(capability.domainId)?.push(capability);

  // In domain order, the very first and last capability: the only ones that cannot move further.
  const ordered = project.domains.flatMap((domain) => byDomain.get(domain.id) ?? []);
  const firstId = ordered[0]?.id ?? null;
  const lastId = ordered[ordered.length - 1]?.id ?? null;

  const matching = filtering ? project.capabilities.filter((capability) => matchesQuery(capability, normalised)).length : project.capabilities.length;

  /** After a new domain, the natural next step is its first capability. */
  const focusAddCapability = (domainId: string) => focusSoon(`[data-testid="add-capability"][data-id="${domainId}"]`);

  const requestDeleteDomain = (domain: CapabilityDomain) => {
    const { capabilities, references } = domainReferences(project, domain.id);
    const doDelete = () => {
      const result = run(deleteDomain(domain.id));
      if (result.ok) announce(`Deleted domain ${domain.name}. Ctrl+Z brings it back.`);
    };
    if (capabilities.length === 0) {
      doDelete();
      return;
    }
    const lines = [`${count(capabilities.length, 'capability', 'capabilities')}: ${capabilities.map((capability) => capability.name).join(', ')}`, ...capabilityReferenceLines(references)];
    onConfirm({
      title: `Delete the domain “${domain.name}”?`,
      confirmLabel: 'Delete domain and its capabilities',
      onConfirm: doDelete,
      body: <ReferenceList intro="Deleting it also deletes:" lines={lines} />,
    });
  };

  if (project.domains.length === 0) {
    return (
      <Stack gap="lg">
        <TeachingEmptyState
          testId="empty-capability-model"
          icon={<IconFolderPlus size={34} stroke={1.5} />}
          title="Describe the capabilities that matter"
          description="Group capabilities in domains (for example “Customer engagement”), break each into skills, and write what someone at each level visibly does. Role targets then say which level each role must reach: the gaps that plans close."
          actionLabel="Add the first domain"
          onAction={() => focusSoon('[data-testid="new-domain-name"]')}
          footnote={
            <>
              Or{' '}
              <Anchor component="button" type="button" onClick={startWithSample} fw={600} inherit>
                explore the sample project
              </Anchor>{' '}
              to see a complete model.
            </>
          }
        />
        <AddDomain onAdded={focusAddCapability} />
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" wrap="nowrap" gap="md">
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
          rightSection={query ? <CloseButton aria-label="Clear search" onClick={() => setQuery('')} /> : null}
          placeholder="Search capabilities, skills, external ids"
          aria-label="Search capabilities"
          data-testid="capability-search"
          w={440}
        />
        <Group gap="sm" wrap="nowrap">
          {filtering ? (
            <Text size="sm" c="dimmed" role="status" data-testid="search-count">
              {matching} of {plural(project.capabilities.length, 'capability', 'capabilities')} match
            </Text>
          ) : null}
          <Button variant="default" leftSection={<IconFolderPlus size={18} aria-hidden />} onClick={() => focusSoon('[data-testid="new-domain-name"]')} data-testid="add-domain">
            Add domain
          </Button>
        </Group>
      </Group>
      {project.domains.map((domain, index) => {
        const all = byDomain.get(domain.id) ?? [];
        const shown = filtering ? all.filter((capability) => matchesQuery(capability, normalised)) : all;
        if (filtering && shown.length === 0) return null;
        return (
          <DomainSection
            key={domain.id}
            domain={domain}
            index={index}
            domainCount={project.domains.length}
            capabilities={shown}
            total={all.length}
            filtering={filtering}
            context={context}
            firstId={firstId}
            lastId={lastId}
            onDelete={requestDeleteDomain}
          />
        );
      })}
      {filtering && matching === 0 ? (
        <Text c="dimmed" data-testid="search-empty">
          No capability matches “{query.trim()}”.{' '}
          <Button variant="subtle" size="compact-md" onClick={() => setQuery('')}>
            Clear the search
          </Button>
        </Text>
      ) : null}
      {filtering ? null : <AddDomain onAdded={focusAddCapability} />}
    </Stack>
  );
}
