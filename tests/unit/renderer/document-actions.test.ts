/** The document actions against the memory twin (the whole contract, validated) and a fake UI. */
import { beforeEach, describe, expect, it } from 'vitest';
import { renameProject } from '../../../shared/domain/commands/project-commands';
import { serializeProject } from '../../../shared/domain/project-file';
import { createDocumentActions, type DocumentActions } from '../../../renderer/src/app/document-actions';
import { createUiStore } from '../../../renderer/src/app/ui-store';
import { createMemoryTwin, type MemoryTwin } from '../../../renderer/src/platform/memory-twin';
import { createProjectStore, selectIsUnsaved, selectTitle, type ProjectStore } from '../../../renderer/src/state/project-store';
import { FakeUi, smallProject } from './helpers';

let twin: MemoryTwin;
let store: ProjectStore;
let ui: FakeUi;
let actions: DocumentActions;
const uiStore = createUiStore();

function setup(files: Record<string, string> = {}) {
  twin = createMemoryTwin({ sample: smallProject('Sample'), files, saveDialog: () => '/disk/saved.plp' });
  store = createProjectStore();
  ui = new FakeUi();
  actions = createDocumentActions({ api: twin.api, store, ui, uiStore });
}

const edit = (title: string) => store.getState().run(renameProject(title));
const calls = (name: string) => twin.control.calls.filter((call) => call.name === name);

beforeEach(() => setup({ '/disk/a.plp': serializeProject(smallProject('File A')) }));

describe('new and open', () => {
  it('opens a file and loads it clean, with its path', async () => {
    expect(await actions.openPath('/disk/a.plp')).toBe(true);
    expect(selectTitle(store.getState())).toBe('File A');
    expect(store.getState().document?.filePath).toBe('/disk/a.plp');
    expect(selectIsUnsaved(store.getState())).toBe(false);
    expect(uiStore.getState().recentFiles[0]).toBe('/disk/a.plp');
  });

  it('a failed open says why in one line, with details, and keeps what was open', async () => {
    twin.control.files.set('/disk/broken.plp', '{"schemaVersion": 1, "meta": 5}');
    await actions.newProject('sample');
    expect(await actions.openPath('/disk/broken.plp')).toBe(false);
    const toast = ui.toasts.at(-1)!;
    expect(toast.kind).toBe('error');
    expect(toast.title).toBe("Couldn't open \u201cbroken.plp\u201d");
    expect(toast.message).toMatch(/problem at \$\.meta/);
    expect(toast.details?.length).toBeGreaterThan(0);
    expect(toast.persistent).toBe(true);
    expect(selectTitle(store.getState())).toBe('Sample');
  });

  it('a cancelled open dialog does nothing', async () => {
    twin.control.setOpenDialog(() => null);
    await actions.newProject('sample');
    expect(await actions.open()).toBe(false);
    expect(selectTitle(store.getState())).toBe('Sample');
    expect(ui.toasts).toEqual([]);
  });

  it('an upgraded file says so', async () => {
    const api = { ...twin.api, openProject: async () => ({ status: 'opened' as const, document: { documentId: 'doc-old1', project: smallProject('Old'), filePath: '/disk/old.plp', migratedFrom: 0, unsaved: false } }) };
    const upgrading = createDocumentActions({ api, store, ui, uiStore });
    expect(await upgrading.openPath('/disk/old.plp')).toBe(true);
    expect(ui.toasts.at(-1)?.message).toBe('Upgraded from file format 0; saving will write the new format.');
    expect(store.getState().document?.migratedFrom).toBe(0);
  });

  it('asks before replacing unsaved work: Cancel keeps everything', async () => {
    await actions.newProject('sample');
    edit('Edited');
    ui.unsavedAnswers = ['cancel'];
    expect(await actions.openPath('/disk/a.plp')).toBe(false);
    expect(ui.prompts).toEqual(['unsaved:Edited']);
    expect(selectTitle(store.getState())).toBe('Edited');
    expect(calls('openProject')).toHaveLength(0);
  });

  it("Don't save replaces the work and drops its backup", async () => {
    await actions.newProject('sample');
    const first = store.getState().document!.documentId;
    edit('Edited');
    ui.unsavedAnswers = ['discard'];
    expect(await actions.newProject('blank')).toBe(true);
    expect(selectTitle(store.getState())).toBe('Untitled project');
    expect(calls('closeProject').at(-1)?.input).toEqual({ documentId: first, discardBackup: true });
  });

  it('Save saves first, then replaces', async () => {
    await actions.newProject('sample');
    edit('Keep me');
    ui.unsavedAnswers = ['save'];
    expect(await actions.openPath('/disk/a.plp')).toBe(true);
    expect(twin.control.files.get('/disk/saved.plp')).toContain('"title": "Keep me"');
    expect(selectTitle(store.getState())).toBe('File A');
  });

  it('Save that is cancelled (no location chosen) keeps the work', async () => {
    await actions.newProject('sample');
    edit('Keep me');
    twin.control.setSaveDialog(() => null);
    ui.unsavedAnswers = ['save'];
    expect(await actions.newProject('blank')).toBe(false);
    expect(selectTitle(store.getState())).toBe('Keep me');
  });

  it('no prompt when nothing is unsaved', async () => {
    await actions.newProject('sample');
    await actions.newProject('blank');
    expect(ui.prompts).toEqual([]);
  });
});

describe('save', () => {
  it('saves the snapshot that was sent, says "Saved", and the project is clean', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Renamed');
    expect(await actions.save()).toBe('saved');
    expect(selectIsUnsaved(store.getState())).toBe(false);
    expect(twin.control.files.get('/disk/a.plp')).toContain('"title": "Renamed"');
    expect(ui.kinds()).toContain('success:Saved');
  });

  it('a never-saved project asks for a location and remembers it', async () => {
    await actions.newProject('sample');
    edit('New');
    expect(await actions.save()).toBe('saved');
    expect(store.getState().document?.filePath).toBe('/disk/saved.plp');
  });

  it('a failed save shows a persistent error and keeps the edits unsaved', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Unsaved');
    twin.control.failSaves({ code: 'disk-full', message: 'The disk is full.' });
    expect(await actions.save()).toBe('failed');
    const toast = ui.toasts.at(-1)!;
    expect(toast).toMatchObject({ kind: 'error', persistent: true, title: "Couldn't save \u201ca.plp\u201d" });
    expect(toast.message).toMatch(/^The disk is full\. Your changes are still here, unsaved/);
    expect(selectIsUnsaved(store.getState())).toBe(true);
    expect(twin.control.files.get('/disk/a.plp')).toContain('"title": "File A"');
  });

  it('a conflict asks: Cancel writes nothing', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    twin.control.files.set('/disk/a.plp', serializeProject(smallProject('Theirs')));
    ui.conflictAnswers = ['cancel'];
    expect(await actions.save()).toBe('cancelled');
    expect(ui.prompts).toEqual(['conflict:a.plp']);
    expect(twin.control.files.get('/disk/a.plp')).toContain('"title": "Theirs"');
    expect(selectIsUnsaved(store.getState())).toBe(true);
  });

  it('a conflict asks: Overwrite writes with overwriteChanged', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    twin.control.files.set('/disk/a.plp', serializeProject(smallProject('Theirs')));
    ui.conflictAnswers = ['overwrite'];
    expect(await actions.save()).toBe('saved');
    expect(twin.control.files.get('/disk/a.plp')).toContain('"title": "Mine"');
    expect(calls('saveProject').at(-1)?.input).toMatchObject({ overwriteChanged: true });
  });

  it('a conflict asks: Save as… keeps both files', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    twin.control.files.set('/disk/a.plp', serializeProject(smallProject('Theirs')));
    twin.control.setSaveDialog(() => '/disk/mine.plp');
    ui.conflictAnswers = ['save-as'];
    expect(await actions.save()).toBe('saved');
    expect(twin.control.files.get('/disk/a.plp')).toContain('"title": "Theirs"');
    expect(twin.control.files.get('/disk/mine.plp')).toContain('"title": "Mine"');
    expect(store.getState().document?.filePath).toBe('/disk/mine.plp');
  });

  it('save as writes to the chosen place', async () => {
    await actions.openPath('/disk/a.plp');
    twin.control.setSaveDialog(() => '/disk/copy.plp');
    expect(await actions.saveAs()).toBe('saved');
    expect(store.getState().document?.filePath).toBe('/disk/copy.plp');
  });

  it('a second action while one is running is ignored', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    const first = actions.save();
    expect(actions.isBusy()).toBe(true);
    expect(await actions.save()).toBe('cancelled');
    expect(await first).toBe('saved');
    expect(calls('saveProject')).toHaveLength(1);
  });

  it('an unexpected failure (a refused request) becomes an error toast, not a crash', async () => {
    const api = { ...twin.api, saveProject: () => Promise.reject(new Error('Refused "saveProject": $.project: bad')) };
    const failing = createDocumentActions({ api, store, ui, uiStore });
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    expect(await failing.save()).toBe('cancelled');
    expect(ui.kinds().at(-1)).toBe('error:Something went wrong');
  });
});

describe('close', () => {
  it('closing with unsaved work asks; Cancel keeps it open', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    ui.unsavedAnswers = ['cancel'];
    expect(await actions.close()).toBe(false);
    expect(store.getState().document).not.toBeNull();
  });

  it('close project leaves nothing open', async () => {
    await actions.openPath('/disk/a.plp');
    expect(await actions.close()).toBe(true);
    expect(store.getState().document).toBeNull();
  });

  it('window close request: settles unsaved work, then confirms close', async () => {
    await actions.openPath('/disk/a.plp');
    edit('Mine');
    ui.unsavedAnswers = ['cancel', 'discard'];
    expect(await actions.handleCloseRequest()).toBe(false);
    expect(twin.control.closeConfirmed).toBe(false);
    expect(await actions.handleCloseRequest()).toBe(true);
    expect(twin.control.closeConfirmed).toBe(true);
    expect(calls('closeProject').at(-1)?.input).toMatchObject({ discardBackup: true });
  });
});
