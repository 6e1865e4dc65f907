import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { planCommand } from '../../../electron/cli/commands/plan';
import { runCli } from '../../../electron/cli/main';
import { setPlanStatus } from '../../../shared/domain/commands/plan-commands';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { makeTempDir } from '../../support/temp';
import { samplePath } from '../export/support';

const temp = makeTempDir('plp-cli-plan-');
afterAll(() => temp.remove());

const NOW = () => new Date('2026-03-10T09:00:00Z');
let project: string;

function capture() {
  const out: string[] = [];
  const errors: string[] = [];
  return { io: { stdout: (line: string) => out.push(line), stderr: (line: string) => errors.push(line), cwd: temp.dir }, out, errors };
}

function read(file: string): Project {
  const result = parseProjectText(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.project;
}

let counter = 0;
beforeEach(() => {
  counter += 1;
  project = join(temp.dir, `cohort-${counter}.plp`);
  copyFileSync(samplePath, project);
});

describe('plp-studio plan', () => {
  it('plans every learner of the sample and saves them; a second run changes nothing', async () => {
    const first = capture();
    expect(await planCommand([project, '--all', '--today', '2026-03-16'], first.io, { now: NOW })).toBe(0);
    const saved = read(project);
    expect(saved.plans).toHaveLength(12);
    expect(new Set(saved.plans.map((plan) => plan.learnerId)).size).toBe(12);
    expect(saved.plans.every((plan) => plan.status === 'draft' && plan.items.length > 0 && plan.goals.length > 0)).toBe(true);
    expect(first.out[0]).toMatch(/^Priya Nair: new plan: \d+ goals, \d+ activities/);
    expect(first.out.at(-1)).toBe(`planned: 12 new plans, 0 updated, 0 unchanged, 0 skipped, 0 failed; saved to ${project}`);

    const again = capture();
    expect(await planCommand([project, '--all', '--today', '2026-03-16'], again.io, { now: NOW })).toBe(0);
    expect(again.out.at(-1)).toBe(`planned: 0 new plans, 0 updated, 12 unchanged, 0 skipped, 0 failed; saved to ${project}`);
    expect(read(project).plans.map((plan) => plan.id)).toEqual(saved.plans.map((plan) => plan.id));
  });

  it('leaves an agreed plan alone unless --include-agreed', async () => {
    await planCommand([project, '--all', '--today', '2026-03-16'], capture().io, { now: NOW });
    const saved = read(project);
    const priya = saved.plans.find((plan) => plan.learnerId === 'learner-priya-nair')!;
    const signed = setPlanStatus(priya.id, 'agreed').apply(saved);
    // The stored plan lost an activity since (a hand-edited file): regenerating brings it back.
    const agreed: Project = { ...signed, plans: signed.plans.map((plan) => (plan.id === priya.id ? { ...plan, items: plan.items.slice(1) } : plan)) };
    writeFileSync(project, serializeProject(agreed));

    const run = capture();
    expect(await planCommand([project, '--learner', 'learner-priya-nair', '--today', '2026-04-01'], run.io, { now: NOW })).toBe(0);
    expect(run.out[0]).toBe('skipped: Priya Nair: the plan is agreed; --include-agreed regenerates it');
    expect(run.out.at(-1)).toMatch(/0 new plans, 0 updated, 0 unchanged, 1 skipped, 0 failed; nothing to save$/);

    const forced = capture();
    expect(await planCommand([project, '--learner', 'priya.nair@meridianbio.example', '--today', '2026-04-01', '--include-agreed'], forced.io, { now: NOW })).toBe(0);
    expect(forced.out[0]).toMatch(/^Priya Nair: updated \(\+1\)/);
    const after = read(project).plans.find((plan) => plan.learnerId === 'learner-priya-nair')!;
    // Regenerating keeps the plan's identity and its agreed status.
    expect(after.id).toBe(priya.id);
    expect(after.status).toBe('agreed');
  });

  it('writes to --out and leaves the original untouched', async () => {
    const before = readFileSync(project, 'utf8');
    const { io } = capture();
    expect(await planCommand([project, '--learner', 'learner-priya-nair', '--out', 'planned.plp'], io, { now: NOW })).toBe(0);
    expect(readFileSync(project, 'utf8')).toBe(before);
    expect(read(join(temp.dir, 'planned.plp')).plans).toHaveLength(1);
  });

  it('refuses unknown learners and frameworks (exit 1) and bad usage (exit 2), writing nothing', async () => {
    const before = readFileSync(project, 'utf8');
    const unknown = capture();
    expect(await planCommand([project, '--learner', 'nobody@example.com'], unknown.io, { now: NOW })).toBe(1);
    expect(unknown.errors[0]).toContain('has no learner with id or e-mail "nobody@example.com"');
    const framework = capture();
    expect(await planCommand([project, '--all', '--framework', 'fw-ghost'], framework.io, { now: NOW })).toBe(1);
    expect(framework.errors[0]).toContain('has no framework "fw-ghost"');
    const usage = capture();
    expect(await runCli(['plan', project], usage.io)).toBe(2);
    expect(usage.errors[0]).toContain('plan needs either --learner <id|email> or --all');
    const date = capture();
    expect(await runCli(['plan', project, '--all', '--today', '16/03/2026'], date.io)).toBe(2);
    expect(readFileSync(project, 'utf8')).toBe(before);
  });
});
