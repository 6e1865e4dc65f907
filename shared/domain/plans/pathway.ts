/**
 * The order in which a learner walks a framework's pathway.
 *
 * Kahn's algorithm over the sequence edges ("source comes before target"), taking among the
 * nodes that are ready the one that sorts first by (tier, position x, id), where the tier puts
 * post-assessments after every other ready node and capstones after those: so the post-assessment
 * and capstone come at the end whenever the edges allow it, and ties never depend on array order.
 *
 * Edges to unknown nodes and duplicate edges are ignored. Nodes on a cycle cannot be ordered by
 * the edges; they follow the rest in (tier, x, id) order and are reported in `cyclic`, and any
 * edge that would point backwards in the final order is dropped from `predecessors`.
 */
import type { Framework, PathwayNode } from '../schema';

export interface PathwayOrder {
  /** Every node exactly once. */
  order: readonly PathwayNode[];
  /** node id → ids of the nodes that must finish before it starts (all earlier in `order`). */
  predecessors: ReadonlyMap<string, readonly string[]>;
  /** Ids of the nodes that sit on (or behind) a cycle, in the order they were appended. */
  cyclic: readonly string[];
}

/** Post-assessments after other work, capstones last. */
export function nodeTier(node: PathwayNode): number {
  if (node.kind === 'post-assessment') return 1;
  if (node.kind === 'capstone') return 2;
  return 0;
}

export function compareNodes(a: PathwayNode, b: PathwayNode): number {
  return nodeTier(a) - nodeTier(b) || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A binary min-heap: frameworks may hold thousands of nodes. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.less(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.less(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

export function orderPathway(framework: Pick<Framework, 'nodes' | 'edges'>): PathwayOrder {
  const byId = new Map<string, PathwayNode>();
  for (const node of framework.nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  const successors = new Map<string, string[]>();
  const incoming = new Map<string, Set<string>>();
  for (const id of byId.keys()) {
    successors.set(id, []);
    incoming.set(id, new Set());
  }
  for (const edge of framework.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const into = incoming.get(edge.target)!;
    if (into.has(edge.source)) continue;
    into.add(edge.source);
    successors.get(edge.source)!.push(edge.target);
  }

  const remaining = new Map<string, number>();
  const ready = new Heap<PathwayNode>(compareNodes);
  for (const [id, into] of incoming) {
    remaining.set(id, into.size);
    if (into.size === 0) ready.push(byId.get(id)!);
  }

  const order: PathwayNode[] = [];
  const position = new Map<string, number>();
  while (ready.size > 0) {
    const node = ready.pop()!;
    position.set(node.id, order.length);
    order.push(node);
    for (const next of successors.get(node.id)!) {
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) ready.push(byId.get(next)!);
    }
  }

  const cyclic: string[] = [];
  if (order.length < byId.size) {
    const rest = [...byId.values()].filter((node) => !position.has(node.id)).sort(compareNodes);
    for (const node of rest) {
      position.set(node.id, order.length);
      order.push(node);
      cyclic.push(node.id);
    }
  }

  const predecessors = new Map<string, string[]>();
  for (const node of order) {
    const at = position.get(node.id)!;
    const before = [...incoming.get(node.id)!].filter((id) => position.get(id)! < at);
    predecessors.set(node.id, before);
  }
  return { order, predecessors, cyclic };
}
