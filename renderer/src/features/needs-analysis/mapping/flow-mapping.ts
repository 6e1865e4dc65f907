/**
 * From the mapping graph (shared/domain/analysis/mapping.ts) to React Flow's nodes and edges,
 * handing back the *same objects* for everything that did not change, so React Flow and the
 * memoised node components skip them: capturing a finding re-renders that finding's node and the
 * ones it pushed down, not 320 nodes; hovering re-renders nothing (highlighting is CSS).
 */
import type { Edge, Node } from '@xyflow/react';
import type { MappingEdge, MappingGraph, MappingNode, MappingNodeKind, MappingNodeView, TargetEdge } from '../../../../../shared/domain/analysis/mapping';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../../labels';

export type MappingNodeData = { view: MappingNodeView; entityId: string };
export type MappingFlowNode = Node<MappingNodeData, MappingNodeKind>;
export type TargetEdgeData = { target: TargetEdge; capabilityName: string; roleName: string };
export type MappingFlowEdge = Edge<TargetEdgeData | Record<string, never>>;
export type Dimensions = { width: number; height: number };

function sameView(a: MappingNodeView, b: MappingNodeView): boolean {
  if (a.kind !== b.kind) return false;
  const keysA = Object.keys(a) as (keyof MappingNodeView)[];
  return keysA.every((key) => a[key] === b[key]);
}

/** What a screen reader says for a node. */
export function describeNode(view: MappingNodeView): string {
  if (view.kind === 'finding') return `Finding: ${view.statement}. ${SOURCE_LABEL[view.source]}, ${PRIORITY_LABEL[view.priority].toLowerCase()} priority`;
  if (view.kind === 'capability') return `Capability: ${view.name}, in ${view.domainName}`;
  return `Role: ${view.name}${view.team ? `, ${view.team}` : ''}`;
}

const nameOf = (node: MappingNode | undefined): string => {
  if (!node) return '';
  return node.view.kind === 'finding' ? node.view.statement : node.view.name;
};

function sameEdge(a: MappingEdge, b: MappingEdge): boolean {
  if (a.kind !== b.kind || a.id !== b.id) return false;
  if (a.kind === 'evidence' || b.kind === 'evidence') return true;
  return a.levelId === b.levelId && a.levelLabel === b.levelLabel && a.importance === b.importance;
}

/** One per canvas: remembers the last objects it handed out. */
export class MappingFlowCache {
  private lastNodes = new Map<string, MappingFlowNode>();
  private lastEdges = new Map<string, { from: MappingEdge; edge: MappingFlowEdge; names: string }>();

  nodes(graph: MappingGraph, selected: ReadonlySet<string>, measured: ReadonlyMap<string, Dimensions>): MappingFlowNode[] {
    const next = new Map<string, MappingFlowNode>();
    const result = graph.nodes.map((node) => {
      const previous = this.lastNodes.get(node.id);
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      let flowNode: MappingFlowNode;
      if (
        previous &&
        previous.position.x === node.position.x &&
        previous.position.y === node.position.y &&
        sameView(previous.data.view, node.view) &&
        (previous.selected ?? false) === isSelected &&
        previous.measured === size
      ) {
        flowNode = previous;
      } else {
        const keepData = previous && sameView(previous.data.view, node.view);
        flowNode = {
          id: node.id,
          type: node.kind,
          position: previous && previous.position.x === node.position.x && previous.position.y === node.position.y ? previous.position : node.position,
          data: keepData ? previous.data : { view: node.view, entityId: node.entityId },
          selected: isSelected,
          draggable: false,
          deletable: false,
          ariaLabel: describeNode(node.view),
          ...(size ? { measured: size } : {}),
        };
      }
      next.set(node.id, flowNode);
      return flowNode;
    });
    this.lastNodes = next;
    return result;
  }

  edges(graph: MappingGraph, selected: ReadonlySet<string>): MappingFlowEdge[] {
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    const next = new Map<string, { from: MappingEdge; edge: MappingFlowEdge; names: string }>();
    const result = graph.edges.map((from) => {
      const sourceName = nameOf(byId.get(from.source));
      const targetName = nameOf(byId.get(from.target));
      const names = `${sourceName}\u0000${targetName}`;
      const isSelected = selected.has(from.id);
      const previous = this.lastEdges.get(from.id);
      let edge: MappingFlowEdge;
      if (previous && previous.names === names && (previous.edge.selected ?? false) === isSelected && sameEdge(previous.from, from)) {
        edge = previous.edge;
      } else if (from.kind === 'evidence') {
        edge = {
          id: from.id,
          source: from.source,
          target: from.target,
          className: 'plp-map-edge-evidence',
          selected: isSelected,
          ariaLabel: `Evidence link: “${sourceName}” is evidence of a gap in ${targetName}`,
          data: {},
        };
      } else {
        edge = {
          id: from.id,
          type: 'target',
          source: from.source,
          target: from.target,
          className: `plp-map-edge-target plp-map-importance-${from.importance}`,
          selected: isSelected,
          ariaLabel: `Role target: ${targetName} needs ${sourceName} at ${from.levelLabel}, ${from.importance}`,
          data: { target: from, capabilityName: sourceName, roleName: targetName },
        };
      }
      next.set(from.id, { from, edge, names });
      return edge;
    });
    this.lastEdges = next;
    return result;
  }
}

/** CSS that dims everything but `focus` and its neighbours (no React Flow re-render on hover). */
export function highlightCss(scope: string, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): string {
  const quote = (id: string) => `"${id.replace(/["\\]/g, '\\$&')}"`;
  const keepNodes = [...nodeIds].map((id) => `:not([data-id=${quote(id)}])`).join('');
  const keepEdges = [...edgeIds].map((id) => `:not([data-id=${quote(id)}])`).join('');
  const keepLabels = [...edgeIds].map((id) => `:not([data-edge=${quote(id)}])`).join('');
  return [
    `${scope} .react-flow__node${keepNodes} { opacity: 0.28; }`,
    `${scope} .react-flow__edge${keepEdges} { opacity: 0.12; }`,
    `${scope} .plp-map-level${keepLabels} { opacity: 0.25; }`,
    ...[...edgeIds].map((id) => `${scope} .plp-map-level[data-edge=${quote(id)}] { display: block; }`),
    ...[...edgeIds].map((id) => `${scope} .react-flow__edge[data-id=${quote(id)}] .react-flow__edge-path { stroke: var(--plp-map-accent); stroke-width: 2.5; }`),
  ].join('\n');
}
