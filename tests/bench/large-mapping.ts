/**
 * A large needs analysis for scale tests and benchmarks of the mapping graph: `domains` domains,
 * `capabilities` capabilities spread over them, `roles` roles each targeting `targetsPerRole`
 * capabilities, `findings` findings each linked to 1–3 capabilities (and a role). Built on a
 * base project (its scale, activities and frameworks kept; its own needs analysis replaced, so
 * nothing else refers to a capability or role that no longer exists). Deterministic.
 */
import { FINDING_SOURCES, PRIORITIES, type Project } from '../../shared/domain/schema';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LargeMappingOptions {
  findings: number;
  capabilities: number;
  roles: number;
  domains?: number;
  targetsPerRole?: number;
  seed?: number;
}

const TOPICS = ['executive conversations', 'pricing talks', 'tumour boards', 'account plans', 'payer meetings', 'launch readiness', 'KOL follow-up', 'hospital procurement'];

export function withLargeMapping(base: Project, options: LargeMappingOptions): Project {
  const rand = random(options.seed ?? 11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const domainCount = options.domains ?? 8;
  const targetsPerRole = Math.min(options.capabilities, options.targetsPerRole ?? 15);
  const levels = base.scale.levels.map((level) => level.id);
  const domains = Array.from({ length: domainCount }, (_, i) => ({ id: `dom-${i}`, name: `Domain ${i + 1}`, description: '', externalId: '' }));
  const capabilities = Array.from({ length: options.capabilities }, (_, i) => ({
    id: `cap-${i}`,
    domainId: `dom-${i % domainCount}`,
    name: `Capability ${i + 1}`,
    description: '',
    externalId: '',
    indicators: [],
    skills: [],
  }));
  const roles = Array.from({ length: options.roles }, (_, i) => {
    const chosen = new Set<number>();
    while (chosen.size < targetsPerRole) chosen.add(Math.floor(rand() * options.capabilities));
    return {
      id: `role-${i}`,
      name: `Role ${i + 1}`,
      team: `Team ${(i % 4) + 1}`,
      description: '',
      targets: [...chosen].sort((a, b) => a - b).map((index) => ({ capabilityId: `cap-${index}`, levelId: pick(levels.slice(1)), importance: pick(['critical', 'important', 'useful'] as const) })),
    };
  });
  const findings = Array.from({ length: options.findings }, (_, i) => {
    const links = new Set<string>();
    const count = 1 + Math.floor(rand() * 3);
    while (links.size < count) links.add(`cap-${Math.floor(rand() * options.capabilities)}`);
    return {
      id: `finding-${i}`,
      statement: `Finding ${i + 1}: people struggle with ${pick(TOPICS)} when the stakes are high`,
      source: pick(FINDING_SOURCES),
      evidence: '',
      priority: pick(PRIORITIES),
      roleIds: [`role-${Math.floor(rand() * options.roles)}`],
      capabilityIds: [...links],
      tags: [],
    };
  });
  return {
    ...base,
    meta: { ...base.meta, title: `Mapping ${options.findings}/${options.capabilities}/${options.roles}` },
    domains,
    capabilities,
    roles,
    findings,
    learners: [],
    assessments: [],
    plans: [],
    activities: base.activities.map((activity) => ({ ...activity, develops: [] })),
    frameworks: base.frameworks.map((framework) => ({
      ...framework,
      audienceRoleIds: [],
      focusCapabilityIds: [],
      nodes: framework.nodes.map((node) => (node.kind === 'pre-assessment' || node.kind === 'post-assessment' ? { ...node, capabilityIds: [] } : node)),
    })),
  };
}
