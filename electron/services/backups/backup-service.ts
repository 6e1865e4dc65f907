/**
 * Crash backups of unsaved work, one file per document in a folder (the app's user-data folder;
 * a temp folder in tests): `<folder>/<documentId>.json`, written atomically.
 *
 * A backup is removed only when its document was saved or the user explicitly discarded it
 * ("Don't save", or declining recovery). A backup file that cannot be read is never deleted and
 * never crashes the listing: it is renamed aside to `*.corrupt` and left for a person to inspect.
 *
 * Plain Node: no Electron.
 */
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAX_PROJECT_TEXT_LENGTH, parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';
import type { BackupSummary, StudioError } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { removeStaleTempFiles } from '../files/atomic-write';
import { oneLine, type AtomicWriter, type Fingerprint } from '../projects/project-documents';

export const BACKUP_KIND = 'plp-studio-backup';
export const BACKUP_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
const BACKUP_EXTENSION = '.json';
/** A backup holds a project's text JSON-escaped; anything far larger is not one of ours. */
const MAX_BACKUP_FILE_BYTES = MAX_PROJECT_TEXT_LENGTH * 2 + 1024 * 1024;
/** Temp files a crashed backup write left behind are removed after this long. */
const STALE_TEMP_MS = 60 * 60 * 1000;

const FingerprintSchema = z.object({
  mtimeMs: z.number(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^([0-9a-f]{64})?$/),
});

/** The backup file. `baseFingerprint` is the project file as the edits were based on. */
export const BackupFileSchema = z.object({
  kind: z.literal(BACKUP_KIND),
  backedUpAt: z.iso.datetime({ offset: true }),
  filePath: z.string().min(1).max(4096).nullable(),
  title: z.string().max(10_000),
  projectText: z.string().max(MAX_PROJECT_TEXT_LENGTH),
  baseFingerprint: FingerprintSchema.nullable().optional(),
});
export type BackupFile = z.output<typeof BackupFileSchema>;

export interface BackupInput {
  title: string;
  /** The project's file, or null when it was never saved. */
  filePath: string | null;
  project: Project;
  /** The file on disk the unsaved edits were based on (the document session's fingerprint). */
  baseFingerprint?: Fingerprint | null;
}

export interface RecoveredBackup {
  backupId: string;
  title: string;
  filePath: string | null;
  backedUpAt: string;
  project: Project;
  migratedFrom: number | null;
  baseFingerprint: Fingerprint | null;
}

export interface BackupScan {
  backups: BackupSummary[];
  /** Backup files that could not be read this time and were renamed aside (new paths). */
  keptAside: string[];
}

export interface BackupServiceDeps {
  /** The folder; created on the first write. */
  dir: string;
  write: AtomicWriter;
  now(): Date;
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function assertBackupId(backupId: string): void {
  // The id becomes a file name: only a plain name, never a path.
  if (!BACKUP_ID_PATTERN.test(backupId)) throw new Error(`"${backupId}" is not a backup id`);
}

export class BackupService {
  readonly #deps: BackupServiceDeps;
  readonly dir: string;
  /** One operation at a time per backup, so a late write can never resurrect a discarded backup out of order. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(deps: BackupServiceDeps) {
    this.#deps = deps;
    this.dir = path.resolve(deps.dir);
  }

  #exclusive<T>(backupId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(backupId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(backupId, settled);
    void settled.then(() => {
      if (this.#queues.get(backupId) === settled) this.#queues.delete(backupId);
    });
    return run;
  }

  pathOf(backupId: string): string {
    assertBackupId(backupId);
    return path.join(this.dir, backupId + BACKUP_EXTENSION);
  }

  /** Writes (or replaces) the backup of `documentId`. Throws the writer's error (a SaveError) on failure. */
  async write(documentId: string, input: BackupInput): Promise<{ backedUpAt: string }> {
    const target = this.pathOf(documentId);
    return this.#exclusive(documentId, async () => {
      const backedUpAt = this.#deps.now().toISOString();
      const file: BackupFile = {
        kind: BACKUP_KIND,
        backedUpAt,
        filePath: input.filePath,
        title: input.title,
        projectText: serializeProject(input.project),
        baseFingerprint: input.baseFingerprint ?? null,
      };
      await fsp.mkdir(this.dir, { recursive: true });
      await this.#deps.write(target, JSON.stringify(file) + '\n');
      return { backedUpAt };
    });
  }

  /** Recoverable backups, newest first. Unreadable ones are renamed aside and left out. */
  async list(): Promise<BackupSummary[]> {
    return (await this.scan()).backups;
  }

  async scan(): Promise<BackupScan> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dir);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { backups: [], keptAside: [] };
      throw error;
    }
    // Temp files of backup writes that a crash interrupted.
    const tempOf = new Set<string>();
    for (const name of names) {
      const match = /^\.(.+)\.\d+\.[0-9a-f]{12}\.tmp$/.exec(name);
      if (match?.[1]?.endsWith(BACKUP_EXTENSION)) tempOf.add(match[1]);
    }
    for (const basename of tempOf) await removeStaleTempFiles(this.dir, basename, STALE_TEMP_MS).catch(() => []);

    const found: BackupSummary[] = [];
    const keptAside: string[] = [];
    for (const name of names.sort()) {
      if (!name.endsWith(BACKUP_EXTENSION)) continue;
      const backupId = name.slice(0, -BACKUP_EXTENSION.length);
      if (!BACKUP_ID_PATTERN.test(backupId)) continue; // not one of ours
      const loaded = await this.#exclusive(backupId, () => this.#load(backupId));
      if (loaded.kind === 'ok') {
        found.push({ backupId, title: loaded.file.title, filePath: loaded.file.filePath, backedUpAt: loaded.file.backedUpAt });
      } else if (loaded.kind === 'corrupt' && loaded.keptAsidePath) {
        keptAside.push(loaded.keptAsidePath);
      }
    }
    found.sort((a, b) => Date.parse(b.backedUpAt) - Date.parse(a.backedUpAt) || a.backupId.localeCompare(b.backupId));
    return { backups: found, keptAside };
  }

  /** The backup's project, parsed and checked like a project file. */
  read(backupId: string): Promise<Result<RecoveredBackup, StudioError>> {
    if (!BACKUP_ID_PATTERN.test(backupId)) return Promise.resolve(err({ code: 'backup-not-found', message: 'There is no such backup.' }));
    return this.#exclusive(backupId, async () => {
      const loaded = await this.#load(backupId);
      if (loaded.kind === 'missing') {
        return err({ code: 'backup-not-found', message: 'This backup no longer exists: it was already recovered, saved or discarded.' });
      }
      if (loaded.kind === 'corrupt') {
        const where = loaded.keptAsidePath ? ` It was kept aside as ${JSON.stringify(path.basename(loaded.keptAsidePath))}.` : '';
        return err({ code: 'backup-corrupt', message: `This backup is damaged and cannot be recovered.${where}` });
      }
      const { file } = loaded;
      const parsed = parseProjectText(file.projectText);
      if (!parsed.ok) {
        const { code, message, path: jsonPath, details } = parsed.error;
        return err({
          code,
          message: oneLine(`The backup of ${JSON.stringify(file.title)} cannot be recovered: ${message}`),
          ...(jsonPath !== undefined ? { path: jsonPath } : {}),
          ...(details !== undefined ? { details } : {}),
        });
      }
      const filePath = file.filePath !== null && path.isAbsolute(file.filePath) ? file.filePath : null;
      return ok({
        backupId,
        title: file.title,
        filePath,
        backedUpAt: file.backedUpAt,
        project: parsed.value.project,
        migratedFrom: parsed.value.migratedFrom,
        baseFingerprint: file.baseFingerprint ?? null,
      });
    });
  }

  /** Deletes the backup; false when there was none. */
  discard(backupId: string): Promise<boolean> {
    if (!BACKUP_ID_PATTERN.test(backupId)) return Promise.resolve(false);
    const target = this.pathOf(backupId);
    return this.#exclusive(backupId, async () => {
      try {
        await fsp.unlink(target);
        return true;
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return false;
        throw error;
      }
    });
  }

  async #load(backupId: string): Promise<{ kind: 'ok'; file: BackupFile } | { kind: 'missing' } | { kind: 'corrupt'; keptAsidePath: string | null }> {
    const filePath = this.pathOf(backupId);
    let text: string;
    try {
      const stats = await fsp.stat(filePath);
      if (!stats.isFile() || stats.size > MAX_BACKUP_FILE_BYTES) return { kind: 'corrupt', keptAsidePath: await this.#keepAside(filePath) };
      text = new TextDecoder('utf-8', { fatal: true }).decode(await fsp.readFile(filePath));
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT') return { kind: 'missing' };
      if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return { kind: 'corrupt', keptAsidePath: null }; // not ours to move
      return { kind: 'corrupt', keptAsidePath: await this.#keepAside(filePath) };
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      return { kind: 'corrupt', keptAsidePath: await this.#keepAside(filePath) };
    }
    const result = BackupFileSchema.safeParse(document);
    if (!result.success) return { kind: 'corrupt', keptAsidePath: await this.#keepAside(filePath) };
    return { kind: 'ok', file: result.data };
  }

  /** Renames a damaged backup to `<name>.corrupt` (never overwriting an earlier one); null when it cannot be moved. */
  async #keepAside(filePath: string): Promise<string | null> {
    const stamp = this.#deps.now().toISOString().replace(/[:.]/g, '-');
    const candidates = [`${filePath}.corrupt`, `${filePath}.${stamp}.corrupt`];
    for (let i = 1; i <= 20; i++) candidates.push(`${filePath}.${stamp}-${i}.corrupt`);
    for (const candidate of candidates) {
      try {
        await fsp.access(candidate);
        continue; // taken
      } catch {
        // free
      }
      try {
        await fsp.rename(filePath, candidate);
        return candidate;
      } catch {
        return null;
      }
    }
    return null;
  }
}
