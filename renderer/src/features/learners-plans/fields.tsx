/**
 * Small pieces of the Learners & plans workspace: running a command, fields that commit one undo
 * step when left (typing never records a step per key), and section headings.
 */
import { Badge, Group, Textarea, TextInput, Title, type TextareaProps, type TextInputProps } from '@mantine/core';
import { IconHandFinger } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useServices } from '../../app/services';
import type { CommandInput, RunResult } from '../../state/project-store';

export function useRun(): (command: CommandInput) => RunResult {
  const { store } = useServices();
  return (command) => store.getState().run(command);
}

function useDraft(value: string, onCommit: (next: string) => RunResult) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }
  const commit = () => {
    if (draft === value) return;
    const result = onCommit(draft);
    if (!result.ok) setError(result.message);
    else if (!result.changed) setDraft(value);
  };
  return { draft, setDraft, error, setError, commit, revert: () => (setDraft(value), setError(null)) };
}

type CommitInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'onBlur' | 'error'> & { value: string; onCommit: (next: string) => RunResult };

/** A text (or date) input that commits on blur or Enter; Escape puts the value back. */
export function CommitInput({ value, onCommit, ...rest }: CommitInputProps) {
  const field = useDraft(value, onCommit);
  return (
    <TextInput
      {...rest}
      value={field.draft}
      error={field.error}
      onChange={(event) => {
        field.setDraft(event.currentTarget.value);
        field.setError(null);
      }}
      onBlur={field.commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          field.commit();
        } else if (event.key === 'Escape' && field.draft !== value) {
          event.stopPropagation();
          field.revert();
        }
      }}
    />
  );
}

type CommitLinesProps = Omit<TextareaProps, 'value' | 'onChange' | 'onBlur' | 'error'> & { lines: readonly string[]; onCommit: (lines: string[]) => RunResult };

/** A list of lines edited as text, one line per entry; committed when left. */
export function CommitLines({ lines, onCommit, ...rest }: CommitLinesProps) {
  const field = useDraft(lines.join('\n'), (text) => onCommit(text.split('\n')));
  return (
    <Textarea
      autosize
      minRows={3}
      maxRows={12}
      {...rest}
      value={field.draft}
      error={field.error}
      onChange={(event) => {
        field.setDraft(event.currentTarget.value);
        field.setError(null);
      }}
      onBlur={field.commit}
    />
  );
}

export function SectionTitle({ number, children, actions, id }: { number?: number; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <Group justify="space-between" align="center" mb="sm" wrap="nowrap">
      <Title order={2} size="h3" id={id} className="plp-plans-section-title">
        {number !== undefined ? (
          <span className="plp-plans-section-number" aria-hidden>
            {number}
          </span>
        ) : null}
        {children}
      </Title>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}

/** The visible mark of a person's change to what the engine proposed. */
export function ManualBadge() {
  return (
    <Badge variant="outline" color="orange" leftSection={<IconHandFinger size={13} aria-hidden />} data-testid="manual-badge">
      Manual override
    </Badge>
  );
}
