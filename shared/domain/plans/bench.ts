/**
 * A generated cohort for timing the engine (`npm run bench`, and a printed check in the unit
 * tests): 30 capabilities, 5,000 learners with mixed assessment sources, and a 10-node framework
 * with two optional groups of 8. Pure and seeded, so every run times the same work; the clock is
 * passed in because shared/ has no timer of its own.
 */
import { DEFAULT_SCALE_LEVELS } from '../factory';
import { CURRENT_SCHEMA_VERSION, DEFAULT_BRANDING, IMPORTANCES, LEARNING_CATEGORIES, PRIORITIES, type Activity, type PathwayNode, type Project } from '../schema';
import { createPersonalizer } from './personalize';

export interface BenchProjectOptions {
  capabilities?: number;
  learners?: number;
  groupSize?: number;
  seed?: number;
}

export const BENCH_FRAMEWORK_ID = 'fw-bench';

/** mulberry32: small, fast, good enough to vary data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateBenchProject(options: BenchProjectOptions = {}): Project {
  const capabilityCount = options.capabilities ?? 30;
  const learnerCount = options.learners ?? 5_000;
  const groupSize = options.groupSize ?? 8;
  const random = seeded(options.seed ?? 20_260_105);
  const int = (below: number): number => Math.floor(random() * below);
  const choose = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const levels = DEFAULT_SCALE_LEVELS.map((level) => ({ ...level }));
  const top = levels.length - 1;
  const capabilityIds = Array.from({ length: capabilityCount }, (_, c) => `cap-${c}`);

  const activity = (id: string, title: string, steps: number, modality: Activity['modality'] = 'workshop'): Activity => ({
    id,
    title,
    description: '',
    modality,
    category: choose(LEARNING_CATEGORIES),
    hours: modality === 'assessment' ? 0.5 : 1 + int(12),
    link: `https://learning.example/${id}`,
    provider: '',
    cost: '',
    delivery: 'self-paced',
    develops: Array.from({ length: steps }, () => {
      const from = int(top);
      return { capabilityId: choose(capabilityIds), fromLevelId: levels[from]!.id, toLevelId: levels[Math.min(top, from + 1 + int(2))]!.id };
    }),
  });
  const activities: Activity[] = [
    activity('act-pre', 'Pre-assessment', 0, 'assessment'),
    activity('act-post', 'Post-assessment', 0, 'assessment'),
    activity('act-capstone', 'Capstone', 3),
    ...Array.from({ length: 3 }, (_, i) => activity(`act-core-${i}`, `Core ${i}`, 3, 'course')),
    ...Array.from({ length: groupSize * 2 }, (_, i) => activity(`act-option-${i}`, `Option ${i}`, 1 + int(3), choose(['video', 'mentoring', 'on-the-job-project', 'podcast'] as const))),
  ];

  const node = (kind: PathwayNode['kind'], id: string, x: number): PathwayNode => {
    const base = { id, label: '', position: { x: x * 200, y: 0 }, notes: '' };
    switch (kind) {
      case 'pre-assessment':
        return { kind, ...base, capabilityIds: capabilityIds.slice(), activityId: 'act-pre' };
      case 'post-assessment':
        return { kind, ...base, capabilityIds: capabilityIds.slice(), activityId: 'act-post' };
      case 'capstone':
        return { kind, ...base, activityId: 'act-capstone' };
      case 'milestone':
        return { kind, ...base, checkIn: true };
      case 'core':
        return { kind, ...base, activityId: `act-core-${id.slice(-1)}` };
      case 'optional-group': {
        const offset = id.endsWith('a') ? 0 : groupSize;
        const activityIds = Array.from({ length: groupSize }, (_, i) => `act-option-${offset + i}`);
        return { kind, ...base, activityIds, min: 2, max: 4, selectionRule: offset === 0 ? 'by-gap' : 'learner-choice' };
      }
    }
  };
  const nodes: PathwayNode[] = [
    node('pre-assessment', 'n-pre', 0),
    node('core', 'n-core-0', 1),
    node('core', 'n-core-1', 2),
    node('optional-group', 'n-group-a', 3),
    node('milestone', 'n-check-1', 4),
    node('optional-group', 'n-group-b', 5),
    node('core', 'n-core-2', 6),
    node('milestone', 'n-check-2', 7),
    node('post-assessment', 'n-post', 8),
    node('capstone', 'n-capstone', 9),
  ];

  const roleCount = 5;
  const learners: Project['learners'] = Array.from({ length: learnerCount }, (_, l) => ({
    id: `learner-${l}`,
    name: `Learner ${l}`,
    email: '',
    roleId: `role-${l % roleCount}`,
    manager: `Manager ${l % 97}`,
    team: '',
    careerGoals: 'Grow into a senior role.',
    startDate: random() < 0.9 ? '2026-02-02' : null,
    hoursPerWeek: 1 + int(6),
    notes: '',
  }));
  const assessments: Project['assessments'] = [];
  for (const learner of learners) {
    for (const capabilityId of capabilityIds) {
      const roll = random();
      const kind = roll < 0.85 ? 'pre' : roll < 0.9 ? 'manager' : roll < 0.95 ? 'self' : null;
      if (kind === null) continue;
      assessments.push({
        id: `as-${assessments.length}`,
        learnerId: learner.id,
        capabilityId,
        levelId: levels[int(levels.length)]!.id,
        kind,
        date: '2026-01-20',
        note: '',
      });
    }
  }

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { id: 'project-bench', title: 'Personalization benchmark', clientOrganisation: '', authors: [], createdAt: '2026-01-05T09:00:00.000Z', modifiedAt: '2026-01-05T09:00:00.000Z', appVersion: 'bench' },
    scale: { name: 'Proficiency', levels },
    domains: [{ id: 'dom-0', name: 'Domain', description: '', externalId: '' }],
    capabilities: capabilityIds.map((id, c) => ({ id, domainId: 'dom-0', name: `Capability ${c}`, description: '', externalId: '', indicators: [], skills: [] })),
    roles: Array.from({ length: roleCount }, (_, r) => ({
      id: `role-${r}`,
      name: `Role ${r}`,
      team: '',
      description: '',
      targets: capabilityIds.map((capabilityId) => ({ capabilityId, levelId: levels[1 + int(top)]!.id, importance: choose(IMPORTANCES) })),
    })),
    findings: Array.from({ length: 20 }, (_, f) => ({
      id: `finding-${f}`,
      statement: `Finding ${f}`,
      source: 'survey' as const,
      evidence: '',
      priority: choose(PRIORITIES),
      roleIds: random() < 0.3 ? [] : [`role-${int(roleCount)}`],
      capabilityIds: Array.from({ length: 1 + int(3) }, () => choose(capabilityIds)),
      tags: [],
    })),
    learners,
    assessments,
    activities,
    frameworks: [
      {
        id: BENCH_FRAMEWORK_ID,
        name: 'Benchmark framework',
        description: '',
        audienceRoleIds: [],
        focusCapabilityIds: capabilityIds.slice(),
        durationWeeks: 16,
        participationExpectations: ['Protect your learning hours every week.'],
        assessmentAndFeedback: ['Pre- and post-assessment on every focus capability.'],
        mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
        nodes,
        edges: nodes.slice(1).map((target, i) => ({ id: `e-${i}`, source: nodes[i]!.id, target: target.id })),
      },
    ],
    plans: [],
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
  };
}

export interface BenchResult {
  learners: number;
  capabilities: number;
  /** createPersonalizer: indexing the project and framework. */
  setupMs: number;
  /** Every learner's plan. */
  personalizeMs: number;
  totalMs: number;
  items: number;
  goals: number;
  warnings: number;
}

/** Times `createPersonalizer` + one plan per learner; the project is built before the clock starts. */
export function benchPersonalize(options: BenchProjectOptions & { clock: () => number; project?: Project }): BenchResult {
  const project = options.project ?? generateBenchProject(options);
  const frameworkId = options.project ? project.frameworks[0]!.id : BENCH_FRAMEWORK_ID;
  const started = options.clock();
  const personalize = createPersonalizer(project, frameworkId);
  const indexed = options.clock();
  let items = 0;
  let goals = 0;
  let warnings = 0;
  project.learners.forEach((learner, l) => {
    const { plan } = personalize(learner.id, { planId: `plan-${l}`, itemId: (i) => `item-${l}-${i}`, generatedAt: '2026-01-05T09:00:00.000Z', today: '2026-01-05' });
    items += plan.items.length;
    goals += plan.goals.length;
    warnings += plan.warnings.length;
  });
  const finished = options.clock();
  return {
    learners: project.learners.length,
    capabilities: project.capabilities.length,
    setupMs: indexed - started,
    personalizeMs: finished - indexed,
    totalMs: finished - started,
    items,
    goals,
    warnings,
  };
}
