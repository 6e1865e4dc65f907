/**
 * The roster that goes with a cohort export: one row per learner, opened by whoever receives the
 * folder, usually in Excel. Cells come from the project (names, teams typed by anyone), so a cell
 * that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return, also
 * after leading spaces) is prefixed with an apostrophe, and every cell is quoted as RFC 4180 says.
 */

export interface RosterRow {
  name: string;
  email: string;
  role: string;
  manager: string;
  team: string;
  planStatus: string;
  files: readonly string[];
}

export const ROSTER_COLUMNS = ['Name', 'Email', 'Role', 'Manager', 'Team', 'Plan status', 'Files'] as const;

const FORMULA_START = /^[\s\u00a0]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** Neutralised against formula injection (CWE-1236): the text shows as typed, never runs. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]|^\s|\s$/.test(safe) || safe.startsWith("'") ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark (so Excel reads accents and non-Latin names), CRLF line ends. */
export function rosterCsv(rows: readonly RosterRow[]): string {
  const lines = [ROSTER_COLUMNS.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push([row.name, row.email, row.role, row.manager, row.team, row.planStatus, row.files.join('; ')].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
