/**
 * The pathway as an ELK graph for a left-to-right layered layout, and the positions back.
 * Pure, so the same code runs in the layout worker, in unit tests and in the benchmark.
 *
 * Layered layout places each step one column after the steps that come before it, which is
 * exactly how a designer reads a pathway: pre-assessment at the left, capstone at the right.
 * Loops (a design problem the validation reports) are tolerated: ELK reverses an edge to break them.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { PathwayEdge, PathwayNode } from '../../../../../shared/domain/schema';
import { STEP_HEIGHT, STEP_WIDTH, type Point, type Size } from '../geometry';

/**
 * Above this many steps the faster settings are used: Brandes-Köpf node placement and no
 * model-order constraints (network simplex and model order give straighter, steadier results
 * but take seconds on a thousand steps; measured in scripts/bench/graph-fps.ts).
 */
export const LARGE_LAYOUT = 150;

export function layoutOptions(nodeCount: number): Record<string, string> {
  const large = nodeCount > LARGE_LAYOUT;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.spacing.nodeNodeBetweenLayers': '88',
    'elk.spacing.nodeNode': '32',
    'elk.spacing.componentComponent': '64',
    'elk.layered.nodePlacement.strategy': large ? 'BRANDES_KOEPF' : 'NETWORK_SIMPLEX',
    ...(large ? { 'elk.layered.thoroughness': '3' } : { 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES' }),
  };
}

export function toElkGraph(nodes: readonly Pick<PathwayNode, 'id'>[], edges: readonly PathwayEdge[], sizes: ReadonlyMap<string, Size>): ElkNode {
  const known = new Set(nodes.map((node) => node.id));
  return {
    id: 'pathway',
    layoutOptions: layoutOptions(nodes.length),
    children: nodes.map((node) => {
      const size = sizes.get(node.id);
      return { id: node.id, width: size?.width ?? STEP_WIDTH, height: size?.height ?? STEP_HEIGHT };
    }),
    edges: edges
      .filter((edge) => known.has(edge.source) && known.has(edge.target) && edge.source !== edge.target)
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
}

/** Laid-out positions, rounded to whole pixels. */
export function positionsFromElk(graph: ElkNode): Map<string, Point> {
  const positions = new Map<string, Point>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
