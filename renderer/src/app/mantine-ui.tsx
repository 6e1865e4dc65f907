/**
 * The DocumentUi and StartupUi on Mantine: prompts are modals that resolve a promise with the
 * user's choice (Escape or the close button = Cancel), messages are toasts.
 */
import { Alert, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ConflictChoice, DocumentUi, Toast, ToastKind, UnsavedChoice } from './document-actions';
import { RecoveryList } from './RecoveryList';
import type { StartupUi } from './startup';

const TOAST_LOOK: Record<ToastKind, { color: string; icon: ReactNode; autoClose: number }> = {
  success: { color: 'teal', icon: <IconCheck size={18} aria-hidden />, autoClose: 2500 },
  info: { color: 'indigo', icon: <IconInfoCircle size={18} aria-hidden />, autoClose: 6000 },
  warning: { color: 'yellow', icon: <IconAlertTriangle size={18} aria-hidden />, autoClose: 9000 },
  error: { color: 'red', icon: <IconX size={18} aria-hidden />, autoClose: 9000 },
};

function ToastBody({ message, details }: { message: string; details?: readonly string[] }) {
  return (
    <Stack gap={6}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
      {details && details.length > 0 ? (
        <details className="plp-toast-details">
          <summary>Show details ({details.length})</summary>
          <List size="xs" spacing={2} mt={4} className="plp-toast-detail-list">
            {details.map((line, index) => (
              <List.Item key={index}>{line}</List.Item>
            ))}
          </List>
        </details>
      ) : null}
    </Stack>
  );
}

export function showToast(toast: Toast): void {
  const look = TOAST_LOOK[toast.kind];
  const data = {
    title: toast.title,
    message: <ToastBody message={toast.message} details={toast.details} />,
    color: look.color,
    icon: look.icon,
    autoClose: toast.persistent ? false : look.autoClose,
    'data-testid': 'toast',
    'data-kind': toast.kind,
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
  };
  if (toast.id) {
    notifications.hide(toast.id);
    notifications.show({ ...data, id: toast.id });
  } else {
    notifications.show(data);
  }
}

interface Choice<T extends string> {
  value: T;
  label: string;
  testId: string;
  variant?: 'filled' | 'default' | 'subtle' | 'light';
  color?: string;
  autoFocus?: boolean;
}

/** A modal with a message and a row of buttons; resolves with the chosen value, or `cancel`. */
function choose<T extends string>(options: { title: string; body: ReactNode; choices: Choice<T>[]; cancel: T; testId: string }): Promise<T> {
  return new Promise<T>((resolve) => {
    let settled = false;
    let id = '';
    const settle = (value: T) => {
      if (settled) return;
      settled = true;
      resolve(value);
      modals.close(id);
    };
    id = modals.open({
      title: options.title,
      'data-testid': options.testId,
      onClose: () => settle(options.cancel),
      closeButtonProps: { 'aria-label': 'Cancel' },
      children: (
        <Stack gap="lg">
          <Box>{options.body}</Box>
          <Group justify="flex-end" gap="sm">
            {options.choices.map((choice) => (
              <Button
                key={choice.value}
                variant={choice.variant ?? 'default'}
                color={choice.color}
                data-testid={choice.testId}
                data-autofocus={choice.autoFocus ? true : undefined}
                onClick={() => settle(choice.value)}
              >
                {choice.label}
              </Button>
            ))}
          </Group>
        </Stack>
      ),
    } as Parameters<typeof modals.open>[0]);
  });
}

export const mantineUi: DocumentUi & StartupUi = {
  notify: showToast,

  askUnsaved: (title) =>
    choose<UnsavedChoice>({
      title: `Save changes to “${title}”?`,
      testId: 'unsaved-modal',
      cancel: 'cancel',
      body: <Text>If you don't save, the changes you made since the last save will be lost.</Text>,
      choices: [
        { value: 'discard', label: "Don't save", testId: 'unsaved-discard', variant: 'subtle', color: 'red' },
        { value: 'cancel', label: 'Cancel', testId: 'unsaved-cancel' },
        { value: 'save', label: 'Save', testId: 'unsaved-save', variant: 'filled', autoFocus: true },
      ],
    }),

  askConflict: (fileName, message) =>
    choose<ConflictChoice>({
      title: `“${fileName}” changed on disk since you opened it`,
      testId: 'conflict-modal',
      cancel: 'cancel',
      body: (
        <Stack gap="sm">
          <Text>{message}</Text>
          <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
            Overwrite replaces the other version with yours. Save as… keeps both.
          </Alert>
        </Stack>
      ),
      choices: [
        { value: 'cancel', label: 'Cancel', testId: 'conflict-cancel' },
        { value: 'save-as', label: 'Save as…', testId: 'conflict-save-as', autoFocus: true },
        { value: 'overwrite', label: 'Overwrite', testId: 'conflict-overwrite', variant: 'filled', color: 'red' },
      ],
    }),

  askRecovery: (backups, handlers) =>
    new Promise<void>((resolve) => {
      let id = '';
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        resolve();
        modals.close(id);
      };
      id = modals.open({
        title: 'Recover unsaved work?',
        size: 720,
        closeOnClickOutside: false,
        'data-testid': 'recovery-modal',
        onClose: finish,
        closeButtonProps: { 'aria-label': 'Decide later' },
        children: <RecoveryList backups={backups} handlers={handlers} onDone={finish} />,
      } as Parameters<typeof modals.open>[0]);
    }),
};
