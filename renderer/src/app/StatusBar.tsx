/** The status bar: where the file is, whether it is saved, when it was last backed up, what it holds. */
import { Group, Text } from '@mantine/core';
import { IconCircleCheck, IconFile, IconLifebuoy, IconPointFilled } from '@tabler/icons-react';
import { selectDocument, selectIsUnsaved, selectLastBackupAt, selectPresent } from '../state/project-store';
import { PathText } from '../components/PathText';
import { formatTime, plural } from './format';
import { useProject, useUi } from './services';

export function StatusBar() {
  const document = useProject(selectDocument);
  const unsaved = useProject(selectIsUnsaved);
  const backupAt = useProject(selectLastBackupAt);
  const project = useProject(selectPresent);
  const version = useUi((state) => state.appVersion);
  return (
    <Group h="100%" px="md" gap="lg" wrap="nowrap" justify="space-between" className="plp-status" data-testid="status-bar">
      <Group gap="lg" wrap="nowrap" style={{ minWidth: 0 }}>
        {document ? (
          <>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFile size={15} aria-hidden style={{ flexShrink: 0 }} />
              {document.filePath ? (
                <PathText path={document.filePath} size="xs" testId="status-file" maw={560} />
              ) : (
                <Text size="xs" data-testid="status-file">
                  Not saved yet
                </Text>
              )}
            </Group>
            <Group gap={4} wrap="nowrap" data-testid="status-saved" data-state={unsaved ? 'unsaved' : 'saved'}>
              {unsaved ? <IconPointFilled size={15} aria-hidden className="plp-dirty-dot" /> : <IconCircleCheck size={15} aria-hidden />}
              <Text size="xs">{unsaved ? 'Unsaved changes' : document.filePath ? 'All changes saved' : 'No changes yet'}</Text>
            </Group>
            {unsaved && backupAt ? (
              <Group gap={4} wrap="nowrap" data-testid="status-backup">
                <IconLifebuoy size={15} aria-hidden />
                <Text size="xs">Backed up {formatTime(backupAt)}</Text>
              </Group>
            ) : null}
          </>
        ) : (
          <Text size="xs">No project open</Text>
        )}
      </Group>
      <Group gap="lg" wrap="nowrap">
        {project ? (
          <Text size="xs" data-testid="status-counts" style={{ whiteSpace: 'nowrap' }}>
            {plural(project.findings.length, 'finding')} · {plural(project.capabilities.length, 'capability', 'capabilities')} · {plural(project.frameworks.length, 'framework')} ·{' '}
            {plural(project.learners.length, 'learner')}
          </Text>
        ) : null}
        {version ? (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            v{version}
          </Text>
        ) : null}
      </Group>
    </Group>
  );
}
