/**
 * Small building blocks the model and needs-analysis editors share: running a command from a
 * component, text fields that commit one undo step when left, move buttons, a confirmation
 * dialog, a screen-reader announcer and focus that survives a re-render.
 */
import { ActionIcon, Button, Drawer, Group, Modal, Stack, Text, Textarea, TextInput, Tooltip, type TextareaProps, type TextInputProps } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useServices } from '../../app/services';
import { isTextEditingTarget } from '../../app/shortcuts';
import type { CommandInput, RunResult } from '../../state/project-store';

/** Run one undoable command; a refused one has already been shown as a toast by the store. */
export function useRun(): (command: CommandInput) => RunResult {
  const { store } = useServices();
  return (command) => store.getState().run(command);
}

// ---------------------------------------------------------------------------------------------
// Screen-reader announcements ("Moved Composure to position 2")

const ANNOUNCER_ID = 'plp-model-announcer';

export function Announcer() {
  return <div id={ANNOUNCER_ID} className="plp-sr-only" role="status" aria-live="polite" aria-atomic="true" />;
}

export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 30);
}

// ---------------------------------------------------------------------------------------------
// Focus after a re-render

/**
 * Put focus back on `element` (React may have moved its DOM node, which blurs it) or, when it
 * was replaced, on the first element matching `selector`.
 */
export function restoreFocus(element: Element | null, selector?: string): void {
  requestAnimationFrame(() => {
    const target = element instanceof HTMLElement && element.isConnected ? element : selector ? document.querySelector<HTMLElement>(selector) : null;
    if (target && document.activeElement !== target) target.focus();
  });
}

export function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** Alt+↑ / Alt+↓ as a move of -1 / +1, or null (and never while typing in a text field). */
export function altMove(event: KeyboardEvent<HTMLElement>): -1 | 1 | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return null;
  if (isTextEditingTarget(event.target)) return null;
  return event.key === 'ArrowUp' ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Text fields that commit when left

interface CommitProps {
  value: string;
  /** Called with the new text when it differs; a refusal keeps the field open with the reason. */
  onCommit: (next: string) => RunResult;
}

/**
 * A field's draft follows the project (an undo shows up at once) until the user types; leaving
 * the field (or Enter in a single-line field) commits one command; Escape puts the value back
 * (and, while there is something to put back, does not close the drawer around it).
 */
function useCommitDraft({ value, onCommit }: CommitProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }
  const dirty = draft !== value;
  const commit = () => {
    if (!dirty) return;
    const result = onCommit(draft);
    if (!result.ok) setError(result.message);
    // Nothing changed (only blank lines or spaces were added): show the value as it is.
    else if (!result.changed) setDraft(value);
  };
  const revert = () => {
    setDraft(value);
    setError(null);
  };
  return {
    draft,
    dirty,
    error,
    onChange: (event: { currentTarget: { value: string } }) => {
      setDraft(event.currentTarget.value);
      setError(null);
    },
    commit,
    revert,
  };
}

export function CommitTextInput({ value, onCommit, ...props }: CommitProps & Omit<TextInputProps, 'value' | 'onChange' | 'error'>) {
  const field = useCommitDraft({ value, onCommit });
  return (
    <TextInput
      {...props}
      value={field.draft}
      onChange={field.onChange}
      error={field.error}
      data-mantine-stop-propagation={field.dirty ? 'true' : undefined}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        field.commit();
        props.onBlur?.(event);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          field.commit();
        } else if (event.key === 'Escape' && field.dirty) {
          event.preventDefault();
          field.revert();
        }
        props.onKeyDown?.(event);
      }}
    />
  );
}

export function CommitTextarea({ value, onCommit, ...props }: CommitProps & Omit<TextareaProps, 'value' | 'onChange' | 'error'>) {
  const field = useCommitDraft({ value, onCommit });
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={12}
      {...props}
      value={field.draft}
      onChange={field.onChange}
      error={field.error}
      data-mantine-stop-propagation={field.dirty ? 'true' : undefined}
      onBlur={(event: FocusEvent<HTMLTextAreaElement>) => {
        field.commit();
        props.onBlur?.(event);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          field.commit();
        } else if (event.key === 'Escape' && field.dirty) {
          event.preventDefault();
          field.revert();
        }
        props.onKeyDown?.(event);
      }}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Move buttons

export function MoveButtons(props: {
  /** "Executive communication": the buttons read "Move Executive communication up". */
  name: string;
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1, button: HTMLButtonElement) => void;
  testId: string;
  dataId: string;
  upWord?: string;
  downWord?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { upWord = 'up', downWord = 'down', size = 'lg' } = props;
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label={`Move ${upWord} (Alt+↑)`}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size={size}
          aria-label={`Move ${props.name} ${upWord}`}
          disabled={!props.canUp}
          data-testid={`${props.testId}-up`}
          data-id={props.dataId}
          onClick={(event) => props.onMove(-1, event.currentTarget)}
        >
          <IconArrowUp size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`Move ${downWord} (Alt+↓)`}>
        <ActionIcon
          variant="subtle"
          color="gray"
          size={size}
          aria-label={`Move ${props.name} ${downWord}`}
          disabled={!props.canDown}
          data-testid={`${props.testId}-down`}
          data-id={props.dataId}
          onClick={(event) => props.onMove(1, event.currentTarget)}
        >
          <IconArrowDown size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

// ---------------------------------------------------------------------------------------------
// Side panel

/** The header of a panel is not the page's banner: a <header> there would be a second banner landmark. */
const NOT_A_BANNER = { component: 'div' } as object;

/** A detail panel sliding in from the right (a Mantine drawer whose header is not a landmark). */
export function SidePanel(props: { opened: boolean; onClose: () => void; title: ReactNode; closeLabel: string; size?: number; testId: string; children: ReactNode }) {
  return (
    <Drawer.Root opened={props.opened} onClose={props.onClose} position="right" size={props.size ?? 720} padding="xl">
      <Drawer.Overlay backgroundOpacity={0.35} blur={1} />
      <Drawer.Content data-testid={props.testId}>
        <Drawer.Header {...NOT_A_BANNER} className="plp-panel-header">
          <Drawer.Title>{props.title}</Drawer.Title>
          <Drawer.CloseButton aria-label={props.closeLabel} size="lg" />
        </Drawer.Header>
        <Drawer.Body>{props.children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

// ---------------------------------------------------------------------------------------------
// Confirmation

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/** A destructive action's confirmation; Cancel has focus first, so Enter never deletes by accident. */
export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  return (
    <Modal opened={request !== null} onClose={onClose} title={request?.title ?? ''} size="lg" closeButtonProps={{ 'aria-label': 'Cancel' }}>
      {request ? (
        <Stack gap="lg" data-testid="confirm-dialog">
          <div>{request.body}</div>
          <Text size="sm" c="dimmed">
            You can undo this with Ctrl+Z.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus data-testid="confirm-cancel">
              Cancel
            </Button>
            <Button
              color="red.8"
              data-testid="confirm-accept"
              onClick={() => {
                request.onConfirm();
                onClose();
              }}
            >
              {request.confirmLabel}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** "3 role targets", "1 finding": counts as words. */
export function count(value: number, one: string, many = `${one}s`): string {
  return `${value.toLocaleString()} ${value === 1 ? one : many}`;
}

/** A few names and "and N more". */
export function someNames(names: readonly string[], max = 3): string {
  const unique = names.filter((name, index) => names.indexOf(name) === index);
  if (unique.length <= max) return unique.join(', ');
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}
