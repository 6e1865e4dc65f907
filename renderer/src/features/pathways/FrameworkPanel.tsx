/**
 * The Framework panel: what the framework is, for whom, for how long, and what learners and
 * managers commit to. Each field commits as one undoable edit when the user is done with it.
 */
import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { deleteFramework, updateFrameworkProperties, type FrameworkPropertiesPatch } from '../../../../shared/domain/commands/pathway-commands';
import type { Framework } from '../../../../shared/domain/schema';
import { useProject, useServices } from '../../app/services';
import type { RunResult } from '../../state/project-store';
import { stableFramework } from './editor-actions';
import { editorStore } from './editor-store';
import { CommitNumberInput, CommitTextarea, CommitTextInput } from './fields';

const lines = (items: readonly string[]): string => items.join('\n');
const fromLines = (text: string): string[] => text.split('\n');

function MixTargetFields({ framework, run }: { framework: Framework; run: (patch: FrameworkPropertiesPatch) => RunResult }) {
  const target = framework.mixTarget;
  const field = (key: keyof Framework['mixTarget'], label: string) => (
    <CommitNumberInput
      key={`${key}-${target[key]}`}
      label={label}
      value={target[key]}
      min={0}
      max={key === 'tolerance' ? 50 : 100}
      suffix={key === 'tolerance' ? ' pts' : '%'}
      allowDecimal={false}
      onCommit={(value) => run({ mixTarget: { ...target, [key]: value } })}
      data-testid={`mix-target-${key}`}
    />
  );
  const sum = target.experiential + target.social + target.formal;
  return (
    <Stack gap={6}>
      <Text size="sm" fw={650}>
        70-20-10 target
      </Text>
      <Group grow gap="xs" align="flex-start">
        {field('experiential', 'Experiential')}
        {field('social', 'Social')}
        {field('formal', 'Formal')}
        {field('tolerance', '±')}
      </Group>
      {sum !== 100 ? (
        <Text size="xs" c="orange.8" role="status">
          The three shares add up to {sum}%, not 100%.
        </Text>
      ) : null}
    </Stack>
  );
}

export function FrameworkPanel({ frameworkId }: { frameworkId: string }) {
  const { store } = useServices();
  const framework = useProject((state) => stableFramework(state, frameworkId));
  const roles = useProject((state) => state.history?.present.roles ?? []);
  const capabilities = useProject((state) => state.history?.present.capabilities ?? []);
  const [confirming, setConfirming] = useState(false);
  if (!framework) return null;
  const run = (patch: FrameworkPropertiesPatch) => store.getState().run(() => updateFrameworkProperties(frameworkId, patch));

  return (
    <Stack gap="md" data-testid="framework-panel">
      <CommitTextInput key={`name-${framework.name}`} label="Name" value={framework.name} maxLength={500} onCommit={(name) => run({ name })} data-testid="framework-name" />
      <CommitTextarea key={`description-${framework.description}`} label="Description" value={framework.description} onCommit={(description) => run({ description })} maxRows={5} />
      <MultiSelect
        label="Audience roles"
        description="Who follows this pathway"
        placeholder={framework.audienceRoleIds.length === 0 ? 'Choose roles' : undefined}
        data={roles.map((role) => ({ value: role.id, label: role.name }))}
        value={framework.audienceRoleIds}
        onChange={(audienceRoleIds) => run({ audienceRoleIds })}
        searchable
        hidePickedOptions
        nothingFoundMessage="No role matches"
        data-testid="framework-roles"
      />
      <MultiSelect
        label="Focus capabilities"
        description="What the pathway develops (checked for coverage)"
        placeholder={framework.focusCapabilityIds.length === 0 ? 'Choose capabilities' : undefined}
        data={capabilities.map((capability) => ({ value: capability.id, label: capability.name }))}
        value={framework.focusCapabilityIds}
        onChange={(focusCapabilityIds) => run({ focusCapabilityIds })}
        searchable
        hidePickedOptions
        nothingFoundMessage="No capability matches"
        data-testid="framework-capabilities"
      />
      <CommitNumberInput
        key={`weeks-${framework.durationWeeks}`}
        label="Planned duration"
        suffix=" weeks"
        value={framework.durationWeeks}
        min={1}
        max={260}
        allowDecimal={false}
        onCommit={(durationWeeks) => run({ durationWeeks })}
        w={160}
        data-testid="framework-weeks"
      />
      <CommitTextarea
        key={`participation-${lines(framework.participationExpectations)}`}
        label="Participation expectations"
        description="One per line: what learners and managers commit to"
        value={lines(framework.participationExpectations)}
        onCommit={(text) => run({ participationExpectations: fromLines(text) })}
        minRows={3}
        data-testid="framework-participation"
      />
      <CommitTextarea
        key={`assessment-${lines(framework.assessmentAndFeedback)}`}
        label="Assessment and feedback"
        description="One per line: how progress is measured and fed back"
        value={lines(framework.assessmentAndFeedback)}
        onCommit={(text) => run({ assessmentAndFeedback: fromLines(text) })}
        minRows={3}
        data-testid="framework-assessment"
      />
      <MixTargetFields framework={framework} run={run} />
      <Group>
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)}>
          Delete framework
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Delete “${framework.name}”?`}>
        <Text size="sm">Its {framework.nodes.length} steps go with it. You can undo this.</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            onClick={() => {
              setConfirming(false);
              const result = store.getState().run(() => deleteFramework(frameworkId));
              if (result.ok) {
                const next = store.getState().history?.present.frameworks[0]?.id ?? null;
                editorStore.getState().openFramework(next);
              }
            }}
            data-testid="confirm-delete-framework"
          >
            Delete framework
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
