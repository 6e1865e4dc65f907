/**
 * The detail editor of one activity, beside the table. Text fields commit when left (one undo
 * step per field, not per keystroke); choices commit at once. A refused value (a javascript:
 * link, a level range going down) stays on screen with the reason, next to the field.
 */
import { ActionIcon, Button, CloseButton, Group, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCopyPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { CATEGORY_LABELS, MODALITY_LABELS } from '../../../../shared/documents/labels';
import { defaultCategory } from '../../../../shared/domain/activity-defaults';
import { setDevelops, updateActivity, type CapabilityDevelopment } from '../../../../shared/domain/commands/catalog-commands';
import { LEARNING_CATEGORIES, MODALITIES, type Activity, type Capability, type LearningCategory, type Modality, type ProficiencyLevel } from '../../../../shared/domain/schema';
import { CommitTextarea, CommitTextInput, useRun } from '../capability-model/editing';
import { CommitNumberInput } from '../pathways/fields';
import { CATEGORY_HINT, CATEGORY_SHARE } from '../pathways/visuals';

export const MODALITY_OPTIONS = MODALITIES.map((value) => ({ value, label: MODALITY_LABELS[value] }));
export const CATEGORY_OPTIONS = LEARNING_CATEGORIES.map((value) => ({ value, label: `${CATEGORY_SHARE[value]} · ${CATEGORY_LABELS[value]}` }));
export const DELIVERY_OPTIONS = [
  { value: 'self-paced', label: 'Self-paced' },
  { value: 'live', label: 'Live' },
];

function DevelopsEditor({ activity, capabilities, levels }: { activity: Activity; capabilities: readonly Capability[]; levels: readonly ProficiencyLevel[] }) {
  const run = useRun();
  const [error, setError] = useState<{ capabilityId: string; message: string } | null>(null);
  const names = new Map(capabilities.map((capability) => [capability.id, capability.name]));
  const levelOptions = levels.map((level) => ({ value: level.id, label: level.label }));
  const listed = new Set(activity.develops.map((development) => development.capabilityId));
  const addable = capabilities.filter((capability) => !listed.has(capability.id)).map((capability) => ({ value: capability.id, label: capability.name }));

  const save = (next: CapabilityDevelopment[], capabilityId: string) => {
    const result = run(() => setDevelops(activity.id, next));
    setError(result.ok ? null : { capabilityId, message: result.message });
  };
  const change = (index: number, patch: Partial<CapabilityDevelopment>) => {
    const current = activity.develops[index];
    if (!current) return;
    save(
      activity.develops.map((development, i) => (i === index ? { ...development, ...patch } : development)),
      current.capabilityId,
    );
  };

  return (
    <Stack gap="xs" data-testid="develops-editor">
      <Text fw={600} size="sm" id="develops-heading">
        Capabilities developed
      </Text>
      {activity.develops.length === 0 ? (
        <Text size="sm" c="dimmed">
          None yet. Plans match activities to each learner&apos;s gaps through these.
        </Text>
      ) : (
        <ul className="plp-ac-develops" aria-labelledby="develops-heading">
          {activity.develops.map((development, index) => {
            const name = names.get(development.capabilityId) ?? development.capabilityId;
            const rowError = error?.capabilityId === development.capabilityId ? error.message : null;
            return (
              <li key={development.capabilityId} data-testid="develops-row" data-capability={development.capabilityId}>
                <Text size="sm" fw={550} className="plp-ac-develops-name">
                  {name}
                </Text>
                <Group gap={6} wrap="nowrap" align="center">
                  <Select
                    size="xs"
                    aria-label={`${name}: from level`}
                    data={levelOptions}
                    value={development.fromLevelId}
                    allowDeselect={false}
                    onChange={(value) => value && change(index, { fromLevelId: value })}
                    error={rowError !== null}
                    data-testid="develops-from"
                  />
                  <IconArrowRight size={16} aria-hidden className="plp-ac-arrow" />
                  <Select
                    size="xs"
                    aria-label={`${name}: to level`}
                    data={levelOptions}
                    value={development.toLevelId}
                    allowDeselect={false}
                    onChange={(value) => value && change(index, { toLevelId: value })}
                    error={rowError !== null}
                    data-testid="develops-to"
                  />
                  <Tooltip label={`Remove ${name}`}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${name}`}
                      onClick={() => save(activity.develops.filter((_, i) => i !== index), development.capabilityId)}
                      data-testid="develops-remove"
                    >
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                {rowError ? (
                  <Text size="xs" c="var(--mantine-color-error)" role="alert" data-testid="develops-error">
                    {rowError}
                  </Text>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Select
        size="sm"
        label="Add a capability"
        placeholder={addable.length === 0 ? 'Every capability is listed' : 'Choose a capability'}
        data={addable}
        value={null}
        searchable
        disabled={addable.length === 0 || levels.length < 2}
        nothingFoundMessage="No capability matches"
        onChange={(capabilityId) => {
          const first = levels[0];
          const second = levels[1];
          if (!capabilityId || !first || !second) return;
          save([...activity.develops, { capabilityId, fromLevelId: first.id, toLevelId: second.id }], capabilityId);
        }}
        data-testid="develops-add"
      />
    </Stack>
  );
}

export interface ActivityEditorProps {
  activity: Activity;
  capabilities: readonly Capability[];
  levels: readonly ProficiencyLevel[];
  onClose(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function ActivityEditor({ activity, capabilities, levels, onClose, onDuplicate, onDelete }: ActivityEditorProps) {
  const run = useRun();
  const edit = (patch: Parameters<typeof updateActivity>[1]) => run(() => updateActivity(activity.id, patch));
  const isDefault = activity.category === defaultCategory(activity.modality);
  return (
    <section className="plp-ac-detail" aria-labelledby="activity-editor-heading" data-testid="activity-editor" data-id={activity.id}>
      <div className="plp-ac-detail-head">
        <Title order={2} id="activity-editor-heading" className="plp-ac-detail-title">
          Activity details
        </Title>
        <Tooltip label="Duplicate (Ctrl+D)">
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Duplicate this activity" onClick={onDuplicate} data-testid="editor-duplicate">
            <IconCopyPlus size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Delete">
          <ActionIcon variant="subtle" color="red" size="lg" aria-label="Delete this activity" onClick={onDelete} data-testid="editor-delete">
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <CloseButton size="lg" aria-label="Close activity details" onClick={onClose} data-testid="editor-close" />
      </div>
      <Stack gap="md" className="plp-ac-detail-body">
        <CommitTextInput label="Title" value={activity.title} onCommit={(title) => edit({ title })} maxLength={500} data-testid="field-title" />
        <CommitTextarea label="Description" value={activity.description} onCommit={(description) => edit({ description })} data-testid="field-description" />
        <Group grow align="flex-start">
          <Select
            label="Modality"
            data={MODALITY_OPTIONS}
            value={activity.modality}
            allowDeselect={false}
            searchable
            onChange={(value) => value && edit({ modality: value as Modality })}
            data-testid="field-modality"
          />
          <Select
            label="70-20-10 category"
            description={`${CATEGORY_LABELS[activity.category]}: ${CATEGORY_HINT[activity.category]}. ${isDefault ? `The usual one for ${MODALITY_LABELS[activity.modality].toLowerCase()}` : `Overridden (usually ${CATEGORY_LABELS[defaultCategory(activity.modality)].toLowerCase()})`}.`}
            inputWrapperOrder={['label', 'input', 'description']}
            data={CATEGORY_OPTIONS}
            value={activity.category}
            allowDeselect={false}
            onChange={(value) => value && edit({ category: value as LearningCategory })}
            data-testid="field-category"
          />
        </Group>
        <Group grow align="flex-start">
          <CommitNumberInput
            key={`${activity.id}:${activity.hours}`}
            label="Hours"
            value={activity.hours}
            min={0}
            max={10_000}
            step={0.5}
            decimalScale={2}
            clampBehavior="none"
            onCommit={(hours) => edit({ hours })}
            data-testid="field-hours"
          />
          <Select
            label="Delivery"
            data={DELIVERY_OPTIONS}
            value={activity.delivery}
            allowDeselect={false}
            onChange={(value) => value && edit({ delivery: value === 'live' ? 'live' : 'self-paced' })}
            data-testid="field-delivery"
          />
        </Group>
        <CommitTextInput
          label="Link"
          description="A web page (http:// or https://) or an e-mail address (mailto:)"
          inputWrapperOrder={['label', 'input', 'error', 'description']}
          placeholder="https://"
          value={activity.link}
          onCommit={(link) => edit({ link })}
          data-testid="field-link"
        />
        <Group grow align="flex-start">
          <CommitTextInput label="Provider" value={activity.provider} onCommit={(provider) => edit({ provider })} maxLength={500} data-testid="field-provider" />
          <CommitTextInput label="Cost" placeholder="e.g. €450 per seat" value={activity.cost} onCommit={(cost) => edit({ cost })} maxLength={500} data-testid="field-cost" />
        </Group>
        <DevelopsEditor activity={activity} capabilities={capabilities} levels={levels} />
        <Button variant="default" onClick={onClose} className="plp-ac-done">
          Done
        </Button>
      </Stack>
    </section>
  );
}
