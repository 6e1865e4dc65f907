/**
 * The native application menu. `buildMenuTemplate` is pure (it only returns data and click
 * callbacks), so the items, accelerators and commands are unit-tested without Electron;
 * `installApplicationMenu` hands the template to Electron.
 *
 * Undo/redo chosen from the menu send `menuCommand` to the renderer so the studio's own command
 * history runs. Their keys reach the page first (Electron runs a menu accelerator only for a
 * keystroke the page did not handle): the renderer handles Ctrl/Cmd+Z itself and prevents the
 * default, except in a text field. So an undo/redo that arrives *by accelerator* is one the page
 * left to the browser, and it runs the native text-editing undo/redo (which macOS only performs
 * through the menu) instead of the studio's history — no double undo.
 */
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

export interface MenuActions {
  /** Sends `menuCommand` to the focused studio window. */
  command(command: MenuCommand): void;
  /** The browser's own text-editing undo/redo in the focused window (`webContents.undo()`). */
  nativeEdit(action: 'undo' | 'redo'): void;
  /** Sends `openFileRequested` for a recent file to the focused studio window. */
  openRecent(filePath: string): void;
  clearRecent(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Most recent first. */
  recentFiles: readonly string[];
  /** Developer tools are offered only in development builds. */
  isPackaged: boolean;
  actions: MenuActions;
}

/** On Windows and Linux `&` marks a mnemonic in a label; a literal one must be doubled. */
function escapeLabel(text: string): string {
  return text.replace(/&/g, '&&');
}

function recentSubmenu(options: MenuOptions): MenuItemConstructorOptions[] {
  const { recentFiles, actions } = options;
  const items: MenuItemConstructorOptions[] =
    recentFiles.length === 0
      ? [{ label: 'No Recent Projects', enabled: false }]
      : recentFiles.map((filePath) => ({ label: escapeLabel(filePath), click: () => actions.openRecent(filePath) }));
  return [...items, { type: 'separator' }, { label: 'Clear Recent', enabled: recentFiles.length > 0, click: () => actions.clearRecent() }];
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, isPackaged, actions } = options;
  const isMac = platform === 'darwin';
  const isWindows = platform === 'win32';
  const command = (name: MenuCommand) => () => actions.command(name);
  const history =
    (action: 'undo' | 'redo') =>
    (_item: unknown, _window: unknown, event: { triggeredByAccelerator?: boolean } | undefined) => {
      if (event?.triggeredByAccelerator === true) actions.nativeEdit(action);
      else actions.command(action);
    };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            { role: 'about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Project', accelerator: 'CmdOrCtrl+N', click: command('new-project') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: command('open-project') },
      { label: 'Open Sample Project', click: command('open-sample') },
      { label: 'Open Recent', submenu: recentSubmenu(options) },
      separator,
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: command('save') },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: command('save-as') },
      separator,
      { label: 'Close Project', accelerator: 'CmdOrCtrl+W', click: command('close-project') },
      ...(isMac ? [] : [separator, { role: 'quit' } satisfies MenuItemConstructorOptions]),
    ],
  };

  // Windows users expect Ctrl+Y for redo; Ctrl+Shift+Z keeps working through a hidden twin.
  const redoItems: MenuItemConstructorOptions[] = isWindows
    ? [
        { label: 'Redo', accelerator: 'Ctrl+Y', click: history('redo') },
        { label: 'Redo', accelerator: 'Ctrl+Shift+Z', click: history('redo'), visible: false },
      ]
    : [{ label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: history('redo') }];

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: history('undo') },
      ...redoItems,
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Toggle Dark Mode', accelerator: 'CmdOrCtrl+Shift+D', click: command('toggle-theme') },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [separator, { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about', label: `About ${appName}` }],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, ...windowMenu, helpMenu];
}

/** Builds and installs the menu (call again whenever the recent files change). */
export function installApplicationMenu(menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
