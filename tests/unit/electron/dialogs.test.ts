import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDialogsPort, PROJECT_FILTERS } from '../../../electron/main/dialogs';

function setup(parent: object | null = { id: 1 }) {
  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
  const port = createDialogsPort({ dialog: dialog as never, parentWindow: () => parent as never, defaultDirectory: () => path.resolve('/home/ann/Documents') });
  return { dialog, port, parent };
}

describe('the native dialogs port', () => {
  it('opens one .plp file, attached to the studio window', async () => {
    const { dialog, port, parent } = setup();
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/p/a.plp'] });
    await expect(port.chooseProjectToOpen()).resolves.toBe('/p/a.plp');
    const [owner, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(owner).toBe(parent);
    expect(options).toMatchObject({ properties: ['openFile'], filters: [{ name: 'PLP Studio project', extensions: ['plp'] }] });
    expect(PROJECT_FILTERS).toEqual([{ name: 'PLP Studio project', extensions: ['plp'] }]);
  });

  it('returns null when the open dialog is cancelled', async () => {
    const { dialog, port } = setup(null);
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(port.chooseProjectToOpen()).resolves.toBeNull();
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1); // no parent window
  });

  it('suggests the file name in the default folder, never a folder taken from the suggestion', async () => {
    const { dialog, port } = setup();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/p/Plan.plp' });
    await expect(port.chooseSaveLocation('../../etc/Plan.plp')).resolves.toBe('/p/Plan.plp');
    const options = dialog.showSaveDialog.mock.calls[0]![1];
    expect(options.defaultPath).toBe(path.join(path.resolve('/home/ann/Documents'), 'Plan.plp'));
    expect(options.filters).toEqual(PROJECT_FILTERS);
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('returns null when the save dialog is cancelled or returns no path', async () => {
    const { dialog, port } = setup();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(port.chooseSaveLocation('A.plp')).resolves.toBeNull();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    await expect(port.chooseSaveLocation('A.plp')).resolves.toBeNull();
  });
});
