/**
 * The `readSpreadsheet` request as the renderer makes it: through `dispatchRequest` (payload
 * validation) into the studio handlers, with scripted dialogs and the real fixtures.
 */
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createDialogsPort, SPREADSHEET_FILTERS } from '../../../electron/main/dialogs';
import { createStudioHandlers } from '../../../electron/services/studio/handlers';
import { dispatchRequest } from '../../../shared/ipc/dispatch';
import { MAX_IPC_TABLE_CELLS } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';
import { csvFixture, xlsxFixture } from '../import/support';
import { createHarness } from '../studio/harness';

const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'plp-read-sheet-'));
afterAll(() => fsp.rm(root, { recursive: true, force: true }));

const harness = (spreadsheet: (string | null)[] = []) => createHarness({ backupDir: path.join(root, 'backups'), dialogs: { spreadsheet } });

describe('readSpreadsheet request', () => {
  it('asks with the spreadsheet dialog when no path is given, and reads the CSV (BOM, semicolons, title row kept as row 1)', async () => {
    const h = harness([csvFixture]);
    const outcome = await h.call('readSpreadsheet', {});
    expect(h.dialogs.shown).toEqual([{ kind: 'spreadsheet' }]);
    expect(h.dialogs.remaining()).toMatchObject({ open: 0, save: 0, spreadsheet: 0 });
    if (outcome.status !== 'read') throw new Error(JSON.stringify(outcome));
    expect(outcome.fileName).toBe('messy-assessments.csv');
    expect(outcome.filePath).toBe(csvFixture);
    expect(outcome.sheets).toEqual([]);
    expect(outcome.sheet).toBeNull();
    expect(outcome.table.rows[0]![0]).toBe('Executive presence self-assessment – Q1 2026');
    expect(outcome.table.rows[2]!.slice(0, 2)).toEqual(['Full name', 'E-mail']);
    const widths = new Set(outcome.table.rows.map((row) => row.length));
    expect(widths.size).toBe(1);
  });

  it('answers cancelled when the dialog is cancelled', async () => {
    const h = harness([null]);
    expect(await h.call('readSpreadsheet', {})).toEqual({ status: 'cancelled' });
  });

  it('reads the first sheet of a workbook by default, and the chosen sheet when asked, without a dialog', async () => {
    const h = harness();
    const first = await h.call('readSpreadsheet', { filePath: xlsxFixture });
    expect(first).toMatchObject({ status: 'read', sheets: ['Notes', 'Manager ratings'], sheet: 'Notes' });
    const data = await h.call('readSpreadsheet', { filePath: xlsxFixture, sheet: 'Manager ratings' });
    if (data.status !== 'read') throw new Error(JSON.stringify(data));
    expect(data.sheet).toBe('Manager ratings');
    expect(data.table.rows[2]![0]).toBe('Employee');
    expect(h.dialogs.shown).toEqual([]);
  });

  it('fails with a clear message for a missing sheet, a missing file, an unsupported file and a relative path', async () => {
    const h = harness();
    expect(await h.call('readSpreadsheet', { filePath: xlsxFixture, sheet: 'Nope' })).toMatchObject({ status: 'failed', error: { code: 'no-such-sheet', message: expect.stringContaining('"Manager ratings"') } });
    expect(await h.call('readSpreadsheet', { filePath: path.join(root, 'gone.csv') })).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    const xls = path.join(root, 'old.xls');
    await fsp.writeFile(xls, 'x');
    expect(await h.call('readSpreadsheet', { filePath: xls })).toMatchObject({ status: 'failed', error: { code: 'unsupported-file', message: expect.stringContaining('.xls') } });
    expect(await h.call('readSpreadsheet', { filePath: 'relative.csv' })).toMatchObject({ status: 'failed', error: { code: 'invalid-path' } });
  });

  it('refuses invalid payloads before the handler runs', async () => {
    const h = harness([csvFixture]);
    for (const payload of [{ filePath: 42 }, { filePath: '' }, { sheet: '' }, { filePath: '/a.csv', extra: 1 }, null]) {
      const envelope = await h.raw('readSpreadsheet', payload);
      expect(envelope.ok, JSON.stringify(payload)).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid-request');
    }
    expect(h.dialogs.shown).toEqual([]);
  });

  it(`refuses a table of more than ${MAX_IPC_TABLE_CELLS.toLocaleString('en')} cells with a clear message`, async () => {
    const h = harness();
    const width = 1000;
    const rows = Array.from({ length: MAX_IPC_TABLE_CELLS / width + 1 }, () => new Array<string>(width).fill(''));
    h.deps.readSpreadsheet = vi.fn(async () => ok({ table: { rows }, sheets: [], sheet: null, encoding: 'utf-8' }));
    const handlers = createStudioHandlers(h.deps);
    const envelope = await dispatchRequest(handlers, 'readSpreadsheet', { filePath: path.join(root, 'huge.csv') }, { windowId: 1 });
    expect(envelope).toMatchObject({ ok: true, value: { status: 'failed', error: { code: 'too-large', message: expect.stringContaining('2,000,000') } } });
  });
});

describe('the native spreadsheet dialog', () => {
  it('opens one .csv/.tsv/.xlsx file attached to the window, null when cancelled', async () => {
    const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
    const parent = { id: 1 };
    const port = createDialogsPort({ dialog: dialog as never, parentWindow: () => parent as never, defaultDirectory: () => '/tmp' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/ratings.xlsx'] });
    await expect(port.chooseSpreadsheet()).resolves.toBe('/d/ratings.xlsx');
    const [owner, options] = dialog.showOpenDialog.mock.calls[0]!;
    expect(owner).toBe(parent);
    expect(options).toMatchObject({ properties: ['openFile'], filters: SPREADSHEET_FILTERS });
    expect(SPREADSHEET_FILTERS[0]!.extensions).toEqual(['csv', 'tsv', 'xlsx']);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(port.chooseSpreadsheet()).resolves.toBeNull();
  });
});
