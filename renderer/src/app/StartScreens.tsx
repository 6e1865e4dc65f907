/** Full-screen states before the shell: starting up, and no API to talk to. */
import { Center, Code, Loader, Stack, Text, Title } from '@mantine/core';
import { AppMark } from './AppMark';

export function StartingUp() {
  return (
    <Center mih="100%" data-testid="startup-loading" aria-busy="true">
      <Stack align="center" gap="md">
        <AppMark size={56} />
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" role="status">
          Opening your work…
        </Text>
      </Stack>
    </Center>
  );
}

export function ApiMissing() {
  return (
    <Center mih="100vh" p="xl" data-testid="api-missing">
      <Stack maw={620} gap="md">
        <AppMark size={48} />
        <Title order={1}>PLP Studio can't start here</Title>
        <Text size="lg">
          This window has no connection to the PLP Studio application, so it cannot open or save projects. This happens when the studio's page is opened in a browser
          instead of the PLP Studio app.
        </Text>
        <Text>
          Start PLP Studio from its application icon. If you are developing, run the Vite dev server (it provides an in-memory stand-in) or
          <Code>npm start</Code>.
        </Text>
      </Stack>
    </Center>
  );
}
