/** Shown when no project is open: start new, open, or pick up a recent file. */
import { Button, Center, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFilePlus, IconFileText, IconFolderOpen, IconSparkles } from '@tabler/icons-react';
import { fileNameOf } from './document-actions';
import { AppMark } from './AppMark';
import { PathText } from '../components/PathText';
import { useServices, useUi } from './services';

export function Welcome() {
  const { actions } = useServices();
  const recent = useUi((state) => state.recentFiles);
  return (
    <Center mih="100%" p="xl" data-testid="welcome">
      <Stack maw={640} w="100%" gap="xl">
        <Stack gap="xs" align="flex-start">
          <AppMark size={48} />
          <Title order={1}>Welcome to PLP Studio</Title>
          <Text c="dimmed" size="lg">
            Build personalized learning plans from a needs analysis, a capability model and a learning pathway. Start from the sample to see the method end to end.
          </Text>
        </Stack>
        <Group gap="sm">
          <Button size="md" leftSection={<IconSparkles size={18} aria-hidden />} onClick={() => void actions.newProject('sample')}>
            Open the sample project
          </Button>
          <Button size="md" variant="default" leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => void actions.newProject('blank')}>
            New project
          </Button>
          <Button size="md" variant="default" leftSection={<IconFolderOpen size={18} aria-hidden />} onClick={() => void actions.open()}>
            Open…
          </Button>
        </Group>
        {recent.length > 0 ? (
          <Stack gap="xs">
            <Title order={2} size="h4">
              Recent projects
            </Title>
            <Paper withBorder radius="md">
              <Stack gap={0} component="ul" className="plp-recent" aria-label="Recent projects">
                {recent.slice(0, 8).map((path) => (
                  <li key={path}>
                    <UnstyledButton className="plp-recent-item" onClick={() => void actions.openPath(path)} aria-label={`Open ${fileNameOf(path)}`}>
                      <IconFileText size={20} aria-hidden />
                      <Stack gap={0} style={{ minWidth: 0 }}>
                        <Text fw={600} truncate="end">
                          {fileNameOf(path)}
                        </Text>
                        <PathText path={path} dimmed />
                      </Stack>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </Paper>
          </Stack>
        ) : null}
      </Stack>
    </Center>
  );
}
