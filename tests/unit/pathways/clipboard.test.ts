import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIPBOARD_FORMAT, copyNodes, parseClipboardFragment, pasteFragment } from '../../../shared/domain/pathways/clipboard';
import { ID_PATTERN } from '../../../shared/domain/ids';
import type { Framework, PathwayEdge, PathwayNode } from '../../../shared/domain/schema';
import { pathway, standardPathway } from './builder';

type Graph = Pick<Framework, 'nodes' | 'edges'>;

/** Proposes ids from a counter, so tests are deterministic. */
function counterIds(start = 1): (prefix: string) => string {
  let next = start;
  return (prefix) => `${prefix}-${next++}`;
}

function node(id: string, index: number): PathwayNode {
  return index % 3 === 0
    ? { kind: 'optional-group', id, label: `Group ${id}`, position: { x: index * 10, y: -index }, notes: '', activityIds: ['act-a', 'act-b'], min: 1, max: 2, selectionRule: 'by-gap' }
    : { kind: 'milestone', id, label: `Step ${id}`, position: { x: index * 10, y: index }, notes: 'n', checkIn: index % 2 === 0 };
}

describe('copyNodes', () => {
  it('copies the selected nodes and only the edges among them, as independent copies', () => {
    const framework = standardPathway().framework();
    const fragment = copyNodes(framework, ['core-job', 'options', 'checkin', 'unknown-id']);
    expect(fragment.format).toBe(CLIPBOARD_FORMAT);
    expect(fragment.nodes.map((n) => n.id)).toEqual(['core-job', 'options', 'checkin']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e-core-job-options', 'e-options-checkin']);
    const group = fragment.nodes[1] as Extract<PathwayNode, { kind: 'optional-group' }>;
    group.activityIds.push('act-other');
    group.position.x = 9999;
    const original = framework.nodes.find((n) => n.id === 'options') as Extract<PathwayNode, { kind: 'optional-group' }>;
    expect(original.activityIds).toEqual(['act-mentor', 'act-video']);
    expect(original.position.x).not.toBe(9999);
  });
});

describe('pasteFragment', () => {
  it('remaps every node and edge id, keeps internal edges and offsets positions', () => {
    const framework = standardPathway().framework();
    const fragment = copyNodes(framework, ['core-job', 'options', 'checkin']);
    const pasted = pasteFragment(framework, fragment, { newId: counterIds(), offset: { x: 40, y: 30 } });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(pasted.edges).toEqual([
      { id: 'edge-4', source: 'node-1', target: 'node-2' },
      { id: 'edge-5', source: 'node-2', target: 'node-3' },
    ]);
    expect([...pasted.idMap.nodes]).toEqual([
      ['core-job', 'node-1'],
      ['options', 'node-2'],
      ['checkin', 'node-3'],
    ]);
    expect([...pasted.idMap.edges]).toEqual([
      ['e-core-job-options', 'edge-4'],
      ['e-options-checkin', 'edge-5'],
    ]);
    const original = framework.nodes.find((n) => n.id === 'options')!;
    expect(pasted.nodes[1]).toEqual({ ...original, id: 'node-2', position: { x: original.position.x + 40, y: original.position.y + 30 } });
  });

  it('drops edges that lead outside the fragment', () => {
    const fragment = {
      nodes: [node('a', 1), node('b', 2)],
      edges: [
        { id: 'ab', source: 'a', target: 'b' },
        { id: 'ax', source: 'a', target: 'x' },
        { id: 'yb', source: 'y', target: 'b' },
      ],
    };
    const pasted = pasteFragment({ nodes: [], edges: [] }, fragment, { newId: counterIds() });
    expect(pasted.edges).toEqual([{ id: 'edge-3', source: 'node-1', target: 'node-2' }]);
  });

  it('never reuses an id of the target framework, even when the id source proposes one', () => {
    const target = pathway().milestone('node-1').milestone('node-2').milestone('edge-3').chain('node-1', 'node-2').framework();
    const fragment = copyNodes(standardPathway().framework(), ['pre', 'core-course']);
    // Proposes taken ids first, then an invalid one, then free ones.
    const proposals = ['node-1', 'node-2', 'not an id!', 'fresh-a', 'edge-3', 'e-node-1-node-2', 'fresh-b', 'fresh-c'];
    const pasted = pasteFragment(target, fragment, { newId: () => proposals.shift() ?? 'node-1' });
    expect(pasted.nodes.map((n) => n.id)).toEqual(['fresh-a', 'fresh-b']);
    expect(pasted.edges.map((e) => e.id)).toEqual(['fresh-c']);
  });

  it('falls back to its own ids when the id source keeps proposing taken ones', () => {
    const target = pathway().milestone('x').framework();
    const fragment = copyNodes(pathway().milestone('a').milestone('b').chain('a', 'b').framework(), ['a', 'b']);
    const pasted = pasteFragment(target, fragment, { newId: () => 'x' });
    const ids = [...pasted.nodes.map((n) => n.id), ...pasted.edges.map((e) => e.id)];
    expect(new Set([...ids, 'x']).size).toBe(ids.length + 1);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('uses random ids by default and pastes into the same framework without collisions', () => {
    const framework = standardPathway().framework();
    const pasted = pasteFragment(framework, copyNodes(framework, framework.nodes.map((n) => n.id)));
    const existing = new Set([...framework.nodes.map((n) => n.id), ...framework.edges.map((e) => e.id)]);
    expect(pasted.nodes).toHaveLength(framework.nodes.length);
    expect(pasted.edges).toHaveLength(framework.edges.length);
    for (const id of [...pasted.nodes.map((n) => n.id), ...pasted.edges.map((e) => e.id)]) {
      expect(existing.has(id)).toBe(false);
      expect(id).toMatch(/^(node|edge)-[0-9a-z]{10}$/);
    }
  });

  it('property: after paste all ids are unique and the internal edge structure is isomorphic', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'node-1', 'node-2', 'node-3', 'edge-1', 'edge-2', 'edge-3'];
    const graphArb = (maxNodes: number) =>
      fc.uniqueArray(fc.constantFrom(...pool), { maxLength: maxNodes }).chain((ids) =>
        fc
          .uniqueArray(fc.record({ id: fc.constantFrom(...pool), source: fc.constantFrom('zz', ...ids), target: fc.constantFrom('zz', ...ids) }), {
            selector: (edge) => edge.id,
            maxLength: 12,
          })
          .map((edges): Graph => ({ nodes: ids.map(node), edges: edges.filter((edge) => edge.source !== 'zz' && edge.target !== 'zz') })),
      );

    fc.assert(
      fc.property(
        graphArb(10),
        graphArb(10),
        fc.boolean(),
        fc.array(fc.constantFrom(...pool, 'missing')),
        fc.array(fc.constantFrom(...pool, 'bad id!', ''), { minLength: 1 }),
        fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }),
        (source, other, sameFramework, selection, proposals, offset) => {
          const target = sameFramework ? source : other;
          const sourceBefore = JSON.stringify(source);
          const targetBefore = JSON.stringify(target);
          let turn = 0;
          const fragment = copyNodes(source, selection);
          const pasted = pasteFragment(target, fragment, { newId: () => proposals[turn++ % proposals.length]!, offset });

          // Nothing was modified.
          expect(JSON.stringify(source)).toBe(sourceBefore);
          expect(JSON.stringify(target)).toBe(targetBefore);

          // Every id is new, valid and unique among themselves and the target's ids.
          const newIds = [...pasted.nodes.map((n) => n.id), ...pasted.edges.map((e) => e.id)];
          const targetIds = [...target.nodes.map((n) => n.id), ...target.edges.map((e) => e.id)];
          expect(new Set([...newIds, ...targetIds]).size).toBe(newIds.length + new Set(targetIds).size);
          for (const id of newIds) expect(id).toMatch(ID_PATTERN);

          // The node map is a bijection from the selected nodes onto the pasted ones.
          const selected = source.nodes.filter((n) => selection.includes(n.id));
          expect([...pasted.idMap.nodes.keys()].sort()).toEqual(selected.map((n) => n.id).sort());
          expect([...pasted.idMap.nodes.values()].sort()).toEqual(pasted.nodes.map((n) => n.id).sort());

          // Edges: exactly the internal ones, mapped through the node map.
          const inside = new Set(selected.map((n) => n.id));
          const internal = source.edges.filter((e) => inside.has(e.source) && inside.has(e.target));
          const key = (edge: Pick<PathwayEdge, 'source' | 'target'>) => `${edge.source}→${edge.target}`;
          const mapped = internal.map((e) => key({ source: pasted.idMap.nodes.get(e.source)!, target: pasted.idMap.nodes.get(e.target)! }));
          expect(pasted.edges.map(key).sort()).toEqual(mapped.sort());
          expect(pasted.edges.map((e) => e.id).sort()).toEqual(internal.map((e) => pasted.idMap.edges.get(e.id)!).sort());

          // Content is unchanged apart from the id and the offset position.
          for (const original of selected) {
            const copy = pasted.nodes.find((n) => n.id === pasted.idMap.nodes.get(original.id))!;
            expect(copy).toEqual({ ...original, id: copy.id, position: { x: original.position.x + offset.x, y: original.position.y + offset.y } });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseClipboardFragment', () => {
  it('accepts a copied fragment after a JSON round trip', () => {
    const fragment = copyNodes(standardPathway().framework(), ['pre', 'core-course']);
    const parsed = parseClipboardFragment(JSON.parse(JSON.stringify(fragment)));
    expect(parsed).toEqual({ ok: true, value: fragment });
  });

  it('refuses other clipboard content with a readable reason', () => {
    for (const value of ['hello', null, { format: CLIPBOARD_FORMAT, version: 1, nodes: [{ kind: 'core', id: 'x' }], edges: [] }, JSON.parse('{"__proto__":{"polluted":1}}')]) {
      const parsed = parseClipboardFragment(value);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^The clipboard does not hold pathway steps from PLP Studio/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
