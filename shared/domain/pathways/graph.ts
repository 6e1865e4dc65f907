/**
 * The pathway as a graph, indexed once so every validation rule runs in linear time: the editor
 * re-validates on every edit, so nothing here may be quadratic in the number of nodes or recurse
 * (a 20,000-node chain would overflow the stack).
 *
 * Nodes are addressed by their index in `framework.nodes`; an edge "source comes before target".
 * Edges whose ends are not nodes of the framework (the loader refuses those, but a half-applied
 * edit might not) are ignored here.
 */
import type { Framework, PathwayEdge, PathwayNode } from '../schema';

export interface PathwayGraph {
  readonly nodes: readonly PathwayNode[];
  readonly edges: readonly PathwayEdge[];
  /** Node id → node index (the first node wins if an id repeats). */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Per node, the indices of the edges leaving it / entering it. */
  readonly outEdges: readonly (readonly number[])[];
  readonly inEdges: readonly (readonly number[])[];
  /** Per edge, the node index of its source / target, or -1 when that node does not exist. */
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Nodes without incoming edges (candidate starts) and without outgoing edges (candidate ends), in node order. */
  readonly sources: readonly number[];
  readonly sinks: readonly number[];
}

export function buildPathwayGraph(framework: Pick<Framework, 'nodes' | 'edges'>): PathwayGraph {
  const { nodes, edges } = framework;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const outEdges: number[][] = nodes.map(() => []);
  const inEdges: number[][] = nodes.map(() => []);
  const edgeSource = new Int32Array(edges.length);
  const edgeTarget = new Int32Array(edges.length);
  edges.forEach((edge, e) => {
    const source = indexOf.get(edge.source) ?? -1;
    const target = indexOf.get(edge.target) ?? -1;
    edgeSource[e] = source;
    edgeTarget[e] = target;
    if (source < 0 || target < 0) return;
    outEdges[source]!.push(e);
    inEdges[target]!.push(e);
  });
  const sources: number[] = [];
  const sinks: number[] = [];
  for (let n = 0; n < nodes.length; n++) {
    // A repeated id is a second node object the edges can never address: not a start or end of its own.
    if (indexOf.get(nodes[n]!.id) !== n) continue;
    if (inEdges[n]!.length === 0) sources.push(n);
    if (outEdges[n]!.length === 0) sinks.push(n);
  }
  return { nodes, edges, indexOf, outEdges, inEdges, edgeSource, edgeTarget, sources, sinks };
}

/** Marks every node reachable from `from` (inclusive) following edges forwards, or backwards. */
export function reach(graph: PathwayGraph, from: readonly number[], direction: 'forward' | 'backward' = 'forward'): Uint8Array {
  const seen = new Uint8Array(graph.nodes.length);
  const stack: number[] = [];
  for (const start of from) {
    if (seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
  }
  const adjacency = direction === 'forward' ? graph.outEdges : graph.inEdges;
  const other = direction === 'forward' ? graph.edgeTarget : graph.edgeSource;
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const e of adjacency[node]!) {
      const next = other[e]!;
      if (!seen[next]) {
        seen[next] = 1;
        stack.push(next);
      }
    }
  }
  return seen;
}

/**
 * The loops of the pathway: strongly connected components with more than one node, or a node
 * with an edge to itself. Iterative Tarjan, O(nodes + edges). Each loop lists its node indices in
 * node order and the indices of the edges inside it.
 */
export function findCycles(graph: PathwayGraph): { nodes: number[]; edges: number[] }[] {
  const count = graph.nodes.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const component = new Int32Array(count).fill(-1);
  const sccStack: number[] = [];
  // The explicit call stack: a node and how many of its outgoing edges it has already followed.
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let nextIndex = 0;
  let componentCount = 0;
  const members: number[][] = [];

  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = low[root] = nextIndex++;
    sccStack.push(root);
    onStack[root] = 1;
    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const node = callNode[top]!;
      const out = graph.outEdges[node]!;
      const position = callEdge[top]!;
      if (position < out.length) {
        callEdge[top] = position + 1;
        const next = graph.edgeTarget[out[position]!]!;
        if (index[next] === -1) {
          index[next] = low[next] = nextIndex++;
          sccStack.push(next);
          onStack[next] = 1;
          callNode.push(next);
          callEdge.push(0);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node]!, index[next]!);
        }
        continue;
      }
      // All successors done: close the component if this node is its root, then return to the caller.
      if (low[node] === index[node]) {
        const scc: number[] = [];
        let member: number;
        do {
          member = sccStack.pop()!;
          onStack[member] = 0;
          component[member] = componentCount;
          scc.push(member);
        } while (member !== node);
        members.push(scc);
        componentCount++;
      }
      callNode.pop();
      callEdge.pop();
      const caller = callNode[callNode.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[node]!);
    }
  }

  const cyclic = new Uint8Array(componentCount);
  const loopEdges: number[][] = members.map(() => []);
  graph.edges.forEach((_edge, e) => {
    const source = graph.edgeSource[e]!;
    const target = graph.edgeTarget[e]!;
    if (source < 0 || target < 0) return;
    const c = component[source]!;
    if (c !== component[target]) return;
    loopEdges[c]!.push(e);
    if (source === target || members[c]!.length > 1) cyclic[c] = 1;
  });
  const cycles: { nodes: number[]; edges: number[] }[] = [];
  for (let c = 0; c < componentCount; c++) {
    if (cyclic[c]) cycles.push({ nodes: members[c]!.sort((a, b) => a - b), edges: loopEdges[c]! });
  }
  cycles.sort((a, b) => a.nodes[0]! - b.nodes[0]!);
  return cycles;
}

/** Groups the marked nodes into sets connected to each other (ignoring edge direction), in node order. */
export function connectedGroups(graph: PathwayGraph, marked: Uint8Array): number[][] {
  const done = new Uint8Array(graph.nodes.length);
  const groups: number[][] = [];
  const stack: number[] = [];
  const visit = (next: number): void => {
    if (marked[next] && !done[next]) {
      done[next] = 1;
      stack.push(next);
    }
  };
  for (let start = 0; start < graph.nodes.length; start++) {
    if (!marked[start] || done[start]) continue;
    const group: number[] = [];
    visit(start);
    while (stack.length > 0) {
      const node = stack.pop()!;
      group.push(node);
      for (const e of graph.outEdges[node]!) visit(graph.edgeTarget[e]!);
      for (const e of graph.inEdges[node]!) visit(graph.edgeSource[e]!);
    }
    groups.push(group.sort((a, b) => a - b));
  }
  return groups;
}

/** The edges with both ends inside the given node set. */
export function edgesWithin(graph: PathwayGraph, nodes: readonly number[]): number[] {
  const inside = new Uint8Array(graph.nodes.length);
  for (const node of nodes) inside[node] = 1;
  const result: number[] = [];
  for (const node of nodes) {
    for (const e of graph.outEdges[node]!) if (inside[graph.edgeTarget[e]!]) result.push(e);
  }
  return result.sort((a, b) => a - b);
}
