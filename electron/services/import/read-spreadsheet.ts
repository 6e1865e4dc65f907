/**
 * Reading a spreadsheet file into a `RawTable` for the import wizard and the CLI: CSV/TSV through
 * the pure `parseCsv`, Excel workbooks (.xlsx) through exceljs, which needs Node.
 *
 * Hostile or odd files get a clear refusal, never a hang: files over 50 MB are not read, an .xlsx
 * whose zip directory announces more than 500 MB of content (a zip bomb) is not unpacked, and
 * sheets over 2 million cells are refused.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { normalizeRows, parseCsv, type ImportError, type RawTable } from '../../../shared/domain/import/table';
import { err, ok, type Result } from '../../../shared/result';

export const MAX_SPREADSHEET_BYTES = 50 * 1024 * 1024;
export const MAX_XLSX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024;
export const MAX_SHEET_CELLS = 2_000_000;

export const SPREADSHEET_EXTENSIONS = ['.csv', '.tsv', '.xlsx'] as const;

export interface SpreadsheetContent {
  table: RawTable;
  /** The workbook's sheet names in order; [] for CSV. */
  sheets: string[];
  /** The sheet that was read; null for CSV. */
  sheet: string | null;
  /** How CSV text was decoded ('utf-8', 'utf-16le', 'windows-1252'); null for .xlsx. */
  encoding: string | null;
}

export interface ReadSpreadsheetOptions {
  /** The sheet to read in a workbook (exact name, else case-insensitive); default the first. Ignored for CSV. */
  sheet?: string;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function unsupportedMessage(name: string, extension: string): string {
  const advice = 'Save it as an Excel workbook (.xlsx) or as CSV, then import that file.';
  switch (extension) {
    case '.xls':
      return `${name} is in the old Excel 97–2003 format (.xls), which PLP Studio does not read. ${advice}`;
    case '.xlsm':
    case '.xlsb':
      return `${name} is a macro-enabled or binary Excel workbook (${extension}). ${advice}`;
    case '.ods':
    case '.numbers':
      return `${name} is a ${extension === '.ods' ? 'LibreOffice/OpenOffice' : 'Numbers'} spreadsheet. ${advice}`;
    default:
      return `${name} is not a spreadsheet PLP Studio can import (it reads .csv, .tsv and .xlsx files). ${advice}`;
  }
}

function readErrorToImportError(error: unknown, name: string): ImportError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'not-found', message: `The file ${name} does not exist. Check the name and the folder.` };
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', message: `You do not have permission to read ${name}.` };
    case 'EISDIR':
      return { code: 'unreadable', message: `${name} is a folder, not a spreadsheet.` };
    default:
      return { code: 'unreadable', message: `${name} could not be read (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Decodes CSV bytes: a BOM decides; otherwise UTF-8, or Windows-1252 (Excel's "CSV" on Windows) when it is not valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The total uncompressed size announced by a zip's central directory, or null when the bytes are
 * not a zip. Sizes of 0xFFFFFFFF (zip64) count as "too large".
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== 0x02014b50) return entries === 0xffff ? Number.POSITIVE_INFINITY : null;
    const size = view.getUint32(offset + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A cell's value as the text a user sees: numbers plain, dates YYYY-MM-DD, rich text joined, formulas their cached result. */
export function cellValueToText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}`;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValueToText(value.result);
  if ('error' in value) return value.error;
  if ('text' in value) return cellValueToText(value.text as ExcelJS.CellValue);
  return '';
}

function worksheetToTable(worksheet: ExcelJS.Worksheet): Result<RawTable, ImportError> {
  const rowCount = worksheet.rowCount;
  const columnCount = worksheet.columnCount;
  if (rowCount * Math.max(1, columnCount) > MAX_SHEET_CELLS * 4) {
    return err({ code: 'too-large', message: `The sheet "${worksheet.name}" is too large to import (${rowCount.toLocaleString('en')} rows × ${columnCount} columns).` });
  }
  const rows: string[][] = [];
  let cells = 0;
  for (let r = 1; r <= rowCount; r++) {
    const row = worksheet.findRow(r);
    const values: string[] = [];
    row?.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range shows its value once, in its top-left cell.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      while (values.length < column - 1) values.push('');
      values[column - 1] = cellValueToText(cell.value);
      cells++;
    });
    if (cells > MAX_SHEET_CELLS) {
      return err({ code: 'too-large', message: `The sheet "${worksheet.name}" has more than ${MAX_SHEET_CELLS.toLocaleString('en')} cells, too many to import at once. Split it into several files.` });
    }
    rows.push(values);
  }
  const table = normalizeRows(rows);
  if (table.rows.length === 0) return err({ code: 'empty', message: `The sheet "${worksheet.name}" is empty: there are no rows to import.` });
  return ok(table);
}

async function readWorkbook(bytes: Uint8Array, name: string, wanted: string | undefined): Promise<Result<SpreadsheetContent, ImportError>> {
  const announced = zipUncompressedSize(bytes);
  if (announced === null) {
    return err({ code: 'unreadable', message: `${name} is not a valid Excel workbook (.xlsx): it may be damaged, or another format renamed to .xlsx. Open it in Excel and save it again as .xlsx.` });
  }
  if (announced > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return err({ code: 'too-large', message: `${name} unpacks to more than ${megabytes(MAX_XLSX_UNCOMPRESSED_BYTES)}, too much to import. Split the workbook, or export the sheet as CSV.` });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer-like "Buffer"; a Node Buffer is what it reads at runtime.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return err({ code: 'unreadable', message: `${name} could not be read as an Excel workbook (${detail}). Open it in Excel and save it again as .xlsx.` });
  }
  const worksheets = workbook.worksheets;
  const sheets = worksheets.map((worksheet) => worksheet.name);
  if (worksheets.length === 0) return err({ code: 'empty', message: `${name} has no sheets.` });
  let worksheet = worksheets[0]!;
  if (wanted !== undefined) {
    const found = worksheets.find((sheet) => sheet.name === wanted) ?? worksheets.find((sheet) => sheet.name.toLowerCase() === wanted.trim().toLowerCase());
    if (!found) return err({ code: 'no-such-sheet', message: `${name} has no sheet "${wanted}"; its sheets are: ${sheets.map((sheet) => `"${sheet}"`).join(', ')}.` });
    worksheet = found;
  }
  const table = worksheetToTable(worksheet);
  if (!table.ok) return table;
  return ok({ table: table.value, sheets, sheet: worksheet.name, encoding: null });
}

export async function readSpreadsheet(filePath: string, options: ReadSpreadsheetOptions = {}): Promise<Result<SpreadsheetContent, ImportError>> {
  const name = path.basename(filePath);
  const extension = path.extname(filePath).toLowerCase();
  if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension)) return err({ code: 'unsupported-file', message: unsupportedMessage(name, extension) });
  let bytes: Uint8Array;
  try {
    const stats = await fsp.stat(filePath);
    if (stats.isDirectory()) return err({ code: 'unreadable', message: `${name} is a folder, not a spreadsheet.` });
    if (stats.size > MAX_SPREADSHEET_BYTES) {
      return err({ code: 'too-large', message: `${name} is too large to import (${megabytes(stats.size)}; the limit is ${megabytes(MAX_SPREADSHEET_BYTES)}). Split it into several files.` });
    }
    bytes = await fsp.readFile(filePath);
  } catch (error) {
    return err(readErrorToImportError(error, name));
  }
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES) {
    return err({ code: 'too-large', message: `${name} is too large to import (${megabytes(bytes.byteLength)}; the limit is ${megabytes(MAX_SPREADSHEET_BYTES)}).` });
  }
  if (extension === '.xlsx') return readWorkbook(bytes, name, options.sheet);
  const { text, encoding } = decodeCsvBytes(bytes);
  const table = parseCsv(text, extension === '.tsv' ? { delimiter: '\t' } : {});
  if (!table.ok) return err({ ...table.error, message: `${name}: ${table.error.message}` });
  return ok({ table: table.value, sheets: [], sheet: null, encoding });
}
