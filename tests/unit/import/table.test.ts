import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnLetter, detectHeaderRow, guessDelimiter, parseCsv, type RawTable } from '../../../shared/domain/import/table';
import { csvFixture } from './support';

function rows(text: string): string[][] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.rows;
}

describe('parseCsv', () => {
  it.each([
    ['comma', 'Name,Email,Composure\nAnn,ann@x.example,Skilled\n'],
    ['semicolon', 'Name;Email;Composure\nAnn;ann@x.example;Skilled\n'],
    ['tab', 'Name\tEmail\tComposure\nAnn\tann@x.example\tSkilled\n'],
  ])('detects the %s delimiter', (_name, text) => {
    expect(rows(text)).toEqual([
      ['Name', 'Email', 'Composure'],
      ['Ann', 'ann@x.example', 'Skilled'],
    ]);
  });

  it('prefers the delimiter that explains the data rows over one found in a title', () => {
    const text = 'Survey, Q1 2026\n\nName;Role;Composure\nAnn;Account Manager, Cell Therapy;2\nBob;Lead;3\n';
    expect(guessDelimiter(text)).toBe(';');
    expect(rows(text)[3]).toEqual(['Ann', 'Account Manager, Cell Therapy', '2']);
  });

  it('reads UTF-8 with or without a byte-order mark identically', () => {
    const text = 'Name;Équipe\nSofía Ramírez;Zürich\n';
    expect(rows('\ufeff' + text)).toEqual(rows(text));
    expect(rows('\ufeff' + text)[0]![0]).toBe('Name');
  });

  it('keeps quoted fields with delimiters, doubled quotes and newlines (CRLF or LF) in one cell', () => {
    const text = 'Name;Comment;Level\r\nAnn;"Good; ""very"" good\nreally";Skilled\r\nBob;;2\r\n';
    const table = rows(text);
    expect(table).toHaveLength(3);
    expect(table[1]).toEqual(['Ann', 'Good; "very" good\nreally', 'Skilled']);
    expect(table[2]).toEqual(['Bob', '', '2']);
  });

  it('pads ragged rows to the widest, keeps blank rows in the middle (row numbers stay true) and drops trailing blank rows', () => {
    const table = rows('Title\n\nA,B,C,D\n1,2\n\n3,4,5,6,\n\n\n');
    expect(table).toEqual([
      ['Title', '', '', ''],
      ['', '', '', ''],
      ['A', 'B', 'C', 'D'],
      ['1', '2', '', ''],
      ['', '', '', ''],
      ['3', '4', '5', '6'],
    ]);
  });

  it('refuses empty text and unclosed quotes with a row number', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(parseCsv('\ufeff \n\n')).toMatchObject({ ok: false, error: { code: 'empty' } });
    const unclosed = parseCsv('Name;Level\nAnn;Skilled\nBob;"Skilled\n');
    expect(unclosed).toMatchObject({ ok: false, error: { code: 'malformed', row: 3 } });
    if (!unclosed.ok) expect(unclosed.error.message).toMatch(/^Row 3 .*quote/);
  });

  it('reads the messy fixture: BOM, semicolons, title, blank line, a quoted newline', () => {
    const table = rows(readFileSync(csvFixture, 'utf8'));
    expect(table[0]![0]).toBe('Executive presence self-assessment – Q1 2026');
    expect(table[2]![0]).toBe('Full name');
    expect(table[3]![13]).toBe('Strong with physicians;\nwants more practice with "finance" teams');
    expect(new Set(table.map((row) => row.length)).size).toBe(1);
  });
});

describe('detectHeaderRow', () => {
  const table = (...lines: string[][]): RawTable => ({ rows: lines });

  it('is row 0 for a plain file', () => {
    expect(detectHeaderRow(table(['Name', 'Email', 'Composure'], ['Ann', 'a@x', '2']))).toBe(0);
  });

  it('skips a title row and blank lines', () => {
    expect(
      detectHeaderRow(
        table(['Executive presence survey – Q1 2026', '', ''], ['', '', ''], ['Name', 'Email', 'Composure'], ['Ann', 'a@x', '2'], ['Bob', 'b@x', '3']),
      ),
    ).toBe(2);
  });

  it('skips a narrow two-cell title ("Exported on; date") above a wide header', () => {
    expect(
      detectHeaderRow(
        table(
          ['Exported on', '2026-03-12', '', '', '', ''],
          ['Source', 'Qualtrics', '', '', '', ''],
          ['Name', 'Email', 'Team', 'Composure', 'Influence', 'Storytelling'],
          ['Ann', 'a@x', 'North', '2', '3', '1'],
        ),
      ),
    ).toBe(2);
  });

  it('does not take a numeric or repetitive row for a header', () => {
    expect(detectHeaderRow(table(['1', '2', '3', '4'], ['x', 'x', 'x', 'x'], ['Name', 'Email', 'A', 'B'], ['Ann', 'a@x', '1', '2']))).toBe(2);
  });

  it('finds the header of the messy fixture on spreadsheet row 3', () => {
    expect(detectHeaderRow({ rows: rows(readFileSync(csvFixture, 'utf8')) })).toBe(2);
  });

  it('falls back to the widest row when nothing looks like a header', () => {
    expect(detectHeaderRow(table(['only one cell'], ['1', '2', '3']))).toBe(1);
    expect(detectHeaderRow(table())).toBe(0);
  });
});

describe('columnLetter', () => {
  it('counts like a spreadsheet', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
