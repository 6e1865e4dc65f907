import { openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cellValueToText, decodeCsvBytes, MAX_SPREADSHEET_BYTES, readSpreadsheet, zipUncompressedSize } from '../../../electron/services/import/read-spreadsheet';
import { buildManagerRatingsWorkbook, XLSX_DATA_SHEET } from '../../fixtures/import/make-xlsx';
import { makeTempDir } from '../../support/temp';
import { csvFixture, xlsxFixture } from './support';

const temp = makeTempDir('plp-import-read-');
afterAll(() => temp.remove());

async function read(file: string, sheet?: string) {
  const result = await readSpreadsheet(file, sheet === undefined ? {} : { sheet });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('readSpreadsheet: CSV', () => {
  it('reads the messy fixture through parseCsv', async () => {
    const content = await read(csvFixture);
    expect(content).toMatchObject({ sheets: [], sheet: null, encoding: 'utf-8' });
    expect(content.table.rows[2]![0]).toBe('Full name');
    expect(content.table.rows).toHaveLength(11);
  });

  it('decodes Windows-1252 (Excel on Windows) and UTF-16 with a BOM', async () => {
    const latin = join(temp.dir, 'latin.csv');
    writeFileSync(latin, Buffer.from([...Buffer.from('Name;Team\nRen'), 0xe9, ...Buffer.from(' Dupr'), 0xe9, ...Buffer.from(';Z'), 0xfc, ...Buffer.from('rich\n')]));
    const content = await read(latin);
    expect(content.encoding).toBe('windows-1252');
    expect(content.table.rows[1]).toEqual(['René Dupré', 'Zürich']);

    const utf16 = join(temp.dir, 'unicode.tsv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tLevel\r\nSofía\tSkilled\r\n', 'utf16le')]));
    const unicode = await read(utf16);
    expect(unicode.encoding).toBe('utf-16le');
    expect(unicode.table.rows).toEqual([
      ['Name', 'Level'],
      ['Sofía', 'Skilled'],
    ]);
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text.replace('\ufeff', '')).toBe('A');
  });
});

describe('readSpreadsheet: XLSX', () => {
  it('lists the sheets and reads the first by default', async () => {
    const content = await read(xlsxFixture);
    expect(content.sheets).toEqual(['Notes', XLSX_DATA_SHEET]);
    expect(content.sheet).toBe('Notes');
    expect(content.table.rows[0]).toEqual(['How to read this workbook']);
  });

  it('reads the named sheet (case-insensitively): merged title once, rich text joined, formula results, dates and numbers as text', async () => {
    const content = await read(xlsxFixture, 'manager RATINGS');
    expect(content.sheet).toBe(XLSX_DATA_SHEET);
    const { rows } = content.table;
    expect(rows[0]![0]).toBe('Manager ratings – executive presence (April 2026)');
    expect(rows[0]!.slice(1).every((cell) => cell === '')).toBe(true);
    expect(rows[1]!.every((cell) => cell === '')).toBe(true);
    expect(rows[2]!.slice(0, 7)).toEqual(['Employee', 'Email address', 'Role', 'Reports to', 'Team', 'Completed on', 'EP-COM-01']);
    expect(rows[3]!.slice(5, 8)).toEqual(['2026-04-20', '2', '2']);
    expect(rows[4]![0]).toBe('Lukas Becker');
    expect(rows[5]!.slice(12)).toEqual(['Skilled', '7']);
    expect(rows[6]![9]).toBe('');
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });

  it('names the sheets when the one asked for is missing', async () => {
    const result = await readSpreadsheet(xlsxFixture, { sheet: 'Data' });
    expect(result).toMatchObject({ ok: false, error: { code: 'no-such-sheet' } });
    if (!result.ok) expect(result.error.message).toBe('messy-manager-ratings.xlsx has no sheet "Data"; its sheets are: "Notes", "Manager ratings".');
  });

  it('generates the committed fixture from the script', async () => {
    const workbook = buildManagerRatingsWorkbook();
    const file = join(temp.dir, 'regenerated.xlsx');
    await workbook.xlsx.writeFile(file);
    expect((await read(file, XLSX_DATA_SHEET)).table).toEqual((await read(xlsxFixture, XLSX_DATA_SHEET)).table);
  });
});

describe('cellValueToText', () => {
  it('turns every kind of cell value into the text a user sees', () => {
    const cases: [ExcelJS.CellValue, string][] = [
      [null, ''],
      [3, '3'],
      [0.1 + 0.2, '0.3'],
      [2.5, '2.5'],
      [true, 'TRUE'],
      [new Date(Date.UTC(2026, 2, 24, 15, 30)), '2026-03-24'],
      [{ richText: [{ text: 'Sof' }, { text: 'ía' }] }, 'Sofía'],
      [{ formula: 'A1+1', result: 3 }, '3'],
      [{ formula: 'A1', result: new Date(Date.UTC(2026, 0, 5)) }, '2026-01-05'],
      [{ formula: 'A1' }, ''],
      [{ sharedFormula: 'B2', result: 'Skilled' }, 'Skilled'],
      [{ error: '#N/A' }, '#N/A'],
      [{ text: 'Ann Lee', hyperlink: 'mailto:ann@x.example' }, 'Ann Lee'],
    ];
    for (const [value, text] of cases) expect(cellValueToText(value), JSON.stringify(value)).toBe(text);
  });
});

describe('readSpreadsheet refuses clearly', () => {
  it.each([
    ['old.xls', /old Excel 97–2003 format \(\.xls\).*Save it as an Excel workbook \(\.xlsx\) or as CSV/],
    ['sheet.ods', /LibreOffice\/OpenOffice spreadsheet/],
    ['notes.txt', /not a spreadsheet PLP Studio can import \(it reads \.csv, \.tsv and \.xlsx files\)/],
    ['no-extension', /not a spreadsheet PLP Studio can import/],
  ])('%s', async (name, message) => {
    const file = join(temp.dir, name);
    writeFileSync(file, 'a,b\n1,2\n');
    const result = await readSpreadsheet(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-file' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('a missing file', async () => {
    expect(await readSpreadsheet(join(temp.dir, 'missing.csv'))).toMatchObject({ ok: false, error: { code: 'not-found', message: 'The file missing.csv does not exist. Check the name and the folder.' } });
  });

  it('a file over 50 MB, before reading it', async () => {
    const file = join(temp.dir, 'huge.csv');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_SPREADSHEET_BYTES + 1); // sparse: costs no disk
    closeSync(fd);
    const result = await readSpreadsheet(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok) expect(result.error.message).toMatch(/huge\.csv is too large to import \(50\.0 MB; the limit is 50\.0 MB\)/);
  });

  it('a text file named .xlsx', async () => {
    const file = join(temp.dir, 'fake.xlsx');
    writeFileSync(file, 'Name,Level\nAnn,2\n');
    const result = await readSpreadsheet(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    if (!result.ok) expect(result.error.message).toMatch(/not a valid Excel workbook/);
  });

  it('a zip that announces gigabytes of content (zip bomb), without unpacking it', async () => {
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(1_000, 20);
    central.writeUInt32LE(4_000_000_000, 24);
    central.writeUInt16LE(name.length, 28);
    name.copy(central, 46);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(0, 16);
    const bytes = Buffer.concat([central, end]);
    expect(zipUncompressedSize(bytes)).toBe(4_000_000_000);
    const file = join(temp.dir, 'bomb.xlsx');
    writeFileSync(file, bytes);
    expect(await readSpreadsheet(file)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('a CSV with an unclosed quote, naming the file and the row', async () => {
    const file = join(temp.dir, 'broken.csv');
    writeFileSync(file, 'Name;Level\nAnn;"Skilled\n');
    const result = await readSpreadsheet(file);
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed', row: 2 } });
    if (!result.ok) expect(result.error.message).toMatch(/^broken\.csv: Row 2 /);
  });
});
