/** Step 2: the proficiency scale, and capabilities grouped in domains with skills, indicators and role targets. */
import { Badge, Box, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconHierarchy3 } from '@tabler/icons-react';
import { memo, useMemo } from 'react';
import { describeCapability, renameCapability } from '../../../../shared/domain/commands/capability-commands';
import type { Capability, Project } from '../../../../shared/domain/schema';
import { useProject, useServices } from '../../app/services';
import { InlineText, type CommitResult } from '../../components/InlineText';
import { Stat, TeachingEmptyState, WorkspaceFrame } from '../../components/WorkspaceFrame';
import { plural } from '../../app/format';
import { selectPresent } from '../../state/project-store';
import { useStartWithSample } from '../useStartWithSample';

function ScaleChips({ project }: { project: Project }) {
  return (
    <Box component="section" aria-labelledby="scale-heading" mb="xl">
      <Group gap="sm" mb="xs" align="baseline">
        <Title order={2} id="scale-heading" className="plp-section-title">
          Proficiency scale
        </Title>
        <Text size="sm" c="dimmed">
          {project.scale.name} · {plural(project.scale.levels.length, 'level')}, least to most proficient
        </Text>
      </Group>
      <Group component="ol" gap="xs" className="plp-scale" data-testid="scale-levels" aria-label="Proficiency levels">
        {project.scale.levels.map((level, index) => (
          <li key={level.id}>
            <Tooltip label={level.description || 'No description yet'}>
              <span className="plp-scale-chip" tabIndex={0} aria-label={`Level ${index + 1}: ${level.label}. ${level.description}`}>
                <span className="plp-scale-rank" aria-hidden>
                  {index + 1}
                </span>
                {level.label}
              </span>
            </Tooltip>
          </li>
        ))}
      </Group>
    </Box>
  );
}

interface RowContext {
  levelCount: number;
  levelLabels: ReadonlyMap<string, string>;
  targetsByCapability: ReadonlyMap<string, { role: string; level: string }[]>;
  commit: (build: () => ReturnType<typeof renameCapability>) => CommitResult;
}

const CapabilityRow = memo(function CapabilityRow({ capability, context }: { capability: Capability; context: RowContext }) {
  const described = capability.indicators.filter((indicator) => indicator.statements.some((statement) => statement.trim() !== '')).length;
  const targets = context.targetsByCapability.get(capability.id) ?? [];
  return (
    <Table.Tr data-testid="capability-row" data-id={capability.id}>
      <Table.Td>
        <Stack gap={2}>
          <InlineText
            value={capability.name}
            label="Capability name"
            testId="capability-name"
            data-id={capability.id}
            fw={600}
            maxLength={500}
            onCommit={(next) => context.commit(() => renameCapability(capability.id, next))}
          />
          <InlineText
            value={capability.description}
            label="Capability description"
            testId="capability-description"
            data-id={capability.id}
            multiline
            size="sm"
            dimmed
            lineClamp={2}
            emptyText="Add a description"
            onCommit={(next) => context.commit(() => describeCapability(capability.id, next))}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        {capability.skills.length > 0 ? (
          <Tooltip label={capability.skills.map((skill) => skill.name).join(' · ')}>
            <Text size="sm" tabIndex={0} className="plp-underline-hint" style={{ whiteSpace: 'nowrap' }}>
              {plural(capability.skills.length, 'skill')}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            None yet
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <span className="plp-meter" aria-hidden>
            {Array.from({ length: context.levelCount }, (_, index) => (
              <span key={index} className={index < described ? 'plp-meter-on' : undefined} />
            ))}
          </span>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {described} of {context.levelCount} levels
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        {targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            No role targets
          </Text>
        ) : (
          <Stack gap={2}>
            {targets.slice(0, 3).map((target) => (
              <Text key={target.role} size="sm" lineClamp={2}>
                {target.role}: <strong>{target.level}</strong>
              </Text>
            ))}
            {targets.length > 3 ? (
              <Text size="sm" c="dimmed">
                +{targets.length - 3} more roles
              </Text>
            ) : null}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
});

export function CapabilityModelWorkspace() {
  const project = useProject(selectPresent);
  const { store } = useServices();
  const startWithSample = useStartWithSample();

  const context = useMemo((): RowContext | null => {
    if (!project) return null;
    const levelLabels = new Map(project.scale.levels.map((level) => [level.id, level.label]));
    const targetsByCapability = new Map<string, { role: string; level: string }[]>();
    for (const role of project.roles) {
      for (const target of role.targets) {
        const list = targetsByCapability.get(target.capabilityId) ?? [];
        list.push({ role: role.name, level: levelLabels.get(target.levelId) ?? target.levelId });
        targetsByCapability.set(target.capabilityId, list);
      }
    }
    return {
      levelCount: project.scale.levels.length,
      levelLabels,
      targetsByCapability,
      commit: (build) => {
        const result = store.getState().run(build);
        return result.ok ? { ok: true } : { ok: false, message: result.message };
      },
    };
    // Rows re-render only when scale or roles change, not on every capability edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [project?.scale, project?.roles, store]);

  if (!project || !context) return null;
  const skills = project.capabilities.reduce((sum, capability) => sum + capability.skills.length, 0);

  return (
    <WorkspaceFrame
      id="capability-model"
      step={2}
      title="Capability model"
      purpose="The capabilities a role needs, grouped in domains, what each proficiency level looks like in behaviour, and the level each role must reach."
      aside={
        project.capabilities.length > 0 ? (
          <Group gap="xl">
            <Stat label={project.domains.length === 1 ? 'domain' : 'domains'} value={project.domains.length} />
            <Stat label={project.capabilities.length === 1 ? 'capability' : 'capabilities'} value={project.capabilities.length} />
            <Stat label={skills === 1 ? 'skill' : 'skills'} value={skills} />
          </Group>
        ) : undefined
      }
    >
      <ScaleChips project={project} />
      {project.capabilities.length === 0 ? (
        <TeachingEmptyState
          testId="empty-capability-model"
          icon={<IconHierarchy3 size={34} stroke={1.5} />}
          title="Describe the capabilities that matter"
          description="Group capabilities in domains (for example “Customer engagement”), break each into skills, and write what someone at each level visibly does. Role targets then say which level each role must reach: the gaps that plans close."
          actionLabel="Explore the sample project"
          onAction={startWithSample}
        />
      ) : (
        <Stack gap="xl">
          {project.domains.map((domain) => {
            const capabilities = project.capabilities.filter((capability) => capability.domainId === domain.id);
            return (
              <Box component="section" key={domain.id} aria-labelledby={`domain-${domain.id}`} data-testid="domain-section">
                <Group gap="sm" mb={4} align="baseline">
                  <Title order={2} id={`domain-${domain.id}`} className="plp-section-title">
                    {domain.name}
                  </Title>
                  <Badge variant="default">{plural(capabilities.length, 'capability', 'capabilities')}</Badge>
                </Group>
                {domain.description ? (
                  <Text size="sm" c="dimmed" mb="sm" maw={820} lineClamp={2}>
                    {domain.description}
                  </Text>
                ) : null}
                {capabilities.length === 0 ? (
                  <Text size="sm" c="dimmed" fs="italic">
                    No capabilities in this domain yet.
                  </Text>
                ) : (
                  <Paper withBorder radius="md" className="plp-table-paper">
                    <Table highlightOnHover className="plp-table" aria-label={`Capabilities in ${domain.name}`}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th style={{ width: '42%' }}>Capability</Table.Th>
                          <Table.Th style={{ width: '10%' }}>Skills</Table.Th>
                          <Table.Th style={{ width: '18%' }}>Behavioural indicators</Table.Th>
                          <Table.Th style={{ width: '30%' }}>Role targets</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {capabilities.map((capability) => (
                          <CapabilityRow key={capability.id} capability={capability} context={context} />
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Paper>
                )}
              </Box>
            );
          })}
        </Stack>
      )}
    </WorkspaceFrame>
  );
}
