/** `plp-studio validate <file>`: is this a project PLP Studio can open? One line either way. */
import { resolve } from 'node:path';
import type { Project } from '../../../shared/domain/schema';
import { loadProjectFile } from '../../services/projects/load-project-file';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function summarizeProject(project: Project): string {
  return [
    plural(project.capabilities.length, 'capability').replace('capabilitys', 'capabilities'),
    plural(project.roles.length, 'role'),
    plural(project.findings.length, 'finding'),
    plural(project.activities.length, 'activity').replace('activitys', 'activities'),
    plural(project.frameworks.length, 'framework'),
    plural(project.learners.length, 'learner'),
    plural(project.plans.length, 'plan'),
  ].join(', ');
}

export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, []);
  rejectUnknownFlags(args, []);
  const [file, ...extra] = args.positional;
  if (!file || extra.length > 0) throw new UsageError('validate takes exactly one project file');
  const loaded = await loadProjectFile(resolve(io.cwd, file));
  if (!loaded.ok) {
    const { message, path } = loaded.error;
    const where = path && !message.includes(path) ? ` (at ${path})` : '';
    io.stderr(oneLine(`invalid: ${file}: ${message}${where}`));
    return loaded.error.fromDisk ? EXIT_USAGE_OR_IO : EXIT_INVALID;
  }
  const { project, migratedFrom } = loaded.value;
  const upgraded = migratedFrom === null ? '' : ` (file format ${migratedFrom}, upgraded in memory)`;
  io.stdout(oneLine(`valid: ${file}: "${project.meta.title}": ${summarizeProject(project)}${upgraded}`));
  return EXIT_OK;
}
