/**
 * Shown when two or more activities are selected: set a field on all of them at once, or add a
 * capability they develop (or remove one). Each change is one undo step ("Undo Edit 3 activities").
 */
import { Button, Group, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { bulkUpdateActivities, type BulkActivityPatch } from '../../../../shared/domain/commands/catalog-commands';
import type { Capability, LearningCategory, Modality, ProficiencyLevel } from '../../../../shared/domain/schema';
import { announce, useRun } from '../capability-model/editing';
import { CATEGORY_OPTIONS, DELIVERY_OPTIONS, MODALITY_OPTIONS } from './ActivityEditor';

export interface BulkBarProps {
  ids: readonly string[];
  capabilities: readonly Capability[];
  levels: readonly ProficiencyLevel[];
  onClear(): void;
}

function ProviderPopover({ apply }: { apply: (provider: string) => boolean }) {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)} data-testid="bulk-provider">
          Set provider…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (apply(value)) {
              setOpened(false);
              setValue('');
            }
          }}
        >
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label="Provider for the selected activities" value={value} onChange={(event) => setValue(event.currentTarget.value)} data-autofocus maxLength={500} data-testid="bulk-provider-input" />
            <Button size="xs" type="submit" data-testid="bulk-provider-apply">
              Apply
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function CapabilityPopover({ capabilities, levels, apply }: { capabilities: readonly Capability[]; levels: readonly ProficiencyLevel[]; apply: (patch: BulkActivityPatch, what: string) => boolean }) {
  const [opened, setOpened] = useState(false);
  const [capabilityId, setCapabilityId] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(levels[0]?.id ?? null);
  const [to, setTo] = useState<string | null>(levels[1]?.id ?? null);
  const levelOptions = levels.map((level) => ({ value: level.id, label: level.label }));
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus width={320}>
      <Popover.Target>
        <Button size="xs" variant="default" onClick={() => setOpened((open) => !open)} data-testid="bulk-capability">
          Add or remove a capability…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Select
            size="xs"
            label="Capability developed"
            data={capabilities.map((capability) => ({ value: capability.id, label: capability.name }))}
            value={capabilityId}
            onChange={setCapabilityId}
            searchable
            comboboxProps={{ withinPortal: false }}
            data-testid="bulk-capability-select"
          />
          <Group grow gap="xs">
            <Select size="xs" label="From level" data={levelOptions} value={from} onChange={setFrom} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
            <Select size="xs" label="To level" data={levelOptions} value={to} onChange={setTo} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
          </Group>
          <Text size="xs" c="dimmed">
            Activities that already list it keep their own levels.
          </Text>
          <Group gap="xs" grow>
            <Button
              size="xs"
              disabled={!capabilityId || !from || !to}
              onClick={() => {
                if (capabilityId && from && to && apply({ addDevelops: { capabilityId, fromLevelId: from, toLevelId: to } }, 'Capability added to')) {
                  setOpened(false);
                  setCapabilityId(null);
                }
              }}
              data-testid="bulk-capability-apply"
            >
              Add to selected
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!capabilityId}
              onClick={() => {
                if (capabilityId && apply({ removeCapabilityId: capabilityId }, 'Capability removed from')) {
                  setOpened(false);
                  setCapabilityId(null);
                }
              }}
              data-testid="bulk-capability-remove"
            >
              Remove from selected
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

export function BulkBar({ ids, capabilities, levels, onClear }: BulkBarProps) {
  const run = useRun();
  const apply = (patch: BulkActivityPatch, what: string): boolean => {
    const ok = run(() => bulkUpdateActivities(ids, patch)).ok;
    if (ok) announce(`${what} ${ids.length} activities.`);
    return ok;
  };
  return (
    <div className="plp-ac-bulk" role="region" aria-label="Edit the selected activities" data-testid="bulk-bar">
      <Text size="sm" fw={650} aria-live="polite" data-testid="bulk-count">
        {ids.length} selected
      </Text>
      <Select
        size="xs"
        aria-label="Set modality of the selected activities"
        placeholder="Set modality"
        data={MODALITY_OPTIONS}
        value={null}
        onChange={(value) => value && apply({ modality: value as Modality }, 'Modality set on')}
        data-testid="bulk-modality"
      />
      <Select
        size="xs"
        aria-label="Set 70-20-10 category of the selected activities"
        placeholder="Set category"
        data={CATEGORY_OPTIONS}
        value={null}
        onChange={(value) => value && apply({ category: value as LearningCategory }, 'Category set on')}
        comboboxProps={{ width: 260 }}
        data-testid="bulk-category"
      />
      <Select
        size="xs"
        aria-label="Set delivery of the selected activities"
        placeholder="Set delivery"
        data={DELIVERY_OPTIONS}
        value={null}
        onChange={(value) => value && apply({ delivery: value === 'live' ? 'live' : 'self-paced' }, 'Delivery set on')}
        data-testid="bulk-delivery"
      />
      <ProviderPopover apply={(provider) => apply({ provider }, 'Provider set on')} />
      <CapabilityPopover capabilities={capabilities} levels={levels} apply={apply} />
      <span className="plp-grow" />
      <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} aria-hidden />} onClick={onClear} data-testid="bulk-clear">
        Clear selection
      </Button>
    </div>
  );
}
