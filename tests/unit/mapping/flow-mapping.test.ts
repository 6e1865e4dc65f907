/**
 * The mapping graph's React Flow objects are reused when nothing about them changed, so an edit
 * re-renders only what it touched (the basis of "smooth at 200 / 100 / 20").
 */
import { describe, expect, it } from 'vitest';
import { buildMappingGraph } from '../../../shared/domain/analysis/mapping';
import { addFinding } from '../../../shared/domain/commands/findings-commands';
import { linkFindingToCapability } from '../../../shared/domain/commands/mapping-commands';
import { setRoleTarget } from '../../../shared/domain/commands/model-commands';
import { MappingFlowCache, describeNode, highlightCss } from '../../../renderer/src/features/needs-analysis/mapping/flow-mapping';
import { withLargeMapping } from '../../bench/large-mapping';
import { sampleProject } from '../model-editor/support';

const NONE = new Set<string>();
const NO_SIZES = new Map();

describe('the flow cache', () => {
  const project = withLargeMapping(sampleProject(), { findings: 200, capabilities: 100, roles: 20 });

  it('hands back every node and edge object unchanged when the project did not change', () => {
    const cache = new MappingFlowCache();
    const graph = buildMappingGraph(project);
    const nodes = cache.nodes(graph, NONE, NO_SIZES);
    const edges = cache.edges(graph, NONE);
    expect(nodes).toHaveLength(320);
    const again = buildMappingGraph(project);
    expect(cache.nodes(again, NONE, NO_SIZES).every((node, i) => node === nodes[i])).toBe(true);
    expect(cache.edges(again, NONE).every((edge, i) => edge === edges[i])).toBe(true);
  });

  it('a new link changes one edge list entry and no node', () => {
    const cache = new MappingFlowCache();
    const graph = buildMappingGraph(project);
    const nodes = cache.nodes(graph, NONE, NO_SIZES);
    const edges = cache.edges(graph, NONE);
    const linked = buildMappingGraph(linkFindingToCapability('finding-5', 'cap-99').apply(project));
    expect(cache.nodes(linked, NONE, NO_SIZES).every((node, i) => node === nodes[i])).toBe(true);
    const after = cache.edges(linked, NONE);
    const fresh = after.filter((edge) => !edges.includes(edge));
    expect(fresh.map((edge) => edge.id)).toEqual(['evidence:finding-5->cap-99']);
  });

  it('a new finding at the end adds one node and reuses the other 320; a level change renews only its edge', () => {
    const cache = new MappingFlowCache();
    const nodes = cache.nodes(buildMappingGraph(project), NONE, NO_SIZES);
    const edges = cache.edges(buildMappingGraph(project), NONE);
    const more = addFinding({ id: 'finding-new', statement: 'New', source: 'survey' }, project.findings.length).apply(project);
    const after = cache.nodes(buildMappingGraph(more), NONE, NO_SIZES);
    expect(after.filter((node) => !nodes.includes(node)).map((node) => node.id)).toEqual(['finding:finding-new']);

    const target = project.roles[0]!.targets[0]!;
    const otherLevel = project.scale.levels.find((level) => level.id !== target.levelId)!.id;
    const changed = setRoleTarget('role-0', target.capabilityId, otherLevel, target.importance).apply(project);
    cache.nodes(buildMappingGraph(changed), NONE, NO_SIZES);
    const changedEdges = cache.edges(buildMappingGraph(changed), NONE);
    expect(changedEdges.filter((edge) => !edges.includes(edge)).map((edge) => edge.id)).toEqual([`target:${target.capabilityId}->role-0`]);
  });

  it('selecting a node renews that node only', () => {
    const cache = new MappingFlowCache();
    const graph = buildMappingGraph(project);
    const nodes = cache.nodes(graph, NONE, NO_SIZES);
    const selected = cache.nodes(graph, new Set(['role:role-3']), NO_SIZES);
    expect(selected.filter((node, i) => node !== nodes[i]).map((node) => [node.id, node.selected])).toEqual([['role:role-3', true]]);
  });
});

describe('words and highlight', () => {
  it('describes each kind of node for screen readers', () => {
    expect(describeNode({ kind: 'finding', statement: 'Pitches run long', source: 'observation', priority: 'high' })).toBe('Finding: Pitches run long. Observation, high priority');
    expect(describeNode({ kind: 'capability', name: 'Gravitas', domainId: 'd', domainName: 'Presence' })).toBe('Capability: Gravitas, in Presence');
    expect(describeNode({ kind: 'role', name: 'KAM', team: '' })).toBe('Role: KAM');
  });

  it('dims everything outside the neighbourhood and shows its level labels', () => {
    const css = highlightCss('.x', new Set(['capability:a', 'role:b']), new Set(['target:a->b']));
    expect(css).toContain('.x .react-flow__node:not([data-id="capability:a"]):not([data-id="role:b"]) { opacity: 0.28; }');
    expect(css).toContain('.x .react-flow__edge:not([data-id="target:a->b"]) { opacity: 0.12; }');
    expect(css).toContain('.x .plp-map-level[data-edge="target:a->b"] { display: block; }');
  });
});
