/**
 * `plp-studio new <file> [--sample] [--title T] [--force]`: writes a new project through the
 * studio's own atomic save, so a failure (a full disk) leaves any existing file untouched.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createBlankProject } from '../../../shared/domain/factory';
import { newId } from '../../../shared/domain/ids';
import { parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import { SaveError, writeFileAtomic } from '../../services/files/atomic-write';
import { parseArgs, rejectUnknownFlags } from '../args';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE_OR_IO, oneLine, UsageError, type CliIo } from '../io';
import { locateResource, SAMPLE_PROJECT } from '../resources';
import { APP_VERSION } from '../version';

async function sampleProject(now: Date): Promise<Project> {
  const parsed = parseProjectText(await readFile(locateResource(SAMPLE_PROJECT), 'utf8'));
  if (!parsed.ok) throw new Error(`the bundled sample project is damaged: ${parsed.error.message}`);
  const timestamp = now.toISOString();
  const { project } = parsed.value;
  return { ...project, meta: { ...project.meta, id: newId('project'), createdAt: timestamp, modifiedAt: timestamp, appVersion: APP_VERSION } };
}

export async function newCommand(argv: readonly string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const args = parseArgs(argv, ['title']);
  rejectUnknownFlags(args, ['sample', 'force', 'title']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length > 0) throw new UsageError('new takes exactly one file to create');
  if (args.flags.has('sample') && args.flags.has('title')) throw new UsageError('--title applies to a blank project, not to --sample');
  const target = resolve(io.cwd, file);
  if (existsSync(target) && !args.flags.has('force')) {
    io.stderr(oneLine(`refused: ${file} already exists; add --force to replace it.`));
    return EXIT_INVALID;
  }
  const title = args.flags.get('title');
  const project = args.flags.has('sample')
    ? await sampleProject(now())
    : createBlankProject({ now: now(), appVersion: APP_VERSION, ...(typeof title === 'string' ? { title } : {}) });
  try {
    await writeFileAtomic(target, serializeProject(project));
  } catch (error) {
    if (error instanceof SaveError) {
      io.stderr(oneLine(`failed: ${error.message}`));
      return EXIT_USAGE_OR_IO;
    }
    throw error;
  }
  io.stdout(oneLine(`created: ${file}: "${project.meta.title}"`));
  return EXIT_OK;
}
