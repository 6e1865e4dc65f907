/**
 * The main process: lifecycle and wiring only. Everything with logic lives in a module of its
 * own (protocol, window, ipc, menu, dialogs, security, launch-args) or in electron/services,
 * which run in plain Node and are unit-tested there.
 *
 * Order matters: the app scheme is registered as privileged and the sandbox enabled before
 * `ready`; `open-file` (macOS) can also arrive before `ready`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, session, shell, type IpcMainInvokeEvent } from 'electron';
import Store from 'electron-store';
import type { MenuCommand, Preferences } from '../../shared/ipc/contract';
import { openSettingsFile } from '../services/settings';
import { createStudioHandlers, createStudioServices } from '../services/studio';
import { createDialogsPort } from './dialogs';
import { RECENT_FILES_REQUESTS, runAfter } from './handler-hooks';
import { createSenderCheck, registerIpcHandlers, sendEvent } from './ipc';
import { projectPathFromArgv } from './launch-args';
import { installApplicationMenu } from './menu';
import { studioPaths } from './paths';
import { handleAppProtocol, registerAppSchemeAsPrivileged } from './protocol';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { createStudioWindow, type StudioWindow } from './window';

const APP_ID = 'studio.plp.app';

/** Leading argv entries that are not arguments: the executable, plus the app path in development. */
const argvSkip = (): number => (process.defaultApp ? 2 : 1);

const windows = new Map<number, StudioWindow>();
/** A project to open that the renderer has not been told about yet (command line, OS, menu). */
let pendingLaunchFile: string | null = projectPathFromArgv(process.argv, { skip: argvSkip(), workingDirectory: process.cwd() });
/** Windows whose renderer has fetched its startup state (so it listens for events). */
const rendererReady = new Set<number>();
let quitting = false;
/** Opens a window when there is none (set once the app is ready). */
let ensureWindow: (() => void) | null = null;

function liveWindows(): StudioWindow[] {
  return [...windows.values()].filter((entry) => !entry.window.isDestroyed());
}

/** The focused studio window, or the first one. */
function targetWindow(): StudioWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  const entry = focused === null ? undefined : windows.get(focused.id);
  return entry !== undefined && !entry.window.isDestroyed() ? entry : liveWindows()[0];
}

/** Brings a window forward (a window still waiting for ready-to-show will show itself). */
function focus(entry: StudioWindow): void {
  if (entry.window.isMinimized()) entry.window.restore();
  if (entry.window.isVisible()) entry.window.focus();
}

/** Opens a project in the studio: now if its window is listening, else when it asks. */
function requestOpenFile(filePath: string): void {
  const entry = targetWindow();
  if (entry !== undefined && rendererReady.has(entry.window.id)) {
    focus(entry);
    sendEvent(entry.window.webContents, 'openFileRequested', { filePath });
    return;
  }
  pendingLaunchFile = filePath;
  if (entry !== undefined) focus(entry);
  else ensureWindow?.();
}

function applyTheme(theme: Preferences['theme']): void {
  nativeTheme.themeSource = theme;
}

function backgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? '#1a1b1e' : '#ffffff';
}

function main(): void {
  registerAppSchemeAsPrivileged();
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    // Another PLP Studio is running; it receives our argv through 'second-instance'.
    app.quit();
    return;
  }

  hardenAllWebContents(app, { shell });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const filePath = projectPathFromArgv(argv, { skip: argvSkip(), workingDirectory });
    if (filePath !== null) requestOpenFile(filePath);
    else {
      const entry = targetWindow();
      if (entry !== undefined) focus(entry);
    }
  });

  // macOS: a .plp double-clicked in Finder or dropped on the Dock icon (may come before ready).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (app.isReady()) requestOpenFile(filePath);
    else pendingLaunchFile = filePath;
  });

  app.on('before-quit', () => {
    quitting = true;
  });

  app.whenReady().then(start).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error('PLP Studio could not start:', error);
    dialog.showErrorBox('PLP Studio could not start', message);
    app.exit(1);
  });
}

function start(): void {
  const paths = studioPaths({ appPath: app.getAppPath(), isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  const userData = app.getPath('userData');

  handleAppProtocol(paths.rendererDir);
  denyAllPermissions(session.defaultSession);

  const { service: settings, recoveredFrom } = openSettingsFile({
    dir: userData,
    createStore: ({ cwd, name }) => new Store<Record<string, unknown>>({ cwd, name }),
  });
  applyTheme(settings.preferences().theme);
  app.setAboutPanelOptions({ applicationName: 'PLP Studio', applicationVersion: app.getVersion(), copyright: 'PLP Studio' });

  const { documents, backups } = createStudioServices({ backupDir: path.join(userData, 'backups'), appVersion: app.getVersion() });

  const refreshMenu = (): void => {
    installApplicationMenu(Menu, {
      platform: process.platform,
      appName: app.name,
      recentFiles: settings.recentFiles(),
      isPackaged: app.isPackaged,
      actions: {
        command: (command: MenuCommand) => {
          const entry = targetWindow();
          if (entry === undefined) openWindow();
          else sendEvent(entry.window.webContents, 'menuCommand', { command });
        },
        nativeEdit: (action) => {
          const contents = targetWindow()?.window.webContents;
          if (action === 'undo') contents?.undo();
          else contents?.redo();
        },
        openRecent: (filePath) => requestOpenFile(filePath),
        clearRecent: () => {
          settings.clearRecentFiles();
          refreshMenu();
        },
      },
    });
  };

  const baseHandlers = createStudioHandlers({
    documents,
    backups,
    settings,
    dialogs: createDialogsPort({
      dialog,
      parentWindow: () => targetWindow()?.window ?? null,
      defaultDirectory: () => app.getPath('documents'),
    }),
    windows: {
      confirmClose: (windowId) => windows.get(windowId)?.confirmClose() ?? false,
    },
    launchFile: () => pendingLaunchFile,
    settingsRecoveredFrom: recoveredFrom ?? null,
    appVersion: app.getVersion(),
    platform: process.platform,
    sampleProjectText: () => readFile(paths.sampleProjectPath, 'utf8'),
    events: {
      send: (windowId, name, payload) => {
        const entry = windows.get(windowId);
        if (entry) sendEvent(entry.window.webContents, name, payload);
      },
    },
  });

  let handlers = runAfter(baseHandlers, RECENT_FILES_REQUESTS, () => refreshMenu());
  handlers = runAfter(handlers, ['getStartupState'], (_name, result, { windowId }) => {
    if (result === undefined) return;
    // The launch file has been handed over; later files arrive as openFileRequested events.
    rendererReady.add(windowId);
    windows.get(windowId)?.rendererStarted();
    pendingLaunchFile = null;
  });
  handlers = runAfter(handlers, ['updatePreferences'], (_name, result) => {
    if (result !== undefined) applyTheme(result.theme);
  });

  registerIpcHandlers(ipcMain, handlers, {
    isTrustedSender: createSenderCheck(() => liveWindows().map((entry) => entry.window.webContents.mainFrame)),
    windowIdFor: (event: IpcMainInvokeEvent) => {
      const owner = BrowserWindow.fromWebContents(event.sender);
      return owner !== null && windows.has(owner.id) ? owner.id : null;
    },
  });

  function openWindow(): StudioWindow {
    const entry = createStudioWindow({
      preloadPath: paths.preloadPath,
      bounds: settings,
      backgroundColor: backgroundColor(),
      ...(process.platform === 'linux' ? { iconPath: paths.iconPath } : {}),
    });
    const id = entry.window.id;
    windows.set(id, entry);
    entry.window.webContents.on('did-start-loading', () => rendererReady.delete(id));
    entry.window.on('closed', () => {
      windows.delete(id);
      rendererReady.delete(id);
      if (quitting && process.platform === 'darwin' && windows.size === 0) app.quit();
    });
    return entry;
  }
  ensureWindow = () => {
    if (liveWindows().length === 0) openWindow();
  };

  refreshMenu();
  openWindow();

  app.on('activate', () => {
    if (liveWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
