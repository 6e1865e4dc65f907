/** What a deletion takes with it, in words, for the confirmation dialogs. */
import { List, Stack, Text } from '@mantine/core';
import type { CapabilityReferences } from '../../../../shared/domain/commands/capability-commands';
import type { RoleReferences } from '../../../../shared/domain/commands/model-commands';
import { count, someNames } from './editing';

export function capabilityReferenceLines(references: CapabilityReferences): string[] {
  const lines: string[] = [];
  if (references.roleTargets.length > 0) {
    lines.push(`${count(references.roleTargets.length, 'role target')} (${someNames(references.roleTargets.map((target) => target.roleName))})`);
  }
  if (references.findings.length > 0) lines.push(`its link from ${count(references.findings.length, 'finding')}`);
  if (references.assessments > 0) lines.push(count(references.assessments, 'learner assessment'));
  if (references.activities.length > 0) {
    lines.push(`what ${count(references.activities.length, 'activity', 'activities')} say they develop in it (${someNames(references.activities.map((activity) => activity.title), 2)})`);
  }
  if (references.frameworks.length > 0) {
    lines.push(`its place in ${count(references.frameworks.length, 'framework')} (${someNames(references.frameworks.map((framework) => framework.name))}): focus and assessment steps`);
  }
  if (references.plans > 0) lines.push(`goals in ${count(references.plans, 'learner plan')}`);
  return lines;
}

export function roleReferenceLines(references: RoleReferences): string[] {
  const lines: string[] = [];
  if (references.targets > 0) lines.push(`its ${count(references.targets, 'capability target')}`);
  if (references.findings > 0) lines.push(`its link from ${count(references.findings, 'finding')}`);
  if (references.learners.length > 0) {
    lines.push(`${count(references.learners.length, 'learner')} will have no role (${someNames(references.learners.map((learner) => learner.name))})`);
  }
  if (references.frameworks.length > 0) lines.push(`its place in the audience of ${someNames(references.frameworks.map((framework) => framework.name))}`);
  return lines;
}

export function ReferenceList({ intro, lines }: { intro: string; lines: readonly string[] }) {
  return (
    <Stack gap="xs" data-testid="reference-list">
      <Text>{intro}</Text>
      <List spacing={4} withPadding>
        {lines.map((line) => (
          <List.Item key={line} data-testid="reference-line">
            {line}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
