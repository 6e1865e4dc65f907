/**
 * The catalog as a table: a checkbox per row (shift-click selects a range), the title opens the
 * detail editor. Colour never speaks alone: the modality has its icon and its word, the
 * category its share and its name.
 */
import { Checkbox, Table, Text, UnstyledButton } from '@mantine/core';
import { memo, type MouseEvent } from 'react';
import { MODALITY_LABELS } from '../../../../shared/documents/labels';
import type { Activity } from '../../../../shared/domain/schema';
import { CategoryTag } from '../pathways/StepNode';
import { MODALITY_ICON, hours } from '../pathways/visuals';

export interface ActivityTableProps {
  activities: readonly Activity[];
  capabilityNames: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
  openId: string | null;
  onToggle(id: string, range: boolean): void;
  onToggleAll(): void;
  onOpen(id: string): void;
  /** Beside the detail editor: only the columns that tell activities apart at a glance. */
  compact: boolean;
}

const DELIVERY_LABEL = { 'self-paced': 'Self-paced', live: 'Live' } as const;

function capabilityList(activity: Activity, names: ReadonlyMap<string, string>): string {
  return activity.develops.map((development) => names.get(development.capabilityId) ?? development.capabilityId).join(', ');
}

function Row({
  activity,
  names,
  checked,
  open,
  onToggle,
  onOpen,
  compact,
}: {
  activity: Activity;
  names: ReadonlyMap<string, string>;
  checked: boolean;
  open: boolean;
  onToggle: ActivityTableProps['onToggle'];
  onOpen: ActivityTableProps['onOpen'];
  compact: boolean;
}) {
  const Icon = MODALITY_ICON[activity.modality];
  const capabilities = capabilityList(activity, names);
  return (
    <Table.Tr data-testid="catalog-row" data-id={activity.id} data-selected={checked || undefined} data-open={open || undefined} className="plp-ac-row">
      <Table.Td className="plp-ac-check">
        <Checkbox
          aria-label={`Select ${activity.title}`}
          checked={checked}
          onChange={() => undefined}
          onClick={(event: MouseEvent<HTMLInputElement>) => onToggle(activity.id, event.shiftKey)}
          data-testid="catalog-row-check"
        />
      </Table.Td>
      <Table.Td className="plp-ac-title-cell">
        <UnstyledButton className="plp-ac-title" onClick={() => onOpen(activity.id)} aria-current={open ? 'true' : undefined} data-testid="catalog-row-open">
          {activity.title}
        </UnstyledButton>
      </Table.Td>
      <Table.Td>
        <span className="plp-ac-modality">
          <Icon size={16} stroke={1.8} aria-hidden />
          {MODALITY_LABELS[activity.modality]}
        </span>
      </Table.Td>
      <Table.Td>
        <CategoryTag category={activity.category} />
      </Table.Td>
      <Table.Td className="plp-ac-num">{hours(activity.hours)}</Table.Td>
      {compact ? null : (
        <>
          <Table.Td className="plp-ac-nowrap">{DELIVERY_LABEL[activity.delivery]}</Table.Td>
          <Table.Td className="plp-ac-provider">
            <span className="plp-ac-clamp">{activity.provider}</span>
          </Table.Td>
          <Table.Td className="plp-ac-caps" title={capabilities}>
            {capabilities === '' ? (
              <Text span size="sm" c="dimmed">
                None yet
              </Text>
            ) : (
              <span className="plp-ac-clamp">{capabilities}</span>
            )}
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

function ActivityTableComponent({ activities, capabilityNames, selected, openId, onToggle, onToggleAll, onOpen, compact }: ActivityTableProps) {
  const shownSelected = activities.filter((activity) => selected.has(activity.id)).length;
  return (
    <Table className="plp-ac-table" data-compact={compact || undefined} stickyHeader highlightOnHover verticalSpacing={6} horizontalSpacing={8} data-testid="catalog-table" aria-label="Activity catalog">
      <Table.Thead>
        <Table.Tr>
          <Table.Th className="plp-ac-check">
            <Checkbox
              aria-label="Select all shown activities"
              checked={activities.length > 0 && shownSelected === activities.length}
              indeterminate={shownSelected > 0 && shownSelected < activities.length}
              onChange={onToggleAll}
              data-testid="catalog-select-all"
            />
          </Table.Th>
          <Table.Th>Title</Table.Th>
          <Table.Th>Modality</Table.Th>
          <Table.Th>70-20-10</Table.Th>
          <Table.Th className="plp-ac-num">Hours</Table.Th>
          {compact ? null : (
            <>
              <Table.Th>Delivery</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Capabilities developed</Table.Th>
            </>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {activities.map((activity) => (
          <Row
            key={activity.id}
            activity={activity}
            names={capabilityNames}
            checked={selected.has(activity.id)}
            open={openId === activity.id}
            onToggle={onToggle}
            onOpen={onOpen}
            compact={compact}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

export const ActivityTable = memo(ActivityTableComponent);
