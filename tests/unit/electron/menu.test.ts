import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installApplicationMenu, type MenuOptions } from '../../../electron/main/menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const actions = { command: vi.fn(), nativeEdit: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() };
  const template = buildMenuTemplate({ platform: 'linux', appName: 'PLP Studio', recentFiles: [], isPackaged: true, actions, ...overrides });
  return { template, actions };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label || (label === 'Help' && item.role === 'help'));
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string, options: { visible?: boolean } = {}): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label && (options.visible === undefined || (entry.visible ?? true) === options.visible));
  if (found === undefined) throw new Error(`no item ${label}`);
  return found;
}

/** A click with the mouse (default) or through the item's accelerator. */
function click(entry: MenuItemConstructorOptions, how: 'mouse' | 'accelerator' = 'mouse'): void {
  (entry.click as (item: unknown, window: unknown, event: { triggeredByAccelerator: boolean }) => void)({}, undefined, { triggeredByAccelerator: how === 'accelerator' });
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux, plus the app and Window menus on macOS', () => {
    expect(build({ platform: 'linux' }).template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'help']);
    expect(build({ platform: 'win32' }).template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'help']);
    const mac = build({ platform: 'darwin' }).template;
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['PLP Studio', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((entry) => entry.role).filter(Boolean)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('File items have the standard accelerators and send their commands', () => {
    const { template, actions } = build();
    const file = submenu(template, 'File');
    const expected: [string, string | undefined, string][] = [
      ['New Project', 'CmdOrCtrl+N', 'new-project'],
      ['Open…', 'CmdOrCtrl+O', 'open-project'],
      ['Open Sample Project', undefined, 'open-sample'],
      ['Save', 'CmdOrCtrl+S', 'save'],
      ['Save As…', 'CmdOrCtrl+Shift+S', 'save-as'],
      ['Close Project', 'CmdOrCtrl+W', 'close-project'],
    ];
    for (const [label, accelerator, command] of expected) {
      const entry = item(file, label);
      expect(entry.accelerator, label).toBe(accelerator);
      actions.command.mockClear();
      click(entry);
      expect(actions.command).toHaveBeenCalledWith(command);
    }
  });

  it('Quit is in File on Windows and Linux and only in the app menu on macOS', () => {
    expect(submenu(build({ platform: 'linux' }).template, 'File').some((entry) => entry.role === 'quit')).toBe(true);
    expect(submenu(build({ platform: 'darwin' }).template, 'File').some((entry) => entry.role === 'quit')).toBe(false);
  });

  it('Open Recent lists the recent files (most recent first), opens them, and can be cleared', () => {
    const { template, actions } = build({ recentFiles: ['/work/Sales & Marketing.plp', '/work/b.plp'] });
    const recent = item(submenu(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent.map((entry) => entry.label ?? entry.type)).toEqual(['/work/Sales && Marketing.plp', '/work/b.plp', 'separator', 'Clear Recent']);
    click(recent[0]!);
    expect(actions.openRecent).toHaveBeenCalledWith('/work/Sales & Marketing.plp');
    const clear = item(recent, 'Clear Recent');
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(actions.clearRecent).toHaveBeenCalledTimes(1);
  });

  it('Open Recent says so when there is nothing recent', () => {
    const recent = item(submenu(build().template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent[0]).toMatchObject({ label: 'No Recent Projects', enabled: false });
    expect(item(recent, 'Clear Recent').enabled).toBe(false);
  });

  it("Undo and Redo run the studio's command history, with platform accelerators", () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { template, actions } = build({ platform });
      const edit = submenu(template, 'Edit');
      expect(item(edit, 'Undo').accelerator).toBe('CmdOrCtrl+Z');
      expect(item(edit, 'Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
      click(item(edit, 'Undo'));
      click(item(edit, 'Redo'));
      expect(actions.command.mock.calls).toEqual([['undo'], ['redo']]);
      expect(edit.some((entry) => entry.role === 'undo' || entry.role === 'redo')).toBe(false);
    }
    const { template, actions } = build({ platform: 'win32' });
    const edit = submenu(template, 'Edit');
    expect(item(edit, 'Redo', { visible: true }).accelerator).toBe('Ctrl+Y');
    expect(item(edit, 'Redo', { visible: false }).accelerator).toBe('Ctrl+Shift+Z');
    click(item(edit, 'Redo', { visible: false }));
    expect(actions.command).toHaveBeenCalledWith('redo');
  });

  it('an undo/redo keystroke the page left unhandled (a text field) runs the native text undo, not the studio history', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { template, actions } = build({ platform });
      const edit = submenu(template, 'Edit');
      click(item(edit, 'Undo'), 'accelerator');
      for (const redo of edit.filter((entry) => entry.label === 'Redo')) click(redo, 'accelerator');
      expect(actions.command).not.toHaveBeenCalled();
      expect(actions.nativeEdit.mock.calls[0]).toEqual(['undo']);
      expect(actions.nativeEdit.mock.calls.slice(1).every((call) => call[0] === 'redo')).toBe(true);
    }
  });

  it('Cut, Copy, Paste and Select All are native roles', () => {
    const roles = submenu(build().template, 'Edit').map((entry) => entry.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View toggles dark mode, zooms and goes full screen; dev tools only in development', () => {
    const { template, actions } = build({ isPackaged: true });
    const view = submenu(template, 'View');
    const dark = item(view, 'Toggle Dark Mode');
    expect(dark.accelerator).toBe('CmdOrCtrl+Shift+D');
    click(dark);
    expect(actions.command).toHaveBeenCalledWith('toggle-theme');
    expect(view.map((entry) => entry.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const dev = submenu(build({ isPackaged: false }).template, 'View');
    expect(dev.some((entry) => entry.role === 'toggleDevTools')).toBe(true);
  });

  it('Help has About', () => {
    expect(submenu(build().template, 'Help')).toEqual([{ role: 'about', label: 'About PLP Studio' }]);
  });

  it('no two visible items share an accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const seen = new Map<string, string>();
      const walk = (items: MenuItemConstructorOptions[]) => {
        for (const entry of items) {
          if (Array.isArray(entry.submenu)) walk(entry.submenu);
          if (typeof entry.accelerator !== 'string') continue;
          const key = entry.accelerator.replace('CmdOrCtrl', platform === 'darwin' ? 'Cmd' : 'Ctrl');
          expect(seen.has(key), `${platform}: ${key} used by ${seen.get(key)} and ${entry.label}`).toBe(false);
          seen.set(key, String(entry.label));
        }
      };
      walk(build({ platform }).template);
    }
  });
});

describe('installApplicationMenu', () => {
  it('builds the template and sets it as the application menu', () => {
    const menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
    installApplicationMenu(menu as never, { platform: 'linux', appName: 'PLP Studio', recentFiles: [], isPackaged: true, actions: { command: vi.fn(), nativeEdit: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn() } });
    expect(menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(menu.buildFromTemplate.mock.results[0]?.value);
  });
});
