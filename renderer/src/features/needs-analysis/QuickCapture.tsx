/**
 * Quick capture for workshops: type what was heard, press Enter, it is a finding (with the
 * source and priority chosen beside the box) and the box is ready for the next one. "#" links a
 * capability or adds a tag, "@" links a role: arrow keys and Enter pick from the list.
 */
import { Box, CloseButton, Combobox, Group, Kbd, Paper, SegmentedControl, Select, Text, TextInput, Title, useCombobox } from '@mantine/core';
import { IconBolt, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent, type SyntheticEvent } from 'react';
import { addFinding } from '../../../../shared/domain/commands/findings-commands';
import { newId } from '../../../../shared/domain/ids';
import { FINDING_SOURCES, PRIORITIES, type FindingSource, type Project } from '../../../../shared/domain/schema';
import { announce, useRun } from '../capability-model/editing';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../labels';
import { completionOptions, findTrigger, removeTrigger, type CompletionCandidate, type CompletionOption } from './completion';

type Priority = (typeof PRIORITIES)[number];

interface Links {
  capabilityIds: string[];
  roleIds: string[];
  tags: string[];
}

const NO_LINKS: Links = { capabilityIds: [], roleIds: [], tags: [] };

export const QUICK_CAPTURE_SELECTOR = '[data-testid="quick-capture-input"]';

function candidates(project: Project): { capabilities: CompletionCandidate[]; roles: CompletionCandidate[] } {
  const domainName = new Map(project.domains.map((domain) => [domain.id, domain.name]));
  return {
    capabilities: project.capabilities.map((capability) => ({ id: capability.id, name: capability.name, detail: domainName.get(capability.domainId) ?? '', alias: capability.externalId })),
    roles: project.roles.map((role) => ({ id: role.id, name: role.name, detail: role.team })),
  };
}

export function QuickCapture({ project, onAdded }: { project: Project; onAdded: (findingId: string) => void }) {
  const run = useRun();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [links, setLinks] = useState<Links>(NO_LINKS);
  const [source, setSource] = useState<FindingSource>('interview');
  const [priority, setPriority] = useState<Priority>('medium');
  const [error, setError] = useState<string | null>(null);
  const [session, setSession] = useState<{ count: number; last: string } | null>(null);
  /** The trigger position the user closed the list for (Escape): it stays closed until the next trigger. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const trigger = findTrigger(text, caret);
  const options: CompletionOption[] = trigger ? completionOptions(trigger, candidates(project), links) : [];
  const open = trigger !== null && options.length > 0 && dismissedAt !== trigger.start;

  const combobox = useCombobox({
    opened: open,
    onOpenedChange: (next) => setDismissedAt(next ? null : (trigger?.start ?? null)),
  });
  const { selectFirstOption } = combobox;
  const optionKeys = options.map((option) => option.key).join('|');
  useEffect(() => {
    // The best match is ready for Enter as soon as the list shows.
    if (open) selectFirstOption();
  }, [open, optionKeys, selectFirstOption]);

  const names = {
    capability: new Map(project.capabilities.map((capability) => [capability.id, capability.name])),
    role: new Map(project.roles.map((role) => [role.id, role.name])),
  };

  const placeCaret = (position: number) => {
    setCaret(position);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(position, position);
    });
  };

  const pick = (key: string) => {
    const option = options.find((candidate) => candidate.key === key);
    if (!option || !trigger) return;
    const next = removeTrigger(text, trigger);
    setText(next.text);
    placeCaret(next.caret);
    setLinks((current) => ({
      capabilityIds: option.kind === 'capability' ? [...current.capabilityIds, option.value] : current.capabilityIds,
      roleIds: option.kind === 'role' ? [...current.roleIds, option.value] : current.roleIds,
      tags: option.kind === 'tag' ? [...current.tags, option.value] : current.tags,
    }));
    announce(option.kind === 'tag' ? `Tag ${option.value} added.` : `Linked ${option.kind} ${option.label}.`);
  };

  const submit = () => {
    const statement = text.trim();
    if (statement === '') {
      setError('Type the finding first, then press Enter.');
      return;
    }
    const id = newId('finding');
    const result = run(() => addFinding({ id, statement, source, priority, capabilityIds: links.capabilityIds, roleIds: links.roleIds, tags: links.tags }));
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setText('');
    setCaret(0);
    setLinks(NO_LINKS);
    setError(null);
    setDismissedAt(null);
    setSession((current) => ({ count: (current?.count ?? 0) + 1, last: statement }));
    announce(`Finding added: ${statement}`);
    onAdded(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      // With the list open and an option selected, Enter picks it (the combobox handles that).
      if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
      event.preventDefault();
      submit();
    } else if (event.key === 'Backspace' && text === '' && (links.capabilityIds.length + links.roleIds.length + links.tags.length > 0)) {
      // Backspace in an empty box takes back the last link, as in a tag field.
      event.preventDefault();
      setLinks((current) =>
        current.tags.length > 0
          ? { ...current, tags: current.tags.slice(0, -1) }
          : current.roleIds.length > 0
            ? { ...current, roleIds: current.roleIds.slice(0, -1) }
            : { ...current, capabilityIds: current.capabilityIds.slice(0, -1) },
      );
    }
  };

  const trackCaret = (event: SyntheticEvent<HTMLInputElement>) => setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length);

  const chips = [
    ...links.capabilityIds.map((id) => ({ key: `capability:${id}`, kind: 'Capability', label: names.capability.get(id) ?? id, remove: () => setLinks((l) => ({ ...l, capabilityIds: l.capabilityIds.filter((x) => x !== id) })) })),
    ...links.roleIds.map((id) => ({ key: `role:${id}`, kind: 'Role', label: names.role.get(id) ?? id, remove: () => setLinks((l) => ({ ...l, roleIds: l.roleIds.filter((x) => x !== id) })) })),
    ...links.tags.map((tag) => ({ key: `tag:${tag}`, kind: 'Tag', label: `#${tag}`, remove: () => setLinks((l) => ({ ...l, tags: l.tags.filter((x) => x !== tag) })) })),
  ];

  return (
    <Paper withBorder radius="lg" p="lg" className="plp-capture" component="section" aria-labelledby="capture-heading" mb="xl" data-testid="quick-capture">
      <Group justify="space-between" align="center" mb="sm" wrap="wrap" gap="sm">
        <Group gap={8} align="center">
          <IconBolt size={22} aria-hidden className="plp-capture-icon" />
          <Title order={2} id="capture-heading" className="plp-section-title">
            Quick capture
          </Title>
        </Group>
        <Text size="sm" c="dimmed" id="capture-help">
          <Kbd>Enter</Kbd> adds · <Kbd>#</Kbd> capability or tag · <Kbd>@</Kbd> role · <Kbd>/</Kbd> jumps here
        </Text>
      </Group>
      <Combobox store={combobox} onOptionSubmit={pick} position="bottom-start" withinPortal={false} shadow="lg" offset={6}>
        <Combobox.Target>
          <TextInput
            ref={inputRef}
            size="lg"
            value={text}
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              setText(event.currentTarget.value);
              setCaret(event.currentTarget.selectionStart ?? event.currentTarget.value.length);
              setError(null);
            }}
            onSelect={trackCaret}
            onKeyDown={onKeyDown}
            onBlur={() => setDismissedAt(trigger?.start ?? null)}
            onFocus={() => setDismissedAt(null)}
            placeholder="Type what you heard, e.g. “AMs avoid pricing talks with #business acumen”, then Enter"
            aria-label="New finding"
            aria-describedby="capture-help"
            data-testid="quick-capture-input"
            error={error}
            maxLength={5000}
            className="plp-capture-input"
          />
        </Combobox.Target>
        <Combobox.Dropdown data-testid="completion-list">
          <Combobox.Header>
            <Text size="xs" c="dimmed">
              {trigger?.char === '@' ? 'Link a role' : 'Link a capability, or add a tag'} · ↑↓ choose · Enter picks · Esc closes
            </Text>
          </Combobox.Header>
          <Combobox.Options aria-label={trigger?.char === '@' ? 'Roles' : 'Capabilities and tags'}>
            {options.map((option) => (
              <Combobox.Option value={option.key} key={option.key} data-testid="completion-option" data-kind={option.kind}>
                <Group justify="space-between" wrap="nowrap" gap="md">
                  <Text size="md">{option.label}</Text>
                  <span className="plp-completion-kind">{option.detail}</span>
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Group justify="space-between" align="center" mt="md" gap="md" wrap="wrap">
        <Box style={{ flex: 1, minWidth: 280 }}>
          {chips.length > 0 ? (
            <Group gap={6} aria-label="Links for the next finding" role="list">
              <Text size="sm" c="dimmed" mr={4}>
                Links:
              </Text>
              {chips.map((chip) => (
                <span key={chip.key} className="plp-capture-link" role="listitem" data-testid="capture-link">
                  <span className="plp-capture-link-kind">{chip.kind}</span> {chip.label}
                  <CloseButton size="sm" aria-label={`Remove ${chip.kind.toLowerCase()} ${chip.label}`} onClick={chip.remove} />
                </span>
              ))}
            </Group>
          ) : session ? (
            <Group gap={6} wrap="nowrap" data-testid="capture-status">
              <IconCircleCheck size={18} aria-hidden className="plp-capture-ok" />
              <Text size="sm" lineClamp={1}>
                Added “{session.last}” · {session.count} this session
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              New findings appear at the top of the table. Add evidence and more links later with Edit.
            </Text>
          )}
        </Box>
        <Group gap="md" wrap="nowrap" align="center">
          <Group gap={8} wrap="nowrap">
            <Text size="sm" fw={600} component="label" htmlFor="capture-source">
              Source
            </Text>
            <Select
              id="capture-source"
              data={FINDING_SOURCES.map((value) => ({ value, label: SOURCE_LABEL[value] }))}
              value={source}
              onChange={(value) => value && setSource(value as FindingSource)}
              allowDeselect={false}
              w={200}
              data-testid="capture-source"
            />
          </Group>
          <Group gap={8} wrap="nowrap">
            <Text size="sm" fw={600} id="capture-priority-label">
              Priority
            </Text>
            <SegmentedControl
              value={priority}
              onChange={(value) => setPriority(value as Priority)}
              data={PRIORITIES.map((value) => ({ value, label: PRIORITY_LABEL[value] }))}
              aria-labelledby="capture-priority-label"
              data-testid="capture-priority"
            />
          </Group>
        </Group>
      </Group>
    </Paper>
  );
}
