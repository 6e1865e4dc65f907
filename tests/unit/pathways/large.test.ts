/**
 * A generated 1,000-node / 1,200-edge framework: the size the editor must stay smooth at.
 *
 * Timing (not asserted; Node 20 in this container, vitest, three runs): the first call
 * ≈ 6–9 ms while the JIT warms up, then a median of ≈ 2–3.5 ms over 20 runs for the clean
 * framework and ≈ 1.2–1.5 ms with a 400-step loop; fully warmed (200 runs) ≈ 0.4 ms, p95 ≈ 1 ms.
 * frameworkMix ≈ 0.06 ms. The editor's budget is 20 ms per edit. PLP_BENCH=1 prints fresh numbers.
 */
import { describe, expect, it } from 'vitest';
import { pathwayMix } from '../../../shared/domain/pathways/mix';
import { validatePathway } from '../../../shared/domain/pathways/validation';
import type { Framework, Project } from '../../../shared/domain/schema';
import { activity, PathwayBuilder } from './builder';

const NODE_COUNT = 1_000;
const EDGE_COUNT = 1_200;

/** Deterministic pseudo-random numbers. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * pre → 997 middle steps (core activities, an optional group every 10th, a check-in every 25th)
 * → post → capstone as a chain, plus 201 forward "skip" connections (so still one start, one end,
 * no loops).
 */
function largeProject(): Project {
  const builder = new PathwayBuilder().pre();
  const ids = ['pre'];
  for (let i = 1; i <= NODE_COUNT - 3; i++) {
    const id = `n${i}`;
    if (i % 25 === 0) builder.milestone(id);
    else if (i % 10 === 0) builder.group(id, ['act-gen-social', 'act-gen-formal', 'act-gen-exp'], 1, 2);
    else builder.core(id, i % 7 === 0 ? 'act-gen-develops' : 'act-gen-exp');
    ids.push(id);
  }
  builder.post().capstone();
  ids.push('post', 'capstone');
  builder.chain(...ids);
  const random = lcg(42);
  const pairs = new Set(builder.edges.map((edge) => `${edge.source}>${edge.target}`));
  while (builder.edges.length < EDGE_COUNT) {
    const from = Math.floor(random() * (NODE_COUNT - 2));
    const to = from + 2 + Math.floor(random() * Math.min(50, NODE_COUNT - 2 - from));
    if (to >= NODE_COUNT) continue;
    const key = `${ids[from]}>${ids[to]}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    builder.edge(ids[from]!, ids[to]!, `skip-${builder.edges.length}`);
  }
  return builder.with({ durationWeeks: 260 }).project((project) => {
    project.activities.push(
      activity('act-gen-exp', 'experiential', 0.5),
      activity('act-gen-social', 'social', 1),
      activity('act-gen-formal', 'formal', 0.5),
      activity('act-gen-develops', 'experiential', 0.5, [
        { capabilityId: 'cap-talk', fromLevelId: 'beginner', toLevelId: 'skilled' },
        { capabilityId: 'cap-listen', fromLevelId: 'beginner', toLevelId: 'intermediate' },
      ]),
    );
  });
}

function medianMs(run: () => void, times = 20): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

describe('a 1,000-node framework', () => {
  const project = largeProject();
  const framework = project.frameworks[0]!;

  it('is generated at the intended size', () => {
    expect(framework.nodes).toHaveLength(NODE_COUNT);
    expect(framework.edges).toHaveLength(EDGE_COUNT);
  });

  it('validates clean', () => {
    expect(validatePathway(project, framework)).toEqual([]);
  });

  it('finds exactly the loop added to it', () => {
    const looped: Framework = { ...framework, edges: [...framework.edges, { id: 'e-back', source: 'n700', target: 'n300' }] };
    const found = validatePathway(project, looped);
    expect(found.map((problem) => problem.ruleId)).toEqual(['no-cycles']);
    expect(found[0]!.nodeIds).toHaveLength(401);
    expect(found[0]!.nodeIds[0]).toBe('n300');
    expect(found[0]!.edgeIds).toContain('e-back');
  });

  it('finds a stranded step and a second end', () => {
    const extra: Framework = {
      ...framework,
      nodes: [...framework.nodes, { kind: 'milestone', id: 'orphan', label: 'Orphan', position: { x: 0, y: 0 }, notes: '', checkIn: false }],
      edges: [...framework.edges, { id: 'e-orphan', source: 'n500', target: 'orphan' }],
    };
    const found = validatePathway(project, extra);
    expect(found.map((problem) => [problem.ruleId, problem.nodeIds])).toEqual([
      ['single-end', ['capstone', 'orphan']],
      ['reachable', ['orphan']],
    ]);
  });

  it('is fast enough to run on every edit (timed, not asserted)', () => {
    const coldStart = performance.now();
    validatePathway(project, { ...framework });
    const cold = performance.now() - coldStart;
    const clean = medianMs(() => validatePathway(project, framework));
    const looped: Framework = { ...framework, edges: [...framework.edges, { id: 'e-back', source: 'n700', target: 'n300' }] };
    const withLoop = medianMs(() => validatePathway(project, looped));
    const mix = medianMs(() => pathwayMix(project, framework));
    if (process.env['PLP_BENCH']) console.log(`1,000 nodes / 1,200 edges: first validate ${cold.toFixed(2)} ms, then ${clean.toFixed(2)} ms, with loop ${withLoop.toFixed(2)} ms, mix ${mix.toFixed(2)} ms`);
    expect(clean).toBeGreaterThanOrEqual(0);
  });
});
