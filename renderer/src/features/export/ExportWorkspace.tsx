/** Step 5: export. Not built yet: says what it will produce, offers nothing that does not work. */
import { Box, Group, Paper, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook2, IconFileText, IconPalette, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { WorkspaceFrame } from '../../components/WorkspaceFrame';

function Planned({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" className="plp-card">
      <ThemeIcon variant="light" size={44} radius="md" mb="md" aria-hidden>
        {icon}
      </ThemeIcon>
      <Title order={3} mb={6}>
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Paper>
  );
}

export function ExportWorkspace() {
  return (
    <WorkspaceFrame
      id="export"
      step={5}
      title="Export"
      purpose="Managers and employees never open the studio: they read, agree and sign the exported plan. Export turns the project into Word and PDF documents."
    >
      <Box className="plp-coming" data-testid="export-coming-soon">
        <Text fw={700} size="sm" tt="uppercase" c="dimmed" className="plp-eyebrow" mb={6}>
          Coming in a later version
        </Text>
        <Title order={2} mb="xs">
          What you will be able to export
        </Title>
        <Text c="dimmed" maw={760} mb="xl">
          Export is not available in this version yet. Everything you build in the other workspaces is kept in the project file and will be used by it.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <Planned icon={<IconFileText size={24} />} title="One learner's plan">
            Employee information and career goals, prioritized learning goals, activities and resources, a timeline with milestones, participation expectations, assessment and feedback, and sign-off lines for employee and manager.
          </Planned>
          <Planned icon={<IconUsers size={24} />} title="A whole cohort">
            Every learner's plan at once, as separate Word or PDF files, with a progress bar and the option to cancel.
          </Planned>
          <Planned icon={<IconBook2 size={24} />} title="The framework guide">
            The pathway for the client: its steps, the catalog of core and optional activities, and how learners are assessed.
          </Planned>
        </SimpleGrid>
        <Group mt="xl" gap="sm" wrap="nowrap">
          <IconPalette size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            Every document can carry the organisation's logo and colours, or be built from the organisation's own Word template.
          </Text>
        </Group>
      </Box>
    </WorkspaceFrame>
  );
}
