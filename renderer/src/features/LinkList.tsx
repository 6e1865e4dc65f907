/** A few linked names as badges, the rest summarised ("+3 more", with all names in a tooltip). */
import { Group, Text, Tooltip } from '@mantine/core';

export function LinkList({ ids, names, none, max = 3 }: { ids: readonly string[]; names: ReadonlyMap<string, string>; none: string; max?: number }) {
  if (ids.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  }
  const labels = ids.map((id) => names.get(id) ?? id);
  const shown = labels.slice(0, max);
  const rest = labels.slice(max);
  return (
    <Group gap={6} wrap="wrap">
      {shown.map((label, index) => (
        <span key={`${label}-${index}`} className="plp-chip">
          {label}
        </span>
      ))}
      {rest.length > 0 ? (
        <Tooltip label={rest.join(', ')}>
          <span className="plp-chip plp-chip-more" tabIndex={0} aria-label={`and ${rest.length} more: ${rest.join(', ')}`}>
            +{rest.length} more
          </span>
        </Tooltip>
      ) : null}
    </Group>
  );
}
