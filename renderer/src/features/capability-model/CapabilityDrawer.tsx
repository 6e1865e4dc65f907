/**
 * The detail panel of one capability: name, domain, external id, description, what someone at
 * each level of the scale visibly does (behavioural indicators), its skills, and what refers
 * to it. Each field is one undo step when it is left.
 */
import { ActionIcon, Box, Button, Divider, Group, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import {
  addSkill,
  capabilityReferences,
  deleteCapability,
  deleteSkill,
  describeCapability,
  hasReferences,
  moveCapabilityToDomain,
  moveSkill,
  renameCapability,
  renameSkill,
  setCapabilityExternalId,
  setIndicators,
  setSkillExternalId,
} from '../../../../shared/domain/commands/capability-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Capability, Project } from '../../../../shared/domain/schema';
import { announce, CommitTextarea, CommitTextInput, MoveButtons, restoreFocus, SidePanel, useRun, type ConfirmRequest } from './editing';
import { capabilityReferenceLines, ReferenceList } from './references';

/** Leave the focused field first, so what was typed is committed before the panel goes. */
function blurActive(): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement) active.blur();
}

function SkillsEditor({ capability }: { capability: Capability }) {
  const run = useRun();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    if (name.trim() === '') {
      setError('Type the skill name first.');
      return;
    }
    const result = run(() => addSkill(capability.id, { id: newId('skill'), name }));
    if (result.ok) {
      announce(`Added skill ${name.trim()}.`);
      setName('');
    } else setError(result.message);
  };
  return (
    <Stack gap="xs">
      {capability.skills.length === 0 ? (
        <Text size="sm" c="dimmed">
          No skills yet. Skills break the capability into parts you can observe and train.
        </Text>
      ) : null}
      {capability.skills.map((skill, index) => (
        <Group
          key={skill.id}
          gap="xs"
          wrap="nowrap"
          data-testid="skill-row"
          data-id={skill.id}
          onKeyDown={(event) => {
            // Alt+↑/↓ moves the skill, from its fields too (they are single-line).
            if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
            event.preventDefault();
            const from = document.activeElement;
            if (run(moveSkill(capability.id, skill.id, event.key === 'ArrowUp' ? -1 : 1)).ok) restoreFocus(from);
          }}
        >
          <CommitTextInput
            value={skill.name}
            onCommit={(next) => run(() => renameSkill(capability.id, skill.id, next))}
            aria-label={`Skill ${index + 1} name`}
            style={{ flex: 1 }}
            maxLength={500}
            data-testid="skill-name"
          />
          <CommitTextInput
            value={skill.externalId}
            onCommit={(next) => run(() => setSkillExternalId(capability.id, skill.id, next))}
            aria-label={`External id of ${skill.name}`}
            placeholder="External id"
            w={130}
            maxLength={500}
          />
          <MoveButtons
            name={skill.name}
            canUp={index > 0}
            canDown={index < capability.skills.length - 1}
            testId="skill-move"
            dataId={skill.id}
            size="md"
            onMove={(delta, button) => {
              if (run(moveSkill(capability.id, skill.id, delta)).ok) restoreFocus(button);
            }}
          />
          <Tooltip label="Delete skill">
            <ActionIcon variant="subtle" color="red" size="md" aria-label={`Delete skill ${skill.name}`} onClick={() => run(deleteSkill(capability.id, skill.id))} data-testid="skill-delete">
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          placeholder="New skill, then Enter"
          aria-label="New skill name"
          data-testid="new-skill-name"
          error={error}
          maxLength={500}
          style={{ flex: 1 }}
        />
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          Add skill
        </Button>
      </Group>
    </Stack>
  );
}

function DrawerBody({ project, capability, onConfirm, onDeleted }: { project: Project; capability: Capability; onConfirm: (request: ConfirmRequest) => void; onDeleted: () => void }) {
  const run = useRun();
  const references = capabilityReferences(project, [capability.id]);
  const lines = capabilityReferenceLines(references);
  const levelTargets = project.roles.flatMap((role) => role.targets.filter((target) => target.capabilityId === capability.id).map((target) => ({ role, target })));

  const requestDelete = () => {
    const doDelete = () => {
      if (run(deleteCapability(capability.id)).ok) {
        announce(`Deleted capability ${capability.name}. Ctrl+Z brings it back.`);
        onDeleted();
      }
    };
    if (!hasReferences(references)) {
      doDelete();
      return;
    }
    onConfirm({
      title: `Delete “${capability.name}”?`,
      confirmLabel: 'Delete capability',
      onConfirm: doDelete,
      body: <ReferenceList intro="It is used elsewhere in this project. Deleting it also removes:" lines={lines} />,
    });
  };

  return (
    <Stack gap="xl" pb="xl">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <CommitTextInput label="Name" value={capability.name} onCommit={(next) => run(() => renameCapability(capability.id, next))} maxLength={500} data-testid="detail-name" size="md" />
          <Select
            label="Domain"
            value={capability.domainId}
            data={project.domains.map((domain) => ({ value: domain.id, label: domain.name }))}
            allowDeselect={false}
            onChange={(value) => {
              if (value && value !== capability.domainId) run(moveCapabilityToDomain(capability.id, value));
            }}
            data-testid="detail-domain"
            size="md"
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <CommitTextInput
          label="External id"
          description="The id this capability has in the client's HR or learning system; kept on import and export."
          value={capability.externalId}
          onCommit={(next) => run(() => setCapabilityExternalId(capability.id, next))}
          maxLength={500}
          placeholder="e.g. EP-COM-01"
          data-testid="detail-external-id"
          w={360}
        />
        <CommitTextarea
          label="Description"
          value={capability.description}
          onCommit={(next) => run(() => describeCapability(capability.id, next))}
          placeholder="What the capability is, in one or two sentences."
          data-testid="detail-description"
        />
      </Stack>

      <Divider />
      <Box component="section" aria-labelledby="indicators-heading">
        <Title order={3} id="indicators-heading" mb={4}>
          Behavioural indicators
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          What someone at each level visibly does in this capability. One statement per line; leaving a field saves it.
        </Text>
        <Stack gap="lg">
          {project.scale.levels.map((level, index) => {
            const statements = capability.indicators.find((indicator) => indicator.levelId === level.id)?.statements ?? [];
            return (
              <Box key={level.id} className="plp-indicator-level" data-testid="indicator-level" data-level={level.id}>
                <Group gap="sm" mb={4} wrap="nowrap" align="center">
                  <span className="plp-scale-rank" aria-hidden>
                    {index + 1}
                  </span>
                  <Text fw={650}>{level.label}</Text>
                  <span className="plp-level-status" data-described={statements.length > 0 || undefined}>
                    {statements.length === 0 ? 'Not described yet' : `${statements.length} ${statements.length === 1 ? 'statement' : 'statements'}`}
                  </span>
                </Group>
                {level.description ? (
                  <Text size="sm" c="dimmed" mb={6} lineClamp={2}>
                    {level.description}
                  </Text>
                ) : null}
                <CommitTextarea
                  aria-label={`Behavioural indicators at level ${index + 1}, ${level.label}`}
                  value={statements.join('\n')}
                  onCommit={(next) => run(() => setIndicators(capability.id, level.id, next.split('\n')))}
                  placeholder="e.g. “Opens with the customer's outcome, not the product.”"
                  data-testid="indicator-input"
                  data-level={level.id}
                  minRows={2}
                />
              </Box>
            );
          })}
        </Stack>
      </Box>

      <Divider />
      <Box component="section" aria-labelledby="skills-heading">
        <Title order={3} id="skills-heading" mb="sm">
          Skills
        </Title>
        <SkillsEditor capability={capability} />
      </Box>

      <Divider />
      <Box component="section" aria-labelledby="used-heading">
        <Title order={3} id="used-heading" mb="sm">
          Used by
        </Title>
        {levelTargets.length > 0 ? (
          <Stack gap={2} mb="sm">
            {levelTargets.map(({ role, target }) => (
              <Text key={role.id} size="sm">
                {role.name}: <strong>{project.scale.levels.find((level) => level.id === target.levelId)?.label ?? target.levelId}</strong> ({target.importance})
              </Text>
            ))}
          </Stack>
        ) : null}
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing refers to this capability yet.
          </Text>
        ) : (
          <Text size="sm" c="dimmed" mb="sm">
            Referenced by {lines.join('; ')}.
          </Text>
        )}
        <Button variant="outline" color="red" className="plp-danger-outline" leftSection={<IconTrash size={16} aria-hidden />} onClick={requestDelete} data-testid="detail-delete" mt="sm">
          Delete capability…
        </Button>
      </Box>
    </Stack>
  );
}

export function CapabilityDrawer(props: { project: Project; capabilityId: string | null; onClose: () => void; onConfirm: (request: ConfirmRequest) => void }) {
  const capability = props.project.capabilities.find((item) => item.id === props.capabilityId) ?? null;
  const close = () => {
    blurActive();
    props.onClose();
  };
  return (
    <SidePanel
      opened={capability !== null}
      onClose={close}
      size={760}
      title={
        <Stack gap={0}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" className="plp-eyebrow">
            Capability details
          </Text>
          <Text component="span" fz="xl" fw={650} lh={1.3} data-testid="detail-title">
            {capability?.name ?? ''}
          </Text>
        </Stack>
      }
      closeLabel="Close capability details"
      testId="capability-drawer"
    >
      {capability ? <DrawerBody key={capability.id} project={props.project} capability={capability} onConfirm={props.onConfirm} onDeleted={close} /> : null}
    </SidePanel>
  );
}
