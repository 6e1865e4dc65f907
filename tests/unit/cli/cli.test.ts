import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { APP_VERSION } from '../../../electron/cli/version';
import { parseProjectText } from '../../../shared/domain/project-file';
import { HOSTILE_CASES, writeHostileFixtures, type HostileCase } from '../../fixtures/hostile/generate';
import { makeTempDir, mountTmpfs } from '../../support/temp';

const repoRoot = resolve(import.meta.dirname, '../../..');
const samplePath = join(repoRoot, 'resources/sample/executive-presence.plp');

function capture(cwd: string) {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd }, out, errors };
}

/** The real command, as a user types it: a separate process through the npm bin link. */
function plpStudio(args: string[], cwd = repoRoot) {
  const result = spawnSync(join(repoRoot, 'node_modules/.bin/plp-studio'), args, { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('plp-studio CLI', () => {
  const temp = makeTempDir('plp-cli-');
  afterAll(() => temp.remove());

  it('keeps its version in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('validate: the sample project is valid, exit 0, one summary line', () => {
    const result = plpStudio(['validate', samplePath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^valid: .*executive-presence\.plp: ".+": \d+ capabilities, \d+ roles/);
  });

  it('validate: an invalid file exits 1 with a one-line reason naming the JSON path, no stack trace', async () => {
    const file = join(temp.dir, 'bad.plp');
    const project = JSON.parse(readFileSync(samplePath, 'utf8')) as { capabilities: { name: unknown }[] };
    project.capabilities[1]!.name = 42;
    writeFileSync(file, JSON.stringify(project));
    const { io, out, errors } = capture(temp.dir);
    expect(await runCli(['validate', 'bad.plp'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('$.capabilities[1].name');
    expect(errors[0]).not.toMatch(/\n| {4}at /);
  });

  it('validate: a missing file is an I/O error (exit 2)', async () => {
    const { io, errors } = capture(temp.dir);
    expect(await runCli(['validate', 'missing.plp'], io)).toBe(2);
    expect(errors[0]).toMatch(/no longer exists/);
  });

  it('usage errors exit 2 and say what is wrong', async () => {
    for (const argv of [[], ['validate'], ['validate', 'a', 'b'], ['frobnicate'], ['new'], ['new', 'x.plp', '--colour']]) {
      const { io, errors } = capture(temp.dir);
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(errors.join('\n')).not.toBe('');
    }
  });

  it('new --sample writes a valid copy of the sample with a fresh id, and refuses to overwrite without --force', async () => {
    const { io, out } = capture(temp.dir);
    expect(await runCli(['new', 'workshop.plp', '--sample'], io)).toBe(0);
    expect(out[0]).toMatch(/^created: workshop\.plp/);
    const written = parseProjectText(readFileSync(join(temp.dir, 'workshop.plp'), 'utf8'));
    const sample = parseProjectText(readFileSync(samplePath, 'utf8'));
    if (!written.ok || !sample.ok) throw new Error('expected both files to parse');
    expect(written.value.project.meta.id).not.toBe(sample.value.project.meta.id);
    expect(written.value.project.capabilities).toEqual(sample.value.project.capabilities);

    const before = readFileSync(join(temp.dir, 'workshop.plp'));
    const refused = capture(temp.dir);
    expect(await runCli(['new', 'workshop.plp'], refused.io)).toBe(1);
    expect(refused.errors[0]).toMatch(/already exists.*--force/);
    expect(readFileSync(join(temp.dir, 'workshop.plp')).equals(before)).toBe(true);

    const forced = capture(temp.dir);
    expect(await runCli(['new', 'workshop.plp', '--force', '--title', 'Blank workshop'], forced.io)).toBe(0);
    const blank = parseProjectText(readFileSync(join(temp.dir, 'workshop.plp'), 'utf8'));
    expect(blank.ok && blank.value.project.meta.title).toBe('Blank workshop');
  });
});

describe('plp-studio new on a full disk (real tmpfs)', () => {
  let disk: ReturnType<typeof mountTmpfs>;
  beforeAll(() => {
    disk = mountTmpfs('256k');
  });
  afterAll(() => disk.unmount());

  it('exits non-zero, leaves the existing project byte-identical and no temp file behind', () => {
    const target = join(disk.dir, 'project.plp');
    expect(plpStudio(['new', target, '--title', 'Small project']).code).toBe(0);
    const before = readFileSync(target);
    // Fill the disk so the sample (tens of KB) cannot fit next to the small project.
    const free = 256 * 1024 - before.length;
    writeFileSync(join(disk.dir, 'filler.bin'), Buffer.alloc(Math.max(0, free - 8 * 1024)));

    const result = plpStudio(['new', target, '--sample', '--force']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/disk is full/i);
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(disk.dir).sort()).toEqual(['filler.bin', 'project.plp']);
    expect(existsSync(target)).toBe(true);
  });
});

describe('plp-studio validate on hostile and malformed files (real process)', () => {
  const temp = makeTempDir('plp-cli-hostile-');
  let fixtures: Record<string, string>;
  beforeAll(async () => {
    fixtures = await writeHostileFixtures(temp.dir);
  });
  afterAll(() => temp.remove());

  const cases = Object.entries(HOSTILE_CASES) as [string, HostileCase][];

  it.each(cases)('%s', (name, hostile) => {
    const started = Date.now();
    const result = plpStudio(['validate', fixtures[name]!]);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds, 'answers within 5 s').toBeLessThan(5);
    if (hostile.expect.ok) {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^valid: /);
      return;
    }
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n'), 'one line').toHaveLength(1);
    expect(result.stderr).toMatch(/^invalid: /);
    expect(result.stderr).not.toMatch(/ {4}at |Error:/);
    if (hostile.expect.path && !hostile.expect.pathPrefix) expect(result.stderr).toContain(hostile.expect.path);
    for (const text of hostile.expect.messageIncludes ?? []) expect(result.stderr).toContain(text);
    expect(result.stderr.length, 'a line, not a dump').toBeLessThan(600);
  });
});
