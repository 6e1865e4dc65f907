/**
 * The sample project (the seed article's case study): every one of its learners gets a plan with
 * the six PLP elements, and the elements helper the export will use returns them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPersonalizer, planElements, type PersonalizedPlan } from '../../../shared/domain/plans';
import { parseProjectText } from '../../../shared/domain/project-file';
import { PlanSchema, type Project } from '../../../shared/domain/schema';
import { activity, assess, chain, framework, node, project as smallProject, run } from './build';

const text = readFileSync(new URL('../../../resources/sample/executive-presence.plp', import.meta.url), 'utf8');
const loaded = parseProjectText(text);
if (!loaded.ok) throw new Error(`the sample does not load: ${loaded.error.message}`);
const sample: Project = loaded.value.project;
const frameworkId = sample.frameworks[0]!.id;
const personalize = createPersonalizer(sample, frameworkId);
const plans: [string, PersonalizedPlan][] = sample.learners.map((learner) => [
  learner.name,
  personalize(learner.id, { planId: `plan-${learner.id.slice('learner-'.length)}`, itemId: (index) => `${learner.id}-${index}`, generatedAt: '2026-03-02T09:00:00.000Z' }),
]);

describe('the sample cohort', () => {
  it('has 12 learners, each with a schema-valid plan', () => {
    expect(plans).toHaveLength(12);
    for (const [name, { plan }] of plans) expect(PlanSchema.safeParse(plan).success, name).toBe(true);
  });

  it.each(plans)('%s: a plan with all six PLP elements', (_name, { plan }) => {
    const elements = planElements(sample, plan);
    const learner = sample.learners.find((each) => each.id === plan.learnerId)!;

    // 1. Learner info: role, career goals, current capability assessment.
    expect(elements.learner.name).toBe(learner.name);
    expect(elements.learner.roleName).toBe(sample.roles.find((role) => role.id === learner.roleId)!.name);
    expect(elements.learner.careerGoals).toBe(learner.careerGoals);
    expect(elements.learner.careerGoals.length).toBeGreaterThan(0);
    expect(elements.learner.currentCapabilities.map((capability) => capability.capabilityId)).toEqual(sample.frameworks[0]!.focusCapabilityIds);
    for (const capability of elements.learner.currentCapabilities) {
      expect(capability.levelLabel).not.toBeNull();
      expect(capability.source).toBe('pre');
      expect(capability.targetLevelLabel).not.toBeNull();
    }

    // 2. Prioritized goals: one per gap, with a rationale.
    const gaps = elements.learner.currentCapabilities.filter(
      (capability) => sample.scale.levels.findIndex((level) => level.id === capability.targetLevelId) > sample.scale.levels.findIndex((level) => level.id === capability.levelId),
    );
    expect(elements.goals).toHaveLength(gaps.length);
    expect(elements.goals.map((goal) => goal.rank)).toEqual(elements.goals.map((_, index) => index + 1));
    for (const goal of elements.goals) expect(goal.rationale).toMatch(/^Gap of \d levels? \(/);

    // 3. Activities and resources: titled, with the catalog's links.
    expect(elements.activities.length).toBeGreaterThanOrEqual(4);
    for (const item of elements.activities) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.reason.length).toBeGreaterThan(0);
      expect(item.link).toBe(sample.activities.find((each) => each.id === item.activityId)!.link);
      expect(item.link).toMatch(/^(https:\/\/|mailto:)/);
    }
    expect(elements.activities.filter((item) => item.kind === 'optional-group')).toHaveLength(3);

    // 4. Dated timeline with milestones.
    expect(elements.timeline.entries).toHaveLength(plan.items.length);
    for (const entry of elements.timeline.entries) {
      expect(entry.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.end! >= entry.start!).toBe(true);
    }
    expect(elements.timeline.start).toBe(learner.startDate);
    expect(elements.timeline.milestones.length).toBeGreaterThanOrEqual(1);
    expect(elements.timeline.milestones.some((milestone) => milestone.checkIn)).toBe(true);

    // 5. Expectations and 6. assessment and feedback.
    expect(elements.expectations.length).toBeGreaterThan(0);
    expect(elements.expectations).toEqual(sample.frameworks[0]!.participationExpectations);
    expect(elements.assessmentAndFeedback.mechanisms.length).toBeGreaterThan(0);
    expect(elements.assessmentAndFeedback.assessments.map((entry) => entry.kind)).toEqual(['pre-assessment', 'post-assessment']);
  });

  it('personalizes: learners with different gaps get different options, each option explained', () => {
    const options = new Set(plans.map(([, { plan }]) => plan.items.filter((item) => item.kind === 'optional-group').map((item) => item.activityId).join(',')));
    expect(options.size).toBeGreaterThan(3);
    const marcus = plans.find(([name]) => name === 'Marcus Bell')![1];
    // Scientific credibility at Beginner (two levels short) leads his goals, and the clinical course answers it.
    expect(marcus.plan.goals[0]).toMatchObject({ capabilityId: 'cap-scientific-credibility', currentLevelId: 'beginner', targetLevelId: 'skilled' });
    expect(marcus.plan.items.find((item) => item.activityId === 'act-ep-course-clinical')!.reason).toBe(
      'Develops Scientific credibility in clinical conversations from Beginner to Intermediate — your top-priority gap (2 levels).',
    );
  });

  it('reports the engine warnings of the sample, never an unexplained one', () => {
    for (const [, { plan, explanation }] of plans) {
      expect(plan.warnings).toEqual(explanation.warnings.map((warning) => warning.message));
      expect(explanation.warnings.map((warning) => warning.code).filter((code) => !['group-below-min', 'uncovered-gap', 'over-budget', 'beyond-duration'].includes(code))).toEqual([]);
    }
  });
});

describe('planElements on hand-edited and partial plans', () => {
  const acts = [activity('act-core', { title: 'Core', link: 'mailto:ld@example.com' }), activity('act-cap', { title: 'Capstone' })];
  const nodes = [node.pre('pre', 0, null, ['cap-a']), node.core('core', 1, 'act-core'), node.milestone('check', 2, false), node.capstone('cap', 3, 'act-cap')];
  const data = smallProject({ assessments: [assess('learner-1', 'cap-a', 'beginner', 'manager')], activities: acts, frameworks: [framework(nodes, chain('pre', 'core', 'check', 'cap'))] });

  it('sorts the timeline by date, separates milestones, lists activities with catalog data', () => {
    const { plan } = run(data);
    const edited = { ...plan, items: [...plan.items].reverse() };
    const elements = planElements(data, edited);
    expect(elements.timeline.entries.map((entry) => entry.kind)).toEqual(['pre-assessment', 'core', 'milestone', 'capstone']);
    expect(elements.timeline.milestones).toMatchObject([{ title: 'Milestone', checkIn: false }]);
    expect(elements.activities.map((item) => [item.title, item.link, item.modality, item.category])).toEqual([
      ['Capstone', 'https://learning.example/act-cap', 'workshop', 'formal'],
      ['Core', 'mailto:ld@example.com', 'workshop', 'formal'],
    ]);
    expect(elements.learner.currentCapabilities[0]).toMatchObject({ capabilityName: 'Alpha', levelLabel: 'Beginner', source: 'manager', targetLevelLabel: 'Skilled' });
    expect(elements.goals[0]).toMatchObject({ rank: 1, capabilityName: 'Alpha', currentLevelLabel: 'Beginner', targetLevelLabel: 'Skilled' });
  });

  it('copes with a manual item without dates or activity and a learner removed since', () => {
    const { plan } = run(data);
    const manual = { ...plan, learnerId: 'learner-gone', items: [...plan.items, { id: 'manual-1', nodeId: null, activityId: null, kind: 'core' as const, title: 'Read the brand book', start: null, end: null, reason: '', manual: true, status: 'planned' as const }] };
    const elements = planElements(data, manual);
    expect(elements.learner).toMatchObject({ name: 'Learner learner-1', roleName: null, manager: 'Morgan Manager' });
    expect(elements.timeline.entries.at(-1)).toMatchObject({ itemId: 'manual-1', start: null });
    expect(elements.activities.at(-1)).toMatchObject({ title: 'Read the brand book', link: '', hours: null });
  });
});
