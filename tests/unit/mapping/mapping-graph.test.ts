import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAPPING_LAYOUT,
  NO_DOMAIN_NAME,
  buildMappingGraph,
  canConnect,
  defaultTargetLevelId,
  mappingNeighbours,
  parseMappingNodeId,
  type MappingGraph,
} from '../../../shared/domain/analysis/mapping';
import { addFinding } from '../../../shared/domain/commands/findings-commands';
import { linkFindingToCapability } from '../../../shared/domain/commands/mapping-commands';
import type { Project } from '../../../shared/domain/schema';
import { withLargeMapping } from '../../bench/large-mapping';
import { buildRichProject, expectLoadable, sampleProject } from '../model-editor/support';

const positions = (graph: MappingGraph) => new Map(graph.nodes.map((node) => [node.id, node.position]));
const ids = (graph: MappingGraph, kind: string) => graph.nodes.filter((node) => node.kind === kind).map((node) => node.entityId);

describe('the mapping graph of a project', () => {
  it('has findings, capabilities and roles in three columns, with both kinds of edge', () => {
    const project = buildRichProject();
    const graph = buildMappingGraph(project);
    expect(graph.nodes.map((node) => [node.id, node.position.x])).toEqual([
      ['finding:find-1', MAPPING_LAYOUT.columnX.finding],
      // dom-influence comes before dom-presence in the project: capabilities follow the domains' order.
      ...project.capabilities
        .slice()
        .sort((a, b) => project.domains.findIndex((d) => d.id === a.domainId) - project.domains.findIndex((d) => d.id === b.domainId))
        .map((capability) => [`capability:${capability.id}`, MAPPING_LAYOUT.columnX.capability]),
      ['role:role-kam', MAPPING_LAYOUT.columnX.role],
    ]);
    expect(graph.edges).toContainEqual({ id: 'evidence:find-1->cap-stakeholder', kind: 'evidence', source: 'finding:find-1', target: 'capability:cap-stakeholder', findingId: 'find-1', capabilityId: 'cap-stakeholder' });
    const target = graph.edges.find((edge) => edge.id === 'target:cap-stakeholder->role-kam');
    expect(target).toMatchObject({ kind: 'target', source: 'capability:cap-stakeholder', target: 'role:role-kam', levelId: 'skilled', levelLabel: 'Skilled', importance: 'critical' });
    expect(graph.domainHeadings.map((heading) => heading.name)).toEqual(project.domains.filter((d) => project.capabilities.some((c) => c.domainId === d.id)).map((d) => d.name));
  });

  it('groups capabilities by domain in the project order, each domain under its heading, unknown domains last', () => {
    const project = sampleProject();
    const graph = buildMappingGraph(project);
    const expected = project.domains.flatMap((domain) => project.capabilities.filter((c) => c.domainId === domain.id).map((c) => c.id));
    expect(ids(graph, 'capability')).toEqual(expected);
    for (const heading of graph.domainHeadings) {
      const first = graph.nodes.find((node) => node.view.kind === 'capability' && node.view.domainId === heading.domainId)!;
      expect(first.position.y).toBe(heading.position.y + MAPPING_LAYOUT.domainHeading);
    }
    const orphaned: Project = { ...project, capabilities: [{ ...project.capabilities[0]!, id: 'cap-lost', domainId: 'dom-gone' }, ...project.capabilities] };
    const withOrphan = buildMappingGraph(orphaned);
    expect(ids(withOrphan, 'capability').at(-1)).toBe('cap-lost');
    expect(withOrphan.domainHeadings.at(-1)?.name).toBe(NO_DOMAIN_NAME);
  });

  it('skips links to things that no longer exist and repeated links', () => {
    const project = buildRichProject();
    project.findings[0]!.capabilityIds = ['cap-stakeholder', 'cap-gone', 'cap-stakeholder'];
    const graph = buildMappingGraph(project);
    expect(graph.edges.filter((edge) => edge.kind === 'evidence').map((edge) => edge.id)).toEqual(['evidence:find-1->cap-stakeholder']);
  });

  it('shows a level the scale no longer has by its id', () => {
    const project = buildRichProject();
    project.roles[0]!.targets[0]!.levelId = 'guru';
    expect(buildMappingGraph(project).edges.find((edge) => edge.kind === 'target')).toMatchObject({ levelLabel: 'guru' });
  });
});

describe('a stable layout', () => {
  it('linking a finding moves nothing', () => {
    const project = sampleProject();
    const before = positions(buildMappingGraph(project));
    const after = positions(buildMappingGraph(linkFindingToCapability(project.findings[3]!.id, project.capabilities.at(-1)!.id).apply(project)));
    expect(after).toEqual(before);
  });

  it('property: adding a finding anywhere never moves a capability or a role; findings above stay, findings below move down one row', () => {
    const project = sampleProject();
    const capabilityIds = project.capabilities.map((capability) => capability.id);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: project.findings.length + 2 }),
        fc.string({ minLength: 1, maxLength: 80 }).filter((text) => text.trim() !== ''),
        fc.subarray(capabilityIds),
        (index, statement, links) => {
          const before = buildMappingGraph(project);
          const after = buildMappingGraph(addFinding({ id: 'finding-new', statement, source: 'interview', capabilityIds: links }, index).apply(project));
          const moved = positions(after);
          const at = Math.min(index, project.findings.length);
          for (const node of before.nodes) {
            const now = moved.get(node.id)!;
            const findingIndex = project.findings.findIndex((finding) => `finding:${finding.id}` === node.id);
            const shift = node.kind === 'finding' && findingIndex >= at ? MAPPING_LAYOUT.rowHeight.finding : 0;
            expect(now).toEqual({ x: node.position.x, y: node.position.y + shift });
          }
          expect(moved.get('finding:finding-new')).toEqual({ x: MAPPING_LAYOUT.columnX.finding, y: at * MAPPING_LAYOUT.rowHeight.finding });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('appending a finding at the end moves no existing node at all', () => {
    const project = withLargeMapping(sampleProject(), { findings: 40, capabilities: 20, roles: 5 });
    const before = positions(buildMappingGraph(project));
    const after = positions(buildMappingGraph(addFinding({ id: 'finding-last', statement: 'S', source: 'survey' }, project.findings.length).apply(project)));
    for (const [id, position] of before) expect(after.get(id)).toEqual(position);
  });
});

describe('filters', () => {
  const project = sampleProject();

  it('by role: that role, the capabilities it targets and the findings linked to them', () => {
    const role = project.roles[0]!;
    const graph = buildMappingGraph(project, { roleId: role.id });
    const targeted = new Set(role.targets.map((target) => target.capabilityId));
    expect(ids(graph, 'role')).toEqual([role.id]);
    expect(new Set(ids(graph, 'capability'))).toEqual(targeted);
    expect(ids(graph, 'finding')).toEqual(project.findings.filter((f) => f.capabilityIds.some((id) => targeted.has(id))).map((f) => f.id));
    expect(graph.edges.every((edge) => edge.kind === 'evidence' || edge.roleId === role.id)).toBe(true);
  });

  it('by domain: its capabilities, the findings linked to them and the roles targeting them, laid out compactly', () => {
    const domain = project.domains[1]!;
    const graph = buildMappingGraph(project, { domainId: domain.id });
    const inDomain = project.capabilities.filter((c) => c.domainId === domain.id).map((c) => c.id);
    expect(ids(graph, 'capability')).toEqual(inDomain);
    expect(graph.domainHeadings).toEqual([{ domainId: domain.id, name: domain.name, position: { x: MAPPING_LAYOUT.columnX.capability, y: 0 } }]);
    for (const id of ids(graph, 'finding')) expect(project.findings.find((f) => f.id === id)!.capabilityIds.some((c) => inDomain.includes(c))).toBe(true);
    expect(ids(graph, 'role')).toEqual(project.roles.filter((r) => r.targets.some((t) => inDomain.includes(t.capabilityId))).map((r) => r.id));
    expect(graph.nodes.find((node) => node.kind === 'finding')?.position.y).toBe(0);
  });

  it('role and domain together keep what both keep; an unknown role keeps nothing', () => {
    const role = project.roles[0]!;
    const domain = project.domains[0]!;
    const both = buildMappingGraph(project, { roleId: role.id, domainId: domain.id });
    expect(ids(both, 'capability')).toEqual(project.capabilities.filter((c) => c.domainId === domain.id && role.targets.some((t) => t.capabilityId === c.id)).map((c) => c.id));
    expect(buildMappingGraph(project, { roleId: 'role-nobody' }).nodes).toEqual([]);
  });
});

describe('neighbours and connections', () => {
  const project = buildRichProject();
  const graph = buildMappingGraph(project);

  it('a capability’s neighbours are its findings and its roles', () => {
    const { nodeIds, edgeIds } = mappingNeighbours(graph, 'capability:cap-stakeholder');
    expect(nodeIds).toEqual(new Set(['capability:cap-stakeholder', 'finding:find-1', 'role:role-kam']));
    expect(edgeIds).toEqual(new Set(['evidence:find-1->cap-stakeholder', 'target:cap-stakeholder->role-kam']));
    expect(mappingNeighbours(graph, 'finding:find-1').nodeIds).toEqual(new Set(['finding:find-1', 'capability:cap-stakeholder']));
  });

  it('allows finding → capability and capability → role only, and never twice', () => {
    expect(canConnect(project, 'finding:find-1', 'capability:cap-gravitas')).toBe(true);
    expect(canConnect(project, 'finding:find-1', 'capability:cap-stakeholder')).toBe(false); // already linked
    expect(canConnect(project, 'finding:find-1', 'role:role-kam')).toBe(false);
    expect(canConnect(project, 'capability:cap-gravitas', 'finding:find-1')).toBe(false);
    expect(canConnect(project, 'capability:cap-gravitas', 'role:role-kam')).toBe(false); // already a target
    expect(canConnect(project, 'role:role-kam', 'capability:cap-gravitas')).toBe(false);
    expect(canConnect(project, 'capability:cap-gravitas', 'capability:cap-stakeholder')).toBe(false);
    expect(canConnect(project, 'finding:nope', 'capability:cap-gravitas')).toBe(false);
    expect(parseMappingNodeId('capability:cap:x')).toEqual({ kind: 'capability', entityId: 'cap:x' });
    expect(parseMappingNodeId('step:x')).toBeNull();
  });

  it('a new target starts at the role’s usual level, else the project’s, else just above the middle of the scale', () => {
    const sample = sampleProject();
    const role = sample.roles[0]!;
    const counts = new Map<string, number>();
    for (const target of role.targets) counts.set(target.levelId, (counts.get(target.levelId) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const rank = (id: string) => sample.scale.levels.findIndex((level) => level.id === id);
    const expected = [...counts].filter(([, count]) => count === top).map(([id]) => id).sort((a, b) => rank(b) - rank(a))[0];
    expect(defaultTargetLevelId(sample, role.id)).toBe(expected);

    const fresh: Project = { ...sample, roles: [...sample.roles, { id: 'role-new', name: 'New', team: '', description: '', targets: [] }] };
    expect(sample.scale.levels.map((level) => level.id)).toContain(defaultTargetLevelId(fresh, 'role-new'));
    const bare: Project = { ...sample, roles: [{ id: 'role-new', name: 'New', team: '', description: '', targets: [] }] };
    expect(defaultTargetLevelId(bare, 'role-new')).toBe('skilled'); // Beginner, Intermediate, Skilled, Expert
  });
});

describe('the generated 200 / 100 / 20 project', () => {
  it('loads, and its graph has every node and link', () => {
    const project = withLargeMapping(sampleProject(), { findings: 200, capabilities: 100, roles: 20 });
    expectLoadable(project);
    const graph = buildMappingGraph(project);
    expect(graph.nodes.filter((n) => n.kind === 'finding')).toHaveLength(200);
    expect(graph.nodes.filter((n) => n.kind === 'capability')).toHaveLength(100);
    expect(graph.nodes.filter((n) => n.kind === 'role')).toHaveLength(20);
    const links = project.findings.reduce((sum, f) => sum + f.capabilityIds.length, 0);
    expect(graph.edges.filter((e) => e.kind === 'evidence')).toHaveLength(links);
    expect(graph.edges.filter((e) => e.kind === 'target')).toHaveLength(20 * 15);
    expect(graph.domainHeadings).toHaveLength(8);
    // No two nodes of a column overlap.
    for (const kind of ['finding', 'capability', 'role'] as const) {
      const ys = graph.nodes.filter((n) => n.kind === kind).map((n) => n.position.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(MAPPING_LAYOUT.rowHeight[kind]);
    }
    expect(withLargeMapping(sampleProject(), { findings: 200, capabilities: 100, roles: 20 })).toEqual(project);
  });
});
