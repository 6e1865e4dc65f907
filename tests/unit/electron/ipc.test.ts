import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBlankProject } from '../../../shared/domain/factory';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/ipc/channels';
import type { ResponseEnvelope } from '../../../shared/ipc/api';
import { createSenderCheck, registerIpcHandlers, sendEvent, type IpcOptions } from '../../../electron/main/ipc';
import { FakeIpcMain, FakeWebContents, fakeFrame, type FakeFrame } from './fake-electron';
import { spyHandlers, type SpyHandlers } from './helpers';

// ipc.ts only imports types from 'electron', so no module fake is needed: ipcMain is passed in.

let ipcMain: FakeIpcMain;
let handlers: SpyHandlers;
let ourFrame: FakeFrame;
let sender: FakeWebContents;

function register(overrides: Partial<IpcOptions> = {}): string[] {
  return registerIpcHandlers(ipcMain as never, handlers, {
    isTrustedSender: createSenderCheck(() => [ourFrame]),
    windowIdFor: () => 7,
    ...overrides,
  });
}

function invoke(channel: string, payload: unknown, frame: FakeFrame | null = ourFrame): Promise<ResponseEnvelope> {
  return ipcMain.invoke(channel, { sender, senderFrame: frame }, payload) as Promise<ResponseEnvelope>;
}

beforeEach(() => {
  ipcMain = new FakeIpcMain();
  handlers = spyHandlers();
  ourFrame = fakeFrame({ url: 'app://studio/index.html' });
  sender = new FakeWebContents();
});

describe('registerIpcHandlers', () => {
  it('registers every request channel of the contract exactly once, and no other channel', () => {
    const returned = register();
    const expected = Object.values(REQUEST_CHANNELS).sort();
    expect([...ipcMain.registrations].sort()).toEqual(expected);
    expect(new Set(ipcMain.registrations).size).toBe(ipcMain.registrations.length);
    expect([...returned].sort()).toEqual(expected);
    expect(ipcMain.on).not.toHaveBeenCalled();
    for (const channel of Object.values(EVENT_CHANNELS)) expect(ipcMain.handlers.has(channel)).toBe(false);
  });

  it('passes a valid payload to the handler with the window id, and wraps the answer', async () => {
    register();
    const envelope = await invoke(REQUEST_CHANNELS.openProject, { filePath: '/projects/a.plp' });
    expect(envelope).toEqual({ ok: true, value: { handled: 'openProject' } });
    expect(handlers.openProject).toHaveBeenCalledTimes(1);
    expect(handlers.openProject).toHaveBeenCalledWith({ filePath: '/projects/a.plp' }, { windowId: 7 });
  });

  it('refuses an invalid payload with invalid-request and never calls the handler', async () => {
    register();
    const bad: [string, unknown][] = [
      [REQUEST_CHANNELS.openProject, { filePath: 42 }],
      [REQUEST_CHANNELS.openProject, { filePath: '/a.plp', extra: true }],
      [REQUEST_CHANNELS.newProject, { kind: 'evil' }],
      [REQUEST_CHANNELS.closeProject, { documentId: '../../etc', discardBackup: true }],
      [REQUEST_CHANNELS.listRecentFiles, { sneaky: 1 }],
      [REQUEST_CHANNELS.updatePreferences, { backupIntervalSeconds: 1 }],
      [REQUEST_CHANNELS.getStartupState, null],
      [REQUEST_CHANNELS.discardBackup, JSON.parse('{"__proto__": {"polluted": true}, "backupId": "x"}')],
    ];
    for (const [channel, payload] of bad) {
      const envelope = await invoke(channel, payload);
      expect(envelope.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid-request');
    }
    for (const spy of Object.values(handlers)) expect(spy).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('applies schema defaults before the handler sees the payload', async () => {
    register();
    const project = createBlankProject({ title: 'Defaults', now: new Date('2026-01-01T00:00:00Z'), appVersion: '0.1.0' });
    const envelope = await invoke(REQUEST_CHANNELS.saveProject, { documentId: 'doc-abcd1234', project });
    expect(envelope.ok).toBe(true);
    expect(handlers.saveProject.mock.calls[0]?.[0]).toMatchObject({ documentId: 'doc-abcd1234', overwriteChanged: false });
  });

  it('refuses a sender without a frame, a subframe, another origin or a frame that is not our window', async () => {
    register();
    const untrusted: (FakeFrame | null)[] = [
      null,
      fakeFrame({ url: 'app://studio/index.html', parent: ourFrame, processId: ourFrame.processId }),
      { ...ourFrame, url: 'https://evil.example/' },
      { ...ourFrame, url: 'file:///etc/passwd' },
      { ...ourFrame, url: 'app://other/index.html' },
      { ...ourFrame, url: 'app://studio.evil.example/index.html' },
      fakeFrame({ url: 'app://studio/index.html' }), // right URL, but not one of our windows' main frames
      { ...ourFrame, frameToken: 'another-token' },
    ];
    for (const frame of untrusted) {
      const envelope = await invoke(REQUEST_CHANNELS.listRecentFiles, {}, frame);
      expect(envelope, JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(handlers.listRecentFiles).not.toHaveBeenCalled();
  });

  it('refuses a trusted frame when the window cannot be identified', async () => {
    register({ windowIdFor: () => null });
    const envelope = await invoke(REQUEST_CHANNELS.listRecentFiles, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers.listRecentFiles).not.toHaveBeenCalled();
  });

  it('turns a handler exception into an internal-error envelope', async () => {
    handlers.listRecentFiles.mockRejectedValueOnce(new Error('disk on fire'));
    register();
    const envelope = await invoke(REQUEST_CHANNELS.listRecentFiles, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('sendEvent', () => {
  it('sends a valid event payload on the contract channel', () => {
    const contents = new FakeWebContents();
    expect(sendEvent(contents as never, 'menuCommand', { command: 'undo' })).toBe(true);
    expect(sendEvent(contents as never, 'openFileRequested', { filePath: '/x/y.plp' })).toBe(true);
    expect(sendEvent(contents as never, 'closeRequested', {})).toBe(true);
    expect(contents.sent).toEqual([
      [EVENT_CHANNELS.menuCommand, { command: 'undo' }],
      [EVENT_CHANNELS.openFileRequested, { filePath: '/x/y.plp' }],
      [EVENT_CHANNELS.closeRequested, {}],
    ]);
  });

  it('does not send an invalid payload or to a destroyed renderer', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const contents = new FakeWebContents();
    expect(sendEvent(contents as never, 'menuCommand', { command: 'format-disk' } as never)).toBe(false);
    expect(sendEvent(contents as never, 'openFileRequested', { filePath: '' })).toBe(false);
    expect(sendEvent(contents as never, 'closeRequested', { extra: 1 } as never)).toBe(false);
    contents.destroyed = true;
    expect(sendEvent(contents as never, 'menuCommand', { command: 'undo' })).toBe(false);
    expect(contents.sent).toEqual([]);
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
  });
});
