/**
 * When a render fails: say what happened, keep the work (one last crash backup of unsaved
 * edits, which the next start offers to recover), and offer Reload.
 */
import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { PlpApi } from '../../../shared/ipc/api';
import { isUnsaved } from '../../../shared/domain/history';
import type { ProjectStore } from '../state/project-store';
import { formatTime } from './format';

interface Props {
  api: PlpApi;
  store: ProjectStore;
  children: ReactNode;
}

type BackupState = { status: 'none' } | { status: 'writing' } | { status: 'written'; at: string } | { status: 'failed'; message: string };

interface State {
  error: Error | null;
  backup: BackupState;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, backup: { status: 'none' } };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('PLP Studio crashed while rendering', error, info.componentStack);
    const { document, history } = this.props.store.getState();
    if (!document || !history || !isUnsaved(history)) return;
    this.setState({ backup: { status: 'writing' } });
    this.props.api
      .writeBackup({ documentId: document.documentId, project: history.present })
      .then(({ backedUpAt }) => {
        this.props.store.getState().markBackedUp(history.present, backedUpAt);
        this.setState({ backup: { status: 'written', at: backedUpAt } });
      })
      .catch((backupError: unknown) => this.setState({ backup: { status: 'failed', message: backupError instanceof Error ? backupError.message : String(backupError) } }));
  }

  override render(): ReactNode {
    const { error, backup } = this.state;
    if (!error) return this.props.children;
    return (
      <Center mih="100vh" p="xl" data-testid="crash-screen">
        <Stack maw={640} gap="lg">
          <Title order={1}>Something went wrong</Title>
          <Text size="lg">PLP Studio hit an unexpected problem and stopped showing this screen. Reloading usually fixes it.</Text>
          <Code block className="plp-crash-message">
            {error.message || error.name}
          </Code>
          {backup.status === 'writing' ? <Text c="dimmed">Backing up your unsaved changes…</Text> : null}
          {backup.status === 'written' ? (
            <Alert color="teal" variant="light" title="Your unsaved changes are safe">
              They were backed up at {formatTime(backup.at)}. When PLP Studio starts again it will offer to recover them.
            </Alert>
          ) : null}
          {backup.status === 'failed' ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The last backup could not be written">
              {backup.message}. The most recent automatic backup will still be offered when PLP Studio starts again.
            </Alert>
          ) : null}
          <div>
            <Button size="md" leftSection={<IconRefresh size={18} aria-hidden />} onClick={() => window.location.reload()} data-testid="crash-reload">
              Reload
            </Button>
          </div>
        </Stack>
      </Center>
    );
  }
}
