/**
 * From the project's pathway to React Flow's nodes and edges, without redoing work.
 *
 * The editor is controlled: React Flow shows exactly what the project holds. On every change
 * (each frame of a drag, each selection) the whole list is derived again, so the derivation must
 * hand back the *same objects* for everything that did not change — React Flow then skips those
 * nodes entirely (its `checkEquality` and the memoised node components). Project data is
 * immutable with structural sharing, so "did not change" is an identity check on the domain
 * node, plus the view state (selected, measured size, problems) compared by value.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Activity, Capability, LearningCategory, Modality, PathwayEdge, PathwayNode, PathwayNodeKind } from '../../../../shared/domain/schema';
import type { PathwayProblem } from '../../../../shared/domain/pathways/validation';
import { MODALITY_LABEL } from '../labels';
import { CATEGORY_LABEL, KIND_TITLE, hours } from './visuals';

export interface Catalog {
  readonly activities: ReadonlyMap<string, Activity>;
  readonly capabilities: ReadonlyMap<string, Capability>;
}

export interface ActivityView {
  readonly id: string;
  readonly title: string;
  readonly modality: Modality;
  readonly hours: number;
  readonly category: LearningCategory;
}

export interface StepView {
  readonly kind: PathwayNodeKind;
  readonly title: string;
  /** The label is empty and the title comes from the activity or the kind. */
  readonly untitled: boolean;
  /** The step's own catalog activity (core, assessments, capstone). */
  readonly activity: ActivityView | null;
  /** Refers to an activity that is not in the catalog. */
  readonly missingActivity: boolean;
  /** Pre-/post-assessment: the capabilities it measures. */
  readonly capabilities: readonly string[] | null;
  readonly group: {
    readonly min: number;
    readonly max: number;
    readonly rule: 'by-gap' | 'learner-choice';
    readonly members: readonly ActivityView[];
    readonly missing: number;
  } | null;
  readonly checkIn: boolean;
  readonly problem: ProblemMark | null;
  /** What a screen reader says for the step. */
  readonly description: string;
}

export interface ProblemMark {
  readonly severity: 'error' | 'warning';
  readonly count: number;
}

export type StepNodeData = { view: StepView };
export type StepFlowNode = Node<StepNodeData, PathwayNodeKind>;
export type Dimensions = { width: number; height: number };

/** The steps and connections each problem points at, worst severity first. */
export function problemMarks(problems: readonly PathwayProblem[]): { nodes: Map<string, ProblemMark>; edges: Map<string, ProblemMark> } {
  const nodes = new Map<string, ProblemMark>();
  const edges = new Map<string, ProblemMark>();
  const add = (map: Map<string, ProblemMark>, id: string, severity: ProblemMark['severity']) => {
    const current = map.get(id);
    map.set(id, {
      severity: current?.severity === 'error' || severity === 'error' ? 'error' : 'warning',
      count: (current?.count ?? 0) + 1,
    });
  };
  for (const problem of problems) {
    for (const id of new Set(problem.nodeIds)) add(nodes, id, problem.severity);
    for (const id of new Set(problem.edgeIds)) add(edges, id, problem.severity);
  }
  return { nodes, edges };
}

const sameMark = (a: ProblemMark | null | undefined, b: ProblemMark | null | undefined): boolean =>
  (a ?? null) === (b ?? null) || (!!a && !!b && a.severity === b.severity && a.count === b.count);

function activityView(activity: Activity): ActivityView {
  return { id: activity.id, title: activity.title, modality: activity.modality, hours: activity.hours, category: activity.category };
}

function describe(view: Omit<StepView, 'description'>): string {
  const parts = [`${KIND_TITLE[view.kind]}: ${view.title}`];
  if (view.activity) parts.push(`${MODALITY_LABEL[view.activity.modality]}, ${hours(view.activity.hours)}, ${CATEGORY_LABEL[view.activity.category]}`);
  if (view.missingActivity) parts.push('its activity is missing from the catalog');
  if (view.capabilities) parts.push(`measures ${view.capabilities.length} ${view.capabilities.length === 1 ? 'capability' : 'capabilities'}`);
  if (view.group) {
    const { min, max, members } = view.group;
    parts.push(`choose ${min === max ? min : `${min} to ${max}`} of ${members.length} ${view.group.rule === 'by-gap' ? 'by assessed gap' : "by learner's choice"}`);
  }
  if (view.checkIn) parts.push('manager check-in');
  if (view.problem) parts.push(`${view.problem.count} ${view.problem.severity === 'error' ? 'error' : 'warning'}${view.problem.count === 1 ? '' : 's'}`);
  return parts.join('. ');
}

/** What a step shows. Pure: the same inputs give an equal view. */
export function stepView(node: PathwayNode, catalog: Catalog, problem: ProblemMark | null): StepView {
  let activity: ActivityView | null = null;
  let missingActivity = false;
  if (node.kind !== 'optional-group' && node.kind !== 'milestone' && node.activityId) {
    const found = catalog.activities.get(node.activityId);
    if (found) activity = activityView(found);
    else missingActivity = true;
  }
  let group: StepView['group'] = null;
  if (node.kind === 'optional-group') {
    const members: ActivityView[] = [];
    let missing = 0;
    for (const id of new Set(node.activityIds)) {
      const found = catalog.activities.get(id);
      if (found) members.push(activityView(found));
      else missing++;
    }
    group = { min: node.min, max: node.max, rule: node.selectionRule, members, missing };
  }
  const capabilities =
    node.kind === 'pre-assessment' || node.kind === 'post-assessment' ? node.capabilityIds.map((id) => catalog.capabilities.get(id)?.name ?? id) : null;
  const label = node.label.trim();
  const title = label || activity?.title || KIND_TITLE[node.kind];
  const view = {
    kind: node.kind,
    title,
    untitled: label === '' && !activity,
    activity,
    missingActivity,
    capabilities,
    group,
    checkIn: node.kind === 'milestone' && node.checkIn,
    problem,
  };
  return { ...view, description: describe(view) };
}

interface EdgeEntry {
  readonly edge: Edge;
  readonly from: PathwayEdge;
  readonly sourceTitle: string;
  readonly targetTitle: string;
}

interface ViewEntry {
  readonly catalog: Catalog;
  readonly problem: ProblemMark | null;
  readonly view: StepView;
}

const ARROW = { type: 'arrowclosed', width: 14, height: 14 } as const;

/** Two versions of a step that differ at most in position (immutable updates keep the other fields' values). */
function sameExceptPosition(a: PathwayNode, b: PathwayNode): boolean {
  const keysA = Object.keys(a) as (keyof PathwayNode)[];
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) if (key !== 'position' && a[key] !== b[key]) return false;
  return true;
}

/**
 * Keeps the last derived node and edge objects, so unchanged ones are handed back as they were.
 * One per canvas (a framework's ids are its own).
 */
export class FlowModel {
  private views = new Map<string, ViewEntry & { node: PathwayNode }>();
  private lastNodes = new Map<string, StepFlowNode>();
  private lastEdges = new Map<string, EdgeEntry>();
  private lastEdgeList: Edge[] | null = null;
  private lastNodeList: readonly StepFlowNode[] | null = null;

  /** A step's view; a step that only moved keeps its view (and its React Flow `data`). */
  view(node: PathwayNode, catalog: Catalog, problem: ProblemMark | null): StepView {
    const entry = this.views.get(node.id);
    if (entry && entry.catalog === catalog && sameMark(entry.problem, problem) && (entry.node === node || sameExceptPosition(entry.node, node))) {
      if (entry.node !== node) this.views.set(node.id, { ...entry, node });
      return entry.view;
    }
    const view = stepView(node, catalog, problem);
    this.views.set(node.id, { catalog, problem, view, node });
    return view;
  }

  nodes(
    domain: readonly PathwayNode[],
    catalog: Catalog,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Dimensions>,
    problems: ReadonlyMap<string, ProblemMark>,
  ): StepFlowNode[] {
    const next = new Map<string, StepFlowNode>();
    const result: StepFlowNode[] = new Array(domain.length);
    for (let i = 0; i < domain.length; i++) {
      const node = domain[i]!;
      const view = this.view(node, catalog, problems.get(node.id) ?? null);
      const isSelected = selected.has(node.id);
      const size = measured.get(node.id);
      const previous = this.lastNodes.get(node.id);
      let flowNode: StepFlowNode;
      if (previous && previous.data.view === view && previous.position === node.position && (previous.selected ?? false) === isSelected && previous.measured === size) {
        flowNode = previous;
      } else {
        flowNode = {
          id: node.id,
          type: node.kind,
          position: node.position,
          data: previous?.data.view === view ? previous.data : { view },
          selected: isSelected,
          ariaLabel: view.description,
          ...(size ? { measured: size } : {}),
        };
      }
      next.set(node.id, flowNode);
      result[i] = flowNode;
    }
    this.lastNodes = next;
    this.lastNodeList = result;
    if (this.views.size > next.size * 2 + 64) for (const id of this.views.keys()) if (!next.has(id)) this.views.delete(id);
    return result;
  }

  /**
   * The connections, named by the titles of `nodes`: the array the last `nodes()` call returned.
   * Hands back the previous array itself when no connection changed: during a drag only steps
   * move, and an unchanged edge list spares React Flow re-indexing every connection each frame.
   */
  edges(
    domain: readonly PathwayEdge[],
    nodes: readonly StepFlowNode[],
    selected: ReadonlySet<string>,
    problems: ReadonlyMap<string, ProblemMark>,
    options: { arrows: boolean } = { arrows: true },
  ): Edge[] {
    const markerEnd = options.arrows ? ARROW : undefined;
    if (nodes !== this.lastNodeList) throw new Error('FlowModel.edges needs the steps from the last nodes() call.');
    const next = new Map<string, EdgeEntry>();
    const result: Edge[] = new Array(domain.length);
    const title = (id: string): string => this.lastNodes.get(id)?.data.view.title ?? id;
    let unchanged = this.lastEdgeList !== null && this.lastEdgeList.length === domain.length;
    for (let i = 0; i < domain.length; i++) {
      const from = domain[i]!;
      const isSelected = selected.has(from.id);
      const problem = problems.get(from.id)?.severity;
      const className = problem ? `plp-edge-${problem}` : undefined;
      const sourceTitle = title(from.source);
      const targetTitle = title(from.target);
      const previous = this.lastEdges.get(from.id);
      let entry: EdgeEntry;
      if (
        previous &&
        previous.from === from &&
        previous.edge.selected === isSelected &&
        previous.edge.className === className &&
        previous.sourceTitle === sourceTitle &&
        previous.targetTitle === targetTitle &&
        previous.edge.markerEnd === markerEnd
      ) {
        entry = previous;
      } else {
        const ariaLabel = `${sourceTitle} comes before ${targetTitle}`;
        entry = { from, sourceTitle, targetTitle, edge: { id: from.id, source: from.source, target: from.target, selected: isSelected, className, ariaLabel, markerEnd } };
      }
      if (unchanged && this.lastEdgeList![i] !== entry.edge) unchanged = false;
      next.set(from.id, entry);
      result[i] = entry.edge;
    }
    this.lastEdges = next;
    if (unchanged) return this.lastEdgeList!;
    this.lastEdgeList = result;
    return result;
  }
}
