/**
 * The proficiency scale: 3 to 7 ordered levels, each with a label and a description. Levels can
 * be renamed, reordered (buttons or Alt+↑/↓), added and removed; removing a level in use asks
 * which level its ratings, targets, indicators and activity ranges move to, and does it all as
 * one undoable step.
 */
import { ActionIcon, Alert, Box, Button, Divider, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import {
  addLevel,
  describeLevel,
  isLevelUsed,
  levelUsage,
  moveLevel,
  removeLevel,
  renameLevel,
  renameScale,
  SCALE_MAX_LEVELS,
  SCALE_MIN_LEVELS,
  type LevelUsage,
} from '../../../../shared/domain/commands/model-commands';
import { newId } from '../../../../shared/domain/ids';
import type { ProficiencyLevel, Project } from '../../../../shared/domain/schema';
import { SavedScaleMappings } from './SavedScaleMappings';
import { announce, CommitTextarea, CommitTextInput, count, focusSoon, MoveButtons, restoreFocus, useRun } from './editing';

function usageLines(usage: LevelUsage): string[] {
  const lines: string[] = [];
  if (usage.roleTargets > 0) lines.push(count(usage.roleTargets, 'role target'));
  if (usage.assessments > 0) lines.push(count(usage.assessments, 'assessment'));
  if (usage.indicators > 0) lines.push(`indicators in ${count(usage.indicators, 'capability', 'capabilities')}`);
  if (usage.activityRanges > 0) lines.push(count(usage.activityRanges, 'activity range'));
  if (usage.planGoals > 0) lines.push(count(usage.planGoals, 'plan goal'));
  return lines;
}

/** The inline "remove and remap" panel under a level in use. */
function RemoveLevelPanel({ project, level, usage, onDone }: { project: Project; level: ProficiencyLevel; usage: LevelUsage; onDone: (removed: boolean) => void }) {
  const run = useRun();
  const index = project.scale.levels.findIndex((candidate) => candidate.id === level.id);
  const others = project.scale.levels.filter((candidate) => candidate.id !== level.id);
  // The nearest level below (or above) is the natural default.
  const fallback = project.scale.levels[index - 1] ?? project.scale.levels[index + 1];
  const [target, setTarget] = useState<string | null>(fallback?.id ?? null);
  const targetLabel = others.find((candidate) => candidate.id === target)?.label ?? '';
  return (
    <Alert
      color="orange"
      variant="light"
      className="plp-alert-title-text"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={`“${level.label}” is in use`}
      data-testid="remove-level-panel"
      mt="sm"
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(false);
        }
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          It is used by {usageLines(usage).join(', ')}. Choose the level they should move to; its behavioural indicators are added to that level&apos;s.
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Map them to"
            data={others.map((candidate) => ({ value: candidate.id, label: `${project.scale.levels.indexOf(candidate) + 1} · ${candidate.label}` }))}
            value={target}
            onChange={setTarget}
            allowDeselect={false}
            w={260}
            data-testid="remap-level"
            data-autofocus
          />
          <Button
            color="red.8"
            disabled={!target}
            data-testid="remove-level-confirm"
            onClick={() => {
              if (!target) return;
              const result = run(removeLevel(level.id, target));
              if (result.ok) {
                announce(`Removed level ${level.label}; its uses now point to ${targetLabel}.`);
                onDone(true);
              }
            }}
          >
            Remove and map to {targetLabel || '…'}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function LevelRow({ project, level, index }: { project: Project; level: ProficiencyLevel; index: number }) {
  const run = useRun();
  const [removing, setRemoving] = useState(false);
  const levels = project.scale.levels;
  const usage = levelUsage(project, level.id);
  const used = isLevelUsed(usage);
  const canRemove = levels.length > SCALE_MIN_LEVELS;

  const move = (delta: -1 | 1, from: Element | null) => {
    const result = run(moveLevel(level.id, delta));
    if (result.ok && result.changed) {
      announce(`Moved ${level.label} to level ${index + 1 + delta} of ${levels.length}.`);
      restoreFocus(from);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    // Alt+↑/↓ anywhere in the row but the description (where Alt+arrows move the caret).
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (event.target instanceof HTMLTextAreaElement) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1, document.activeElement);
  };

  return (
    <Box component="li" className="plp-level-row" data-testid="level-row" data-id={level.id} onKeyDown={onKeyDown}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <span className="plp-scale-rank plp-scale-rank-lg" aria-hidden>
          {index + 1}
        </span>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <CommitTextInput
            value={level.label}
            onCommit={(next) => run(() => renameLevel(level.id, next))}
            aria-label={`Label of level ${index + 1}`}
            maxLength={500}
            size="md"
            classNames={{ input: 'plp-inline-input-strong' }}
            data-testid="level-label"
            data-id={level.id}
          />
          <CommitTextarea
            value={level.description}
            onCommit={(next) => run(() => describeLevel(level.id, next))}
            aria-label={`What level ${index + 1}, ${level.label}, looks like`}
            placeholder="What someone at this level can do, in general terms"
            minRows={1}
            data-testid="level-description"
            data-id={level.id}
          />
          {used ? (
            <Text size="sm" c="dimmed" data-testid="level-usage">
              Used by {usageLines(usage).join(', ')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" data-testid="level-usage">
              Not used yet
            </Text>
          )}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <MoveButtons
            name={level.label}
            canUp={index > 0}
            canDown={index < levels.length - 1}
            testId="level-move"
            dataId={level.id}
            upWord="up (less proficient)"
            downWord="down (more proficient)"
            size="md"
            onMove={(delta, button) => move(delta, button)}
          />
          <Tooltip label={canRemove ? 'Remove level' : `A scale needs at least ${SCALE_MIN_LEVELS} levels`}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="md"
              aria-label={`Remove level ${level.label}`}
              disabled={!canRemove}
              data-testid="level-remove"
              data-id={level.id}
              onClick={() => {
                if (!used) {
                  if (run(removeLevel(level.id, null)).ok) announce(`Removed level ${level.label}.`);
                  return;
                }
                setRemoving(true);
              }}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {removing ? (
        <RemoveLevelPanel
          project={project}
          level={level}
          usage={usage}
          onDone={(removed) => {
            setRemoving(false);
            if (!removed) focusSoon(`[data-testid="level-remove"][data-id="${level.id}"]`);
          }}
        />
      ) : null}
    </Box>
  );
}

export function ScaleEditor({ project }: { project: Project }) {
  const run = useRun();
  const levels = project.scale.levels;
  const full = levels.length >= SCALE_MAX_LEVELS;
  return (
    <Stack gap="lg" maw={980} data-testid="scale-editor">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <CommitTextInput label="Scale name" value={project.scale.name} onCommit={(next) => run(() => renameScale(next))} maxLength={500} w={320} data-testid="scale-name" />
        <Text size="sm" c="dimmed" maw={560}>
          Levels run from least to most proficient, {SCALE_MIN_LEVELS} to {SCALE_MAX_LEVELS} of them. A level&apos;s rank is its position: moving it changes what every rating at it
          means.
        </Text>
      </Group>
      <Box component="ol" className="plp-level-list" aria-label="Proficiency levels, least to most proficient">
        {levels.map((level, index) => (
          <LevelRow key={level.id} project={project} level={level} index={index} />
        ))}
      </Box>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconPlus size={18} aria-hidden />}
          disabled={full}
          data-testid="add-level"
          onClick={() => {
            const id = newId('level');
            if (run(() => addLevel({ id, label: `Level ${levels.length + 1}` })).ok) {
              announce(`Added level ${levels.length + 1}.`);
              focusSoon(`[data-testid="level-label"][data-id="${id}"]`);
            }
          }}
        >
          Add level
        </Button>
        {full ? (
          <Text size="sm" c="dimmed">
            A scale has at most {SCALE_MAX_LEVELS} levels.
          </Text>
        ) : null}
      </Group>
      <Divider />
      <SavedScaleMappings project={project} />
    </Stack>
  );
}
