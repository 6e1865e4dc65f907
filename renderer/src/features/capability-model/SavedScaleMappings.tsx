/**
 * The scale mappings saved by the import wizard ("Client survey 2025": how a client's answers read
 * onto this scale): listed under the scale they map onto, renamed inline, deleted in one undoable
 * step. They are created in the import wizard, where the answers they map are in front of the user.
 */
import { ActionIcon, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { deleteScaleMapping, renameScaleMapping } from '../../../../shared/domain/commands/scale-mapping-commands';
import type { Project, SavedScaleMapping } from '../../../../shared/domain/schema';
import { announce, CommitTextInput, focusSoon, useRun } from './editing';

function describeMapping(mapping: SavedScaleMapping, project: Project): string {
  const labels = new Map(project.scale.levels.map((level) => [level.id, level.label]));
  return mapping.entries
    .slice(0, 4)
    .map((entry) => `${entry.value} → ${labels.get(entry.levelId) ?? entry.levelId}`)
    .concat(mapping.entries.length > 4 ? ['…'] : [])
    .join(' · ');
}

export function SavedScaleMappings({ project }: { project: Project }) {
  const run = useRun();
  const mappings = project.scaleMappings;
  return (
    <Stack gap="xs" data-testid="saved-scale-mappings" component="section" aria-labelledby="saved-scale-mappings-title">
      <Title order={3} fz="md" id="saved-scale-mappings-title">
        Saved import mappings
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        How other scales read onto these levels when you import assessments (a client&apos;s “Not yet competent / Competent”, SFIA 1–7). Save one from the Values step of the import
        wizard; the next import of a similar file uses it.
      </Text>
      {mappings.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" data-testid="saved-scale-mappings-empty">
          No saved mappings yet.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={6} aria-labelledby="saved-scale-mappings-title" maw={980}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={300}>
                Name
              </Table.Th>
              <Table.Th scope="col" w={90} ta="right">
                Answers
              </Table.Th>
              <Table.Th scope="col" w={110}>
                Numbers
              </Table.Th>
              <Table.Th scope="col">Reads</Table.Th>
              <Table.Th scope="col" w={50}>
                <span className="plp-sr-only">Delete</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mappings.map((mapping, index) => (
              <Table.Tr key={mapping.id} data-testid="saved-scale-mapping" data-id={mapping.id}>
                <Table.Td>
                  <CommitTextInput
                    value={mapping.name}
                    onCommit={(next) => run(() => renameScaleMapping(mapping.id, next))}
                    aria-label={`Name of the saved mapping ${mapping.name}`}
                    maxLength={500}
                    size="sm"
                    data-testid="saved-scale-mapping-name"
                  />
                </Table.Td>
                <Table.Td ta="right" data-testid="saved-scale-mapping-count">
                  {mapping.entries.length}
                </Table.Td>
                <Table.Td data-testid="saved-scale-mapping-range">{mapping.numericRange ? `${mapping.numericRange.min}–${mapping.numericRange.max}` : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1} title={describeMapping(mapping, project)}>
                    {describeMapping(mapping, project) || 'Numbers only'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Delete mapping">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete the saved mapping ${mapping.name}`}
                      data-testid="saved-scale-mapping-delete"
                      onClick={() => {
                        if (!run(deleteScaleMapping(mapping.id)).ok) return;
                        announce(`Deleted the saved mapping ${mapping.name}. Undo brings it back.`);
                        const next = mappings[index + 1] ?? mappings[index - 1];
                        if (next) focusSoon(`[data-testid="saved-scale-mapping"][data-id="${next.id}"] [data-testid="saved-scale-mapping-delete"]`);
                      }}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
