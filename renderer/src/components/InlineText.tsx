/**
 * Text that becomes an input when clicked (or on F2 when focused). Enter commits
 * (Ctrl+Enter in multi-line text), Escape cancels, leaving the field commits. A refused edit
 * (an empty name) keeps the field open with the reason, so nothing typed is lost.
 */
import { Text, Textarea, TextInput, UnstyledButton, type MantineSize } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type CommitResult = { ok: true } | { ok: false; message: string };

export interface InlineTextProps {
  value: string;
  /** Called with the new text when it differs from `value`. */
  onCommit: (next: string) => CommitResult;
  /** Accessible name of the input, e.g. "Capability name". */
  label: string;
  /** `<testId>` on the display button, `<testId>-input` on the input. */
  testId: string;
  multiline?: boolean;
  placeholder?: string;
  /** Shown instead of the value while it is empty. */
  emptyText?: string;
  size?: MantineSize;
  fw?: number;
  /** Controlled editing (the project title opens on F2). */
  editing?: boolean;
  onEditingChange?: (editing: boolean) => void;
  /** Rendered in place of the plain value text. */
  children?: ReactNode;
  maxLength?: number;
  lineClamp?: number;
  /** One line, cut with an ellipsis (the full text is in the accessible name and tooltip). */
  truncate?: boolean;
  dimmed?: boolean;
  'data-id'?: string;
}

type EditorProps = Pick<InlineTextProps, 'value' | 'onCommit' | 'label' | 'testId' | 'multiline' | 'placeholder' | 'size' | 'fw' | 'maxLength' | 'data-id'> & {
  /** The edit is over; `refocus` returns focus to the display text (keyboard commits and cancels). */
  onDone: (refocus: boolean) => void;
};

function InlineEditor({ value, onCommit, label, testId, multiline, placeholder, size, fw, maxLength, onDone, ...rest }: EditorProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** Set once the edit is committed or cancelled, so the blur of the unmounting input is ignored. */
  const finished = useRef(false);

  const commit = (refocus: boolean) => {
    if (finished.current) return;
    if (draft !== value) {
      const result = onCommit(draft);
      if (!result.ok) {
        setError(result.message);
        return;
      }
    }
    finished.current = true;
    onDone(refocus);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finished.current = true;
      onDone(true);
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit(true);
    }
  };

  const common = {
    value: draft,
    onChange: (event: { currentTarget: { value: string } }) => {
      setDraft(event.currentTarget.value);
      setError(null);
    },
    onKeyDown,
    onBlur: () => commit(false),
    onFocus: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => event.currentTarget.select(),
    'aria-label': label,
    'data-testid': `${testId}-input`,
    'data-id': rest['data-id'],
    error,
    size,
    autoFocus: true,
    maxLength,
    placeholder,
    classNames: fw ? { input: 'plp-inline-input-strong' } : undefined,
  };
  return multiline ? (
    <Textarea {...common} autosize minRows={2} maxRows={10} description="Ctrl+Enter to save · Esc to cancel" />
  ) : (
    <TextInput {...common} />
  );
}

export function InlineText(props: InlineTextProps) {
  const { value, label, testId, size = 'md', fw, lineClamp, truncate, dimmed } = props;
  const [localEditing, setLocalEditing] = useState(false);
  const editing = props.editing ?? localEditing;
  const displayRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  const setEditing = (next: boolean) => {
    if (props.editing === undefined) setLocalEditing(next);
    props.onEditingChange?.(next);
  };

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      displayRef.current?.focus();
    }
  }, [editing]);

  if (editing) {
    return (
      <InlineEditor
        {...props}
        size={size}
        onDone={(focusBack) => {
          refocus.current = focusBack;
          setEditing(false);
        }}
      />
    );
  }

  const empty = value.trim() === '';
  return (
    <UnstyledButton
      ref={displayRef}
      className="plp-inline-display"
      data-truncate={truncate || undefined}
      data-testid={testId}
      data-id={props['data-id']}
      aria-label={`${label}: ${empty ? 'empty' : value}. Edit`}
      title={truncate ? `${value} (click to edit)` : 'Click to edit'}
      onClick={() => setEditing(true)}
      onKeyDown={(event) => {
        if (event.key === 'F2') {
          event.preventDefault();
          event.stopPropagation();
          setEditing(true);
        }
      }}
    >
      {props.children ?? (
        <Text component="span" size={size} fw={fw} c={empty || dimmed ? 'dimmed' : undefined} fs={empty ? 'italic' : undefined} lineClamp={lineClamp} truncate={truncate ? 'end' : undefined} className="plp-inline-text">
          {empty ? (props.emptyText ?? 'Empty') : value}
        </Text>
      )}
      <IconPencil size={16} className="plp-inline-pencil" aria-hidden />
    </UnstyledButton>
  );
}
