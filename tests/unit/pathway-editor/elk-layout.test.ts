import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutOptions, LARGE_LAYOUT, positionsFromElk, toElkGraph } from '../../../renderer/src/features/pathways/layout/elk-graph';
import { applyLayout } from '../../../shared/domain/commands/pathway-commands';
import { framework, fw, project } from './fixtures';

describe('the pathway as an ELK graph', () => {
  it('lays out left to right with the measured sizes, skipping connections ELK cannot use', () => {
    const f = framework();
    const graph = toElkGraph(f.nodes, [...f.edges, { id: 'self', source: 'pre', target: 'pre' }, { id: 'ghost', source: 'pre', target: 'gone' }], new Map([['group', { width: 248, height: 190 }]]));
    expect(graph.layoutOptions?.['elk.direction']).toBe('RIGHT');
    expect(graph.children?.find((child) => child.id === 'group')).toMatchObject({ width: 248, height: 190 });
    expect(graph.children?.find((child) => child.id === 'pre')).toMatchObject({ width: 248, height: 104 });
    expect(graph.edges?.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('switches to the fast settings for large pathways', () => {
    expect(layoutOptions(10)['elk.layered.nodePlacement.strategy']).toBe('NETWORK_SIMPLEX');
    expect(layoutOptions(LARGE_LAYOUT + 1)['elk.layered.nodePlacement.strategy']).toBe('BRANDES_KOEPF');
  });

  it('ELK puts every step after the steps that come before it, and the result applies as one step', async () => {
    const shuffled = framework('fw', {
      nodes: framework().nodes.map((node, index) => ({ ...node, position: { x: (4 - index) * 50, y: index * 300 } })),
    });
    const result = await new ELK().layout(toElkGraph(shuffled.nodes, shuffled.edges, new Map()));
    const positions = positionsFromElk(result);
    const order = ['pre', 'core', 'group', 'post', 'capstone'].map((id) => positions.get(id)!.x);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(5);
    const next = applyLayout('fw', positions).apply(project([shuffled]));
    expect(fw(next).nodes.map((node) => node.position)).toEqual(['pre', 'core', 'group', 'post', 'capstone'].map((id) => positions.get(id)));
  });
});
