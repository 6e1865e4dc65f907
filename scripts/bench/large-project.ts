/**
 * A large, valid project for benchmarks: the sample's scale and model, blown up to consultancy
 * size (many capabilities, thousands of learners, a 1,000-node pathway).
 */
import { createBlankProject } from '../../shared/domain/factory';
import type { Project } from '../../shared/domain/schema';

export function generateLargeProject(options: { capabilities: number; learners: number; activities: number; pathwayNodes: number }): Project {
  const project = createBlankProject({ title: 'Benchmark project', now: new Date('2026-01-05T09:00:00Z'), appVersion: 'bench' });
  const levels = project.scale.levels.map((level) => level.id);
  const level = (i: number): string => levels[i % levels.length]!;
  project.domains = Array.from({ length: 5 }, (_, d) => ({ id: `dom-${d}`, name: `Domain ${d}`, description: '', externalId: '' }));
  project.capabilities = Array.from({ length: options.capabilities }, (_, c) => ({
    id: `cap-${c}`,
    domainId: `dom-${c % 5}`,
    name: `Capability ${c}`,
    description: 'What good looks like in this capability, described for every role that needs it.',
    externalId: `C-${c}`,
    indicators: levels.map((levelId) => ({ levelId, statements: [`Observable behaviour at ${levelId} for capability ${c}.`] })),
    skills: [],
  }));
  project.roles = Array.from({ length: 20 }, (_, r) => ({
    id: `role-${r}`,
    name: `Role ${r}`,
    team: '',
    description: '',
    targets: project.capabilities.map((capability, c) => ({ capabilityId: capability.id, levelId: level(1 + ((r + c) % 3)), importance: 'important' as const })),
  }));
  project.activities = Array.from({ length: options.activities }, (_, a) => ({
    id: `act-${a}`,
    title: `Activity ${a}`,
    description: '',
    modality: 'workshop' as const,
    category: (['experiential', 'social', 'formal'] as const)[a % 3]!,
    hours: 1 + (a % 8),
    link: `https://learning.example/activities/${a}`,
    provider: '',
    cost: '',
    delivery: 'self-paced' as const,
    develops: [{ capabilityId: `cap-${a % options.capabilities}`, fromLevelId: level(0), toLevelId: level(1) }],
  }));
  project.learners = Array.from({ length: options.learners }, (_, l) => ({
    id: `learner-${l}`,
    name: `Learner ${l}`,
    email: `learner${l}@example.com`,
    roleId: `role-${l % 20}`,
    manager: `Manager ${l % 50}`,
    team: `Team ${l % 12}`,
    careerGoals: 'Grow into a senior role within two years.',
    startDate: '2026-02-02',
    hoursPerWeek: 3,
    notes: '',
  }));
  project.assessments = project.learners.flatMap((learner, l) =>
    project.capabilities.slice(0, 30).map((capability, c) => ({
      id: `as-${l}-${c}`,
      learnerId: learner.id,
      capabilityId: capability.id,
      levelId: level(l + c),
      kind: 'pre' as const,
      date: '2026-01-20',
      note: '',
    })),
  );
  const nodes: Project['frameworks'][number]['nodes'] = Array.from({ length: options.pathwayNodes }, (_, n) => ({
    kind: 'core' as const,
    id: `node-${n}`,
    label: '',
    position: { x: (n % 40) * 280, y: Math.floor(n / 40) * 160 },
    notes: '',
    activityId: `act-${n % options.activities}`,
  }));
  project.frameworks = [
    {
      id: 'fw-large',
      name: 'Large framework',
      description: '',
      audienceRoleIds: ['role-0'],
      focusCapabilityIds: ['cap-0'],
      durationWeeks: 52,
      participationExpectations: [],
      assessmentAndFeedback: [],
      mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
      nodes,
      edges: nodes.slice(1).map((node, n) => ({ id: `edge-${n}`, source: nodes[n]!.id, target: node.id })),
    },
  ];
  return project;
}
