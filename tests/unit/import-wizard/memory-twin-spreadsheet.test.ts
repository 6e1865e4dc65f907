/** The in-memory twin answers readSpreadsheet like main does, for CSV on its virtual disk. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryTwin } from '../../../renderer/src/platform/memory-twin';
import { csvFixture } from '../import/support';

describe('memory twin readSpreadsheet', () => {
  it('reads a CSV chosen in the dialog or given by path; cancels; refuses workbooks and missing files', async () => {
    const answers: (string | null)[] = ['/disk/ratings.csv', null];
    const twin = createMemoryTwin({ files: { '/disk/ratings.csv': readFileSync(csvFixture, 'utf8') }, spreadsheetDialog: () => answers.shift() ?? null });
    const read = await twin.api.readSpreadsheet({});
    if (read.status !== 'read') throw new Error(JSON.stringify(read));
    expect(read).toMatchObject({ fileName: 'ratings.csv', filePath: '/disk/ratings.csv', sheets: [], sheet: null });
    expect(read.table.rows[2]![0]).toBe('Full name');
    expect(await twin.api.readSpreadsheet({})).toEqual({ status: 'cancelled' });
    expect(await twin.api.readSpreadsheet({ filePath: '/disk/book.xlsx' })).toMatchObject({ status: 'failed', error: { code: 'unsupported-file' } });
    expect(await twin.api.readSpreadsheet({ filePath: '/disk/gone.csv' })).toMatchObject({ status: 'failed', error: { code: 'not-found' } });
    await expect(twin.api.readSpreadsheet({ sheet: '' })).rejects.toThrow(/Refused "readSpreadsheet"/);
  });
});
