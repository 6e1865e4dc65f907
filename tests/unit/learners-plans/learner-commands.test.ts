import { describe, expect, it } from 'vitest';
import { addLearner, deleteLearner, latestAssessment, learnerReferences, setAssessment, updateLearner } from '../../../shared/domain/commands/learner-commands';
import { CommandError } from '../../../shared/domain/commands/command';
import { applyWithUndo, expectNoOp, frozen, PRIYA, sampleProject, withPriyaPlan } from './support';

describe('learner commands', () => {
  it('adds a learner with defaults, trimmed', () => {
    const before = frozen(sampleProject());
    const after = applyWithUndo(before, addLearner({ id: 'learner-new', name: '  Ana Silva ', roleId: 'role-am-cell-therapy', hoursPerWeek: 4 }));
    expect(after.learners.at(-1)).toEqual({
      id: 'learner-new',
      name: 'Ana Silva',
      email: '',
      roleId: 'role-am-cell-therapy',
      manager: '',
      team: '',
      careerGoals: '',
      startDate: null,
      hoursPerWeek: 4,
      notes: '',
    });
  });

  it('refuses an empty name, a bad e-mail, too many hours, an unknown role and a duplicate id', () => {
    expect(() => addLearner({ id: 'l-1', name: '   ' })).toThrow(/name must not be empty/);
    expect(() => addLearner({ id: 'l-1', name: 'A', email: 'not-mail' })).toThrow(/e-mail/);
    expect(() => addLearner({ id: 'l-1', name: 'A', hoursPerWeek: 81 })).toThrow(/80 hours/);
    expect(() => addLearner({ id: 'l 1', name: 'A' })).toThrow(CommandError);
    const project = sampleProject();
    expect(() => addLearner({ id: 'l-1', name: 'A', roleId: 'role-nope' }).apply(project)).toThrow(/no role/);
    expect(() => addLearner({ id: PRIYA, name: 'A' }).apply(project)).toThrow(/already exists/);
  });

  it('edits fields; an empty start date clears it; no change records nothing', () => {
    const before = frozen(sampleProject());
    const after = applyWithUndo(before, updateLearner(PRIYA, { manager: 'Jo Park', startDate: '', careerGoals: 'Lead a team' }));
    const priya = after.learners.find((learner) => learner.id === PRIYA)!;
    expect(priya).toMatchObject({ manager: 'Jo Park', startDate: null, careerGoals: 'Lead a team' });
    expectNoOp(before, updateLearner(PRIYA, { manager: 'Daniel Okafor' }));
    expect(() => updateLearner(PRIYA, { startDate: '2026-02-30' }).apply(before)).toThrow(/date/);
    expect(() => updateLearner('nobody', { name: 'X' }).apply(before)).toThrow(/no learner/);
  });

  it('deletes a learner with their assessments and plan as one step, and undo restores them exactly', () => {
    const before = withPriyaPlan();
    expect(learnerReferences(before, PRIYA)).toEqual({ assessments: 6, plans: 1 });
    const after = applyWithUndo(before, deleteLearner(PRIYA));
    expect(after.learners.some((learner) => learner.id === PRIYA)).toBe(false);
    expect(after.assessments.filter((assessment) => assessment.learnerId === PRIYA)).toHaveLength(0);
    expect(after.plans).toHaveLength(0);
    expect(after.assessments).toHaveLength(before.assessments.length - 6);
    expect(() => deleteLearner('nobody').apply(before)).toThrow(/no learner/);
  });

  it('sets a grid cell: records a new assessment, then updates it; null clears it', () => {
    const before = frozen(sampleProject());
    const cell = { learnerId: PRIYA, capabilityId: 'cap-composure', kind: 'post' as const };
    const once = applyWithUndo(before, setAssessment(cell, { levelId: 'skilled', date: '2026-06-30' }, 'assess-post-1'));
    expect(latestAssessment(once, PRIYA, 'cap-composure', 'post')).toMatchObject({ id: 'assess-post-1', levelId: 'skilled', date: '2026-06-30' });
    expect(once.assessments).toHaveLength(before.assessments.length + 1);

    const twice = applyWithUndo(once, setAssessment(cell, { levelId: 'expert', date: '2026-07-01' }, 'assess-unused'));
    expect(twice.assessments).toHaveLength(once.assessments.length);
    expect(latestAssessment(twice, PRIYA, 'cap-composure', 'post')).toMatchObject({ id: 'assess-post-1', levelId: 'expert', date: '2026-07-01' });
    expectNoOp(twice, setAssessment(cell, { levelId: 'expert', date: '2026-07-01' }, 'assess-unused'));

    const cleared = applyWithUndo(twice, setAssessment(cell, { levelId: null, date: '2026-07-01' }, 'assess-unused'));
    expect(latestAssessment(cleared, PRIYA, 'cap-composure', 'post')).toBeNull();
  });

  it('refuses an unknown level, learner, capability or a malformed date', () => {
    const project = sampleProject();
    const cell = { learnerId: PRIYA, capabilityId: 'cap-composure', kind: 'post' as const };
    expect(() => setAssessment(cell, { levelId: 'guru', date: '2026-06-30' }, 'a-1').apply(project)).toThrow(/no level/);
    expect(() => setAssessment(cell, { levelId: 'skilled', date: '30/06/2026' }, 'a-1').apply(project)).toThrow(/date/);
    expect(() => setAssessment({ ...cell, learnerId: 'x' }, { levelId: 'skilled', date: '2026-06-30' }, 'a-1').apply(project)).toThrow(/no learner/);
    expect(() => setAssessment({ ...cell, capabilityId: 'x' }, { levelId: 'skilled', date: '2026-06-30' }, 'a-1').apply(project)).toThrow(/no capability/);
  });
});
