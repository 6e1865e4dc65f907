import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/ipc/channels';
import { EVENT_NAMES, REQUEST_NAMES } from '../../../shared/ipc/contract';
import { StudioRequestError, type PlpApi } from '../../../shared/ipc/api';
import { fake, FakeWebContents, fakeFrame } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

// Importing the preload runs it against the fake contextBridge and ipcRenderer.
await import('../../../electron/preload/index');
const { createSenderCheck, registerIpcHandlers, sendEvent } = await import('../../../electron/main/ipc');
const { createStudioHandlers, createStudioServices, createMemorySettings, createScriptedDialogs } = await import('../../../electron/services/studio');

const exposeCalls = [...fake.contextBridge.exposeInMainWorld.mock.calls];
const api = exposeCalls[0]?.[1] as PlpApi;

describe('the preload', () => {
  it('exposes exactly one object, as window.plp', () => {
    expect(exposeCalls).toHaveLength(1);
    expect(exposeCalls[0]?.[0]).toBe('plp');
  });

  it('has one function per request, an events object with one function per event, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...REQUEST_NAMES, 'events'].sort());
    for (const name of REQUEST_NAMES) expect(typeof api[name], name).toBe('function');
    expect(Object.keys(api.events).sort()).toEqual([...EVENT_NAMES].sort());
    for (const name of EVENT_NAMES) expect(typeof api.events[name], name).toBe('function');
  });

  it('is frozen, so the page cannot add or replace methods', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.events)).toBe(true);
  });

  it("invokes each request's own channel with the payload", async () => {
    fake.ipcRenderer.target = async () => ({ ok: true, value: 'answer' });
    for (const name of REQUEST_NAMES) {
      fake.ipcRenderer.invoke.mockClear();
      await expect((api[name] as (input: unknown) => Promise<unknown>)({ probe: name })).resolves.toBe('answer');
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(REQUEST_CHANNELS[name], { probe: name });
    }
  });

  it('subscribes to event channels without passing the IPC event to the page, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = api.events.menuCommand(listener);
    fake.ipcRenderer.receive(EVENT_CHANNELS.menuCommand, { command: 'undo' });
    expect(listener).toHaveBeenCalledWith({ command: 'undo' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    // Unsubscribing returns nothing: returning ipcRenderer (what removeListener returns) would
    // hand the page a copy of it through the context bridge.
    expect(unsubscribe()).toBeUndefined();
    expect(fake.ipcRenderer.listenerCount(EVENT_CHANNELS.menuCommand)).toBe(0);
  });
});

describe('end to end through the fakes: window.plp → ipcRenderer → ipcMain → handlers', () => {
  let dir: string;
  const windowId = 3;
  const frame = fakeFrame({ url: 'app://studio/index.html' });
  const rendererContents = new FakeWebContents();
  const settings = createMemorySettings({ recentFiles: ['/projects/one.plp'] });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'plp-e2e-fakes-'));
    const { documents, backups } = createStudioServices({ backupDir: path.join(dir, 'backups'), appVersion: '0.1.0' });
    const handlers = createStudioHandlers({
      documents,
      backups,
      settings,
      dialogs: createScriptedDialogs(),
      windows: { confirmClose: () => true },
      launchFile: () => null,
      settingsRecoveredFrom: null,
      appVersion: '0.1.0',
      platform: 'linux',
      sampleProjectText: () => Promise.reject(new Error('no sample in this test')),
    });
    registerIpcHandlers(fake.ipcMain as never, handlers, {
      isTrustedSender: createSenderCheck(() => [frame]),
      windowIdFor: () => windowId,
    });
    // The renderer's invoke arrives at ipcMain from our window's main frame.
    fake.ipcRenderer.target = (channel, payload) => fake.ipcMain.invoke(channel, { sender: rendererContents, senderFrame: frame }, payload);
    rendererContents.deliver = (channel, ...args) => fake.ipcRenderer.receive(channel, ...args);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers requests with the real studio handlers', async () => {
    await expect(api.listRecentFiles({})).resolves.toEqual(['/projects/one.plp']);
    await expect(api.updatePreferences({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' });
    expect(settings.preferences().theme).toBe('dark');
    const opened = await api.newProject({ kind: 'blank' });
    expect(opened.documentId).toMatch(/^doc-/);
    expect(opened.filePath).toBeNull();
    await expect(api.clearRecentFiles({})).resolves.toEqual([]);
  });

  it('rejects a bad payload with StudioRequestError(invalid-request), leaving state alone', async () => {
    const attempt = api.updatePreferences({ theme: 'neon' } as never);
    await expect(attempt).rejects.toBeInstanceOf(StudioRequestError);
    await expect(api.updatePreferences({ theme: 'neon' } as never)).rejects.toMatchObject({ code: 'invalid-request' });
    expect(settings.preferences().theme).toBe('dark');
  });

  it('delivers main-process events to subscribers', () => {
    const listener = vi.fn();
    const unsubscribe = api.events.openFileRequested(listener);
    sendEvent(rendererContents as never, 'openFileRequested', { filePath: '/projects/two.plp' });
    expect(listener).toHaveBeenCalledWith({ filePath: '/projects/two.plp' });
    unsubscribe();
  });
});
