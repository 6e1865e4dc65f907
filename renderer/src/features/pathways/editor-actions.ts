/**
 * What the editor's buttons, shortcuts and drops do. Each reads the current project and
 * selection when it runs (never a stale copy captured at render) and makes exactly one command,
 * so every edit is one undo step. Selection and the view are changed directly: they are not edits.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import {
  addGroupActivities,
  addNode,
  deleteElements,
  moveNodes,
  pasteNodes,
  type PathwayNodeInput,
} from '../../../../shared/domain/commands/pathway-commands';
import { newId } from '../../../../shared/domain/ids';
import { copyNodes, pasteFragment } from '../../../../shared/domain/pathways/clipboard';
import type { Framework, PathwayNodeKind } from '../../../../shared/domain/schema';
import type { ProjectStore, ProjectStoreState, RunResult } from '../../state/project-store';
import { editorStore } from './editor-store';
import type { StepFlowNode } from './flow-model';
import { align, boxesOf, pasteOffset, STEP_HEIGHT, STEP_WIDTH, type Alignment, type Point, type Size } from './geometry';

export const NUDGE = 8;
export const NUDGE_LARGE = 48;

export function frameworkIn(state: ProjectStoreState, frameworkId: string | null): Framework | null {
  if (!frameworkId) return null;
  return state.history?.present.frameworks.find((framework) => framework.id === frameworkId) ?? null;
}

/**
 * The project as it was before the current gesture (a drag), else the present: what panels that
 * do not show positions read, so they do not re-render on every frame of a drag.
 */
export function stableProject(state: ProjectStoreState) {
  return state.history?.gesture?.before ?? state.history?.present ?? null;
}

export function stableFramework(state: ProjectStoreState, frameworkId: string | null): Framework | null {
  if (!frameworkId) return null;
  return stableProject(state)?.frameworks.find((framework) => framework.id === frameworkId) ?? null;
}

export interface EditorContext {
  readonly store: ProjectStore;
  readonly frameworkId: string;
  readonly flow: ReactFlowInstance<StepFlowNode>;
  /** The canvas element, for "the centre of the view". */
  readonly canvas: () => HTMLElement | null;
}

export function currentFramework(ctx: EditorContext): Framework | null {
  return frameworkIn(ctx.store.getState(), ctx.frameworkId);
}

/** Measured step sizes (React Flow measures each step once it is drawn). */
export function measuredSizes(ctx: EditorContext): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const node of ctx.flow.getNodes()) {
    const { width, height } = node.measured ?? {};
    if (width && height) sizes.set(node.id, { width, height });
  }
  return sizes;
}

const snap = (value: number): number => Math.round(value / 8) * 8;

/** The canvas point at the centre of what the user sees. */
export function viewCentre(ctx: EditorContext): Point {
  const rect = ctx.canvas()?.getBoundingClientRect();
  if (!rect) return { x: 0, y: 0 };
  return ctx.flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}

/** A free spot near `point`: steps added one after another by click cascade instead of stacking. */
function freeSpot(framework: Framework, point: Point): Point {
  let candidate = { x: snap(point.x), y: snap(point.y) };
  for (let attempt = 0; attempt < 50; attempt++) {
    const taken = framework.nodes.some((node) => Math.abs(node.position.x - candidate.x) < 16 && Math.abs(node.position.y - candidate.y) < 16);
    if (!taken) return candidate;
    candidate = { x: candidate.x + 32, y: candidate.y + 32 };
  }
  return candidate;
}

export const DEFAULT_STEP_LABEL: Record<PathwayNodeKind, string> = {
  'pre-assessment': 'Pre-assessment',
  core: '',
  'optional-group': 'Optional modules',
  'post-assessment': 'Post-assessment',
  capstone: 'Capstone',
  milestone: 'Manager check-in',
};

/** A new step of a kind, as the palette makes it. Assessments measure the framework's focus capabilities to begin with. */
export function newStep(framework: Framework, kind: PathwayNodeKind, position: Point, activityId: string | null = null): PathwayNodeInput {
  const base = { id: newId('node'), position, label: DEFAULT_STEP_LABEL[kind], notes: '' };
  switch (kind) {
    case 'pre-assessment':
    case 'post-assessment':
      return { ...base, kind, capabilityIds: [...framework.focusCapabilityIds], activityId };
    case 'core':
      if (!activityId) throw new Error('A core step needs an activity.');
      return { ...base, kind, activityId };
    case 'optional-group':
      return { ...base, kind, activityIds: activityId ? [activityId] : [], min: 1, max: 1, selectionRule: 'by-gap' };
    case 'capstone':
      return { ...base, kind, activityId };
    case 'milestone':
      return { ...base, kind, checkIn: true };
  }
}

/**
 * Adds a step. `at` is where the pointer dropped it (the step is centred there); without it the
 * step goes to the centre of the view.
 */
export function addStep(ctx: EditorContext, kind: PathwayNodeKind, options: { at?: Point; activityId?: string | null } = {}): RunResult {
  const framework = currentFramework(ctx);
  if (!framework) return { ok: false, message: 'No framework is open.' };
  const centre = options.at ?? viewCentre(ctx);
  const position = options.at
    ? { x: snap(centre.x - STEP_WIDTH / 2), y: snap(centre.y - STEP_HEIGHT / 2) }
    : freeSpot(framework, { x: centre.x - STEP_WIDTH / 2, y: centre.y - STEP_HEIGHT / 2 });
  let created: PathwayNodeInput | null = null;
  const result = ctx.store.getState().run(() => {
    created = newStep(framework, kind, position, options.activityId ?? null);
    return addNode(ctx.frameworkId, created);
  });
  if (result.ok && created) editorStore.getState().select([(created as PathwayNodeInput).id]);
  return result;
}

export function addToGroup(ctx: EditorContext, groupId: string, activityId: string): RunResult {
  const result = ctx.store.getState().run(() => addGroupActivities(ctx.frameworkId, groupId, [activityId]));
  if (result.ok) editorStore.getState().select([groupId]);
  return result;
}

export function selectedNodeIds(): string[] {
  return [...editorStore.getState().selectedNodes];
}

export function copySelection(ctx: EditorContext): number {
  const framework = currentFramework(ctx);
  const ids = selectedNodeIds();
  if (!framework || ids.length === 0) return 0;
  const fragment = copyNodes(framework, ids);
  editorStore.getState().setClipboard({ fragment, frameworkId: ctx.frameworkId, pastes: 0 });
  return fragment.nodes.length;
}

function pasteInto(ctx: EditorContext, fragment: ReturnType<typeof copyNodes>, offset: Point, label: string): RunResult {
  const framework = currentFramework(ctx);
  if (!framework) return { ok: false, message: 'No framework is open.' };
  let ids: string[] = [];
  const result = ctx.store.getState().run(() => {
    const pasted = pasteFragment(framework, fragment, { newId: (prefix) => newId(prefix), offset });
    ids = pasted.nodes.map((node) => node.id);
    return pasteNodes(ctx.frameworkId, pasted, label);
  });
  if (result.ok) editorStore.getState().select(ids);
  return result;
}

export function pasteClipboard(ctx: EditorContext): RunResult | null {
  const { clipboard } = editorStore.getState();
  if (!clipboard || clipboard.fragment.nodes.length === 0) return null;
  const sameFramework = clipboard.frameworkId === ctx.frameworkId;
  const offset = pasteOffset(
    clipboard.fragment.nodes.map((node) => node.position),
    { sameFramework, pastes: clipboard.pastes, viewCentre: viewCentre(ctx) },
  );
  const count = clipboard.fragment.nodes.length;
  const result = pasteInto(ctx, clipboard.fragment, offset, count === 1 ? 'Paste step' : `Paste ${count} steps`);
  if (result.ok && sameFramework) editorStore.getState().notePaste();
  return result;
}

export function duplicateSelection(ctx: EditorContext): RunResult | null {
  const framework = currentFramework(ctx);
  const ids = selectedNodeIds();
  if (!framework || ids.length === 0) return null;
  const fragment = copyNodes(framework, ids);
  return pasteInto(ctx, fragment, { x: 40, y: 40 }, ids.length === 1 ? 'Duplicate step' : `Duplicate ${ids.length} steps`);
}

export function deleteSelection(ctx: EditorContext): RunResult | null {
  const { selectedNodes, selectedEdges } = editorStore.getState();
  const framework = currentFramework(ctx);
  if (!framework) return null;
  const nodeIds = framework.nodes.filter((node) => selectedNodes.has(node.id)).map((node) => node.id);
  const edgeIds = framework.edges.filter((edge) => selectedEdges.has(edge.id)).map((edge) => edge.id);
  if (nodeIds.length === 0 && edgeIds.length === 0) return null;
  const result = ctx.store.getState().run(() => deleteElements(ctx.frameworkId, { nodeIds, edgeIds }));
  if (result.ok) editorStore.getState().clearSelection();
  return result;
}

export function cutSelection(ctx: EditorContext): RunResult | null {
  if (copySelection(ctx) === 0) return null;
  return deleteSelection(ctx);
}

export function selectAll(ctx: EditorContext): void {
  const framework = currentFramework(ctx);
  if (framework) editorStore.getState().select(framework.nodes.map((node) => node.id));
}

export function alignSelection(ctx: EditorContext, alignment: Alignment, label: string): RunResult | null {
  const framework = currentFramework(ctx);
  if (!framework) return null;
  const ids = new Set(selectedNodeIds());
  const moved = align(boxesOf(framework.nodes, measuredSizes(ctx), ids), alignment);
  if (moved.size === 0) return null;
  return ctx.store.getState().run(() => moveNodes(ctx.frameworkId, moved, label));
}

/** Shows these steps: selects them and zooms the view to frame them. */
export function frameNodes(ctx: EditorContext, nodeIds: readonly string[], edgeIds: readonly string[] = []): void {
  editorStore.getState().select(nodeIds, edgeIds);
  if (nodeIds.length === 0) return;
  void ctx.flow.fitView({ nodes: nodeIds.map((id) => ({ id })), padding: 0.35, maxZoom: 1.1, duration: 350 });
}

export function fitAll(ctx: EditorContext): void {
  void ctx.flow.fitView({ padding: 0.12, maxZoom: 1, duration: 300 });
}
