import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS } from '../../../shared/ipc/channels';
import type { WindowBounds } from '../../../electron/services/settings';
import { fake, FakeEvent, resetFakeElectron, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const { createStudioWindow, MIN_WINDOW_SIZE } = await import('../../../electron/main/window');

function boundsStore(saved?: WindowBounds) {
  return {
    saved: [] as WindowBounds[],
    windowBounds: () => saved,
    saveWindowBounds(bounds: WindowBounds) {
      this.saved.push(bounds);
      return bounds;
    },
  };
}

function open(saved?: WindowBounds) {
  const bounds = boundsStore(saved);
  const studio = createStudioWindow({ preloadPath: '/app/out/preload/index.cjs', bounds, backgroundColor: '#ffffff' });
  const window = studio.window as unknown as FakeBrowserWindow;
  return { studio, window, contents: window.webContents, bounds };
}

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the studio window', () => {
  it('is created locked down: context isolation, sandbox, no Node, web security, the built preload', () => {
    const { window } = open();
    const prefs = window.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(window.options['show']).toBe(false);
    expect(window.options['minWidth']).toBe(MIN_WINDOW_SIZE.width);
  });

  it('loads the renderer from app://studio/, never file://', () => {
    const { contents } = open();
    expect(contents.loadedUrls).toEqual(['app://studio/index.html']);
  });

  it('shows itself when ready to show (maximized if it was)', () => {
    const { window } = open({ x: 10, y: 10, width: 1200, height: 800, maximized: true });
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
  });

  it('restores saved bounds where they were when that place is still on a display', () => {
    fake.screen.displays = [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 1000 } },
    ];
    const { window } = open({ x: 2000, y: 50, width: 1000, height: 700, maximized: false });
    expect(window.options).toMatchObject({ x: 2000, y: 50, width: 1000, height: 700 });
  });

  it('brings saved bounds from a display that is gone back onto the primary display', () => {
    fake.screen.displays = [
      { id: 2, workArea: { x: -1280, y: 0, width: 1280, height: 1000 } },
      { id: 1, workArea: { x: 0, y: 0, width: 1280, height: 760 } },
    ];
    fake.screen.primaryId = 1;
    const { window } = open({ x: 3000, y: 200, width: 1000, height: 700, maximized: false });
    const { x, y, width, height } = window.options as { x: number; y: number; width: number; height: number };
    // Inside the primary display's work area (listed second, but primary first for fitting).
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + width).toBeLessThanOrEqual(1280);
    expect(y + height).toBeLessThanOrEqual(760);
  });

  it('saves its bounds, debounced, after moves and resizes, and on close', () => {
    vi.useFakeTimers();
    const { window, bounds } = open();
    window.setBounds({ x: 5, y: 6, width: 1100, height: 700 });
    window.setBounds({ x: 7, y: 8, width: 1101, height: 701 });
    window.emit('move');
    expect(bounds.saved).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(bounds.saved).toEqual([{ x: 7, y: 8, width: 1101, height: 701, maximized: false }]);
    window.close(); // renderer never loaded: closes at once, saving the bounds
    expect(bounds.saved).toHaveLength(2);
  });
});

describe('navigation and new windows', () => {
  it('denies window.open, opening only http/https/mailto links in the OS browser', () => {
    const { contents } = open();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/guide' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'mailto:someone@example.com' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://studio/index.html' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls.map((call) => call[0])).toEqual(['https://example.com/guide', 'mailto:someone@example.com']);
  });

  it('prevents navigation to any other origin, and allows the studio itself', () => {
    const { contents } = open();
    expect(contents.fire('will-navigate', { url: 'https://evil.example/' }).defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', { url: 'file:///etc/passwd' }).defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', { url: 'app://other/index.html' }).defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', { url: 'app://studio/index.html' }).defaultPrevented).toBe(false);
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false }).defaultPrevented).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'about:blank', isMainFrame: true }).defaultPrevented).toBe(true);
    expect(contents.fire('will-frame-navigate', { url: 'about:blank', isMainFrame: false }).defaultPrevented).toBe(false);
    expect(contents.fire('will-redirect', { url: 'https://evil.example/' }).defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', { url: 'app://studio/index.html' }).defaultPrevented).toBe(false);
    // A clicked https link is opened in the browser instead; a file: link is not opened at all.
    expect(fake.shell.openExternal.mock.calls.map((call) => call[0])).toEqual(['https://evil.example/']);
  });

  it('refuses <webview>', () => {
    const { contents } = open();
    expect(contents.fire('will-attach-webview', {}, {}, {}).defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { contents } = open();
    const session = contents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheckHandler!(contents, 'media', 'app://studio')).toBe(false);
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });
});

describe('closing', () => {
  it('asks the renderer first (closeRequested), and closes once it confirms', async () => {
    const { studio, window, contents } = open();
    studio.rendererStarted();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(contents.sent).toEqual([[EVENT_CHANNELS.closeRequested, {}]]);

    expect(studio.confirmClose()).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.isDestroyed()).toBe(true);
    expect(contents.sent).toHaveLength(1);
  });

  it('asks again on every close attempt until confirmed', () => {
    const { studio, window, contents } = open();
    studio.rendererStarted();
    window.close();
    window.close();
    expect(contents.sent).toEqual([
      [EVENT_CHANNELS.closeRequested, {}],
      [EVENT_CHANNELS.closeRequested, {}],
    ]);
    expect(window.isDestroyed()).toBe(false);
  });

  it('closes at once when the renderer cannot answer (never started, reloading, crashed or hung)', () => {
    const neverLoaded = open();
    neverLoaded.window.close();
    expect(neverLoaded.window.isDestroyed()).toBe(true);

    const crashed = open();
    crashed.studio.rendererStarted();
    crashed.contents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed' });
    crashed.window.close();
    expect(crashed.window.isDestroyed()).toBe(true);

    const hung = open();
    hung.studio.rendererStarted();
    hung.window.emit('unresponsive');
    hung.window.emit('responsive');
    hung.window.close();
    expect(hung.window.isDestroyed()).toBe(false); // recovered: asks again
    hung.window.emit('unresponsive');
    hung.window.close();
    expect(hung.window.isDestroyed()).toBe(true);

    const reloading = open();
    reloading.studio.rendererStarted();
    reloading.contents.emit('did-start-loading');
    reloading.window.close();
    expect(reloading.window.isDestroyed()).toBe(true);
  });

  it('confirmClose on a closed window reports false', () => {
    const { studio, window } = open();
    window.close();
    expect(studio.confirmClose()).toBe(false);
  });
});
