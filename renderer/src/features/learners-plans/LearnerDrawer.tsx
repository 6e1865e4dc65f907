/** Add or edit a learner: one form, one undo step on Save. */
import { Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addLearner, updateLearner, type LearnerFields } from '../../../../shared/domain/commands/learner-commands';
import { newId } from '../../../../shared/domain/ids';
import type { Learner, Project } from '../../../../shared/domain/schema';
import { useRun } from './fields';

const EMPTY: LearnerFields = { name: '', email: '', roleId: null, manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' };

function LearnerForm({ project, learner, onDone }: { project: Project; learner: Learner | null; onDone: (learnerId: string | null) => void }) {
  const run = useRun();
  const [fields, setFields] = useState<LearnerFields>(() => (learner ? { ...learner } : { ...EMPTY }));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof LearnerFields>(key: K, value: LearnerFields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    setError(null);
  };
  const save = () => {
    if (fields.name.trim() === '') {
      setError('Type the learner’s name.');
      return;
    }
    const id = learner?.id ?? newId('learner');
    const result = run(() => (learner ? updateLearner(learner.id, fields) : addLearner({ ...fields, id })));
    if (result.ok) onDone(id);
    else setError(result.message);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="learner-form"
    >
      <Stack gap="md">
        <TextInput label="Name" required value={fields.name} onChange={(event) => set('name', event.currentTarget.value)} error={error} data-autofocus data-testid="learner-name" maxLength={500} />
        <TextInput label="E-mail" type="email" value={fields.email} onChange={(event) => set('email', event.currentTarget.value)} maxLength={254} />
        <Select
          label="Role"
          placeholder="No role"
          clearable
          data={project.roles.map((role) => ({ value: role.id, label: role.name }))}
          value={fields.roleId}
          onChange={(value) => set('roleId', value)}
          description="The role's targets are what the plan aims for."
          data-testid="learner-role"
        />
        <SimpleGrid cols={2}>
          <TextInput label="Manager" value={fields.manager} onChange={(event) => set('manager', event.currentTarget.value)} maxLength={500} />
          <TextInput label="Team" value={fields.team} onChange={(event) => set('team', event.currentTarget.value)} maxLength={500} />
          <TextInput label="Plan start date" type="date" value={fields.startDate ?? ''} onChange={(event) => set('startDate', event.currentTarget.value === '' ? null : event.currentTarget.value)} />
          <NumberInput
            label="Hours a week for learning"
            min={0}
            max={80}
            step={0.5}
            decimalScale={1}
            value={fields.hoursPerWeek}
            onChange={(value) => set('hoursPerWeek', typeof value === 'number' ? value : Number(value) || 0)}
            data-testid="learner-hours"
          />
        </SimpleGrid>
        <Textarea label="Career goals" autosize minRows={2} maxRows={6} value={fields.careerGoals} onChange={(event) => set('careerGoals', event.currentTarget.value)} />
        <Textarea label="Notes" autosize minRows={2} maxRows={6} value={fields.notes} onChange={(event) => set('notes', event.currentTarget.value)} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => onDone(null)}>
            Cancel
          </Button>
          <Button type="submit" data-testid="learner-save">
            {learner ? 'Save changes' : 'Add learner'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `learnerId`: 'new' to add one, an id to edit, null when closed. */
export function LearnerDrawer({ project, learnerId, onClose, onSaved }: { project: Project; learnerId: string | 'new' | null; onClose: () => void; onSaved: (learnerId: string) => void }) {
  const learner = learnerId && learnerId !== 'new' ? (project.learners.find((candidate) => candidate.id === learnerId) ?? null) : null;
  return (
    <Drawer opened={learnerId !== null} onClose={onClose} position="right" size="lg" title={learner ? `Edit ${learner.name}` : 'Add a learner'} data-testid="learner-drawer">
      {learnerId !== null ? (
        <LearnerForm
          key={learnerId}
          project={project}
          learner={learner}
          onDone={(id) => {
            if (id) onSaved(id);
            onClose();
          }}
        />
      ) : null}
    </Drawer>
  );
}
