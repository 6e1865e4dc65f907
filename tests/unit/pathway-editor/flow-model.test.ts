import { describe, expect, it } from 'vitest';
import { moveNodes, updateNode } from '../../../shared/domain/commands/pathway-commands';
import { validatePathway } from '../../../shared/domain/pathways/validation';
import { FlowModel, problemMarks, stepView, type Catalog } from '../../../renderer/src/features/pathways/flow-model';
import { fw, node, project } from './fixtures';

function catalogOf(p: ReturnType<typeof project>): Catalog {
  return { activities: new Map(p.activities.map((a) => [a.id, a])), capabilities: new Map(p.capabilities.map((c) => [c.id, c])) };
}

const NONE = new Set<string>();
const NO_MARKS = new Map();

describe('what a step shows', () => {
  const p = project();
  const catalog = catalogOf(p);

  it('a core step: the activity title when it has no label, with modality, hours and 70-20-10 category', () => {
    const view = stepView(node(p, 'core'), catalog, null);
    expect(view).toMatchObject({ kind: 'core', title: 'Activity act-job', untitled: false, activity: { modality: 'on-the-job-project', hours: 14, category: 'experiential' } });
    expect(view.description).toBe('Core activity: Activity act-job. On-the-job project, 14 h, Experiential');
  });

  it('an optional group: its rule and members; an assessment: what it measures', () => {
    const group = stepView(node(p, 'group'), catalog, null);
    expect(group.group).toMatchObject({ min: 1, max: 1, rule: 'by-gap', missing: 0 });
    expect(group.group?.members.map((member) => member.id)).toEqual(['act-mentor', 'act-video']);
    expect(group.description).toContain('choose 1 of 2 by assessed gap');
    const pre = stepView(node(p, 'pre'), catalog, null);
    expect(pre.capabilities).toEqual(['Capability A']);
  });

  it('says when an activity is missing from the catalog, and how many problems a step has', () => {
    const broken = { ...node(p, 'core'), activityId: 'act-gone' } as ReturnType<typeof node>;
    const view = stepView(broken, catalog, { severity: 'error', count: 2 });
    expect(view.missingActivity).toBe(true);
    expect(view.title).toBe('Core activity');
    expect(view.description).toContain('2 errors');
  });
});

describe('problem marks', () => {
  it('counts problems per step and connection, errors winning over warnings', () => {
    const marks = problemMarks([
      { ruleId: 'single-start', severity: 'warning', nodeIds: ['a', 'b'], edgeIds: [], message: '' },
      { ruleId: 'no-cycles', severity: 'error', nodeIds: ['a'], edgeIds: ['e1', 'e1'], message: '' },
    ]);
    expect(marks.nodes.get('a')).toEqual({ severity: 'error', count: 2 });
    expect(marks.nodes.get('b')).toEqual({ severity: 'warning', count: 1 });
    expect(marks.edges.get('e1')).toEqual({ severity: 'error', count: 1 });
  });
});

describe('FlowModel: unchanged steps and connections keep their objects', () => {
  it('hands back the same node objects for unchanged steps, new ones for the moved and the newly selected', () => {
    const model = new FlowModel();
    let p = project();
    const catalog = catalogOf(p);
    const first = model.nodes(fw(p).nodes, catalog, NONE, new Map(), NO_MARKS);
    p = moveNodes('fw', { core: { x: 999, y: 1 } }).apply(p);
    const second = model.nodes(fw(p).nodes, catalog, new Set(['group']), new Map(), NO_MARKS);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]!.position).toEqual({ x: 999, y: 1 });
    expect(second[1]!.data).toBe(first[1]!.data); // a move does not change what the step shows
    expect(second[2]).not.toBe(first[2]);
    expect(second[2]!.selected).toBe(true);
    expect(second[3]).toBe(first[3]);
  });

  it('re-derives a step whose content, problems or measured size changed', () => {
    const model = new FlowModel();
    let p = project();
    const catalog = catalogOf(p);
    const first = model.nodes(fw(p).nodes, catalog, NONE, new Map(), NO_MARKS);
    p = updateNode('fw', 'pre', { label: 'Baseline' }).apply(p);
    const second = model.nodes(fw(p).nodes, catalog, NONE, new Map([['post', { width: 248, height: 90 }]]), new Map([['capstone', { severity: 'warning', count: 1 }]]));
    expect(second[0]!.data.view.title).toBe('Baseline');
    expect(second[3]!.measured).toEqual({ width: 248, height: 90 });
    expect(second[4]!.data.view.problem).toEqual({ severity: 'warning', count: 1 });
    expect(second[1]).toBe(first[1]);
  });

  it('returns the same edge array while no connection changes (a drag), and names connections by their steps', () => {
    const model = new FlowModel();
    let p = project();
    const catalog = catalogOf(p);
    const nodes1 = model.nodes(fw(p).nodes, catalog, NONE, new Map(), NO_MARKS);
    const edges1 = model.edges(fw(p).edges, nodes1, NONE, NO_MARKS);
    expect(edges1[0]!.ariaLabel).toBe('Pre comes before Activity act-job');
    expect(edges1[0]!.markerEnd).toBeDefined();
    p = moveNodes('fw', { core: { x: 5, y: 5 } }).apply(p);
    const nodes2 = model.nodes(fw(p).nodes, catalog, NONE, new Map(), NO_MARKS);
    expect(model.edges(fw(p).edges, nodes2, NONE, NO_MARKS)).toBe(edges1);
    const selected = model.edges(fw(p).edges, nodes2, new Set(['e2']), new Map([['e3', { severity: 'error', count: 1 }]]));
    expect(selected).not.toBe(edges1);
    expect(selected[0]).toBe(edges1[0]);
    expect(selected[1]!.selected).toBe(true);
    expect(selected[2]!.className).toBe('plp-edge-error');
    const far = model.edges(fw(p).edges, nodes2, new Set(['e2']), NO_MARKS, { arrows: false });
    expect(far.every((edge) => edge.markerEnd === undefined)).toBe(true);
  });

  it('refuses edges derived against steps from another call', () => {
    const model = new FlowModel();
    const p = project();
    expect(() => model.edges(fw(p).edges, [], NONE, NO_MARKS)).toThrow(/last nodes\(\) call/);
  });

  it('derives a 1,000-step pathway again in well under a frame when one step moved', () => {
    const p = project();
    const catalog = catalogOf(p);
    const nodes = Array.from({ length: 1000 }, (_, i) => ({ ...node(p, 'core'), id: `n${i}`, position: { x: i * 10, y: 0 } }));
    const edges = Array.from({ length: 1200 }, (_, i) => ({ id: `e${i}`, source: `n${i % 999}`, target: `n${(i % 999) + 1}` }));
    const model = new FlowModel();
    const first = model.nodes(nodes, catalog, NONE, new Map(), NO_MARKS);
    model.edges(edges, first, NONE, NO_MARKS);
    const started = performance.now();
    for (let frame = 0; frame < 60; frame++) {
      const moved = nodes.slice();
      moved[500] = { ...moved[500]!, position: { x: frame, y: frame } };
      const derived = model.nodes(moved, catalog, NONE, new Map(), NO_MARKS);
      model.edges(edges, derived, NONE, NO_MARKS);
    }
    expect((performance.now() - started) / 60).toBeLessThan(8);
  });
});

describe('validation feeds the marks', () => {
  it('a clean pathway has no marks; a stranded step gets one', () => {
    const p = project();
    expect(problemMarks(validatePathway(p, fw(p))).nodes.size).toBe(0);
    const stranded = { ...fw(p), edges: fw(p).edges.filter((edge) => edge.id !== 'e4') };
    const marks = problemMarks(validatePathway(p, stranded));
    expect(marks.nodes.get('capstone')?.severity).toBe('error');
  });
});
