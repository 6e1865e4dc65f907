/**
 * Small hand-made projects for the engine's unit tests: a four-level scale, a few capabilities,
 * one role, and helpers that keep each test to the data it is about.
 */
import { DEFAULT_SCALE_LEVELS } from '../../../shared/domain/factory';
import { personalizePlan, type PersonalizedPlan } from '../../../shared/domain/plans';
import { DEFAULT_BRANDING, CURRENT_SCHEMA_VERSION,
  type Activity,
  type Assessment,
  type AssessmentKind,
  type Finding,
  type Framework,
  type Importance,
  type LearningCategory,
  type Learner,
  type PathwayNode,
  type Project, } from '../../../shared/domain/schema';

export type LevelId = 'beginner' | 'intermediate' | 'skilled' | 'expert';

export const OPTIONS = { planId: 'plan-1', itemId: (index: number) => `item-${index}`, generatedAt: '2026-01-05T09:00:00.000Z' };

export function capability(id: string, name: string): Project['capabilities'][number] {
  return { id, domainId: 'dom', name, description: '', externalId: '', indicators: [], skills: [] };
}

export function activity(
  id: string,
  options: { title?: string; hours?: number; category?: LearningCategory; develops?: [capabilityId: string, from: LevelId, to: LevelId][]; link?: string } = {},
): Activity {
  return {
    id,
    title: options.title ?? `Activity ${id}`,
    description: '',
    modality: 'workshop',
    category: options.category ?? 'formal',
    hours: options.hours ?? 2,
    link: options.link ?? `https://learning.example/${id}`,
    provider: '',
    cost: '',
    delivery: 'self-paced',
    develops: (options.develops ?? []).map(([capabilityId, fromLevelId, toLevelId]) => ({ capabilityId, fromLevelId, toLevelId })),
  };
}

export function learner(id: string, options: Partial<Learner> = {}): Learner {
  return {
    id,
    name: options.name ?? `Learner ${id}`,
    email: '',
    roleId: 'role-am',
    manager: 'Morgan Manager',
    team: '',
    careerGoals: 'Lead key accounts.',
    startDate: '2026-03-02',
    hoursPerWeek: 2,
    notes: '',
    ...options,
  };
}

let assessmentCounter = 0;
export function assess(learnerId: string, capabilityId: string, levelId: LevelId, kind: AssessmentKind = 'pre', date = '2026-02-01'): Assessment {
  assessmentCounter += 1;
  return { id: `as-${assessmentCounter}`, learnerId, capabilityId, levelId, kind, date, note: '' };
}

export function finding(id: string, priority: Finding['priority'], capabilityIds: string[], roleIds: string[] = []): Finding {
  return { id, statement: `Finding ${id}`, source: 'survey', evidence: '', priority, roleIds, capabilityIds, tags: [] };
}

const base = (id: string, x: number) => ({ id, label: '', position: { x, y: 0 }, notes: '' });
export const node = {
  pre: (id: string, x: number, activityId: string | null = null, capabilityIds: string[] = []): PathwayNode => ({ kind: 'pre-assessment', ...base(id, x), capabilityIds, activityId }),
  core: (id: string, x: number, activityId: string): PathwayNode => ({ kind: 'core', ...base(id, x), activityId }),
  group: (id: string, x: number, activityIds: string[], min: number, max: number, selectionRule: 'by-gap' | 'learner-choice' = 'by-gap'): PathwayNode => ({
    kind: 'optional-group',
    ...base(id, x),
    activityIds,
    min,
    max,
    selectionRule,
  }),
  milestone: (id: string, x: number, checkIn = true): PathwayNode => ({ kind: 'milestone', ...base(id, x), checkIn }),
  post: (id: string, x: number, activityId: string | null = null): PathwayNode => ({ kind: 'post-assessment', ...base(id, x), capabilityIds: [], activityId }),
  capstone: (id: string, x: number, activityId: string | null = null): PathwayNode => ({ kind: 'capstone', ...base(id, x), activityId }),
};

/** Edges a→b→c… */
export function chain(...ids: string[]): Framework['edges'] {
  return ids.slice(1).map((target, index) => ({ id: `e-${ids[index]!}-${target}`, source: ids[index]!, target }));
}

export function framework(nodes: PathwayNode[], edges: Framework['edges'], options: Partial<Framework> = {}): Framework {
  return {
    id: 'fw',
    name: 'Test framework',
    description: '',
    audienceRoleIds: ['role-am'],
    focusCapabilityIds: ['cap-a', 'cap-b', 'cap-c'],
    durationWeeks: 12,
    participationExpectations: ['Protect two hours a week.'],
    assessmentAndFeedback: ['Monthly manager check-in.'],
    mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
    nodes,
    edges,
    ...options,
  };
}

/**
 * Three capabilities (Alpha, Beta, Gamma, in that order), role "Account Manager" targeting
 * Skilled in each (Alpha critical, Beta important, Gamma useful), one learner, no pathway.
 */
export function project(overrides: Partial<Project> = {}): Project {
  const targets: [string, LevelId, Importance][] = [
    ['cap-a', 'skilled', 'critical'],
    ['cap-b', 'skilled', 'important'],
    ['cap-c', 'skilled', 'useful'],
  ];
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
    meta: { id: 'project-test', title: 'Test', clientOrganisation: '', authors: [], createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z', appVersion: 'test' },
    scale: { name: 'Proficiency', levels: DEFAULT_SCALE_LEVELS.map((level) => ({ ...level })) },
    domains: [{ id: 'dom', name: 'Domain', description: '', externalId: '' }],
    capabilities: [capability('cap-a', 'Alpha'), capability('cap-b', 'Beta'), capability('cap-c', 'Gamma')],
    roles: [{ id: 'role-am', name: 'Account Manager', team: '', description: '', targets: targets.map(([capabilityId, levelId, importance]) => ({ capabilityId, levelId, importance })) }],
    findings: [],
    learners: [learner('learner-1')],
    assessments: [],
    activities: [],
    frameworks: [framework([], [])],
    plans: [],
    ...overrides,
  };
}

export function run(data: Project, learnerId = 'learner-1', extra: { today?: string } = {}): PersonalizedPlan {
  return personalizePlan({ project: data, frameworkId: data.frameworks[0]!.id, learnerId, ...OPTIONS, ...extra });
}

/** Item titles in plan order. */
export function titles(result: PersonalizedPlan): string[] {
  return result.plan.items.map((item) => item.title);
}

export function warningsOf(result: PersonalizedPlan, code: string): PersonalizedPlan['explanation']['warnings'] {
  return result.explanation.warnings.filter((warning) => warning.code === code);
}
