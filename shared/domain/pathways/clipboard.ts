/**
 * Copy and paste of pathway steps: a fragment holds the selected nodes and the connections
 * among them; pasting gives every node and edge a fresh id (never one the target framework
 * already uses, also when pasting into another framework), keeps the internal connections,
 * drops any that lead outside the fragment and shifts positions by an offset.
 *
 * A fragment read back from the system clipboard is someone else's text: check it with
 * `parseClipboardFragment` before pasting.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { ID_PATTERN, newId as randomId } from '../ids';
import { PathwayEdgeSchema, PathwayNodeSchema, type Framework, type PathwayEdge, type PathwayNode } from '../schema';

export const CLIPBOARD_FORMAT = 'plp-studio/pathway-fragment';

export interface ClipboardFragment {
  format: typeof CLIPBOARD_FORMAT;
  version: 1;
  nodes: PathwayNode[];
  edges: PathwayEdge[];
}

export const ClipboardFragmentSchema = z.strictObject({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(1),
  nodes: z.array(PathwayNodeSchema).max(20_000),
  edges: z.array(PathwayEdgeSchema).max(40_000),
});

type Position = PathwayNode['position'];

function cloneNode(node: PathwayNode, id: string, offset: Position): PathwayNode {
  const copy: PathwayNode = { ...node, id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  if ('capabilityIds' in copy) copy.capabilityIds = [...copy.capabilityIds];
  if ('activityIds' in copy) copy.activityIds = [...copy.activityIds];
  return copy;
}

/** The selected nodes (in framework order; unknown ids are ignored) and the edges among them, as independent copies. */
export function copyNodes(framework: Pick<Framework, 'nodes' | 'edges'>, nodeIds: Iterable<string>): ClipboardFragment {
  const wanted = new Set(nodeIds);
  const taken = new Set<string>();
  const nodes: PathwayNode[] = [];
  for (const node of framework.nodes) {
    if (!wanted.has(node.id) || taken.has(node.id)) continue;
    taken.add(node.id);
    nodes.push(cloneNode(node, node.id, { x: 0, y: 0 }));
  }
  const edges = framework.edges.filter((edge) => taken.has(edge.source) && taken.has(edge.target)).map((edge) => ({ ...edge }));
  return { format: CLIPBOARD_FORMAT, version: 1, nodes, edges };
}

export interface PasteOptions {
  /** Proposes a fresh id for a prefix; proposals that are taken or not valid ids are retried, then replaced. Defaults to random ids. */
  newId?: (prefix: 'node' | 'edge') => string;
  /** Added to every pasted position. Default { x: 0, y: 0 }. */
  offset?: Position;
}

export interface PasteResult {
  /** The nodes and edges to add to the target framework. */
  nodes: PathwayNode[];
  edges: PathwayEdge[];
  /** Fragment id → pasted id, for nodes and edges separately (their ids live in separate lists). */
  idMap: { nodes: ReadonlyMap<string, string>; edges: ReadonlyMap<string, string> };
}

const PROPOSALS_PER_ID = 16;

/**
 * Fresh copies of the fragment for `framework` (the target). Does not modify the framework:
 * the caller adds the result in one undoable command.
 */
export function pasteFragment(framework: Pick<Framework, 'nodes' | 'edges'>, fragment: Pick<ClipboardFragment, 'nodes' | 'edges'>, options: PasteOptions = {}): PasteResult {
  const propose = options.newId ?? ((prefix: string) => randomId(prefix));
  const offset = options.offset ?? { x: 0, y: 0 };
  // Node and edge ids are unique per list; keeping one set for both is simply stricter.
  const taken = new Set<string>();
  for (const node of framework.nodes) taken.add(node.id);
  for (const edge of framework.edges) taken.add(edge.id);
  let fallback = 0;
  const fresh = (prefix: 'node' | 'edge'): string => {
    for (let attempt = 0; attempt < PROPOSALS_PER_ID; attempt++) {
      const candidate = propose(prefix);
      if (ID_PATTERN.test(candidate) && !taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
    let candidate: string;
    do candidate = `${prefix}-pasted-${++fallback}`;
    while (taken.has(candidate));
    taken.add(candidate);
    return candidate;
  };

  const nodeMap = new Map<string, string>();
  const nodes: PathwayNode[] = [];
  for (const node of fragment.nodes) {
    if (nodeMap.has(node.id)) continue;
    const id = fresh('node');
    nodeMap.set(node.id, id);
    nodes.push(cloneNode(node, id, offset));
  }
  const edgeMap = new Map<string, string>();
  const edges: PathwayEdge[] = [];
  for (const edge of fragment.edges) {
    const source = nodeMap.get(edge.source);
    const target = nodeMap.get(edge.target);
    if (source === undefined || target === undefined || edgeMap.has(edge.id)) continue;
    const id = fresh('edge');
    edgeMap.set(edge.id, id);
    edges.push({ id, source, target });
  }
  return { nodes, edges, idMap: { nodes: nodeMap, edges: edgeMap } };
}

/** Checks a value read from the clipboard (already JSON-parsed) before it is pasted. */
export function parseClipboardFragment(value: unknown): Result<ClipboardFragment, string> {
  const parsed = ClipboardFragmentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    return err(`The clipboard does not hold pathway steps from PLP Studio${where}: ${issue?.message ?? 'unrecognised content'}`);
  }
  return ok(parsed.data);
}
