/**
 * A large, realistic pathway for scale tests and benchmarks: a pre-assessment, then columns of
 * core activities, optional groups and milestones, then a post-assessment and a capstone, laid
 * out left to right; every step leads on to the next column, plus extra forward connections
 * up to the requested count (never a loop, never the same connection twice). Deterministic.
 */
import type { Framework, PathwayEdge, PathwayNode, Project } from '../../shared/domain/schema';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LargeFrameworkOptions {
  nodes: number;
  edges: number;
  id?: string;
  name?: string;
  /** Steps per column. */
  rows?: number;
  seed?: number;
}

export function largeFramework(activityIds: readonly string[], options: LargeFrameworkOptions): Framework {
  const rand = random(options.seed ?? 7);
  const rows = options.rows ?? 20;
  const pick = (): string => activityIds[Math.floor(rand() * activityIds.length)]!;
  const nodes: PathwayNode[] = [];
  const columns: string[][] = [];
  const place = (column: number, row: number) => ({ x: column * 300, y: row * 190 });

  nodes.push({ kind: 'pre-assessment', id: 'n-pre', label: 'Baseline 360', position: place(0, Math.floor(rows / 2)), notes: '', capabilityIds: [], activityId: null });
  columns.push(['n-pre']);
  const middle = Math.max(0, options.nodes - 3);
  let made = 0;
  for (let column = 1; made < middle; column++) {
    const ids: string[] = [];
    for (let row = 0; row < rows && made < middle; row++, made++) {
      const id = `n-${made}`;
      const roll = rand();
      const position = place(column, row);
      if (roll < 0.72) nodes.push({ kind: 'core', id, label: '', position, notes: '', activityId: pick() });
      else if (roll < 0.9) {
        const members = [...new Set([pick(), pick(), pick()])];
        nodes.push({ kind: 'optional-group', id, label: `Options ${made}`, position, notes: '', activityIds: members, min: 1, max: 1, selectionRule: rand() < 0.5 ? 'by-gap' : 'learner-choice' });
      } else nodes.push({ kind: 'milestone', id, label: `Check-in ${made}`, position, notes: '', checkIn: rand() < 0.5 });
      ids.push(id);
    }
    columns.push(ids);
  }
  const last = columns.length;
  nodes.push({ kind: 'post-assessment', id: 'n-post', label: 'Closing 360', position: place(last, Math.floor(rows / 2)), notes: '', capabilityIds: [], activityId: null });
  nodes.push({ kind: 'capstone', id: 'n-capstone', label: 'Capstone', position: place(last + 1, Math.floor(rows / 2)), notes: '', activityId: null });
  columns.push(['n-post'], ['n-capstone']);

  const edges: PathwayEdge[] = [];
  const seen = new Set<string>();
  const connect = (source: string, target: string) => {
    const key = `${source}>${target}`;
    if (seen.has(key) || edges.length >= options.edges) return;
    seen.add(key);
    edges.push({ id: `e-${edges.length}`, source, target });
  };
  // Backbone: every step leads into the next column, and every step of a column is entered from the previous one.
  for (let c = 0; c + 1 < columns.length; c++) {
    const from = columns[c]!;
    const to = columns[c + 1]!;
    for (let i = 0; i < Math.max(from.length, to.length); i++) connect(from[Math.min(i, from.length - 1)]!, to[Math.min(i, to.length - 1)]!);
  }
  // Extra forward connections, one or two columns ahead.
  for (let guard = 0; edges.length < options.edges && guard < options.edges * 20; guard++) {
    const c = Math.floor(rand() * (columns.length - 2));
    const from = columns[c]!;
    const to = columns[Math.min(columns.length - 1, c + 1 + Math.floor(rand() * 2))]!;
    connect(from[Math.floor(rand() * from.length)]!, to[Math.floor(rand() * to.length)]!);
  }
  return {
    id: options.id ?? 'fw-large',
    name: options.name ?? `Enterprise academy (${options.nodes.toLocaleString('en-US')} steps)`,
    description: 'A generated pathway for scale tests.',
    audienceRoleIds: [],
    focusCapabilityIds: [],
    durationWeeks: 260,
    participationExpectations: [],
    assessmentAndFeedback: [],
    mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 },
    nodes,
    edges,
  };
}

/** The project with a large framework added (first in the list, so the editor opens on it). */
export function withLargeFramework(project: Project, options: LargeFrameworkOptions): Project {
  const framework = largeFramework(
    project.activities.map((activity) => activity.id),
    options,
  );
  return { ...project, frameworks: [framework, ...project.frameworks.filter((existing) => existing.id !== framework.id)] };
}
