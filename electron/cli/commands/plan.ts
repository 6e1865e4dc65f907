/**
 * `plp-studio plan <project> (--learner <id|email>[,…] | --all) [--framework <id>]
 *  [--include-agreed] [--discard-overrides] [--today YYYY-MM-DD] [--out <project>]`
 *
 * (Re)generates learners' plans with the personalization engine — the same code as "Generate
 * plan" in the studio — and saves the project atomically (in place or to --out), so `export`
 * then writes current plans. What a person changed in a plan is kept unless
 * --discard-overrides; agreed, in-progress and complete plans are left alone unless
 * --include-agreed, because a manager has signed them.
 *
 * Exit 0 when every selected learner has a current plan, 1 for invalid input (invalid project,
 * unknown learner or framework, a learner the engine cannot plan for), 2 for usage or I/O errors.
 */
import path from 'node:path';
import { hasChanges, storeGeneratedPlans } from '../../../shared/domain/commands/plan-commands';
import { PersonalizeError } from '../../../shared/domain/plans';
import { generatePlans, type GeneratedPlan } from '../../../shared/domain/plans/generate';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { IsoDate, type Learner, type Project } from '../../../shared/domain/schema';
import { SaveError, writeFileAtomic } from '../../services/files/atomic-write';
import { findLearner } from '../../services/export/cohort-plans';
import { localIsoDate } from '../../services/export/document-options';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';
import { APP_VERSION } from '../version';

const VALUE_FLAGS = ['learner', 'framework', 'today', 'out'];
const BOOLEAN_FLAGS = ['all', 'include-agreed', 'discard-overrides'];

export interface PlanCommandOptions {
  now?: () => Date;
}

const plural = (count: number, word: string, many = `${word}s`): string => `${count.toLocaleString('en')} ${count === 1 ? word : many}`;

function stringFlag(value: string | true | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** Learners follow their role's framework, as in the studio; else the project's first. */
function frameworkFor(project: Project, learner: Learner, chosen: string | undefined): string | null {
  if (chosen !== undefined) return chosen;
  const forRole = project.frameworks.find((framework) => learner.roleId !== null && framework.audienceRoleIds.includes(learner.roleId));
  return (forRole ?? project.frameworks[0])?.id ?? null;
}

function describe(result: GeneratedPlan): string {
  const items = result.plan.items.filter((item) => item.status !== 'skipped').length;
  if (!result.changes) return `new plan: ${plural(result.plan.goals.length, 'goal')}, ${plural(items, 'activity', 'activities')}`;
  const { added, removed, moved, goals, overrides, frameworkChanged } = result.changes;
  const parts = [
    added.length ? `+${added.length}` : '',
    removed.length ? `−${removed.length}` : '',
    moved.length ? `${moved.length} moved` : '',
    goals.length ? plural(goals.length, 'goal change') : '',
    frameworkChanged ? 'new framework' : '',
  ].filter(Boolean);
  const kept = overrides > 0 ? `; ${plural(overrides, 'change')} by hand kept` : '';
  return parts.length === 0 ? `unchanged${kept}` : `updated (${parts.join(', ')})${kept}`;
}

export async function planCommand(argv: readonly string[], io: CliIo, options: PlanCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv, VALUE_FLAGS);
  rejectUnknownFlags(args, [...VALUE_FLAGS, ...BOOLEAN_FLAGS]);
  const [projectArg, ...extra] = args.positional;
  if (!projectArg || extra.length > 0) throw new UsageError('plan takes exactly one project file');
  const learnerFlag = stringFlag(args.flags.get('learner'), 'learner');
  const all = args.flags.has('all');
  if (all === (learnerFlag !== undefined)) throw new UsageError('plan needs either --learner <id|email> or --all');
  const frameworkFlag = stringFlag(args.flags.get('framework'), 'framework');
  const todayFlag = stringFlag(args.flags.get('today'), 'today');
  if (todayFlag !== undefined && !IsoDate.safeParse(todayFlag).success) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${oneLine(todayFlag)}"`);
  const outFlag = stringFlag(args.flags.get('out'), 'out');
  const includeAgreed = args.flags.has('include-agreed');
  const keepOverrides = !args.flags.has('discard-overrides');

  const source = path.resolve(io.cwd, projectArg);
  const loaded = await loadProjectFile(source);
  if (!loaded.ok) {
    io.stderr(oneLine(`invalid: ${projectArg}: ${loaded.error.message}`));
    return loaded.error.fromDisk ? EXIT_USAGE_OR_IO : EXIT_INVALID;
  }
  const { project } = loaded.value;
  if (project.frameworks.length === 0) {
    io.stderr(oneLine(`invalid: ${projectArg} has no framework to plan from; build one in Pathways first`));
    return EXIT_INVALID;
  }
  if (frameworkFlag !== undefined && !project.frameworks.some((framework) => framework.id === frameworkFlag)) {
    io.stderr(oneLine(`invalid: ${projectArg} has no framework "${frameworkFlag}"`));
    return EXIT_INVALID;
  }

  let learners: Learner[];
  if (learnerFlag !== undefined) {
    learners = [];
    for (const key of learnerFlag.split(',').map((part) => part.trim()).filter(Boolean)) {
      const learner = findLearner(project, key);
      if (!learner) {
        io.stderr(oneLine(`invalid: ${projectArg} has no learner with id or e-mail "${key}"`));
        return EXIT_INVALID;
      }
      if (!learners.includes(learner)) learners.push(learner);
    }
    if (learners.length === 0) throw new UsageError('--learner needs at least one id or e-mail');
  } else {
    learners = project.learners;
    if (learners.length === 0) {
      io.stderr(oneLine(`invalid: ${projectArg} has no learners to plan for`));
      return EXIT_INVALID;
    }
  }

  const now = (options.now ?? (() => new Date()))();
  const today = todayFlag ?? localIsoDate(now);
  const savedPlans = new Map(project.plans.map((plan) => [plan.learnerId, plan]));
  const byFramework = new Map<string, Learner[]>();
  let skipped = 0;
  for (const learner of learners) {
    const existing = savedPlans.get(learner.id);
    if (existing && existing.status !== 'draft' && !includeAgreed) {
      io.stdout(oneLine(`skipped: ${learner.name}: the plan is ${existing.status}; --include-agreed regenerates it`));
      skipped += 1;
      continue;
    }
    const frameworkId = frameworkFor(project, learner, frameworkFlag)!;
    byFramework.set(frameworkId, [...(byFramework.get(frameworkId) ?? []), learner]);
  }

  const results: GeneratedPlan[] = [];
  let failures = 0;
  for (const [frameworkId, group] of byFramework) {
    for (const learner of group) {
      // One at a time, so one learner the engine cannot plan for does not stop the cohort.
      try {
        const [result] = generatePlans(project, frameworkId, [learner.id], { today, now: now.toISOString(), keepOverrides });
        if (!result) continue;
        results.push(result);
        const warnings = result.warnings.length > 0 ? `; ${plural(result.warnings.length, 'point')} to discuss` : '';
        io.stdout(oneLine(`${learner.name}: ${describe(result)}${warnings}`));
      } catch (error) {
        failures += 1;
        const reason = error instanceof PersonalizeError || error instanceof Error ? error.message : String(error);
        io.stderr(oneLine(`failed: ${learner.name}: ${reason}`));
      }
    }
  }

  const fresh = results.filter((result) => !result.changes).length;
  const updated = results.filter((result) => result.changes && hasChanges(result.changes)).length;
  const unchanged = results.length - fresh - updated;
  const target = outFlag ? path.resolve(io.cwd, outFlag) : source;
  if (results.length > 0) {
    const next = storeGeneratedPlans(results.map((result) => result.plan)).apply(project);
    const stamped = { ...next, meta: { ...next.meta, modifiedAt: now.toISOString(), appVersion: APP_VERSION } };
    const text = serializeProject(stamped);
    // Never write a file the studio would refuse to open.
    const check = parseProjectText(text);
    if (!check.ok) {
      io.stderr(oneLine(`failed: the project with these plans would not be valid (${check.error.message}); nothing was written`));
      return EXIT_INVALID;
    }
    try {
      await writeFileAtomic(target, text);
    } catch (error) {
      if (error instanceof SaveError) {
        io.stderr(oneLine(`failed: ${error.message}`));
        return EXIT_USAGE_OR_IO;
      }
      throw error;
    }
  }
  io.stdout(
    oneLine(
      `planned: ${plural(fresh, 'new plan')}, ${updated} updated, ${unchanged} unchanged, ${skipped} skipped, ${failures} failed` +
        (results.length > 0 ? `; saved to ${outFlag ?? projectArg}` : '; nothing to save'),
    ),
  );
  return failures > 0 ? EXIT_INVALID : EXIT_OK;
}
