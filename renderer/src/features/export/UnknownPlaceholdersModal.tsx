/** Asked before exporting with a Word template that has placeholders the studio does not know. */
import { Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';

export interface UnknownPlaceholders {
  fileName: string;
  /** One line per placeholder, with where it is and a "did you mean". */
  unknown: readonly string[];
}

export function UnknownPlaceholdersModal({ question, onAnswer }: { question: UnknownPlaceholders | null; onAnswer: (exportAnyway: boolean) => void }) {
  return (
    <Modal opened={question !== null} onClose={() => onAnswer(false)} title="Your Word template has placeholders the studio does not know" size="lg">
      {question ? (
        <Stack data-testid="unknown-placeholders">
          <Text size="sm">{`${question.fileName} has ${question.unknown.length === 1 ? 'a placeholder' : `${question.unknown.length} placeholders`} that no value fills. Exported as they are, they stay in the documents as typed:`}</Text>
          <ScrollArea.Autosize mah={200}>
            <List size="sm" spacing={2}>
              {question.unknown.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          <Text size="sm" c="dimmed">
            To fix them, correct the template in Word and choose it again under Branding. The README lists every placeholder.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onAnswer(false)} data-autofocus>
              Cancel
            </Button>
            <Button color="orange" onClick={() => onAnswer(true)} data-testid="unknown-placeholders-export">
              Export anyway
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
