import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../electron/cli/commands/export';
import { runCli } from '../../../electron/cli/main';
import { makeTempDir } from '../../support/temp';
import { expectReadable, loadSample, readDocx, readPdf, samplePath, squeeze } from './support';

const temp = makeTempDir('plp-cli-export-');
afterAll(() => temp.remove());

function capture() {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd: temp.dir }, out, errors };
}

const today = { today: () => '2026-03-10' };

describe('plp-studio export', () => {
  it('exports the sample cohort: 24 documents and a roster, progress on stderr, exit 0', async () => {
    const { io, out, errors } = capture();
    const code = await exportCommand([samplePath, '--all', '--format', 'docx,pdf', '--out', 'cohort'], io, today);
    expect(code).toBe(0);
    const folder = join(temp.dir, 'cohort');
    const files = readdirSync(folder);
    expect(files.filter((file) => file.endsWith('.docx'))).toHaveLength(12);
    expect(files.filter((file) => file.endsWith('.pdf'))).toHaveLength(12);
    expect(files).toContain('roster.csv');
    expect(files).toHaveLength(25);
    expect(errors[0]).toBe('[1/12] Priya Nair');
    expect(errors).toContain('[12/12] Jamal Washington');
    expect(out.at(-2)).toBe('exported: 24 files for 12 of 12 learners to cohort; 12 plans drafted in memory, not saved to the project');
    expect(out.at(-1)).toBe('roster: roster.csv');
    await expectReadable(folder, loadSample().learners.map((learner) => learner.name));
  });

  it('exports one learner by e-mail in one format, through the command table', async () => {
    const { io, errors } = capture();
    const code = await runCli(['export', samplePath, '--learner', 'PRIYA.NAIR@meridianbio.example', '--format', 'pdf', '--out', 'one', '--lang', 'en-US', '--accent', '#7A1F5C'], io);
    expect(errors).toEqual(['[1/1] Priya Nair']);
    expect(code).toBe(0);
    expect(readdirSync(join(temp.dir, 'one')).sort()).toEqual(['Priya Nair.pdf', 'roster.csv']);
    const pdf = await readPdf(new Uint8Array(readFileSync(join(temp.dir, 'one', 'Priya Nair.pdf'))));
    expect(pdf.language).toBe('en-US');
    expect(squeeze(pdf.text)).toContain(squeeze('Mar 16, 2026'));
  });

  it('unknown learner → exit 1, nothing written', async () => {
    const { io, errors } = capture();
    expect(await runCli(['export', samplePath, '--learner', 'learner-nobody', '--out', 'none'], io)).toBe(1);
    expect(errors.join('\n')).toContain('no learner with id or e-mail "learner-nobody"');
    expect(() => readdirSync(join(temp.dir, 'none'))).toThrow();
  });

  it('invalid project → exit 1; missing file → exit 2', async () => {
    writeFileSync(join(temp.dir, 'broken.plp'), '{"schemaVersion": 1, "meta": {}}');
    expect(await runCli(['export', 'broken.plp', '--all', '--out', 'x'], capture().io)).toBe(1);
    expect(await runCli(['export', 'missing.plp', '--all', '--out', 'x'], capture().io)).toBe(2);
  });

  it.each([
    [['--all'], '--out'],
    [['--out', 'x'], '--learner'],
    [['--all', '--learner', 'a', '--out', 'x'], '--learner'],
    [['--all', '--out', 'x', '--format', 'odt'], '--format'],
    [['--all', '--out', 'x', '--on-existing', 'merge'], '--on-existing'],
    [['--all', '--out', 'x', '--accent', 'teal'], '--accent'],
    [['--all', '--out', 'x', '--bogus'], '--bogus'],
  ])('usage error %j → exit 2', async (args, mention) => {
    const { io, errors } = capture();
    expect(await runCli(['export', samplePath, ...args], io)).toBe(2);
    expect(errors.join('\n')).toContain(mention);
  });

  it('an --out that is a file → exit 2', async () => {
    writeFileSync(join(temp.dir, 'a-file'), 'x');
    const { io, errors } = capture();
    expect(await runCli(['export', samplePath, '--all', '--out', 'a-file'], io)).toBe(2);
    expect(errors.join('\n')).toMatch(/cannot write to a-file/);
  });

  it('embeds a PNG logo given with --logo', async () => {
    const png = readFileSync(join(import.meta.dirname, '../../fixtures/export/logo.png'));
    const { io } = capture();
    expect(await runCli(['export', samplePath, '--learner', 'learner-priya-nair', '--format', 'docx', '--out', 'logo', '--logo', join(import.meta.dirname, '../../fixtures/export/logo.png')], io)).toBe(0);
    const docx = await readDocx(new Uint8Array(readFileSync(join(temp.dir, 'logo', 'Priya Nair.docx'))));
    const media = Object.keys(docx.zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect((await docx.zip.file(media[0]!)!.async('nodebuffer')).equals(png)).toBe(true);
  });
});
