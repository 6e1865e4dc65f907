/**
 * Form fields that commit when the user is done (Enter, leaving the field), not on every key:
 * each commit is one undoable command, so typing a name is one undo step, not twelve. A
 * refused value (an empty name) stays in the field with the reason. When the project value
 * changes underneath (undo), the parent re-keys the field so it shows the new value.
 */
import { NumberInput, Textarea, TextInput, type NumberInputProps, type TextareaProps, type TextInputProps } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import type { RunResult } from '../../state/project-store';

type Commit<T> = (value: T) => RunResult;

function message(result: RunResult): string | null {
  return result.ok ? null : result.message;
}

export function CommitTextInput({ value, onCommit, ...props }: Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & { value: string; onCommit: Commit<string> }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === value) return;
    setError(message(onCommit(draft)));
  };
  return (
    <TextInput
      {...props}
      value={draft}
      error={error ?? props.error}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        setError(null);
      }}
      onBlur={commit}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') {
          setDraft(value);
          setError(null);
        }
      }}
    />
  );
}

export function CommitTextarea({ value, onCommit, ...props }: Omit<TextareaProps, 'value' | 'onChange' | 'defaultValue'> & { value: string; onCommit: Commit<string> }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === value) return;
    setError(message(onCommit(draft)));
  };
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={8}
      {...props}
      value={draft}
      error={error ?? props.error}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        setError(null);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commit();
      }}
    />
  );
}

export function CommitNumberInput({ value, onCommit, ...props }: Omit<NumberInputProps, 'value' | 'onChange' | 'defaultValue'> & { value: number; onCommit: Commit<number> }) {
  const [draft, setDraft] = useState<string | number>(value);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    const next = typeof draft === 'number' ? draft : Number.parseFloat(draft);
    if (draft === '' || !Number.isFinite(next)) {
      setError('Enter a number');
      return;
    }
    if (next === value) return;
    setError(message(onCommit(next)));
  };
  return (
    <NumberInput
      {...props}
      value={draft}
      error={error ?? props.error}
      onChange={(next) => {
        setDraft(next);
        setError(null);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
    />
  );
}
