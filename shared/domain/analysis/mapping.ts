/**
 * The needs-analysis mapping graph: what the findings are evidence of, and who needs it.
 *
 *   findings  ──"evidence of a gap in"──▶  capabilities (grouped by domain)  ──"needed at level"──▶  roles
 *
 * The graph is derived, never stored: finding → capability edges are `Finding.capabilityIds`,
 * capability → role edges are `Role.targets`. Positions come from a column layout that is a pure
 * function of the project's own order, so it is stable across edits:
 * - capabilities follow the domains' order, then the capabilities' order within each domain;
 *   roles follow the roles' order; neither column depends on findings or links, so capturing or
 *   linking a finding never moves a capability or a role;
 * - findings follow the findings table's order (newest first, as captured): adding a finding
 *   moves only the findings below it, by exactly one row.
 * Filters are views, not edits: the filtered graph is laid out compactly on its own.
 *
 * Pure: no React, no React Flow; the renderer turns this into React Flow nodes and edges.
 */
import type { CapabilityDomain, Finding, FindingSource, Importance, Project, Role } from '../schema';

export type MappingNodeKind = 'finding' | 'capability' | 'role';
export type MappingEdgeKind = 'evidence' | 'target';

export const MAPPING_COLUMNS: readonly MappingNodeKind[] = ['finding', 'capability', 'role'];

/** Geometry of the columns, in flow units. Row heights are upper bounds of the nodes' heights (two-line names) plus a gap. */
export const MAPPING_LAYOUT = {
  columnX: { finding: 0, capability: 500, role: 1120 } as Readonly<Record<MappingNodeKind, number>>,
  nodeWidth: { finding: 300, capability: 260, role: 240 } as Readonly<Record<MappingNodeKind, number>>,
  rowHeight: { finding: 96, capability: 80, role: 84 } as Readonly<Record<MappingNodeKind, number>>,
  /** Space for a domain's heading above its first capability. */
  domainHeading: 44,
  /** Extra space between two domains. */
  domainGap: 24,
} as const;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FindingNodeView {
  readonly kind: 'finding';
  readonly statement: string;
  readonly source: FindingSource;
  readonly priority: Finding['priority'];
}

export interface CapabilityNodeView {
  readonly kind: 'capability';
  readonly name: string;
  readonly domainId: string;
  readonly domainName: string;
}

export interface RoleNodeView {
  readonly kind: 'role';
  readonly name: string;
  readonly team: string;
}

export type MappingNodeView = FindingNodeView | CapabilityNodeView | RoleNodeView;

export interface MappingNode {
  /** Unique across kinds: "finding:<id>", "capability:<id>", "role:<id>". */
  readonly id: string;
  readonly kind: MappingNodeKind;
  /** The id of the finding, capability or role in the project. */
  readonly entityId: string;
  readonly position: Point;
  readonly view: MappingNodeView;
}

export interface EvidenceEdge {
  readonly id: string;
  readonly kind: 'evidence';
  readonly source: string;
  readonly target: string;
  readonly findingId: string;
  readonly capabilityId: string;
}

export interface TargetEdge {
  readonly id: string;
  readonly kind: 'target';
  readonly source: string;
  readonly target: string;
  readonly capabilityId: string;
  readonly roleId: string;
  readonly levelId: string;
  /** The level's label on the scale, or the id when the scale no longer has it. */
  readonly levelLabel: string;
  readonly importance: Importance;
}

export type MappingEdge = EvidenceEdge | TargetEdge;

/** A domain's heading in the capability column. */
export interface DomainHeading {
  readonly domainId: string;
  readonly name: string;
  readonly position: Point;
}

export interface MappingGraph {
  readonly nodes: readonly MappingNode[];
  readonly edges: readonly MappingEdge[];
  readonly domainHeadings: readonly DomainHeading[];
}

export interface MappingFilter {
  /** Keep this role, the capabilities it targets, and the findings linked to those. */
  readonly roleId?: string | null;
  /** Keep this domain's capabilities, the findings linked to them and the roles targeting them. */
  readonly domainId?: string | null;
}

/** The parts of a project the graph reads (so callers can subscribe to exactly these). */
export type MappingSource = Pick<Project, 'findings' | 'capabilities' | 'domains' | 'roles' | 'scale'>;

export const NO_DOMAIN_ID = '';
export const NO_DOMAIN_NAME = 'No domain';

export const mappingNodeId = (kind: MappingNodeKind, entityId: string): string => `${kind}:${entityId}`;
export const evidenceEdgeId = (findingId: string, capabilityId: string): string => `evidence:${findingId}->${capabilityId}`;
export const targetEdgeId = (capabilityId: string, roleId: string): string => `target:${capabilityId}->${roleId}`;

/** "finding:abc" → { kind: 'finding', entityId: 'abc' }, or null for anything else. */
export function parseMappingNodeId(id: string): { kind: MappingNodeKind; entityId: string } | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon);
  if (kind !== 'finding' && kind !== 'capability' && kind !== 'role') return null;
  return { kind, entityId: id.slice(colon + 1) };
}

/** Capabilities in column order: by domain (the project's domain order, unknown domains last), then project order. */
function capabilitiesByDomain(source: MappingSource): { domain: Pick<CapabilityDomain, 'id' | 'name'>; capabilityIds: string[] }[] {
  const groups = new Map<string, { domain: Pick<CapabilityDomain, 'id' | 'name'>; capabilityIds: string[] }>();
  for (const domain of source.domains) groups.set(domain.id, { domain, capabilityIds: [] });
  let orphans: { domain: Pick<CapabilityDomain, 'id' | 'name'>; capabilityIds: string[] } | null = null;
  for (const capability of source.capabilities) {
    const group = groups.get(capability.domainId) ?? (orphans ??= { domain: { id: NO_DOMAIN_ID, name: NO_DOMAIN_NAME }, capabilityIds: [] });
    group.capabilityIds.push(capability.id);
  }
  const ordered = [...groups.values()].filter((group) => group.capabilityIds.length > 0);
  if (orphans) ordered.push(orphans);
  return ordered;
}

/** Which findings, capabilities and roles a filter keeps (null: no filter on that column). */
function keptIds(source: MappingSource, filter: MappingFilter): { findings: Set<string> | null; capabilities: Set<string> | null; roles: Set<string> | null } {
  const roleId = filter.roleId ?? null;
  const domainId = filter.domainId ?? null;
  if (roleId === null && domainId === null) return { findings: null, capabilities: null, roles: null };
  const knownDomains = new Set(source.domains.map((domain) => domain.id));
  let capabilities = new Set(source.capabilities.map((capability) => capability.id));
  if (domainId !== null) {
    const inDomain = (capabilityDomain: string) => (domainId === NO_DOMAIN_ID ? !knownDomains.has(capabilityDomain) : capabilityDomain === domainId);
    capabilities = new Set(source.capabilities.filter((capability) => inDomain(capability.domainId)).map((capability) => capability.id));
  }
  let roles: Set<string>;
  if (roleId !== null) {
    const role = source.roles.find((candidate) => candidate.id === roleId);
    const targeted = new Set(role?.targets.map((target) => target.capabilityId) ?? []);
    capabilities = new Set([...capabilities].filter((id) => targeted.has(id)));
    roles = new Set(role ? [role.id] : []);
  } else {
    roles = new Set(source.roles.filter((role) => role.targets.some((target) => capabilities.has(target.capabilityId))).map((role) => role.id));
  }
  const findings = new Set(source.findings.filter((finding) => finding.capabilityIds.some((id) => capabilities.has(id))).map((finding) => finding.id));
  return { findings, capabilities, roles };
}

/** The mapping graph of a project, filtered and laid out in three columns. */
export function buildMappingGraph(source: MappingSource, filter: MappingFilter = {}): MappingGraph {
  const kept = keptIds(source, filter);
  const { columnX, rowHeight, domainHeading, domainGap } = MAPPING_LAYOUT;
  const nodes: MappingNode[] = [];
  const domainHeadings: DomainHeading[] = [];

  const findings = kept.findings ? source.findings.filter((finding) => kept.findings!.has(finding.id)) : source.findings;
  findings.forEach((finding, index) => {
    nodes.push({
      id: mappingNodeId('finding', finding.id),
      kind: 'finding',
      entityId: finding.id,
      position: { x: columnX.finding, y: index * rowHeight.finding },
      view: { kind: 'finding', statement: finding.statement, source: finding.source, priority: finding.priority },
    });
  });

  const capabilityById = new Map(source.capabilities.map((capability) => [capability.id, capability]));
  let y = 0;
  for (const group of capabilitiesByDomain(source)) {
    const ids = kept.capabilities ? group.capabilityIds.filter((id) => kept.capabilities!.has(id)) : group.capabilityIds;
    if (ids.length === 0) continue;
    if (domainHeadings.length > 0) y += domainGap;
    domainHeadings.push({ domainId: group.domain.id, name: group.domain.name, position: { x: columnX.capability, y } });
    y += domainHeading;
    for (const id of ids) {
      const capability = capabilityById.get(id)!;
      nodes.push({
        id: mappingNodeId('capability', id),
        kind: 'capability',
        entityId: id,
        position: { x: columnX.capability, y },
        view: { kind: 'capability', name: capability.name, domainId: group.domain.id, domainName: group.domain.name },
      });
      y += rowHeight.capability;
    }
  }

  const roles = kept.roles ? source.roles.filter((role) => kept.roles!.has(role.id)) : source.roles;
  roles.forEach((role, index) => {
    nodes.push({
      id: mappingNodeId('role', role.id),
      kind: 'role',
      entityId: role.id,
      position: { x: columnX.role, y: index * rowHeight.role },
      view: { kind: 'role', name: role.name, team: role.team },
    });
  });

  return { nodes, edges: mappingEdges(source, new Set(nodes.map((node) => node.id))), domainHeadings };
}

/** Every link between two nodes that are both shown. Links to things that no longer exist are skipped. */
function mappingEdges(source: MappingSource, shown: ReadonlySet<string>): MappingEdge[] {
  const edges: MappingEdge[] = [];
  for (const finding of source.findings) {
    const from = mappingNodeId('finding', finding.id);
    if (!shown.has(from)) continue;
    for (const capabilityId of new Set(finding.capabilityIds)) {
      const to = mappingNodeId('capability', capabilityId);
      if (shown.has(to)) edges.push({ id: evidenceEdgeId(finding.id, capabilityId), kind: 'evidence', source: from, target: to, findingId: finding.id, capabilityId });
    }
  }
  const levelLabel = new Map(source.scale.levels.map((level) => [level.id, level.label]));
  for (const role of source.roles) {
    const to = mappingNodeId('role', role.id);
    if (!shown.has(to)) continue;
    const seen = new Set<string>();
    for (const target of role.targets) {
      const from = mappingNodeId('capability', target.capabilityId);
      if (!shown.has(from) || seen.has(target.capabilityId)) continue;
      seen.add(target.capabilityId);
      edges.push({
        id: targetEdgeId(target.capabilityId, role.id),
        kind: 'target',
        source: from,
        target: to,
        capabilityId: target.capabilityId,
        roleId: role.id,
        levelId: target.levelId,
        levelLabel: levelLabel.get(target.levelId) ?? target.levelId,
        importance: target.importance,
      });
    }
  }
  return edges;
}

/** A node's direct neighbours and the edges that join them to it (the node itself included). */
export function mappingNeighbours(graph: Pick<MappingGraph, 'edges'>, nodeId: string): { nodeIds: Set<string>; edgeIds: Set<string> } {
  const nodeIds = new Set([nodeId]);
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edge.source === nodeId) nodeIds.add(edge.target);
    else if (edge.target === nodeId) nodeIds.add(edge.source);
    else continue;
    edgeIds.add(edge.id);
  }
  return { nodeIds, edgeIds };
}

/** Whether an edge may be drawn from `source` to `target`: finding → capability or capability → role, once. */
export function canConnect(source: MappingSource, sourceNodeId: string, targetNodeId: string): boolean {
  const from = parseMappingNodeId(sourceNodeId);
  const to = parseMappingNodeId(targetNodeId);
  if (!from || !to) return false;
  if (from.kind === 'finding' && to.kind === 'capability') {
    const finding = source.findings.find((candidate) => candidate.id === from.entityId);
    return !!finding && source.capabilities.some((capability) => capability.id === to.entityId) && !finding.capabilityIds.includes(to.entityId);
  }
  if (from.kind === 'capability' && to.kind === 'role') {
    const role = source.roles.find((candidate) => candidate.id === to.entityId);
    return !!role && source.capabilities.some((capability) => capability.id === from.entityId) && !role.targets.some((target) => target.capabilityId === from.entityId);
  }
  return false;
}

/**
 * The level a new capability → role edge starts at: the level this role is most often asked to
 * reach (its usual bar; on a tie, the higher one), else the one most used across all roles, else
 * the level just above the middle of the scale ("Skilled" on Beginner–Intermediate–Skilled–Expert),
 * the usual working target. The designer changes it on the edge afterwards.
 */
export function defaultTargetLevelId(source: Pick<Project, 'roles' | 'scale'>, roleId: string): string {
  const levels = source.scale.levels;
  const rank = new Map(levels.map((level, index) => [level.id, index]));
  const mostUsed = (roles: readonly Role[]): string | null => {
    const counts = new Map<string, number>();
    for (const role of roles) for (const target of role.targets) if (rank.has(target.levelId)) counts.set(target.levelId, (counts.get(target.levelId) ?? 0) + 1);
    let best: string | null = null;
    for (const [levelId, count] of counts) {
      const bestCount = best === null ? -1 : counts.get(best)!;
      if (count > bestCount || (count === bestCount && rank.get(levelId)! > rank.get(best!)!)) best = levelId;
    }
    return best;
  };
  const role = source.roles.find((candidate) => candidate.id === roleId);
  return (role && mostUsed([role])) ?? mostUsed(source.roles) ?? levels[Math.floor(levels.length / 2)]!.id;
}
