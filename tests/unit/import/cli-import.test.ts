import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAssessmentsCommand } from '../../../electron/cli/commands/import-assessments';
import { runCli } from '../../../electron/cli/main';
import { parseProjectText } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { makeTempDir } from '../../support/temp';
import { csvFixture, loadSample, repoRoot, samplePath, xlsxFixture } from './support';

function plpStudio(args: string[], cwd: string) {
  const result = spawnSync(join(repoRoot, 'node_modules/.bin/plp-studio'), args, { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function capture(cwd: string) {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd }, out, errors };
}

function projectAt(file: string): Project {
  const parsed = parseProjectText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

const sample = loadSample();

describe('plp-studio import-assessments (real process)', () => {
  const temp = makeTempDir('plp-cli-import-');
  afterAll(() => temp.remove());

  it('imports the messy CSV, reports every rejected cell, saves in place; the second run reports 0 changes', () => {
    const project = join(temp.dir, 'workshop.plp');
    copyFileSync(samplePath, project);
    const first = plpStudio(['import-assessments', 'workshop.plp', csvFixture, '--kind', 'self', '--date', '2026-05-04'], temp.dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toMatch(/^read: .*messy-assessments\.csv: header on row 3, 5 learner columns, 8 capability columns, 8 rows below it; ignored N \(Comments\)$/);
    expect(lines).toContain('learners: 2 created, 2 updated');
    expect(lines).toContain('assessments: 48 assessments imported as self on 2026-05-04 (48 added, 0 updated), 0 already up to date, 7 cells not assessed');
    expect(lines.filter((line) => line.startsWith('rejected: '))).toEqual([
      expect.stringMatching(/^rejected: row 6, column L \(Strategic Business Acumen – Cell Therapy Market & Access\): "Excellent!!" is not a level of the scale/),
      'rejected: row 11: the row has no name and no e-mail, so it cannot be matched to a learner',
    ]);
    expect(lines.filter((line) => line.startsWith('warning: '))).toEqual([expect.stringMatching(/^warning: row 10, column C \(Job title\): "Sales Director" is not a role/)]);
    expect(lines.at(-1)).toBe('saved: workshop.plp');

    const saved = projectAt(project);
    expect(saved.learners).toHaveLength(sample.learners.length + 2);
    expect(saved.assessments).toHaveLength(sample.assessments.length + 48);
    expect(saved.meta.modifiedAt).not.toBe(sample.meta.modifiedAt);

    const bytes = readFileSync(project);
    const second = plpStudio(['import-assessments', 'workshop.plp', csvFixture, '--kind', 'self', '--date', '2026-05-04'], temp.dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('learners: 0 created, 0 updated');
    expect(second.stdout).toContain('(0 added, 0 updated), 48 already up to date');
    expect(second.stdout.split('\n').at(-1)).toBe('0 changes: already imported');
    expect(readFileSync(project).equals(bytes), 'an unchanged project is not rewritten').toBe(true);
  });

  it('finds the data sheet of the workbook (notes sheet first), saves to --out and leaves the input alone', () => {
    const project = join(temp.dir, 'ratings.plp');
    copyFileSync(samplePath, project);
    const before = readFileSync(project);
    const first = plpStudio(['import-assessments', 'ratings.plp', xlsxFixture, '--kind', 'manager', '--date', '2026-04-24', '--out', 'ratings-imported.plp'], temp.dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^read: .*messy-manager-ratings\.xlsx \(sheet "Manager ratings"\): header on row 3, 5 learner columns, 8 capability columns, 4 rows below it; ignored F \(Completed on\)/);
    expect(first.stdout).toContain('learners: 1 created, 0 updated');
    expect(first.stdout).toContain('assessments: 30 assessments imported as manager on 2026-04-24 (30 added, 0 updated)');
    expect(first.stdout.split('\n').filter((line) => line.startsWith('rejected: '))).toEqual([
      'rejected: row 6, column N (Scientific credibility in clinical conversations): "7" is outside the numeric scale 1–4',
    ]);
    expect(readFileSync(project).equals(before)).toBe(true);
    const imported = projectAt(join(temp.dir, 'ratings-imported.plp'));
    expect(imported.learners.map((learner) => learner.name)).toContain('Mei Lin');
    const tomasz = imported.assessments.filter((assessment) => assessment.learnerId === 'learner-tomasz-kowalski' && assessment.kind === 'manager' && assessment.date === '2026-04-24');
    expect(tomasz).toHaveLength(7);

    const second = plpStudio(['import-assessments', 'ratings-imported.plp', xlsxFixture, '--kind', 'manager', '--date', '2026-04-24', '--sheet', 'Manager ratings'], temp.dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 changes: already imported');
  });

  it('exits 1 when nothing in the file is importable, and leaves the project untouched', () => {
    const project = join(temp.dir, 'bad.plp');
    copyFileSync(samplePath, project);
    const before = readFileSync(project);
    writeFileSync(join(temp.dir, 'anonymous.csv'), 'Full name;E-mail;Composure under pressure\n;;Skilled\n;;2\n');
    const anonymous = plpStudio(['import-assessments', 'bad.plp', 'anonymous.csv', '--kind', 'pre'], temp.dir);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stdout.split('\n').filter((line) => line.startsWith('rejected: '))).toHaveLength(2);
    expect(anonymous.stderr).toBe('nothing imported: all 2 rows were rejected.');

    writeFileSync(join(temp.dir, 'unrelated.csv'), 'Product,Price\nWidget,3\n');
    const unrelated = plpStudio(['import-assessments', 'bad.plp', 'unrelated.csv', '--kind', 'pre'], temp.dir);
    expect(unrelated.code).toBe(1);
    expect(unrelated.stderr).toMatch(/^nothing imported: No column is mapped to the learner's name or e-mail/);
    expect(readFileSync(project).equals(before)).toBe(true);
  });
});

describe('plp-studio import-assessments (in process)', () => {
  const temp = makeTempDir('plp-cli-import-args-');
  afterAll(() => temp.remove());
  copyFileSync(samplePath, join(temp.dir, 'p.plp'));
  writeFileSync(join(temp.dir, 'data.csv'), 'Name,Composure under pressure\nPriya Nair,Expert\n');

  it.each([
    [['import-assessments']],
    [['import-assessments', 'p.plp']],
    [['import-assessments', 'p.plp', 'data.csv']],
    [['import-assessments', 'p.plp', 'data.csv', '--kind', 'peer']],
    [['import-assessments', 'p.plp', 'data.csv', '--kind', 'self', '--date', '24/03/2026']],
    [['import-assessments', 'p.plp', 'data.csv', '--kind', 'self', '--sheet', 'Data']],
    [['import-assessments', 'p.plp', 'data.csv', '--kind', 'self', '--colour']],
    [['import-assessments', 'p.plp', 'data.csv', 'extra.csv', '--kind', 'self']],
    [['import-assessments', 'p.plp', 'missing.csv', '--kind', 'self']],
    [['import-assessments', 'missing.plp', 'data.csv', '--kind', 'self']],
    [['import-assessments', 'p.plp', 'data.ods', '--kind', 'self']],
  ])('exits 2 for usage and I/O errors: %j', async (argv) => {
    const { io, errors } = capture(temp.dir);
    expect(await runCli(argv, io)).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]).not.toMatch(/\n| {4}at /);
  });

  it('dates the assessments today by default (injectable)', async () => {
    const { io, out } = capture(temp.dir);
    expect(await importAssessmentsCommand(['p.plp', 'data.csv', '--kind', 'post', '--out', 'dated.plp'], io, { today: () => '2026-06-30' })).toBe(0);
    expect(out).toContain('assessments: 1 assessment imported as post on 2026-06-30 (1 added, 0 updated), 0 already up to date, 0 cells not assessed');
    const added = projectAt(join(temp.dir, 'dated.plp')).assessments.filter((assessment) => assessment.kind === 'post');
    expect(added).toEqual([expect.objectContaining({ learnerId: 'learner-priya-nair', capabilityId: 'cap-composure', levelId: 'expert', date: '2026-06-30' })]);
  });

  it('is listed in the help', async () => {
    const { io, out } = capture(temp.dir);
    expect(await runCli(['help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/import-assessments <file\.plp> <file\.csv\|file\.xlsx> --kind self\|manager\|pre\|post/);
  });
});

describe('import-assessments with a roster (learner columns only)', () => {
  it('creates and updates learners, imports no assessments, and a second run changes nothing', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync, readFileSync: read } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: joinPath, resolve: resolvePath } = await import('node:path');
    const { spawnSync } = await import('node:child_process');
    const { parseProjectText } = await import('../../../shared/domain/project-file');
    const root = resolvePath(import.meta.dirname, '../../..');
    const dir = mkdtempSync(joinPath(tmpdir(), 'plp-roster-'));
    const project = joinPath(dir, 'project.plp');
    copyFileSync(joinPath(root, 'resources/sample/executive-presence.plp'), project);
    writeFileSync(
      joinPath(dir, 'roster.csv'),
      'Name,Email,Role,Manager,Team\nNew Person,new.person@meridianbio.example,"Account Manager, Cell Therapy",Daniel Okafor,Northeast\n' +
        'Priya Nair,priya.nair@meridianbio.example,"Account Manager, Cell Therapy",Daniel Okafor,Boston\n',
    );
    const run = () => spawnSync(joinPath(root, 'node_modules/.bin/plp-studio'), ['import-assessments', project, joinPath(dir, 'roster.csv'), '--kind', 'pre'], { encoding: 'utf8' });
    const assessmentsBefore = (() => {
      const parsed = parseProjectText(read(project, 'utf8'));
      return parsed.ok ? parsed.value.project.assessments.length : -1;
    })();
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const parsed = parseProjectText(read(project, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { learners, assessments } = parsed.value.project;
    expect(learners.find((learner) => learner.email === 'new.person@meridianbio.example')?.team).toBe('Northeast');
    expect(learners.find((learner) => learner.email === 'priya.nair@meridianbio.example')?.team).toBe('Boston');
    expect(assessments).toHaveLength(assessmentsBefore);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 changes/);
  });
});
