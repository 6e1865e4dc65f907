/**
 * The studio window: locked-down web preferences, restored bounds, and the close flow.
 *
 * Closing: the first `close` is cancelled and the renderer is sent `closeRequested`; it saves
 * or discards unsaved work and calls `confirmClose`, which lets the window close for real.
 * A renderer that never started the studio, crashed or hung cannot answer, so then the window
 * just closes (crash backups cover unsaved work) rather than refusing to close.
 */
import { BrowserWindow, screen, shell, type Rectangle } from 'electron';
import { fitBoundsToDisplays, type WindowBounds } from '../services/settings';
import { APP_ENTRY_URL } from './app-url';
import { sendEvent } from './ipc';
import { denyAllPermissions, hardenWebContents } from './security';

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
const SAVE_BOUNDS_DELAY_MS = 500;

export interface BoundsStore {
  windowBounds(): WindowBounds | undefined;
  saveWindowBounds(bounds: WindowBounds): unknown;
}

export interface StudioWindowOptions {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  preloadPath: string;
  bounds: BoundsStore;
  /** Window icon (used on Linux; macOS and Windows take it from the app bundle). */
  iconPath?: string;
  backgroundColor?: string;
  /** Defaults to `app://studio/index.html`. */
  url?: string;
}

export interface StudioWindow {
  readonly window: BrowserWindow;
  /** The renderer has started the studio (it fetched its startup state), so it listens for events. */
  rendererStarted(): void;
  /** The renderer has dealt with unsaved work: close the window now. Returns false if already gone. */
  confirmClose(): boolean;
}

/** Display work areas, primary display first (what `fitBoundsToDisplays` expects). */
export function displayWorkAreas(): Rectangle[] {
  const primaryId = screen.getPrimaryDisplay().id;
  const displays = screen.getAllDisplays();
  const ordered = [...displays.filter((d) => d.id === primaryId), ...displays.filter((d) => d.id !== primaryId)];
  return ordered.map((display) => display.workArea);
}

export function createStudioWindow(options: StudioWindowOptions): StudioWindow {
  const fitted = fitBoundsToDisplays(options.bounds.windowBounds(), displayWorkAreas());
  const { maximized, ...position } = fitted;

  const window = new BrowserWindow({
    ...position,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'PLP Studio',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    ...(options.backgroundColor === undefined ? {} : { backgroundColor: options.backgroundColor }),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // No middle-click (auxclick) navigation: links only open through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      preload: options.preloadPath,
    },
  });
  const contents = window.webContents;

  hardenWebContents(contents, { shell });
  denyAllPermissions(contents.session);

  // --- bounds -------------------------------------------------------------------------
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const saveBoundsNow = () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    if (window.isDestroyed() || window.isMinimized()) return;
    try {
      options.bounds.saveWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.warn('Could not save the window position:', error);
    }
  };
  const saveBoundsSoon = () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBoundsNow, SAVE_BOUNDS_DELAY_MS);
  };
  window.on('resize', saveBoundsSoon);
  window.on('move', saveBoundsSoon);
  window.on('maximize', saveBoundsSoon);
  window.on('unmaximize', saveBoundsSoon);

  // --- showing ------------------------------------------------------------------------
  let shown = false;
  const showOnce = () => {
    if (shown || window.isDestroyed()) return;
    shown = true;
    if (maximized) window.maximize();
    window.show();
  };
  window.once('ready-to-show', showOnce);
  // A page that fails to load never becomes ready to show; show the window anyway.
  contents.on('did-fail-load', showOnce);

  // --- closing ------------------------------------------------------------------------
  // The renderer can answer closeRequested once it has started the studio (fetched its startup
  // state, see `rendererStarted`), until it reloads, crashes or hangs.
  let closeConfirmed = false;
  let started = false;
  let hung = false;
  let gone = false;
  contents.on('did-start-loading', () => {
    started = false;
  });
  contents.on('render-process-gone', () => {
    gone = true;
  });
  window.on('unresponsive', () => {
    hung = true;
  });
  window.on('responsive', () => {
    hung = false;
  });
  const rendererCanAnswer = () => started && !hung && !gone;

  window.on('close', (event) => {
    if (closeConfirmed || !rendererCanAnswer() || contents.isDestroyed()) {
      saveBoundsNow();
      return;
    }
    event.preventDefault();
    sendEvent(contents, 'closeRequested', {});
  });
  window.on('closed', () => {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
  });

  contents.loadURL(options.url ?? APP_ENTRY_URL).catch((error: unknown) => {
    console.error('PLP Studio could not load its window:', error);
  });

  return {
    window,
    rendererStarted() {
      started = true;
      gone = false;
    },
    confirmClose() {
      if (window.isDestroyed()) return false;
      closeConfirmed = true;
      // Let the IPC reply go out before the renderer is torn down.
      setImmediate(() => {
        if (!window.isDestroyed()) window.close();
      });
      return true;
    },
  };
}
