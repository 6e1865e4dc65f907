import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/src/features/pathways/editor-store';
import { copyNodes } from '../../../shared/domain/pathways/clipboard';
import { framework } from './fixtures';

describe('editor view state', () => {
  it('opening a framework clears the selection and shows its properties', () => {
    const store = createEditorStore();
    store.getState().openFramework('fw');
    store.getState().select(['a', 'b'], ['e']);
    expect(store.getState().panel).toBe('step');
    store.getState().openFramework('fw');
    expect(store.getState().selectedNodes.size).toBe(2);
    store.getState().openFramework('fw-2');
    expect(store.getState()).toMatchObject({ frameworkId: 'fw-2', panel: 'framework' });
    expect(store.getState().selectedNodes.size).toBe(0);
    expect(store.getState().selectedEdges.size).toBe(0);
  });

  it("applies React Flow's select changes, keeping the same set when nothing changes", () => {
    const store = createEditorStore();
    store.getState().applySelectionChanges(
      [
        { id: 'a', selected: true },
        { id: 'b', selected: true },
      ],
      [],
    );
    const selected = store.getState().selectedNodes;
    expect(selected).toEqual(new Set(['a', 'b']));
    store.getState().applySelectionChanges([{ id: 'a', selected: true }], [{ id: 'x', selected: false }]);
    expect(store.getState().selectedNodes).toBe(selected);
    store.getState().applySelectionChanges([{ id: 'a', selected: false }], [{ id: 'e', selected: true }]);
    expect(store.getState().selectedNodes).toEqual(new Set(['b']));
    expect(store.getState().selectedEdges).toEqual(new Set(['e']));
    store.getState().select(['b'], ['e']);
    expect(store.getState().selectedNodes).toEqual(new Set(['b']));
    store.getState().clearSelection();
    expect(store.getState().selectedNodes.size + store.getState().selectedEdges.size).toBe(0);
  });

  it('keeps the clipboard across frameworks and counts pastes', () => {
    const store = createEditorStore();
    store.getState().openFramework('fw');
    store.getState().setClipboard({ fragment: copyNodes(framework(), ['core']), frameworkId: 'fw', pastes: 0 });
    store.getState().openFramework('fw-2');
    store.getState().notePaste();
    store.getState().notePaste();
    expect(store.getState().clipboard).toMatchObject({ frameworkId: 'fw', pastes: 2 });
  });
});
