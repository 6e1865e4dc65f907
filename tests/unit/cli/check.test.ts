import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { serializeProject } from '../../../shared/domain/project-file';
import { standardPathway } from '../pathways/builder';
import { makeTempDir } from '../../support/temp';

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

const LINE = /^(.+) · (error|warning) · ([a-z-]+) · (-|[A-Za-z0-9_.-]+(, [A-Za-z0-9_.-]+)*) · (.+)$/;

describe('plp-studio check', () => {
  const temp = makeTempDir('plp-cli-check-');
  afterAll(() => temp.remove());

  it('the sample: no problems, exit 0, one summary line (real process)', () => {
    const result = plpStudio(['check', samplePath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('0 errors, 0 warnings in 1 framework');
  });

  it('a project with a loop: exit 1 and the rule id printed (real process)', () => {
    const project = standardPathway().edge('post', 'core-job', 'e-back').project();
    writeFileSync(join(temp.dir, 'loop.plp'), serializeProject(project));
    const result = plpStudio(['check', 'loop.plp'], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      'Test framework · error · no-cycles · core-job, options, checkin, post · “Activity act-job”, “Choose options”, “Check-in” and “Post-assessment” come before each other in a loop, so learners could never finish: remove one of the connections between them.',
    );
    expect(lines.at(-1)).toMatch(/^[1-9]\d* errors?, \d+ warnings? in 1 framework$/);
    for (const line of lines.slice(0, -1)) expect(line, line).toMatch(LINE);
  });

  it('a missing file: exit 2 (real process)', () => {
    const result = plpStudio(['check', join(temp.dir, 'missing.plp')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^invalid: .*missing\.plp: .*no longer exists/);
  });

  it('an invalid project file: exit 1 with a one-line reason naming the JSON path', async () => {
    const project = JSON.parse(readFileSync(samplePath, 'utf8')) as { frameworks: { nodes: { kind: unknown }[] }[] };
    project.frameworks[0]!.nodes[2]!.kind = 'lecture';
    writeFileSync(join(temp.dir, 'bad.plp'), JSON.stringify(project));
    const { io, out, errors } = capture(temp.dir);
    expect(await runCli(['check', 'bad.plp'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^invalid: bad\.plp: /);
    expect(errors[0]).toContain('$.frameworks[0].nodes[2]');
  });

  it('a clean project: only the summary; warnings alone exit 0; --hours-per-week changes the budget', async () => {
    writeFileSync(join(temp.dir, 'clean.plp'), serializeProject(standardPathway().project()));
    const clean = capture(temp.dir);
    expect(await runCli(['check', 'clean.plp'], clean.io)).toBe(0);
    expect(clean.out).toEqual(['0 errors, 0 warnings in 1 framework']);

    const tight = capture(temp.dir);
    expect(await runCli(['check', 'clean.plp', '--hours-per-week', '3'], tight.io)).toBe(0);
    expect(tight.out).toHaveLength(2);
    expect(tight.out[0]).toMatch(/^Test framework · warning · hours-vs-duration · - · Learners are expected to spend about 22 h over 6 weeks .*budget of 3 h a week \(18 h\)/);
    expect(tight.out[1]).toBe('0 errors, 1 warning in 1 framework');
  });

  it('keeps every line on one line and free of terminal escapes, whatever the labels say', async () => {
    const project = standardPathway()
      .milestone('evil', 'line one\u001b[2J\u0007')
      .edge('evil', 'core-job')
      .project((p) => {
        p.frameworks[0]!.name = 'Evil\u001b[31m framework';
      });
    writeFileSync(join(temp.dir, 'evil.plp'), serializeProject(project));
    const { io, out } = capture(temp.dir);
    expect(await runCli(['check', 'evil.plp'], io)).toBe(1);
    for (const line of out) {
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(out.some((line) => line.startsWith('Evil [31m framework · error · single-start · pre, evil · '))).toBe(true);
  });

  it('usage errors exit 2', async () => {
    for (const argv of [['check'], ['check', 'a.plp', 'b.plp'], ['check', 'a.plp', '--colour'], ['check', 'a.plp', '--hours-per-week', 'lots'], ['check', 'a.plp', '--hours-per-week', '0']]) {
      const { io, errors } = capture(temp.dir);
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(errors.join('\n')).toMatch(/^plp-studio check: .*Run "plp-studio help"\.$/);
    }
  });

  it('is listed in the help', async () => {
    const { io, out } = capture(temp.dir);
    expect(await runCli(['help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}check <file\.plp>/m);
  });
});
