/** A file path that, when too long, loses its beginning rather than its file name. */
import { Text, type MantineSize } from '@mantine/core';

export function PathText({ path, size = 'sm', dimmed, testId, maw }: { path: string; size?: MantineSize; dimmed?: boolean; testId?: string; maw?: number }) {
  return (
    <Text component="span" size={size} c={dimmed ? 'dimmed' : undefined} className="plp-path" title={path} data-testid={testId} maw={maw}>
      <bdi>{path}</bdi>
    </Text>
  );
}
