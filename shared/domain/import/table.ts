/**
 * The first step of every import: a spreadsheet's cells as a plain grid of strings, whatever the
 * file looked like (CSV from Excel or Google Sheets, an exported survey, an .xlsx sheet read in the
 * main process). Pure: the text arrives already read and decoded.
 *
 * Row i of `RawTable.rows` is spreadsheet row i + 1: blank rows are kept (not skipped) so the row
 * numbers in messages are the ones the user sees in Excel.
 */
import Papa from 'papaparse';
import { err, ok, type Result } from '../../result';

export interface RawTable {
  /** Every row padded to the same width; cells are the file's text, untrimmed. */
  rows: string[][];
}

export type ImportErrorCode =
  /** The file has no cells at all. */
  | 'empty'
  /** The text cannot be read as CSV (an opening quote that never closes…). */
  | 'malformed'
  /** Not a .csv / .tsv / .xlsx file. */
  | 'unsupported-file'
  | 'too-large'
  | 'not-found'
  /** The disk or the file format said no (permissions, a damaged workbook…). */
  | 'unreadable'
  /** --sheet / the wizard named a sheet the workbook does not have. */
  | 'no-such-sheet';

export interface ImportError {
  code: ImportErrorCode;
  /** One line a user can act on. */
  message: string;
  /** 1-based spreadsheet row of the problem, when there is one. */
  row?: number;
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Rows looked at when guessing the delimiter and the header row. */
const SAMPLE_ROWS = 50;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const isBlank = (cell: string): boolean => cell.trim() === '';

/** Pads ragged rows to the widest one and drops trailing blank rows and blank columns. */
export function normalizeRows(rows: string[][]): RawTable {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlank)) end--;
  const kept = rows.slice(0, end);
  let width = 0;
  for (const row of kept) {
    for (let c = row.length - 1; c >= width; c--) {
      if (!isBlank(row[c]!)) {
        width = c + 1;
        break;
      }
    }
  }
  return {
    rows: kept.map((row) => {
      if (row.length === width) return row;
      if (row.length > width) return row.slice(0, width);
      const padded = row.slice();
      while (padded.length < width) padded.push('');
      return padded;
    }),
  };
}

/**
 * How well `delimiter` explains the sample: the number of rows that share the most common field
 * count (when that count is at least 2), so a lone title row with a comma does not outvote twenty
 * semicolon-separated data rows.
 */
function delimiterScore(sample: string, delimiter: CsvDelimiter): { rows: number; width: number } {
  const parsed = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: 'greedy' });
  const counts = new Map<number, number>();
  for (const row of parsed.data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let best = { rows: 0, width: 0 };
  for (const [width, rows] of counts) {
    if (width < 2) continue;
    if (rows > best.rows || (rows === best.rows && width > best.width)) best = { rows, width };
  }
  return best;
}

export function guessDelimiter(text: string): CsvDelimiter {
  // Enough text for SAMPLE_ROWS ordinary rows; a cut-off last row only costs that row its vote.
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: CsvDelimiter; rows: number; width: number } = { delimiter: ',', rows: 0, width: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const score = delimiterScore(sample, delimiter);
    if (score.rows > best.rows || (score.rows === best.rows && score.width > best.width)) best = { delimiter, ...score };
  }
  return best.delimiter;
}

/**
 * CSV text → a table. The delimiter is detected among comma, semicolon (European Excel) and tab;
 * a UTF-8 byte-order mark is dropped; quoted fields may hold delimiters, quotes ("") and newlines.
 */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter } = {}): Result<RawTable, ImportError> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err({ code: 'empty', message: 'The file is empty: there are no rows to import.' });
  const delimiter = options.delimiter ?? guessDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    const what =
      quoteError.code === 'MissingQuotes'
        ? 'a quoted cell is never closed (an opening " without its closing ")'
        : 'a quoted cell has text after its closing quote';
    return err({ code: 'malformed', row, message: `Row ${row} cannot be read: ${what}. Fix the quotes in the file, or save it again from the spreadsheet program.` });
  }
  const table = normalizeRows(parsed.data);
  if (table.rows.length === 0) return err({ code: 'empty', message: 'The file is empty: there are no rows to import.' });
  return ok(table);
}

// ---------------------------------------------------------------------------------------------
// Header detection

const NUMERIC = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)\s*%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ T].*)?$/;

/** A number or a date: what data rows hold and header rows do not. */
export function looksNumeric(cell: string): boolean {
  const text = cell.trim();
  return NUMERIC.test(text) || DATE_LIKE.test(text);
}

/** Index just past the last non-blank cell. */
function span(row: readonly string[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c]!)) return c + 1;
  return 0;
}

function nonBlankCells(row: readonly string[]): string[] {
  return row.map((cell) => cell.trim()).filter((cell) => cell !== '');
}

/** Several non-empty, distinct, mostly non-numeric cells. */
function looksLikeHeaderCells(row: readonly string[]): boolean {
  const cells = nonBlankCells(row);
  if (cells.length < 2) return false;
  const distinct = new Set(cells.map((cell) => cell.toLowerCase()));
  if (distinct.size < cells.length) return false;
  const numeric = cells.filter(looksNumeric).length;
  return numeric * 4 <= cells.length; // at most a quarter
}

/**
 * The 0-based index of the header row: the first row that looks like a header (see
 * `looksLikeHeaderCells`) and is about as wide as the rows after it, so a title such as
 * "Executive presence survey – Q1 2026" or "Exported on;12/03/2026" above the real header is
 * skipped. Falls back to the widest of the first rows, then to 0.
 */
export function detectHeaderRow(table: RawTable): number {
  const limit = Math.min(table.rows.length, SAMPLE_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = table.rows[i]!;
    if (!looksLikeHeaderCells(row)) continue;
    const following: number[] = [];
    for (let j = i + 1; j < table.rows.length && following.length < 5; j++) {
      const width = span(table.rows[j]!);
      if (width > 0) following.push(width);
    }
    const widest = Math.max(0, ...following);
    // Data rows may end early (blank last answers) but are never much wider than their header.
    if (span(row) * 10 >= widest * 7) return i;
  }
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < limit; i++) {
    const count = nonBlankCells(table.rows[i]!).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best;
}
