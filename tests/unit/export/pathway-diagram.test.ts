/**
 * The pathway diagram's layout (pure): columns by longest path, boxes that never overlap and stay
 * inside the drawing, arrows that leave and enter box sides, wrapped text, deterministic output,
 * and no crash on the broken pathways someone may export while validation is failing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagramSvg } from '../../../shared/documents/diagram-svg';
import { DIAGRAM_TONES } from '../../../shared/documents/diagram-style';
import type { DiagramBlock, DiagramBox } from '../../../shared/documents/model';
import { DIAGRAM_METRICS, estimateWidth, pathwayDiagram, pathwayDiagrams, rankPathway, wrapText } from '../../../shared/documents/pathway-diagram';
import type { Activity, Framework, PathwayNode } from '../../../shared/domain/schema';
import { loadSample, xmlProblem } from './support';

const EPSILON = 0.011;

function activity(id: string, title: string, category: Activity['category'] = 'formal', hours = 2): Activity {
  return { id, title, description: '', modality: 'workshop', category, hours, link: '', provider: '', cost: '', delivery: 'live', develops: [] };
}

function core(id: string, x: number, y = 0, label = `Step ${id}`, activityId = 'a1'): PathwayNode {
  return { kind: 'core', id, label, position: { x, y }, notes: '', activityId };
}

function graph(nodes: PathwayNode[], edges: [string, string][]): Pick<Framework, 'nodes' | 'edges'> {
  return { nodes, edges: edges.map(([source, target], index) => ({ id: `e${index}`, source, target })) };
}

const ACTIVITIES = new Map([activity('a1', 'Presenting to executives', 'formal'), activity('a2', 'Stretch: lead a business review', 'experiential', 20), activity('a3', 'Mentoring', 'social', 6)].map((item) => [item.id, item]));

function boxOf(block: DiagramBlock, id: string): DiagramBox {
  const box = block.boxes.find((candidate) => candidate.id === id);
  if (!box) throw new Error(`no box ${id}`);
  return box;
}

function overlaps(a: DiagramBox, b: DiagramBox): boolean {
  return a.x < b.x + b.w - EPSILON && b.x < a.x + a.w - EPSILON && a.y < b.y + b.h - EPSILON && b.y < a.y + a.h - EPSILON;
}

/** Every geometric promise the layout makes, for one part. */
function expectWellFormed(block: DiagramBlock): void {
  for (let i = 0; i < block.boxes.length; i++) {
    const box = block.boxes[i]!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(block.width + EPSILON);
    expect(box.y + box.h).toBeLessThanOrEqual(block.height + EPSILON);
    for (let j = i + 1; j < block.boxes.length; j++) expect(overlaps(box, block.boxes[j]!), `${box.id} overlaps ${block.boxes[j]!.id}`).toBe(false);
    for (const text of box.texts) {
      // Inside its box, and (by the font's own widths) no wider than allowed.
      expect(text.x).toBeGreaterThanOrEqual(box.x);
      expect(text.x + text.maxWidth).toBeLessThanOrEqual(box.x + box.w + EPSILON);
      expect(text.y + text.size).toBeLessThanOrEqual(box.y + box.h + EPSILON);
      expect(estimateWidth(text.text, text.size, text.bold)).toBeLessThanOrEqual(text.maxWidth + EPSILON);
      expect(text.size).toBeGreaterThanOrEqual(5.8);
    }
  }
  for (const connector of block.connectors) {
    expect(connector.points.length).toBeGreaterThanOrEqual(2);
    for (const point of connector.points) {
      expect(point.x).toBeGreaterThanOrEqual(-EPSILON);
      expect(point.x).toBeLessThanOrEqual(block.width + EPSILON);
      expect(point.y).toBeGreaterThanOrEqual(-EPSILON);
      expect(point.y).toBeLessThanOrEqual(block.height + EPSILON);
    }
    // Orthogonal: every segment is horizontal or vertical.
    connector.points.slice(1).forEach((point, index) => {
      const before = connector.points[index]!;
      expect(point.x === before.x || point.y === before.y).toBe(true);
    });
    if (connector.from !== null) {
      const source = boxOf(block, connector.from);
      const start = connector.points[0]!;
      expect(start.x).toBeCloseTo(source.x + source.w, 1);
      expect(start.y).toBeGreaterThan(source.y);
      expect(start.y).toBeLessThan(source.y + source.h);
    }
    if (connector.to !== null) {
      const target = boxOf(block, connector.to);
      const end = connector.points[connector.points.length - 1]!;
      expect(end.x).toBeCloseTo(target.x, 1);
      expect(end.y).toBeGreaterThan(target.y);
      expect(end.y).toBeLessThan(target.y + target.h);
    }
  }
}

describe('rankPathway', () => {
  it('puts each step one column after its latest predecessor (longest path)', () => {
    const { rank } = rankPathway(graph([core('a', 0), core('b', 100), core('c', 200), core('d', 300)], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['c', 'd'], ['a', 'd']]));
    expect(Object.fromEntries(rank)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });

  it('stacks steps of one column by their saved position, top first', () => {
    const block = pathwayDiagram(graph([core('start', 0), core('low', 100, 300), core('high', 100, -50), core('end', 200)], [['start', 'low'], ['start', 'high'], ['low', 'end'], ['high', 'end']]), ACTIVITIES, { width: 480 });
    expect(boxOf(block, 'high').x).toBe(boxOf(block, 'low').x);
    expect(boxOf(block, 'high').y).toBeLessThan(boxOf(block, 'low').y);
    expect(boxOf(block, 'start').x).toBeLessThan(boxOf(block, 'high').x);
    expect(boxOf(block, 'end').x).toBeGreaterThan(boxOf(block, 'high').x);
    expectWellFormed(block);
  });

  it('survives loops, self-loops, dangling edges, repeated ids and unconnected steps', () => {
    const nodes = [core('a', 0), core('b', 100), core('c', 200), core('loner', 50), core('a', 400, 0, 'Duplicate id')];
    const framework = graph(nodes, [['a', 'b'], ['b', 'c'], ['c', 'a'], ['b', 'b'], ['c', 'ghost'], ['ghost', 'a']]);
    const block = pathwayDiagram(framework, ACTIVITIES, { width: 480 });
    expect(block.boxes.map((box) => box.id).sort()).toEqual(['a', 'b', 'c', 'loner']);
    expectWellFormed(block);
    expect(pathwayDiagram(graph([], []), ACTIVITIES, { width: 480 }).boxes).toEqual([]);
  });
});

describe('wrapText', () => {
  it('wraps at spaces to the width and keeps "20 h" together', () => {
    const lines = wrapText('Lead an executive business review with a treatment centre · 20 h', 80, 7.6, true);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(estimateWidth(line, 7.6, true)).toBeLessThanOrEqual(80);
    expect(lines.join(' ')).toBe('Lead an executive business review with a treatment centre · 20 h');
    expect(lines.some((line) => line === 'h' || line.startsWith('h ') || line.startsWith('·'))).toBe(false);
  });

  it('breaks a word longer than the line and cuts with an ellipsis past the line limit', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious-onboarding-programme', 40, 7, false);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious-onboarding-programme');
    const cut = wrapText('one two three four five six seven eight nine ten', 30, 7, false, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });

  it('measures with the font: capitals are wider than lower case, bold wider than regular', () => {
    expect(estimateWidth('MMMM', 10)).toBeGreaterThan(estimateWidth('iiii', 10));
    expect(estimateWidth('abc', 10, true)).toBeGreaterThan(estimateWidth('abc', 10));
    expect(estimateWidth('abc', 20)).toBeCloseTo(2 * estimateWidth('abc', 10), 6);
  });
});

describe('pathwayDiagram', () => {
  const project = loadSample();
  const activities = new Map(project.activities.map((item) => [item.id, item]));
  const sample = project.frameworks[0]!;

  it('draws the sample pathway: every step with its kind, hours, category and the group members', () => {
    const block = pathwayDiagram(sample, activities, { width: 480 });
    expect(block.boxes).toHaveLength(sample.nodes.length);
    expect(block.width).toBeLessThanOrEqual(480);
    expectWellFormed(block);
    const group = block.boxes.find((box) => box.kind === 'optional-group')!;
    expect(group.members).toHaveLength(new Set((sample.nodes.find((node) => node.kind === 'optional-group') as { activityIds: string[] }).activityIds).size);
    expect(group.subtitleLines.join(' ')).toMatch(/pick 3 of 10/);
    expect(block.boxes.find((box) => box.kind === 'check-in')?.texts[0]?.text).toBe('6 · Manager check-in');
    // Steps numbered as in the guide's list, and the alt text says them in that order.
    expect(block.boxes.map((box) => box.step).sort((a, b) => a - b)).toEqual(sample.nodes.map((_, index) => index + 1));
    const positions = ['360 pre-assessment', 'Core: Executive Presence Foundations', 'Choose 3 options', 'Capstone: executive briefing simulation'].map((title) => block.description.indexOf(title));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A linear pathway: one box per column, four columns to a row of a 480 pt page.
    expect(new Set(block.boxes.map((box) => box.x)).size).toBe(4);
    expect(block.connectors).toHaveLength(sample.edges.length);
  });

  it('is deterministic and does not depend on the order nodes are stored in', () => {
    const first = pathwayDiagram(sample, activities, { width: 480 });
    const again = pathwayDiagram(structuredClone(sample), activities, { width: 480 });
    const shuffled = pathwayDiagram({ nodes: [...sample.nodes].reverse(), edges: [...sample.edges].reverse() }, activities, { width: 480 });
    expect(again).toEqual(first);
    expect(shuffled.boxes).toEqual(first.boxes);
    expect(new Set(shuffled.connectors.map((connector) => JSON.stringify(connector)))).toEqual(new Set(first.connectors.map((connector) => JSON.stringify(connector))));
  });

  it('wraps a 40-step pathway into rows and page-sized parts at the same font sizes', () => {
    const nodes = Array.from({ length: 40 }, (_, index) => core(`n${index}`, index * 100, 0, `Step number ${index + 1} with a fairly long title that must wrap`, index % 2 ? 'a2' : 'a1'));
    const framework = graph(
      nodes,
      nodes.slice(1).map((node, index) => [`n${index}`, node.id]),
    );
    const parts = pathwayDiagrams(framework, ACTIVITIES, { width: 480, maxHeight: 640 });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.boxes)).toHaveLength(40);
    for (const part of parts) {
      expect(part.height).toBeLessThanOrEqual(640);
      expectWellFormed(part);
      expect(part.caption).toMatch(/^Part \d of \d\./);
    }
    // Same sizes as a short pathway: nothing was shrunk to fit.
    const titleSizes = new Set(parts.flatMap((part) => part.boxes.flatMap((box) => box.texts.filter((text) => text.bold && text.tone === 'ink').map((text) => text.size))));
    expect([...titleSizes]).toEqual([DIAGRAM_METRICS.title.size]);
    // The arrow across a part break: "continues at step N" at the end of one part, "from step N-1" at the start of the next.
    const out = parts[0]!.connectors.find((connector) => connector.to === null)!;
    const into = parts[1]!.connectors.find((connector) => connector.from === null)!;
    const nextStep = parts[1]!.boxes.find((box) => box.id === into.to)!.step;
    expect(out.label?.text).toBe(`continues at step ${nextStep}`);
    expect(into.label?.text).toBe(`from step ${nextStep - 1}`);
  });

  it('never overlaps boxes, keeps everything inside and attaches arrows to box sides (random pathways)', () => {
    const kinds = ['pre-assessment', 'core', 'optional-group', 'post-assessment', 'capstone', 'milestone'] as const;
    const arbitraryNode = (index: number) =>
      fc.record({ kind: fc.constantFrom(...kinds), label: fc.string({ maxLength: 90 }), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -500, max: 500 }), members: fc.integer({ min: 0, max: 15 }), checkIn: fc.boolean() }).map(
        ({ kind, label, x, y, members, checkIn }): PathwayNode => {
          const base = { id: `n${index}`, label, position: { x, y }, notes: '' };
          switch (kind) {
            case 'optional-group':
              return { ...base, kind, activityIds: Array.from({ length: members }, (_, m) => `m${m}`), min: 1, max: 2, selectionRule: 'by-gap' };
            case 'milestone':
              return { ...base, kind, checkIn };
            case 'pre-assessment':
            case 'post-assessment':
              return { ...base, kind, capabilityIds: [], activityId: members % 2 ? 'm1' : null };
            case 'capstone':
              return { ...base, kind, activityId: null };
            case 'core':
              return { ...base, kind, activityId: `m${members}` };
          }
        },
      );
    const many = new Map(
      Array.from({ length: 16 }, (_, m) => activity(`m${m}`, `Member activity ${m} ${'with a long name '.repeat(m % 3)}`, (['formal', 'social', 'experiential'] as const)[m % 3], m)).map((item) => [item.id, item]),
    );
    const arbitraryFramework = fc.integer({ min: 1, max: 24 }).chain((count) =>
      fc.record({
        nodes: fc.tuple(...Array.from({ length: count }, (_, index) => arbitraryNode(index))),
        // Edges between random pairs, forwards only (a DAG), plus the odd backward one (a loop).
        edges: fc.array(fc.tuple(fc.nat({ max: count - 1 }), fc.nat({ max: count - 1 }), fc.boolean()), { maxLength: count * 2 }),
        width: fc.integer({ min: 150, max: 800 }),
        maxHeight: fc.option(fc.integer({ min: 200, max: 900 }), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(arbitraryFramework, ({ nodes, edges, width, maxHeight }) => {
        const pairs = edges.map(([a, b, loop]): [string, string] => (loop || a === b ? [`n${a}`, `n${b}`] : [`n${Math.min(a, b)}`, `n${Math.max(a, b)}`]));
        const parts = pathwayDiagrams(graph([...nodes], pairs), many, { width, maxHeight });
        expect(parts.flatMap((part) => part.boxes.map((box) => box.id)).sort()).toEqual(nodes.map((node) => node.id).sort());
        for (const part of parts) {
          expectWellFormed(part);
          expect(part.width).toBeLessThanOrEqual(Math.max(width, DIAGRAM_METRICS.minBoxWidth));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('diagramSvg', () => {
  it('is one well-formed SVG with escaped text, the studio’s 70-20-10 colours and a legend', () => {
    const hostile = core('x', 0, 0, 'Q&A <script>alert("x")</script> \u0000 end');
    const block = pathwayDiagram(graph([hostile, core('y', 100, 0, 'Stretch', 'a2'), core('z', 200, 0, 'Mentor', 'a3')], [['x', 'y'], ['y', 'z']]), ACTIVITIES, { width: 480, caption: 'Tom & Jerry’s "pathway"' });
    const svg = diagramSvg(block);
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Q&amp;A &lt;script&gt;');
    expect(svg).toContain('<title>Tom &amp; Jerry’s &quot;pathway&quot;</title>');
    for (const category of ['experiential', 'social', 'formal'] as const) expect(svg).toContain(`fill="#${DIAGRAM_TONES[category]}"`);
    expect(DIAGRAM_TONES.experiential).toBe('1F6F32'); // the editor's --plp-cat-experiential
    expect(svg).toContain('70 · Experiential (on the job)');
    expect(svg.match(/<polygon /g)).toHaveLength(2); // one arrowhead per sequence arrow
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
});
