/** The common frame of a workspace: heading, what it is for, a summary at the right. */
import { Box, Button, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function WorkspaceFrame(props: { id: string; step: number; title: string; purpose: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Box component="section" className="plp-workspace" data-testid={`workspace-${props.id}`} aria-labelledby={`${props.id}-heading`}>
      <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xl" className="plp-workspace-header">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
            Step {props.step} of 5
          </Text>
          <Title order={1} id={`${props.id}-heading`}>
            {props.title}
          </Title>
          <Text c="dimmed" maw={760}>
            {props.purpose}
          </Text>
        </Stack>
        {props.aside ? <Box style={{ flexShrink: 0 }}>{props.aside}</Box> : null}
      </Group>
      <Box className="plp-workspace-body">{props.children}</Box>
    </Box>
  );
}

/** What an empty workspace is for, and one way to get started. */
export function TeachingEmptyState(props: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  actionLabel?: string;
  onAction?: () => void;
  testId: string;
  footnote?: ReactNode;
}) {
  return (
    <EmptyState className="plp-empty" data-testid={props.testId} variant="light" size="lg">
      <EmptyState.Indicator>{props.icon}</EmptyState.Indicator>
      <EmptyState.Title order={2}>{props.title}</EmptyState.Title>
      <EmptyState.Description>{props.description}</EmptyState.Description>
      {props.actionLabel && props.onAction ? (
        <EmptyState.Actions>
          <Button size="md" onClick={props.onAction}>
            {props.actionLabel}
          </Button>
        </EmptyState.Actions>
      ) : null}
      {props.footnote ? (
        <Text size="sm" c="dimmed" mt="md" ta="center" maw={520}>
          {props.footnote}
        </Text>
      ) : null}
    </EmptyState>
  );
}

/** A small labelled number for workspace summaries. */
export function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0} className="plp-stat">
      <Text fz={26} fw={650} lh={1.15}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
