/**
 * fast-check arbitraries: small but varied projects for the engine's property tests. Scales of
 * 2–5 levels, up to 5 capabilities, two roles, findings, 1–3 learners with mixed (or missing)
 * assessments, start dates and hours, a catalog with random development steps (some pointing
 * nowhere) and a random acyclic pathway of every node kind, including groups whose bounds exceed
 * their members and members missing from the catalog.
 */
import fc from 'fast-check';
import { DEFAULT_BRANDING, ASSESSMENT_KINDS,
  CURRENT_SCHEMA_VERSION,
  IMPORTANCES,
  LEARNING_CATEGORIES,
  PATHWAY_NODE_KINDS,
  PRIORITIES,
  type PathwayNode,
  type Project, } from '../../../shared/domain/schema';
import { addDays } from '../../../shared/domain/plans';

const LEVEL_IDS = ['novice', 'beginner', 'intermediate', 'skilled', 'expert'];
const ROLE_IDS = ['role-1', 'role-2'];

/** True with the given probability (in tenths). */
const likely = (tenths: number) => fc.integer({ min: 0, max: 9 }).map((n) => n < tenths);

const shape = fc.record({
  levelCount: fc.integer({ min: 2, max: 5 }),
  capabilityCount: fc.integer({ min: 1, max: 5 }),
  focus: fc.array(likely(7), { minLength: 5, maxLength: 5 }),
  // Targets lean high (top level or one below) so that most learners have gaps.
  targets: fc.array(fc.array(fc.record({ present: likely(8), below: fc.constantFrom(0, 0, 1, 2), importance: fc.constantFrom(...IMPORTANCES) }), { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 2 }),
  findings: fc.array(fc.record({ priority: fc.constantFrom(...PRIORITIES), capabilities: fc.array(fc.nat(), { maxLength: 3 }), roles: fc.subarray(ROLE_IDS) }), { maxLength: 5 }),
  learners: fc.array(
    fc.record({
      role: fc.constantFrom<string | null>('role-1', 'role-1', 'role-1', 'role-2', 'role-2', null, 'role-missing'),
      start: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 4 }),
      hoursPerWeek: fc.constantFrom(0, 0.5, 1, 2, 3, 7.5, 40),
      // One likely assessment per capability, plus a few more of any kind for the precedence rules.
      perCapability: fc.array(fc.record({ present: likely(8), level: fc.nat(), kind: fc.constantFrom('pre' as const, 'pre' as const, 'manager' as const, 'self' as const), day: fc.integer({ min: 0, max: 90 }) }), {
        minLength: 5,
        maxLength: 5,
      }),
      assessments: fc.array(fc.record({ capability: fc.nat(), level: fc.nat(), kind: fc.constantFrom(...ASSESSMENT_KINDS), day: fc.integer({ min: 0, max: 90 }) }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  activities: fc.array(
    fc.record({
      hours: fc.constantFrom(0, 0.25, 1, 2, 3.5, 8, 40),
      category: fc.constantFrom(...LEARNING_CATEGORIES),
      develops: fc.array(fc.record({ capability: fc.nat(), from: fc.nat(), span: fc.constantFrom(-1, 0, 1, 1, 1, 1, 2, 2, 3) }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 12 },
  ),
  nodes: fc.array(
    fc.record({
      kind: fc.constantFrom(...PATHWAY_NODE_KINDS, 'optional-group', 'core'),
      x: fc.integer({ min: 0, max: 6 }),
      activity: fc.option(fc.nat(), { freq: 6 }),
      missing: likely(3),
      members: fc.array(fc.nat(), { maxLength: 8 }),
      min: fc.nat(3),
      extra: fc.nat(3),
      rule: fc.constantFrom('by-gap' as const, 'by-gap' as const, 'learner-choice' as const),
      checkIn: fc.boolean(),
    }),
    { minLength: 1, maxLength: 9 },
  ),
  edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 14 }),
  durationWeeks: fc.integer({ min: 1, max: 30 }),
});

export type GeneratedProject = { project: Project; frameworkId: string; today: string };

export const arbitraryProject: fc.Arbitrary<GeneratedProject> = shape.map((s) => {
  const levels = LEVEL_IDS.slice(LEVEL_IDS.length - s.levelCount);
  const level = (n: number) => levels[n % levels.length]!;
  const capabilityIds = Array.from({ length: s.capabilityCount }, (_, c) => `cap-${c}`);
  const capability = (n: number) => capabilityIds[n % capabilityIds.length]!;
  const activityIds = s.activities.map((_, a) => `act-${a}`);
  const activityRef = (n: number, missing: boolean) => (missing && n % 5 === 0 ? `act-missing-${n}` : activityIds[n % activityIds.length]!);

  const nodes: PathwayNode[] = s.nodes.map((n, i) => {
    const base = { id: `node-${i}`, label: i % 3 === 0 ? '' : `Step ${i}`, position: { x: n.x * 100, y: 0 }, notes: '' };
    const activityId = n.activity === null ? null : activityRef(n.activity, n.missing);
    switch (n.kind) {
      case 'pre-assessment':
        return { kind: 'pre-assessment', ...base, capabilityIds: capabilityIds.slice(0, 2), activityId };
      case 'post-assessment':
        return { kind: 'post-assessment', ...base, capabilityIds: [], activityId };
      case 'capstone':
        return { kind: 'capstone', ...base, activityId };
      case 'milestone':
        return { kind: 'milestone', ...base, checkIn: n.checkIn };
      case 'core':
        return { kind: 'core', ...base, activityId: activityRef(n.activity ?? i, n.missing) };
      case 'optional-group':
        return { kind: 'optional-group', ...base, activityIds: n.members.map((m) => activityRef(m, n.missing)), min: n.min, max: n.min + n.extra, selectionRule: n.rule };
    }
  });
  // Edges only from a lower to a higher index: always acyclic, in any position order.
  const edgeKeys = new Set<string>();
  const edges = s.edges.flatMap(([a, b], e) => {
    const i = a % nodes.length;
    const j = b % nodes.length;
    if (i === j) return [];
    const [source, target] = i < j ? [i, j] : [j, i];
    const key = `${source}-${target}`;
    if (edgeKeys.has(key)) return [];
    edgeKeys.add(key);
    return [{ id: `edge-${e}`, source: `node-${source}`, target: `node-${target}` }];
  });

  const learners = s.learners.map((l, i) => ({
    id: `learner-${i}`,
    name: `Learner ${i}`,
    email: '',
    roleId: l.role,
    manager: '',
    team: '',
    careerGoals: '',
    startDate: l.start === null ? null : addDays('2026-01-01', l.start),
    hoursPerWeek: l.hoursPerWeek,
    notes: '',
  }));
  const assessments = s.learners.flatMap((l, i) =>
    [
      // Per-capability levels stay below the top level, so gaps are common.
      ...l.perCapability.slice(0, capabilityIds.length).flatMap((a, c) => (a.present ? [{ ...a, capability: c, level: a.level % (levels.length - 1) }] : [])),
      ...l.assessments,
    ].map((a, k) => ({
      id: `as-${i}-${k}`,
      learnerId: `learner-${i}`,
      capabilityId: capability(a.capability),
      levelId: level(a.level),
      kind: a.kind,
      date: addDays('2025-11-01', a.day),
      note: '',
    })),
  );

  const project: Project = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    scaleMappings: [],
    branding: { ...DEFAULT_BRANDING },
    meta: { id: 'project-gen', title: 'Generated', clientOrganisation: '', authors: [], createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z', appVersion: 'test' },
    scale: { name: 'Proficiency', levels: levels.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1), description: '' })) },
    domains: [{ id: 'dom', name: 'Domain', description: '', externalId: '' }],
    capabilities: capabilityIds.map((id, c) => ({ id, domainId: 'dom', name: `Capability ${c}`, description: '', externalId: '', indicators: [], skills: [] })),
    roles: ROLE_IDS.map((id, r) => ({
      id,
      name: `Role ${r + 1}`,
      team: '',
      description: '',
      targets: s.targets[r]!.slice(0, capabilityIds.length).flatMap((t, c) =>
        t.present ? [{ capabilityId: capabilityIds[c]!, levelId: levels[Math.max(0, levels.length - 1 - t.below)]!, importance: t.importance }] : [],
      ),
    })),
    findings: s.findings.map((f, i) => ({
      id: `finding-${i}`,
      statement: `Finding ${i}`,
      source: 'survey' as const,
      evidence: '',
      priority: f.priority,
      roleIds: f.roles,
      capabilityIds: f.capabilities.map(capability),
      tags: [],
    })),
    learners,
    assessments,
    activities: s.activities.map((a, i) => ({
      id: activityIds[i]!,
      title: `Activity ${i}`,
      description: '',
      modality: 'workshop' as const,
      category: a.category,
      hours: a.hours,
      link: '',
      provider: '',
      cost: '',
      delivery: 'self-paced' as const,
      develops: a.develops.map((d) => {
        const from = d.from % levels.length;
        return { capabilityId: capability(d.capability), fromLevelId: levels[from]!, toLevelId: levels[Math.max(0, Math.min(levels.length - 1, from + d.span))]! };
      }),
    })),
    frameworks: [
      {
        id: 'fw-gen',
        name: 'Generated framework',
        description: '',
        audienceRoleIds: ['role-1'],
        focusCapabilityIds: capabilityIds.filter((_, c) => s.focus[c]),
        durationWeeks: s.durationWeeks,
        participationExpectations: ['Take part.'],
        assessmentAndFeedback: ['Check in monthly.'],
        mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
        nodes,
        edges,
      },
    ],
    plans: [],
  };
  return { project, frameworkId: 'fw-gen', today: '2026-02-16' };
});
