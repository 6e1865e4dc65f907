import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileNameAllocator, MAX_STEM_BYTES, resolveInside, safeFileStem, truncateUtf8, UnsafePathError } from '../../../electron/services/export/file-names';
import { csvCell, neutraliseCell, rosterCsv } from '../../../electron/services/export/roster-csv';

const folder = path.resolve('/tmp/plp-export-folder');
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('safeFileStem', () => {
  it.each([
    ['Ana Ortiz', 'Ana Ortiz'],
    ['../../etc/passwd', 'etc passwd'],
    ['..', 'learner'],
    ['a/b\\c', 'a b c'],
    ['What? <Me> "now" | * :', 'What Me now'],
    ['tab\there\r\nnew\u0000line', 'tab here new line'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Lpt9', '_Lpt9'],
    ['COM¹', '_COM¹'],
    ['NUL .pdf', '_NUL .pdf'],
    ['Console', 'Console'],
    ['name. . .', 'name'],
    ['  .hidden', 'hidden'],
    ['', 'learner'],
    ['   ', 'learner'],
    ['\u202Efdp.exe', 'fdp.exe'],
    ['Sofía Ramírez', 'Sofía Ramírez'],
    ['José'.normalize('NFD'), 'José'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileStem(input)).toBe(expected);
  });

  it('caps length in UTF-8 bytes without cutting a character in half', () => {
    const emoji = '👩🏽‍💼'.repeat(40);
    const stem = safeFileStem(emoji);
    expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem).not.toMatch(/[\ud800-\udbff]$/);
    expect(safeFileStem('é'.repeat(200))).toBe('é'.repeat(40));
    expect(truncateUtf8('ab€', 4)).toBe('ab');
  });
});

describe('FileNameAllocator', () => {
  it('numbers duplicates, ignoring case', () => {
    const names = new FileNameAllocator();
    expect(names.allocate('Ana Ortiz', 'pdf')).toBe('Ana Ortiz.pdf');
    expect(names.allocate('Ana Ortiz', 'pdf')).toBe('Ana Ortiz (2).pdf');
    expect(names.allocate('ana ortiz', '.pdf')).toBe('ana ortiz (3).pdf');
    expect(names.allocate('Ana Ortiz', 'docx')).toBe('Ana Ortiz.docx');
  });

  it('keeps one stem for a learner’s formats and avoids names already in the folder', () => {
    const names = new FileNameAllocator(['Ana Ortiz.pdf']);
    expect(names.allocateGroup('Ana Ortiz', ['docx', 'pdf'])).toEqual(['Ana Ortiz (2).docx', 'Ana Ortiz (2).pdf']);
  });
});

describe('resolveInside', () => {
  it('returns a direct child of the folder', () => {
    expect(resolveInside(folder, 'Ana Ortiz.pdf')).toBe(path.join(folder, 'Ana Ortiz.pdf'));
  });

  it.each(['', '.', '..', '../x.pdf', 'a/b.pdf', 'a\\b.pdf', '/etc/passwd', 'x\u0000.pdf'])('refuses %j', (name) => {
    expect(() => resolveInside(folder, name)).toThrow(UnsafePathError);
  });

  it('property: any learner name gives a non-empty name without separators, inside the folder', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.constantFrom('.', '/', '\\', ' ', 'a', 'Z', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f', '\n'), { maxLength: 40 }).map((chars) => chars.join('')),
          fc.constantFrom('..', '.', 'CON', 'con.pdf', 'aux ', 'COM1.txt', 'LPT¹', ' ..\\..\\', '/'),
        ),
        fc.constantFrom('pdf', 'docx'),
        (name, extension) => {
          const stem = safeFileStem(name);
          expect(stem.length).toBeGreaterThan(0);
          expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
          // eslint-disable-next-line no-control-regex
          expect(stem).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
          expect(stem).not.toMatch(/^[ .]|[ .]$/);
          expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
          const file = new FileNameAllocator().allocate(name, extension);
          const target = resolveInside(folder, file);
          expect(path.dirname(target)).toBe(folder);
          expect(path.relative(folder, target)).toBe(file);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('roster CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const value of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '  =1+1', '＝1']) expect(neutraliseCell(value)).toBe(`'${value}`);
    for (const value of ['Ana', 'a=b', 'e-mail', '']) expect(neutraliseCell(value)).toBe(value);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Account Manager, Cell Therapy')).toBe('"Account Manager, Cell Therapy"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
  });

  it('writes a header, one row per learner, BOM and CRLF', () => {
    const csv = rosterCsv([{ name: '=cmd|calc', email: 'a@b.example', role: 'AM, CT', manager: '@boss', team: '-', planStatus: 'Agreed', files: ['a.pdf', 'a.docx'] }]);
    expect(csv.startsWith('\ufeffName,Email,Role,Manager,Team,Plan status,Files\r\n')).toBe(true);
    expect(csv).toContain(`"'=cmd|calc",a@b.example,"AM, CT","'@boss","'-",Agreed,a.pdf; a.docx\r\n`);
  });
});
