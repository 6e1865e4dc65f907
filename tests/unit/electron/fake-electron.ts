/**
 * A fake `electron` module for unit tests: Electron's binary is not available here, and
 * importing the real package under plain Node throws. Use it with
 *
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 *
 * Each fake records what the code under test did with it (handlers registered, options
 * passed, messages sent) so tests can assert on the wiring. `resetFakeElectron()` between tests.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// ---------------------------------------------------------------------------------------------
// Events

/** An Electron-style event: `preventDefault()` sets `defaultPrevented`. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
  [key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Frames, sessions, web contents, windows

let nextProcessId = 100;
let nextFrameToken = 1;
let nextWebContentsId = 1;
let nextWindowId = 1;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameToken: string;
}

export function fakeFrame(fields: Partial<FakeFrame> = {}): FakeFrame {
  return { url: 'app://studio/index.html', parent: null, processId: nextProcessId++, frameToken: `token-${nextFrameToken++}`, ...fields };
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
}

export type WindowOpenHandler = (details: { url: string; frameName?: string; disposition?: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  session = new FakeSession();
  mainFrame: FakeFrame = fakeFrame();
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Everything sent to the renderer: [channel, ...args]. */
  readonly sent: unknown[][] = [];
  loadedUrls: string[] = [];
  destroyed = false;
  loading = false;
  /** Where `send` delivers (e.g. a fake ipcRenderer); optional. */
  deliver: ((channel: string, ...args: unknown[]) => void) | null = null;

  readonly undo = vi.fn();
  readonly redo = vi.fn();
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push([channel, ...args]);
    this.deliver?.(channel, ...args);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isLoading(): boolean {
    return this.loading;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame = { ...this.mainFrame, url };
    return Promise.resolve();
  }
  /** Emits an Electron-style cancellable event and returns it. */
  fire(name: string, fields: Record<string, unknown> = {}, ...extra: unknown[]): FakeEvent {
    const event = new FakeEvent(fields);
    this.emit(name, event, ...extra);
    return event;
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  static fromId(id: number): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.id === id) ?? null;
  }

  readonly id = nextWindowId++;
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  readonly webContents = new FakeWebContents();
  bounds: FakeRectangle;
  maximized = false;
  minimized = false;
  visible = false;
  destroyed = false;
  focusCount = 0;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: typeof options['x'] === 'number' ? options['x'] : 0,
      y: typeof options['y'] === 'number' ? options['y'] : 0,
      width: typeof options['width'] === 'number' ? options['width'] : 800,
      height: typeof options['height'] === 'number' ? options['height'] : 600,
    };
    FakeBrowserWindow.instances.push(this);
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focusCount += 1;
    FakeBrowserWindow.focused = this;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: FakeRectangle): void {
    this.bounds = { ...bounds };
    this.emit('resize');
  }
  /** Like Electron: 'close' can be prevented; otherwise the window is destroyed and 'closed' fires. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
  }
}

// ---------------------------------------------------------------------------------------------
// IPC

export type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  /** Every channel passed to handle(), in order (duplicates included). */
  readonly registrations: string[] = [];
  readonly handle = vi.fn((channel: string, listener: InvokeListener) => {
    this.registrations.push(channel);
    // Electron throws on a second handler for the same channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
  readonly on = vi.fn();
  /** Calls a registered handler as Electron would for `ipcRenderer.invoke`. */
  async invoke(channel: string, event: { sender: unknown; senderFrame: FakeFrame | null }, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return listener(event, payload);
  }
}

export class FakeIpcRenderer {
  readonly listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  /** Where invoke goes; a test connects it to a fake ipcMain. */
  target: ((channel: string, payload: unknown) => Promise<unknown>) | null = null;
  readonly invoke = vi.fn((channel: string, payload: unknown) => {
    if (this.target === null) return Promise.reject(new Error('fake ipcRenderer is not connected'));
    return this.target(channel, payload);
  });
  on(channel: string, listener: (...args: unknown[]) => void): this {
    let set = this.listeners.get(channel);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    return this;
  }
  removeListener(channel: string, listener: (...args: unknown[]) => void): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** Delivers a message from main, as Electron would (first argument is the IPC event). */
  receive(channel: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener({ sender: this }, ...args);
  }
  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

// ---------------------------------------------------------------------------------------------
// The app and the rest

export class FakeApp extends EventEmitter {
  name = 'PLP Studio';
  isPackaged = false;
  gotLock = true;
  ready = false;
  paths: Record<string, string> = { userData: '/tmp/plp-fake-user-data', documents: '/tmp/plp-fake-documents' };
  appPath = process.cwd();
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setAboutPanelOptions = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  #resolveReady: (() => void) | null = null;
  readonly #readyPromise = new Promise<void>((resolve) => {
    this.#resolveReady = resolve;
  });
  whenReady(): Promise<void> {
    return this.#readyPromise;
  }
  /** Test helper: become ready (resolves whenReady and emits 'ready'). */
  becomeReady(): Promise<void> {
    this.ready = true;
    this.#resolveReady?.();
    this.emit('ready');
    return this.#readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    const value = this.paths[name];
    if (value === undefined) throw new Error(`fake app: no path ${name}`);
    return value;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
}

export interface FakeDisplay {
  id: number;
  workArea: FakeRectangle;
}

export const fake = {
  app: new FakeApp(),
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  protocol: {
    registerSchemesAsPrivileged: vi.fn<(schemes: unknown[]) => void>(),
    handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response> | Response) => void>(),
  },
  shell: { openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()) },
  screen: {
    displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] as FakeDisplay[],
    primaryId: 1,
    getPrimaryDisplay(): FakeDisplay {
      const primary = fake.screen.displays.find((display) => display.id === fake.screen.primaryId);
      if (primary === undefined) throw new Error('no primary display');
      return primary;
    },
    getAllDisplays(): FakeDisplay[] {
      return fake.screen.displays;
    },
  },
  Menu: {
    current: null as { template: unknown[] } | null,
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
      fake.Menu.current = menu;
    }),
  },
  dialog: {
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
    showMessageBox: vi.fn(),
    showErrorBox: vi.fn(),
  },
  nativeTheme: { themeSource: 'system' as string, shouldUseDarkColors: false },
  session: { defaultSession: new FakeSession() },
};

export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.focused = null;
  fake.app = new FakeApp();
  fake.ipcMain = new FakeIpcMain();
  fake.ipcRenderer = new FakeIpcRenderer();
  fake.contextBridge.exposeInMainWorld.mockReset();
  fake.protocol.registerSchemesAsPrivileged.mockReset();
  fake.protocol.handle.mockReset();
  fake.shell.openExternal.mockReset();
  fake.shell.openExternal.mockImplementation(() => Promise.resolve());
  fake.screen.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  fake.screen.primaryId = 1;
  fake.Menu.current = null;
  fake.Menu.buildFromTemplate.mockClear();
  fake.Menu.setApplicationMenu.mockClear();
  for (const fn of Object.values(fake.dialog)) fn.mockReset();
  fake.nativeTheme.themeSource = 'system';
  fake.session.defaultSession = new FakeSession();
}

/**
 * The module `vi.mock('electron', ...)` returns. Getters, so a reset (which replaces the app,
 * ipcMain, ...) is seen by modules that imported them earlier.
 */
export const electronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  get contextBridge() {
    return fake.contextBridge;
  },
  get protocol() {
    return fake.protocol;
  },
  get shell() {
    return fake.shell;
  },
  get screen() {
    return fake.screen;
  },
  get Menu() {
    return fake.Menu;
  },
  get dialog() {
    return fake.dialog;
  },
  get nativeTheme() {
    return fake.nativeTheme;
  },
  get session() {
    return fake.session;
  },
  BrowserWindow: FakeBrowserWindow,
};
