/**
 * `plp-studio export --template …`: built-in looks and fonts, an organisation's own Word template,
 * and the refusal (before anything is written) of a template with unknown placeholders.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { paragraphTexts } from '../../../electron/services/export/client-template';
import { FOOTER_MARK, HEADER_MARK } from '../../fixtures/templates/generate';
import { makeTempDir } from '../../support/temp';
import { readDocx, readPdf, samplePath, squeeze } from './support';

const temp = makeTempDir('plp-cli-template-');
afterAll(() => temp.remove());

const FIXTURES = join(import.meta.dirname, '../../fixtures/templates');
const PRIYA = ['--learner', 'learner-priya-nair'];
const LOGO = join(import.meta.dirname, '../../fixtures/export/logo.png');

function capture() {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd: temp.dir }, out, errors };
}

const file = (...parts: string[]): Uint8Array => new Uint8Array(readFileSync(join(temp.dir, ...parts)));

describe('plp-studio export --template', () => {
  it('--template modern --font serif: both formats in the modern look with the serif fonts', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--out', 'modern', '--template', 'Modern', '--font', 'serif'], io)).toBe(0);
    expect(out).toContain('template: built-in modern');
    const docx = await readDocx(file('modern', 'Priya Nair.docx'));
    const styles = docx.parts.get('word/styles.xml')!;
    expect(styles).toContain('w:ascii="Cambria"');
    expect(styles).not.toContain('Calibri');
    // Modern's level-1 heading: a bar in the accent colour on its left, no rule under it.
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:pBdr><w:left w:val="single"[^>]*w:sz="36"/);
    const pdf = file('modern', 'Priya Nair.pdf');
    expect(Buffer.from(pdf).includes('DejaVuSerif')).toBe(true);
    expect(Buffer.from(pdf).includes('DejaVuSans')).toBe(false);
  });

  it('the default stays classic in Calibri and DejaVu Sans', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--out', 'classic'], io)).toBe(0);
    expect(out).toContain('template: built-in classic');
    expect((await readDocx(file('classic', 'Priya Nair.docx'))).parts.get('word/styles.xml')).toContain('w:ascii="Calibri"');
    expect(Buffer.from(file('classic', 'Priya Nair.pdf')).includes('DejaVuSans')).toBe(true);
  });

  it('an organisation’s Word template: Word files filled from it, PDFs from the built-in look, said so on stdout', async () => {
    const { io, out, errors } = capture();
    const code = await runCli(['export', samplePath, '--learner', 'learner-priya-nair,learner-marcus-bell', '--out', 'client', '--template', join(FIXTURES, 'client-template.docx'), '--pdf-template', 'modern', '--accent', '#0B6E4F', '--logo', LOGO], io);
    expect(errors.filter((line) => !line.startsWith('['))).toEqual([]);
    expect(code).toBe(0);
    expect(out).toContain('template: Word files from client-template.docx; PDFs use the built-in modern template with the same branding');
    for (const name of ['Priya Nair', 'Marcus Bell']) {
      const docx = await readDocx(file('client', `${name}.docx`));
      expect(Object.fromEntries(docx.problems)).toEqual({});
      const header = [...docx.parts].filter(([part]) => /^word\/header\d*\.xml$/.test(part)).map(([, xml]) => paragraphTexts(xml).join('')).join('');
      expect(header).toBe(` ${HEADER_MARK}\tPlan for ${name}`);
      const footer = [...docx.parts].filter(([part]) => /^word\/footer\d*\.xml$/.test(part)).map(([, xml]) => paragraphTexts(xml).join('')).join('');
      expect(footer).toContain(FOOTER_MARK);
      expect(docx.text).not.toContain('{{');
      expect(docx.document).toContain('w:fill="0B6E4F"');
      // --logo took the place of the template's stand-in picture.
      const media = Object.keys(docx.zip.files).filter((part) => part.startsWith('word/media/'));
      expect(media).toHaveLength(1);
      expect((await docx.zip.file(media[0]!)!.async('nodebuffer')).equals(readFileSync(LOGO))).toBe(true);
      const pdf = await readPdf(file('client', `${name}.pdf`), { quick: true });
      expect(squeeze(pdf.text)).toContain(squeeze(name));
    }
    expect(readdirSync(join(temp.dir, 'client')).sort()).toEqual(['Marcus Bell.docx', 'Marcus Bell.pdf', 'Priya Nair.docx', 'Priya Nair.pdf', 'roster.csv']);
  });

  it('a Word template with --format pdf is not needed, and stdout says the PDFs use the built-in look', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--format', 'pdf', '--out', 'pdf-only', '--template', join(FIXTURES, 'misspelt.docx')], io)).toBe(0);
    expect(out).toContain('template: misspelt.docx is used for Word files only; PDFs use the built-in classic template');
    expect(readdirSync(join(temp.dir, 'pdf-only')).sort()).toEqual(['Priya Nair.pdf', 'roster.csv']);
  });

  it('unknown placeholders are listed on stderr with suggestions and nothing is written (exit 1)', async () => {
    const { io, out, errors } = capture();
    expect(await runCli(['export', samplePath, '--all', '--out', 'refused', '--template', join(FIXTURES, 'misspelt.docx')], io)).toBe(1);
    expect(errors).toEqual([
      'unknown placeholder: {{lerner.name}} (body): did you mean {{learner.name}}?',
      'unknown placeholder: {{plan.goal}} (body): did you mean {{plan.goals}}?',
      'unknown placeholder: {{email}} (body): did you mean {{learner.email}}?',
      'unknown placeholder: {{totally.unknown}} (body): not a placeholder the studio knows',
      'unknown placeholder: {{organisaton.name}} (header): did you mean {{organisation.name}}?',
      expect.stringMatching(/^invalid: .*misspelt\.docx has 5 unknown placeholders; nothing was written\. .*--allow-unknown-placeholders/),
    ]);
    expect(out).toEqual([]);
    expect(existsSync(join(temp.dir, 'refused'))).toBe(false);
  });

  it('--allow-unknown-placeholders exports anyway, warns, and leaves them as typed', async () => {
    const { io, errors } = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--format', 'docx', '--out', 'allowed', '--template', join(FIXTURES, 'misspelt.docx'), '--allow-unknown-placeholders'], io)).toBe(0);
    expect(errors).toContain('warning: {{lerner.name}} is not a placeholder the studio knows; it was left in the Word files as typed');
    const docx = await readDocx(file('allowed', 'Priya Nair.docx'));
    expect(paragraphTexts(docx.document)).toContain('Your manager Daniel Okafor and you agreed {{plan.goal}}.');
  });

  it('a template that is not a Word file → exit 1 with what it is; a missing one → exit 2', async () => {
    writeFileSync(join(temp.dir, 'fake.docx'), '%PDF-1.7 not really');
    const fake = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--out', 'fake', '--template', 'fake.docx'], fake.io)).toBe(1);
    expect(fake.errors.join('\n')).toMatch(/invalid: the template fake\.docx: This is a PDF/);
    expect(existsSync(join(temp.dir, 'fake'))).toBe(false);
    const missing = capture();
    expect(await runCli(['export', samplePath, ...PRIYA, '--out', 'missing', '--template', 'nowhere.docx'], missing.io)).toBe(2);
    expect(missing.errors.join('\n')).toMatch(/cannot read the template nowhere\.docx/);
  });

  it.each([
    [['--template', 'fancy'], '--template must be classic, modern or a Word file'],
    [['--template', 'notes.txt'], '--template must be classic, modern or a Word file'],
    [['--font', 'mono'], '--font must be sans or serif'],
    [['--pdf-template', 'modern'], '--pdf-template goes with --template <file.docx>'],
    [['--template', 'x.docx', '--pdf-template', 'bold'], '--pdf-template must be classic or modern'],
  ])('usage error %j → exit 2', async (args, mention) => {
    const { io, errors } = capture();
    expect(await runCli(['export', samplePath, '--all', '--out', 'x', ...args], io)).toBe(2);
    expect(errors.join('\n')).toContain(mention);
  });
});
