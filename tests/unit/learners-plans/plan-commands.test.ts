import { describe, expect, it } from 'vitest';
import {
  addPlanActivity,
  deletePlan,
  diffPlans,
  mergeRegeneratedPlan,
  moveGoal,
  removePlanItem,
  restorePlanItem,
  setItemDates,
  setItemStatus,
  setPlanStatus,
  setPlanTextList,
  setSignOff,
  storeGeneratedPlans,
  swapOptionalPick,
} from '../../../shared/domain/commands/plan-commands';
import { generatePlans } from '../../../renderer/src/features/learners-plans/plan-model';
import type { Project } from '../../../shared/domain/schema';
import { applyWithUndo, counter, expectNoOp, FRAMEWORK, frozen, GENERATE, PRIYA, sampleProject, withPriyaPlan } from './support';

const planOf = (project: Project) => project.plans[0]!;
const pick = (project: Project) => planOf(project).items.find((item) => item.kind === 'optional-group' && item.status === 'planned')!;
const unpicked = (project: Project) => {
  const node = project.frameworks[0]!.nodes.find((candidate) => candidate.kind === 'optional-group');
  const members = node?.kind === 'optional-group' ? node.activityIds : [];
  const taken = new Set(planOf(project).items.map((item) => item.activityId));
  return members.find((id) => !taken.has(id))!;
};

describe('storing generated plans', () => {
  it('stores a whole cohort as one undo step', () => {
    const before = frozen(sampleProject());
    const ids = before.learners.map((learner) => learner.id);
    const generated = generatePlans(before, FRAMEWORK, ids, { ...GENERATE, id: counter() });
    const command = storeGeneratedPlans(generated.map((entry) => entry.plan));
    expect(command.label).toBe('Generate 12 plans');
    const after = applyWithUndo(before, command);
    expect(after.plans).toHaveLength(12);
  });

  it('replaces a learner’s plan in place and refuses a learner twice or an unknown learner', () => {
    const before = withPriyaPlan();
    const [again] = generatePlans(before, FRAMEWORK, [PRIYA], { ...GENERATE, id: counter() });
    expect(again!.plan.id).toBe(planOf(before).id);
    const after = storeGeneratedPlans([again!.plan]).apply(before);
    expect(after.plans).toHaveLength(1);
    expect(() => storeGeneratedPlans([again!.plan, again!.plan])).toThrow(/twice/);
    expect(() => storeGeneratedPlans([{ ...again!.plan, learnerId: 'nobody' }]).apply(before)).toThrow(/no learner/);
    expect(() => storeGeneratedPlans([])).toThrow(/no plan/);
  });

  it('regenerating keeps manual overrides (or discards them on request) and reports the changes', () => {
    let project = withPriyaPlan();
    const original = pick(project);
    const swapTo = unpicked(project);
    project = swapOptionalPick(planOf(project).id, original.id, swapTo, 'Prefers live practice', 'item-swap').apply(project);

    const [kept] = generatePlans(project, FRAMEWORK, [PRIYA], { ...GENERATE, id: counter() });
    expect(kept!.plan.items.find((item) => item.id === 'item-swap')?.activityId).toBe(swapTo);
    expect(kept!.plan.items.find((item) => item.activityId === original.activityId)?.status).toBe('skipped');
    expect(kept!.changes).toMatchObject({ added: [], removed: [], overrides: 2 });

    const [discarded] = generatePlans(project, FRAMEWORK, [PRIYA], { ...GENERATE, keepOverrides: false, id: counter() });
    expect(discarded!.plan.items.some((item) => item.manual)).toBe(false);
    expect(discarded!.plan.items.find((item) => item.activityId === original.activityId)?.status).toBe('planned');
    expect(discarded!.changes!.removed).toContain(planOf(project).items.find((item) => item.id === 'item-swap')!.title);
    expect(discarded!.changes!.added).toContain(original.title);
  });

  it('diff names moved dates and goal changes', () => {
    const project = withPriyaPlan();
    const plan = planOf(project);
    const later = { ...plan, items: plan.items.map((item, index) => (index === 0 ? { ...item, start: '2027-01-01', end: '2027-01-01' } : item)), goals: [...plan.goals].reverse().map((goal, index) => ({ ...goal, rank: index + 1 })) };
    const changes = diffPlans(plan, later, (id) => id);
    expect(changes.moved).toEqual([{ title: plan.items[0]!.title, from: plan.items[0]!.start, to: '2027-01-01' }]);
    expect(changes.goals.length).toBeGreaterThan(0);
    expect(mergeRegeneratedPlan(null, plan, { keepOverrides: true })).toBe(plan);
  });
});

describe('plan editor commands', () => {
  it('status, goals order, text lists and sign-off', () => {
    const before = withPriyaPlan();
    const id = planOf(before).id;
    expect(applyWithUndo(before, setPlanStatus(id, 'agreed')).plans[0]!.status).toBe('agreed');
    expectNoOp(before, setPlanStatus(id, 'draft'));

    const goals = [...planOf(before).goals].sort((a, b) => a.rank - b.rank);
    const moved = applyWithUndo(before, moveGoal(id, goals[1]!.capabilityId, -1));
    const reordered = [...planOf(moved).goals].sort((a, b) => a.rank - b.rank).map((goal) => goal.capabilityId);
    expect(reordered.slice(0, 2)).toEqual([goals[1]!.capabilityId, goals[0]!.capabilityId]);
    expect(planOf(moved).goals.map((goal) => goal.rank).sort()).toEqual(goals.map((_, index) => index + 1));
    expectNoOp(before, moveGoal(id, goals[0]!.capabilityId, -1));

    const listed = applyWithUndo(before, setPlanTextList(id, 'participationExpectations', [' Two hours on Fridays ', '', 'Monthly check-in']));
    expect(planOf(listed).participationExpectations).toEqual(['Two hours on Fridays', 'Monthly check-in']);

    const signed = applyWithUndo(before, setSignOff(id, { employeeName: 'Priya Nair', employeeDate: '2026-03-20' }));
    expect(planOf(signed).signOff).toMatchObject({ employeeName: 'Priya Nair', employeeDate: '2026-03-20', managerDate: null });
    expect(() => setSignOff(id, { managerDate: 'soon' }).apply(before)).toThrow(/sign-off/);
    expect(() => setPlanStatus('nope', 'agreed').apply(before)).toThrow(/no plan/);
  });

  it('removes with a reason, restores, and refuses a removal without one', () => {
    const before = withPriyaPlan();
    const id = planOf(before).id;
    const item = pick(before);
    expect(() => removePlanItem(id, item.id, '  ')).toThrow(/reason/);
    const removed = applyWithUndo(before, removePlanItem(id, item.id, 'Already did it last year'));
    const after = planOf(removed).items.find((candidate) => candidate.id === item.id)!;
    expect(after).toMatchObject({ status: 'skipped', manual: true, reason: 'Removed: Already did it last year' });
    expect(() => removePlanItem(id, item.id, 'again').apply(removed)).toThrow(/already removed/);
    const restored = applyWithUndo(removed, restorePlanItem(id, item.id));
    expect(planOf(restored).items.find((candidate) => candidate.id === item.id)?.status).toBe('planned');
  });

  it('adds a catalog activity as a manual item; refuses duplicates, unknown activities and reversed dates', () => {
    const before = withPriyaPlan();
    const id = planOf(before).id;
    const added = applyWithUndo(before, addPlanActivity(id, { itemId: 'item-new', activityId: 'act-ep-book-executive-presence', reason: 'Loves reading', start: '2026-04-01', end: '2026-04-20' }));
    expect(planOf(added).items.at(-1)).toMatchObject({ id: 'item-new', nodeId: null, manual: true, reason: 'Added: Loves reading', title: expect.any(String) });
    expect(() => addPlanActivity(id, { itemId: 'item-x', activityId: 'act-ep-book-executive-presence', reason: 'x', start: null, end: null }).apply(added)).toThrow(/already in the plan/);
    expect(() => addPlanActivity(id, { itemId: 'item-x', activityId: 'act-nope', reason: 'x', start: null, end: null }).apply(before)).toThrow(/no activity/);
    expect(() => addPlanActivity(id, { itemId: 'item-x', activityId: 'act-ep-capstone', reason: 'x', start: '2026-05-02', end: '2026-05-01' })).toThrow(/before the start/);
  });

  it('swaps an optional pick for another member of its group only', () => {
    const before = withPriyaPlan();
    const id = planOf(before).id;
    const item = pick(before);
    const other = unpicked(before);
    const after = applyWithUndo(before, swapOptionalPick(id, item.id, other, 'Prefers practice', 'item-swap'));
    const items = planOf(after).items;
    const index = items.findIndex((candidate) => candidate.id === item.id);
    expect(items[index]).toMatchObject({ status: 'skipped', manual: true });
    expect(items[index + 1]).toMatchObject({ id: 'item-swap', activityId: other, nodeId: item.nodeId, start: item.start, end: item.end, manual: true });
    expect(() => swapOptionalPick(id, item.id, 'act-ep-capstone', 'x', 'item-y').apply(before)).toThrow(/same group/);
    const core = planOf(before).items.find((candidate) => candidate.kind === 'core')!;
    expect(() => swapOptionalPick(id, core.id, other, 'x', 'item-y').apply(before)).toThrow(/optional group/);
  });

  it('changes dates (manual) and status; deletes a plan', () => {
    const before = withPriyaPlan();
    const id = planOf(before).id;
    const item = planOf(before).items[1]!;
    const dated = applyWithUndo(before, setItemDates(id, item.id, '2026-05-01', '2026-05-10'));
    expect(planOf(dated).items[1]).toMatchObject({ start: '2026-05-01', end: '2026-05-10', manual: true });
    expectNoOp(before, setItemDates(id, item.id, item.start, item.end));
    expect(() => setItemDates(id, item.id, '2026-05-10', '2026-05-01')).toThrow(/before the start/);
    expect(planOf(applyWithUndo(before, setItemStatus(id, item.id, 'done'))).items[1]!.status).toBe('done');
    expect(applyWithUndo(before, deletePlan(id)).plans).toHaveLength(0);
  });
});
