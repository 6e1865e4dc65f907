import { describe, expect, it, vi } from 'vitest';
import { renameCapability } from '../../../shared/domain/commands/capability-commands';
import { renameProject } from '../../../shared/domain/commands/project-commands';
import {
  createProjectStore,
  selectIsUnsaved,
  selectNeedsBackup,
  selectPresent,
  selectRedoLabel,
  selectTitle,
  selectUndoLabel,
} from '../../../renderer/src/state/project-store';
import { opened, smallProject } from './helpers';

describe('project store', () => {
  it('starts empty and refuses edits with nothing open', () => {
    const store = createProjectStore();
    expect(store.getState().document).toBeNull();
    expect(selectPresent(store.getState())).toBeNull();
    expect(store.getState().run(renameProject('X'))).toEqual({ ok: false, message: 'No project is open.' });
  });

  it('loads a project as clean, or as unsaved for a recovered backup; loading is not an undo step', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    expect(selectIsUnsaved(store.getState())).toBe(false);
    expect(selectUndoLabel(store.getState())).toBeNull();
    expect(store.getState().document).toEqual({ documentId: 'doc-test1', filePath: null, migratedFrom: null });

    store.getState().load(opened(smallProject(), { unsaved: true, documentId: 'doc-test2' }));
    expect(selectIsUnsaved(store.getState())).toBe(true);
    expect(store.getState().document?.documentId).toBe('doc-test2');
  });

  it('runs commands as undoable steps, and undo back to the saved state is clean again', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    expect(store.getState().run(renameProject('Negotiation'))).toEqual({ ok: true, changed: true });
    expect(selectTitle(store.getState())).toBe('Negotiation');
    expect(selectIsUnsaved(store.getState())).toBe(true);
    expect(selectUndoLabel(store.getState())).toBe('Rename project');

    store.getState().undo();
    expect(selectTitle(store.getState())).toBe('Executive presence');
    expect(selectIsUnsaved(store.getState())).toBe(false);
    expect(selectRedoLabel(store.getState())).toBe('Rename project');

    store.getState().redo();
    expect(selectTitle(store.getState())).toBe('Negotiation');
    expect(selectIsUnsaved(store.getState())).toBe(true);
  });

  it('reports a refused command (CommandError) without throwing and without changing anything', () => {
    const onCommandError = vi.fn();
    const store = createProjectStore({ onCommandError });
    store.getState().load(opened(smallProject()));
    const before = store.getState().history;

    const byFactory = store.getState().run(() => renameProject('   '));
    expect(byFactory.ok).toBe(false);
    const missing = store.getState().run(renameCapability('cap-missing', 'Name'));
    expect(missing).toEqual({ ok: false, message: 'There is no capability "cap-missing".' });

    expect(store.getState().history).toBe(before);
    expect(onCommandError).toHaveBeenCalledTimes(2);
    expect(onCommandError.mock.calls[1]).toEqual(['There is no capability "cap-missing".', 'Rename capability']);
  });

  it('rethrows errors that are not CommandErrors (bugs must not be swallowed)', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    expect(() =>
      store.getState().run({
        label: 'Broken',
        apply: () => {
          throw new TypeError('bug');
        },
      }),
    ).toThrow('bug');
  });

  it('a command that changes nothing records nothing', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    expect(store.getState().run(renameProject('Executive presence'))).toEqual({ ok: true, changed: false });
    expect(selectUndoLabel(store.getState())).toBeNull();
    expect(selectIsUnsaved(store.getState())).toBe(false);
  });

  it('records a gesture as one step', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    store.getState().beginGesture('Rename project');
    store.getState().updateGesture(renameProject('A'));
    store.getState().updateGesture(renameProject('AB'));
    expect(selectTitle(store.getState())).toBe('AB');
    store.getState().endGesture();
    store.getState().undo();
    expect(selectTitle(store.getState())).toBe('Executive presence');
    expect(selectUndoLabel(store.getState())).toBeNull();
  });

  it('cancelGesture restores the state before the gesture', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    store.getState().beginGesture('Rename project');
    store.getState().updateGesture(renameProject('A'));
    store.getState().cancelGesture();
    expect(selectTitle(store.getState())).toBe('Executive presence');
    expect(selectUndoLabel(store.getState())).toBeNull();
  });

  it('markSaved saves the snapshot that was sent: edits made during the save stay unsaved', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    store.getState().run(renameProject('Sent to disk'));
    const snapshot = store.getState().history!.present;
    store.getState().run(renameProject('Typed while saving'));
    store.getState().markSaved(snapshot, '/work/a.plp');
    expect(store.getState().document?.filePath).toBe('/work/a.plp');
    expect(selectIsUnsaved(store.getState())).toBe(true);
    store.getState().undo();
    expect(selectIsUnsaved(store.getState())).toBe(false);
  });

  it('markSaved clears the migrated-from note (the file now has the new format)', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject(), { migratedFrom: 0, filePath: '/a.plp' }));
    store.getState().markSaved(store.getState().history!.present, '/a.plp');
    expect(store.getState().document?.migratedFrom).toBeNull();
  });

  it('tracks whether the present needs a crash backup', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    expect(selectNeedsBackup(store.getState())).toBe(false);
    store.getState().run(renameProject('B'));
    expect(selectNeedsBackup(store.getState())).toBe(true);
    store.getState().markBackedUp(store.getState().history!.present, '2026-01-05T10:00:00Z');
    expect(selectNeedsBackup(store.getState())).toBe(false);
    expect(store.getState().lastBackup?.at).toBe('2026-01-05T10:00:00Z');
    store.getState().run(renameProject('C'));
    expect(selectNeedsBackup(store.getState())).toBe(true);
  });

  it('selectors return stable values, so subscribers re-render only on real change', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    const listener = vi.fn();
    const unsubscribe = store.subscribe((state, previous) => {
      if (selectTitle(state) !== selectTitle(previous)) listener();
    });
    store.getState().markBackedUp(store.getState().history!.present, 'now');
    expect(listener).not.toHaveBeenCalled();
    store.getState().run(renameProject('New'));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('clear closes the document', () => {
    const store = createProjectStore();
    store.getState().load(opened(smallProject()));
    store.getState().clear();
    expect(store.getState().document).toBeNull();
    expect(store.getState().history).toBeNull();
  });
});
