/**
 * The main-process entry (electron/main/index.ts) run against the fake Electron: single-instance
 * lock, startup wiring, the launch file, second launches, the menu following the recent files,
 * and the close flow. The settings store is an in-memory stand-in for electron-store; the studio
 * services are the real ones on a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/ipc/channels';
import type { ResponseEnvelope } from '../../../shared/ipc/api';
import type { FakeBrowserWindow, FakeFrame } from './fake-electron';


// One fake Electron for the whole file: the main process is re-imported for each test
// (vi.resetModules), but always sees this same fake.
const fakes = await vi.hoisted(async () => import('./fake-electron'));
vi.mock('electron', () => fakes.electronModule);
vi.mock('electron-store', () => ({
  default: class FakeElectronStore {
    store: Record<string, unknown> = {};
    readonly path: string;
    constructor(options: { cwd: string; name: string }) {
      this.path = path.join(options.cwd, `${options.name}.json`);
    }
  },
}));

let userData: string;
let originalArgv: string[];

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Loads a fresh copy of the main process with `argv`, and a lock that is or is not obtained. */
async function launch(options: { argv?: string[]; gotLock?: boolean; ready?: boolean } = {}): Promise<void> {
  vi.resetModules();
  fakes.resetFakeElectron();
  fakes.fake.app.gotLock = options.gotLock ?? true;
  fakes.fake.app.paths = { userData, documents: path.join(userData, 'Documents') };
  process.argv = ['/opt/plp/plp-studio', ...(options.argv ?? [])];
  await import('../../../electron/main/index');
  if (options.ready ?? true) {
    await fakes.fake.app.becomeReady();
    await tick();
  }
}

function studioWindow(): FakeBrowserWindow {
  const window = fakes.FakeBrowserWindow.getAllWindows()[0];
  if (window === undefined) throw new Error('no window');
  return window;
}

async function request(channel: string, payload: unknown, frame?: FakeFrame | null): Promise<ResponseEnvelope> {
  const window = studioWindow();
  const senderFrame = frame === undefined ? window.webContents.mainFrame : frame;
  return (await fakes.fake.ipcMain.invoke(channel, { sender: window.webContents, senderFrame }, payload)) as ResponseEnvelope;
}

function value<T>(envelope: ResponseEnvelope): T {
  if (!envelope.ok) throw new Error(`request failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

function recentMenuLabels(): string[] {
  const template = fakes.fake.Menu.current?.template as MenuItemConstructorOptions[] | undefined;
  const file = template?.find((menu) => menu.label === 'File')?.submenu as MenuItemConstructorOptions[];
  const recent = file.find((entry) => entry.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
  return recent.filter((entry) => entry.type !== 'separator').map((entry) => String(entry.label));
}

beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'plp-lifecycle-'));
  originalArgv = process.argv;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  process.argv = originalArgv;
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

describe('the main process lifecycle', () => {
  it('quits at once when another instance holds the lock, registering nothing', async () => {
    await launch({ gotLock: false });
    expect(fakes.fake.app.quit).toHaveBeenCalled();
    expect(fakes.fake.ipcMain.registrations).toEqual([]);
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the privileged scheme and the sandbox before ready, and guards every web contents', async () => {
    await launch({ ready: false });
    expect(fakes.fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fakes.fake.app.enableSandbox).toHaveBeenCalled();
    expect(fakes.fake.protocol.handle).not.toHaveBeenCalled();

    const other = new fakes.FakeWebContents();
    fakes.fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(other.fire('will-attach-webview').defaultPrevented).toBe(true);
    expect(other.fire('will-navigate', { url: 'https://evil.example' }).defaultPrevented).toBe(true);
  });

  it('on ready: serves app://, registers every request channel, opens one window, installs the menu', async () => {
    await launch();
    expect(fakes.fake.protocol.handle.mock.calls.map((call) => call[0])).toEqual(['app']);
    expect([...fakes.fake.ipcMain.registrations].sort()).toEqual(Object.values(REQUEST_CHANNELS).sort());
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(1);
    expect(studioWindow().webContents.loadedUrls).toEqual(['app://studio/index.html']);
    expect(studioWindow().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(studioWindow().options.webPreferences?.['preload'])).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(recentMenuLabels()).toEqual(['No Recent Projects', 'Clear Recent']);
    const callback = vi.fn();
    fakes.fake.session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('hands a project given on the command line to the renderer once, in the startup state', async () => {
    await launch({ argv: ['--some-switch', 'plans/q3.plp'] });
    const first = value<{ launchFile: string | null; appVersion: string }>(await request(REQUEST_CHANNELS.getStartupState, {}));
    expect(first.launchFile).toBe(path.resolve('plans/q3.plp'));
    expect(first.appVersion).toBe('0.1.0-test');
    const again = value<{ launchFile: string | null }>(await request(REQUEST_CHANNELS.getStartupState, {}));
    expect(again.launchFile).toBeNull();
  });

  it('refuses requests from a frame that is not the studio window', async () => {
    await launch();
    const stranger = fakes.fakeFrame({ url: 'app://studio/index.html' });
    expect(await request(REQUEST_CHANNELS.listRecentFiles, {}, stranger)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await request(REQUEST_CHANNELS.listRecentFiles, {}, null)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('a second launch with a project focuses the window and sends openFileRequested once the renderer listens', async () => {
    await launch();
    const window = studioWindow();
    window.emit('ready-to-show');
    window.minimized = true;
    // Before the renderer asked for its startup state, the file waits for it.
    fakes.fake.app.emit('second-instance', {}, ['/opt/plp/plp-studio', '/data/early.plp'], '/home/ann');
    expect(window.webContents.sent).toEqual([]);
    const startup = value<{ launchFile: string | null }>(await request(REQUEST_CHANNELS.getStartupState, {}));
    expect(startup.launchFile).toBe(path.resolve('/data/early.plp'));

    fakes.fake.app.emit('second-instance', {}, ['/opt/plp/plp-studio', '--flag', 'late.plp'], '/home/ann');
    expect(window.webContents.sent).toEqual([[EVENT_CHANNELS.openFileRequested, { filePath: path.resolve('/home/ann', 'late.plp') }]]);
    expect(window.focusCount).toBeGreaterThan(0);
    expect(window.isMinimized()).toBe(false);

    // A second launch without a project only focuses.
    fakes.fake.app.emit('second-instance', {}, ['/opt/plp/plp-studio'], '/home/ann');
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('macOS open-file before ready becomes the launch file', async () => {
    await launch({ ready: false });
    const event = new fakes.FakeEvent();
    fakes.fake.app.emit('open-file', event, '/Users/ann/Plan.plp');
    expect(event.defaultPrevented).toBe(true);
    await fakes.fake.app.becomeReady();
    await tick();
    const startup = value<{ launchFile: string | null }>(await request(REQUEST_CHANNELS.getStartupState, {}));
    expect(startup.launchFile).toBe('/Users/ann/Plan.plp');
  });

  it('opens the sample project from resources/sample (development layout)', async () => {
    await launch();
    const opened = value<{ documentId: string; filePath: string | null; project: { meta: { title: string } } }>(await request(REQUEST_CHANNELS.newProject, { kind: 'sample' }));
    expect(opened.documentId).toMatch(/^doc-/);
    expect(opened.filePath).toBeNull();
    expect(opened.project.meta.title.length).toBeGreaterThan(0);
  });

  it('menu commands go to the window as menuCommand events', async () => {
    await launch();
    const template = fakes.fake.Menu.current?.template as MenuItemConstructorOptions[];
    const edit = template.find((menu) => menu.label === 'Edit')?.submenu as MenuItemConstructorOptions[];
    const undo = edit.find((entry) => entry.label === 'Undo')?.click as (item: unknown, window: unknown, event: { triggeredByAccelerator: boolean }) => void;
    undo({}, undefined, { triggeredByAccelerator: false });
    expect(studioWindow().webContents.sent).toEqual([[EVENT_CHANNELS.menuCommand, { command: 'undo' }]]);
    // Ctrl/Cmd+Z the page did not handle (focus in a text field): the native text undo.
    undo({}, undefined, { triggeredByAccelerator: true });
    expect(studioWindow().webContents.undo).toHaveBeenCalledTimes(1);
    expect(studioWindow().webContents.sent).toHaveLength(1);
  });

  it('rebuilds Open Recent after a save, and after Clear Recent', async () => {
    await launch();
    const target = path.join(userData, 'Saved plan.plp');
    fakes.fake.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const opened = value<{ documentId: string; project: unknown }>(await request(REQUEST_CHANNELS.newProject, { kind: 'blank' }));
    const saved = value<{ status: string }>(await request(REQUEST_CHANNELS.saveProjectAs, { documentId: opened.documentId, project: opened.project }));
    expect(saved.status).toBe('saved');
    expect(recentMenuLabels()).toEqual([target, 'Clear Recent']);

    value(await request(REQUEST_CHANNELS.clearRecentFiles, {}));
    expect(recentMenuLabels()).toEqual(['No Recent Projects', 'Clear Recent']);
  });

  it('closing asks the renderer, confirmClose closes the window, and the app quits (Windows/Linux)', async () => {
    await launch();
    const window = studioWindow();
    value(await request(REQUEST_CHANNELS.getStartupState, {})); // the renderer has started
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.webContents.sent).toEqual([[EVENT_CHANNELS.closeRequested, {}]]);

    expect(value(await request(REQUEST_CHANNELS.confirmClose, {}))).toEqual({ closing: true });
    await tick();
    expect(window.isDestroyed()).toBe(true);
    fakes.fake.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(fakes.fake.app.quit).toHaveBeenCalled();
  });
});
