/**
 * The editor's actions over a real project store, with React Flow replaced by a tiny fake (the
 * view: where its centre is, what it has measured). Every action is one undo step; selection
 * and the clipboard are view state and never one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactFlowInstance } from '@xyflow/react';
import { addFramework } from '../../../shared/domain/commands/pathway-commands';
import * as H from '../../../shared/domain/history';
import { createProjectStore, type ProjectStore } from '../../../renderer/src/state/project-store';
import {
  addStep,
  addToGroup,
  alignSelection,
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  frameNodes,
  newStep,
  pasteClipboard,
  selectAll,
  stableFramework,
  type EditorContext,
} from '../../../renderer/src/features/pathways/editor-actions';
import { editorStore } from '../../../renderer/src/features/pathways/editor-store';
import type { StepFlowNode } from '../../../renderer/src/features/pathways/flow-model';
import { framework, fw, node, project } from './fixtures';

function fakeFlow(centre = { x: 500, y: 300 }) {
  return {
    getNodes: () => [] as StepFlowNode[],
    screenToFlowPosition: () => centre,
    fitView: vi.fn(async () => true),
  } as unknown as ReactFlowInstance<StepFlowNode> & { fitView: ReturnType<typeof vi.fn> };
}

let store: ProjectStore;
let ctx: EditorContext;

function open(frameworkId = 'fw') {
  ctx = { store, frameworkId, flow: fakeFlow(), canvas: () => null };
  editorStore.getState().openFramework(frameworkId);
  editorStore.getState().clearSelection();
}

const present = () => store.getState().history!.present;
const undoLabel = () => H.undoLabel(store.getState().history!);
const steps = (frameworkId = 'fw') => fw(present(), frameworkId).nodes;

beforeEach(() => {
  store = createProjectStore();
  store.getState().load({ documentId: 'doc-1', filePath: null, project: project([framework('fw'), framework('fw-2', { name: 'Second', nodes: [], edges: [] })]), migratedFrom: null, unsaved: false });
  editorStore.getState().setClipboard(null);
  editorStore.getState().openFramework(null);
  open();
});

describe('adding steps', () => {
  it('adds a step at the centre of the view, cascading repeated adds, and selects it', () => {
    expect(addStep(ctx, 'milestone').ok).toBe(true);
    expect(addStep(ctx, 'milestone').ok).toBe(true);
    const added = steps().slice(-2);
    expect(added.map((n) => n.kind)).toEqual(['milestone', 'milestone']);
    expect(added[1]!.position.x - added[0]!.position.x).toBe(32);
    expect(editorStore.getState().selectedNodes).toEqual(new Set([added[1]!.id]));
    expect(undoLabel()).toBe('Add milestone');
  });

  it('drops a step centred on the pointer, snapped to the grid', () => {
    addStep(ctx, 'capstone', { at: { x: 1000, y: 400 } });
    const added = steps().at(-1)!;
    expect(added.position.x % 8).toBe(0);
    expect(added.position).toEqual({ x: Math.round((1000 - 124) / 8) * 8, y: Math.round((400 - 52) / 8) * 8 });
  });

  it('gives new assessments the focus capabilities, groups the dropped activity, core steps their activity', () => {
    const focus = { ...framework('fw'), focusCapabilityIds: ['cap-b'] };
    expect(newStep(focus, 'pre-assessment', { x: 0, y: 0 })).toMatchObject({ kind: 'pre-assessment', capabilityIds: ['cap-b'], label: 'Pre-assessment' });
    expect(newStep(focus, 'optional-group', { x: 0, y: 0 }, 'act-video')).toMatchObject({ activityIds: ['act-video'], min: 1, max: 1, selectionRule: 'by-gap' });
    expect(newStep(focus, 'core', { x: 0, y: 0 }, 'act-video')).toMatchObject({ kind: 'core', activityId: 'act-video', label: '' });
    expect(() => newStep(focus, 'core', { x: 0, y: 0 })).toThrow(/needs an activity/);
  });

  it('drops an activity into a group, once', () => {
    expect(addToGroup(ctx, 'group', 'act-podcast').ok).toBe(true);
    expect(node(present(), 'group')).toMatchObject({ activityIds: ['act-mentor', 'act-video', 'act-podcast'] });
    expect(undoLabel()).toBe('Add activity to group');
    expect(addToGroup(ctx, 'group', 'act-podcast')).toEqual({ ok: true, changed: false });
  });
});

describe('selection, clipboard and deletion', () => {
  it('selecting is not an edit', () => {
    const before = store.getState().history;
    selectAll(ctx);
    expect(editorStore.getState().selectedNodes.size).toBe(5);
    expect(store.getState().history).toBe(before);
  });

  it('copies into the in-app clipboard and pastes into the same framework, cascading', () => {
    editorStore.getState().select(['core', 'group']);
    expect(copySelection(ctx)).toBe(2);
    expect(pasteClipboard(ctx)?.ok).toBe(true);
    expect(pasteClipboard(ctx)?.ok).toBe(true);
    expect(steps()).toHaveLength(9);
    const copies = steps().slice(-2);
    expect(copies[0]!.position).toEqual({ x: node(present(), 'core').position.x + 80, y: 80 });
    expect(fw(present()).edges).toHaveLength(6);
    expect(editorStore.getState().selectedNodes).toEqual(new Set(copies.map((n) => n.id)));
    expect(undoLabel()).toBe('Paste 2 steps');
  });

  it('pastes into another framework, centred on the view, with the connections among the copied steps', () => {
    editorStore.getState().select(['pre', 'core', 'group']);
    copySelection(ctx);
    open('fw-2');
    expect(pasteClipboard(ctx)?.ok).toBe(true);
    expect(steps('fw-2').map((n) => n.kind)).toEqual(['pre-assessment', 'core', 'optional-group']);
    expect(fw(present(), 'fw-2').edges).toHaveLength(2);
  });

  it('has nothing to paste with an empty clipboard', () => {
    expect(pasteClipboard(ctx)).toBeNull();
  });

  it('duplicates next to the originals without touching the clipboard', () => {
    editorStore.getState().select(['capstone']);
    expect(duplicateSelection(ctx)?.ok).toBe(true);
    expect(steps().at(-1)!.position).toEqual({ x: 1240, y: 40 });
    expect(editorStore.getState().clipboard).toBeNull();
    expect(undoLabel()).toBe('Duplicate step');
  });

  it('deletes the selected steps and connections as one step; cut copies first', () => {
    editorStore.getState().select(['core'], ['e4']);
    expect(deleteSelection(ctx)?.ok).toBe(true);
    expect(steps().map((n) => n.id)).toEqual(['pre', 'group', 'post', 'capstone']);
    expect(fw(present()).edges.map((e) => e.id)).toEqual(['e3']);
    expect(editorStore.getState().selectedNodes.size).toBe(0);
    store.getState().undo();
    expect(steps()).toHaveLength(5);
    editorStore.getState().select(['post']);
    expect(cutSelection(ctx)?.ok).toBe(true);
    expect(editorStore.getState().clipboard?.fragment.nodes.map((n) => n.id)).toEqual(['post']);
    expect(deleteSelection(ctx)).toBeNull();
  });

  it('aligns the selection as one named step', () => {
    editorStore.getState().select(['pre', 'core', 'group']);
    store.getState().run(() => ({ label: 'x', apply: (p) => p }));
    expect(alignSelection(ctx, 'bottom', 'Align bottom edges')).toBeNull(); // all on one line already
    addStep(ctx, 'milestone', { at: { x: 0, y: 900 } });
    editorStore.getState().select(['pre', steps().at(-1)!.id]);
    expect(alignSelection(ctx, 'top', 'Align top edges')?.ok).toBe(true);
    expect(steps().at(-1)!.position.y).toBe(0);
    expect(undoLabel()).toBe('Align top edges');
  });

  it('frames the steps of a problem: selects them and fits the view to them', () => {
    frameNodes(ctx, ['post', 'capstone'], ['e4']);
    expect(editorStore.getState().selectedNodes).toEqual(new Set(['post', 'capstone']));
    expect(editorStore.getState().selectedEdges).toEqual(new Set(['e4']));
    expect((ctx.flow as unknown as { fitView: ReturnType<typeof vi.fn> }).fitView).toHaveBeenCalledWith(expect.objectContaining({ nodes: [{ id: 'post' }, { id: 'capstone' }] }));
  });
});

describe('panels read the project as it was before a drag', () => {
  it('keeps the framework object stable during a gesture', () => {
    const before = stableFramework(store.getState(), 'fw');
    store.getState().beginGesture('Move step');
    store.getState().updateGesture(() => ({ label: 'Move step', apply: (p) => ({ ...p, frameworks: p.frameworks.map((f) => (f.id === 'fw' ? { ...f, nodes: [...f.nodes] } : f)) }) }));
    expect(stableFramework(store.getState(), 'fw')).toBe(before);
    store.getState().endGesture();
    expect(stableFramework(store.getState(), 'fw')).not.toBe(before);
  });

  it('a new framework is one undo step', () => {
    store.getState().run(() => addFramework({ id: 'fw-3', name: 'Third' }));
    expect(undoLabel()).toBe('New framework');
  });
});
