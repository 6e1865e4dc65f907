/**
 * Edits to learners and their assessments: add, edit, delete (with everything that belongs to
 * the learner, as one step), and the assessment grid's "set this cell".
 *
 * Every candidate is validated with the file schema, so nothing the loader would refuse gets in.
 */
import { AssessmentSchema, LearnerSchema, type Assessment, type AssessmentKind, type Learner, type Project } from '../schema';
import { checkedId, requireItem, requireNewId } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export type LearnerFields = Omit<Learner, 'id'>;

const FIELD_NAMES: Record<string, string> = {
  name: 'The name',
  email: 'The e-mail',
  roleId: 'The role',
  manager: 'The manager',
  team: 'The team',
  careerGoals: 'The career goals',
  startDate: 'The plan start date',
  hoursPerWeek: 'Hours a week',
  notes: 'The notes',
  levelId: 'The level',
  date: 'The date',
  kind: 'The assessment kind',
  note: 'The note',
};

function validLearner(candidate: Learner): Learner {
  const parsed = LearnerSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new CommandError(`${FIELD_NAMES[field] ?? 'The learner'} ${issue?.message ?? 'is not valid'}.`);
  }
  return parsed.data;
}

function validAssessment(candidate: Assessment): Assessment {
  const parsed = AssessmentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    throw new CommandError(`${FIELD_NAMES[field] ?? 'The assessment'} ${issue?.message ?? 'is not valid'}.`);
  }
  return parsed.data;
}

function tidy(fields: Partial<LearnerFields>): Partial<LearnerFields> {
  const result: Partial<LearnerFields> = { ...fields };
  for (const key of ['name', 'email', 'manager', 'team'] as const) {
    const value = result[key];
    if (typeof value === 'string') result[key] = value.trim();
  }
  if (result.startDate === '') result.startDate = null;
  return result;
}

export interface NewLearner extends Partial<LearnerFields> {
  id: string;
  name: string;
}

export function addLearner(input: NewLearner): ProjectCommand {
  checkedId(input.id, 'learner');
  const fields = tidy(input);
  const learner = validLearner({
    id: input.id,
    name: fields.name ?? '',
    email: fields.email ?? '',
    roleId: fields.roleId ?? null,
    manager: fields.manager ?? '',
    team: fields.team ?? '',
    careerGoals: fields.careerGoals ?? '',
    startDate: fields.startDate ?? null,
    hoursPerWeek: fields.hoursPerWeek ?? 2,
    notes: fields.notes ?? '',
  });
  return draftCommand('Add learner', (draft) => {
    requireNewId(draft.learners, learner.id, 'learner');
    if (learner.roleId !== null) requireItem(draft.roles, learner.roleId, 'role');
    draft.learners.push(learner);
  });
}

/** Change some of a learner's fields. Changing nothing records nothing. */
export function updateLearner(learnerId: string, patch: Partial<LearnerFields>): ProjectCommand {
  const fields = tidy(patch);
  return draftCommand('Edit learner', (draft) => {
    const learner = requireItem(draft.learners, learnerId, 'learner');
    const next = validLearner({ ...learner, ...fields, id: learner.id });
    if (next.roleId !== null && next.roleId !== learner.roleId) requireItem(draft.roles, next.roleId, 'role');
    for (const key of Object.keys(fields) as (keyof LearnerFields)[]) {
      if (next[key] !== learner[key]) (learner as Record<string, unknown>)[key] = next[key];
    }
  });
}

export interface LearnerReferences {
  assessments: number;
  plans: number;
}

/** What goes with a learner when they are deleted. */
export function learnerReferences(project: Project, learnerId: string): LearnerReferences {
  return {
    assessments: project.assessments.filter((assessment) => assessment.learnerId === learnerId).length,
    plans: project.plans.filter((plan) => plan.learnerId === learnerId).length,
  };
}

/** Delete a learner with their assessments and plans: one step, undone as one. */
export function deleteLearner(learnerId: string): ProjectCommand {
  return draftCommand('Delete learner', (draft) => {
    const index = draft.learners.findIndex((learner) => learner.id === learnerId);
    if (index < 0) throw new CommandError(`There is no learner "${learnerId}".`);
    draft.learners.splice(index, 1);
    draft.assessments = draft.assessments.filter((assessment) => assessment.learnerId !== learnerId);
    draft.plans = draft.plans.filter((plan) => plan.learnerId !== learnerId);
  });
}

/** The assessment a grid cell shows: the latest of this kind (later in the list wins a tie). */
export function latestAssessment(project: Pick<Project, 'assessments'>, learnerId: string, capabilityId: string, kind: AssessmentKind): Assessment | null {
  let latest: Assessment | null = null;
  for (const assessment of project.assessments) {
    if (assessment.learnerId !== learnerId || assessment.capabilityId !== capabilityId || assessment.kind !== kind) continue;
    if (!latest || assessment.date >= latest.date) latest = assessment;
  }
  return latest;
}

export interface AssessmentCell {
  learnerId: string;
  capabilityId: string;
  kind: AssessmentKind;
}

/**
 * Set one cell of the assessment grid: updates the latest assessment of that kind, or records a
 * new one with `newId` when there is none. `levelId: null` removes the cell's latest assessment.
 */
export function setAssessment(cell: AssessmentCell, value: { levelId: string | null; date: string }, newId: string): ProjectCommand {
  checkedId(newId, 'assessment');
  return draftCommand(value.levelId === null ? 'Clear assessment' : 'Set assessment', (draft) => {
    requireItem(draft.learners, cell.learnerId, 'learner');
    requireItem(draft.capabilities, cell.capabilityId, 'capability');
    const existing = latestAssessment(draft, cell.learnerId, cell.capabilityId, cell.kind);
    if (value.levelId === null) {
      if (existing) draft.assessments.splice(draft.assessments.indexOf(existing), 1);
      return;
    }
    if (!draft.scale.levels.some((level) => level.id === value.levelId)) throw new CommandError(`There is no level "${value.levelId}" on the scale.`);
    if (existing) {
      const next = validAssessment({ ...existing, levelId: value.levelId, date: value.date });
      if (existing.levelId !== next.levelId) existing.levelId = next.levelId;
      if (existing.date !== next.date) existing.date = next.date;
      return;
    }
    requireNewId(draft.assessments, newId, 'assessment');
    draft.assessments.push(validAssessment({ id: newId, learnerId: cell.learnerId, capabilityId: cell.capabilityId, kind: cell.kind, levelId: value.levelId, date: value.date, note: '' }));
  });
}
