/**
 * Open project documents, one per window: reading a project file safely, saving it without ever
 * losing the file on disk, and noticing when someone else changed the file in between.
 *
 * - Opening never writes anything (an old-format file is migrated in memory only).
 * - A save first checks the target on disk: a file changed since it was opened or last saved is
 *   reported as a conflict (the user decides), a file written by a newer PLP Studio is never
 *   overwritten, and the text about to be written must load back as a valid project.
 * - The write itself is atomic (`writeFileAtomic`); a failure leaves the old file as it was and the
 *   session unchanged.
 *
 * Plain Node: no Electron. The file system and the writer are injected so tests can fail them.
 */
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { createBlankProject } from '../../../shared/domain/factory';
import { newId } from '../../../shared/domain/ids';
import { MAX_PROJECT_TEXT_LENGTH, parseProjectText, serializeProject } from '../../../shared/domain/project-file';
import { CURRENT_SCHEMA_VERSION, type Project } from '../../../shared/domain/schema';
import type { OpenedProject, SaveOutcome, StudioError } from '../../../shared/ipc/contract';
import { err, ok, type Result } from '../../../shared/result';
import { removeStaleTempFiles } from '../files/atomic-write';

/** A save's temp file this old beside a project was left by a crash, not by a save in progress. */
export const STALE_SAVE_TEMP_MS = 10 * 60 * 1000;

/** Files larger than this are refused before a single byte is read. */
export const MAX_PROJECT_FILE_BYTES = MAX_PROJECT_TEXT_LENGTH;

export const DOCUMENT_ID_PATTERN = /^doc-[a-z0-9]{4,40}$/;

/** What the file on disk looked like when this session last read or wrote it. */
export interface Fingerprint {
  mtimeMs: number;
  size: number;
  /** Hex SHA-256 of the bytes; '' when the file is too large to be a project (never hashed). */
  sha256: string;
}

export interface DocumentSession {
  documentId: string;
  /** null until the document is saved for the first time. */
  filePath: string | null;
  /** null when there was no file on disk to compare with. */
  fingerprint: Fingerprint | null;
}

export interface DocumentFileStats {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The slice of node:fs/promises the document service reads with; tests inject faults through it. */
export interface DocumentFs {
  stat(filePath: string): Promise<DocumentFileStats>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export const nodeDocumentFs: DocumentFs = {
  stat: (filePath) => fsp.stat(filePath),
  readFile: (filePath) => fsp.readFile(filePath),
};

/** `writeFileAtomic` fits; it must throw a `SaveError` (or anything) and leave the target intact on failure. */
export type AtomicWriter = (targetPath: string, data: string | Uint8Array) => Promise<void>;

export interface ProjectDocumentDeps {
  fs?: DocumentFs;
  write: AtomicWriter;
  now(): Date;
  appVersion: string;
  /** 'doc-' + 8 or more of [a-z0-9]. */
  newDocumentId(): string;
}

export interface SaveOptions {
  /** Save here instead of the session's file (Save As, or the first save). Absolute. */
  targetPath?: string;
  /** The user chose to overwrite a file that changed on disk. */
  overwriteChanged: boolean;
}

export interface NewProjectOptions {
  /** Author of a blank project (the preferences' author name). */
  author?: string;
}

export interface AdoptOptions {
  /** Use this id (e.g. the backup's), or a fresh one when absent. */
  documentId?: string;
  project: Project;
  filePath: string | null;
  /** The file as the edits were based on; null = fingerprint the current file (if any) now. */
  fingerprint: Fingerprint | null;
}

const SAVE_ERROR_CODES = new Set(['disk-full', 'read-only', 'locked', 'permission-denied', 'folder-missing', 'io']);

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function displayName(filePath: string): string {
  // JSON.stringify keeps a hostile file name (newlines, quotes) on one line.
  return JSON.stringify(path.basename(filePath));
}

/** Messages are shown on one line; never let a line break from elsewhere through. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sameContent(a: Fingerprint | null, b: Fingerprint | null): boolean {
  if (a === null || b === null) return a === b;
  // mtime alone (a sync client touching the file) is not a change; the bytes are what matter.
  return a.size === b.size && a.sha256 !== '' && a.sha256 === b.sha256;
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024).toLocaleString('en')} MB`;
}

/** A one-line message for a failed read of `filePath`. */
export function readErrorToStudioError(error: unknown, filePath: string): StudioError {
  const name = displayName(filePath);
  switch (errnoCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'not-found', message: `The file ${name} no longer exists. It may have been moved, renamed or deleted.` };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permission-denied', message: `You do not have permission to open ${name}. Ask for read access, or copy the file somewhere you can read it.` };
    case 'EISDIR':
      return { code: 'not-a-file', message: `${name} is a folder, not a PLP Studio project file.` };
    case 'EBUSY':
    case 'EAGAIN':
      return { code: 'locked', message: `${name} is in use by another program. Close it there and try again.` };
    case 'ENAMETOOLONG':
      return { code: 'read-failed', message: `The path of ${name} is too long to open.` };
    default:
      return { code: 'read-failed', message: `PLP Studio could not read ${name} (${errnoCode(error) ?? 'unknown error'}). Check the drive and try again.` };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface ReadFile {
  bytes: Uint8Array;
  text: string;
  fingerprint: Fingerprint;
}

/**
 * Reads a project file's text: refuses folders and oversized files before reading, refuses bytes
 * that are not UTF-8. Never writes.
 */
export async function readProjectFile(filePath: string, fs: DocumentFs = nodeDocumentFs): Promise<Result<ReadFile, StudioError>> {
  const name = displayName(filePath);
  let stats: DocumentFileStats;
  let bytes: Uint8Array;
  try {
    stats = await fs.stat(filePath);
    if (stats.isDirectory()) return err({ code: 'not-a-file', message: `${name} is a folder, not a PLP Studio project file.` });
    if (!stats.isFile()) return err({ code: 'not-a-file', message: `${name} is not a regular file, so it cannot be a PLP Studio project.` });
    if (stats.size > MAX_PROJECT_FILE_BYTES) {
      return err({ code: 'too-large', message: `${name} is too large to be a PLP Studio project (${megabytes(stats.size)}; the limit is ${megabytes(MAX_PROJECT_FILE_BYTES)}).` });
    }
    bytes = await fs.readFile(filePath);
  } catch (error) {
    return err(readErrorToStudioError(error, filePath));
  }
  // The file may have grown between stat and read.
  if (bytes.byteLength > MAX_PROJECT_FILE_BYTES) {
    return err({ code: 'too-large', message: `${name} is too large to be a PLP Studio project (${megabytes(bytes.byteLength)}; the limit is ${megabytes(MAX_PROJECT_FILE_BYTES)}).` });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return err({ code: 'not-text', message: `${name} is not a PLP Studio project: it is not UTF-8 text.` });
  }
  return ok({ bytes, text, fingerprint: { mtimeMs: stats.mtimeMs, size: bytes.byteLength, sha256: sha256(bytes) } });
}

/**
 * The fingerprint of the file at `filePath`, or null when there is no file there. Files too large
 * to be a project are not read (sha256 ''). Other read errors throw.
 */
export async function fingerprintOf(filePath: string, fs: DocumentFs = nodeDocumentFs): Promise<Fingerprint | null> {
  let stats: DocumentFileStats;
  try {
    stats = await fs.stat(filePath);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
  if (!stats.isFile() || stats.size > MAX_PROJECT_FILE_BYTES) return { mtimeMs: stats.mtimeMs, size: stats.size, sha256: '' };
  const bytes = await fs.readFile(filePath);
  return { mtimeMs: stats.mtimeMs, size: bytes.byteLength, sha256: sha256(bytes) };
}

/** The schemaVersion a file declares, without trusting anything else in it. */
function declaredSchemaVersion(bytes: Uint8Array): number | null {
  try {
    const text = utf8.decode(bytes);
    const document: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
    const version = (document as Record<string, unknown>)['schemaVersion'];
    return typeof version === 'number' && Number.isFinite(version) ? version : null;
  } catch {
    return null;
  }
}

function toSaveFailure(error: unknown, targetPath: string): StudioError {
  if (error instanceof Error && error.name === 'SaveError' && SAVE_ERROR_CODES.has(errnoCode(error) ?? '')) {
    return { code: errnoCode(error)!, message: oneLine(error.message) };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'io', message: oneLine(`PLP Studio could not save ${displayName(targetPath)}: ${reason.split('\n')[0]} Your previous file is unchanged.`) };
}

function targetWasReplaced(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'targetReplaced' in error && error.targetReplaced === true;
}

export class ProjectDocumentService {
  readonly #fs: DocumentFs;
  readonly #deps: ProjectDocumentDeps;
  readonly #sessions = new Map<number, DocumentSession>();
  /** One operation at a time per window, so a conflict check and its write are never interleaved. */
  readonly #queues = new Map<number, Promise<unknown>>();

  constructor(deps: ProjectDocumentDeps) {
    this.#deps = deps;
    this.#fs = deps.fs ?? nodeDocumentFs;
  }

  #exclusive<T>(windowId: number, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(windowId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.#queues.set(windowId, settled);
    void settled.then(() => {
      if (this.#queues.get(windowId) === settled) this.#queues.delete(windowId);
    });
    return run;
  }

  #newDocumentId(): string {
    const id = this.#deps.newDocumentId();
    if (!DOCUMENT_ID_PATTERN.test(id)) throw new Error(`newDocumentId returned "${id}", which is not a document id`);
    return id;
  }

  /** A copy of the window's session, or null. */
  currentSession(windowId: number): DocumentSession | null {
    const session = this.#sessions.get(windowId);
    return session ? { ...session, fingerprint: session.fingerprint ? { ...session.fingerprint } : null } : null;
  }

  /** The window holding `documentId`, if any. */
  windowOf(documentId: string): number | null {
    for (const [windowId, session] of this.#sessions) if (session.documentId === documentId) return windowId;
    return null;
  }

  /** Opens `filePath` in `windowId`, replacing its session on success only. Never writes. */
  open(windowId: number, filePath: string): Promise<Result<OpenedProject, StudioError>> {
    return this.#exclusive(windowId, async () => {
      const read = await readProjectFile(filePath, this.#fs);
      if (!read.ok) return read;
      const parsed = parseProjectText(read.value.text);
      if (!parsed.ok) {
        const { code, message, path: jsonPath, details } = parsed.error;
        return err({
          code,
          message: oneLine(`Could not open ${displayName(filePath)}. ${message}`),
          ...(jsonPath !== undefined ? { path: jsonPath } : {}),
          ...(details !== undefined ? { details } : {}),
        });
      }
      // A save killed mid-write (crash, power cut) leaves its temp file beside the project.
      await removeStaleTempFiles(path.dirname(filePath), path.basename(filePath), STALE_SAVE_TEMP_MS).catch(() => []);
      const documentId = this.#newDocumentId();
      this.#sessions.set(windowId, { documentId, filePath, fingerprint: read.value.fingerprint });
      return ok({ documentId, project: parsed.value.project, filePath, migratedFrom: parsed.value.migratedFrom, unsaved: false });
    });
  }

  /**
   * A new, never-saved document: blank, or the sample (parsed from `sampleText`) with a fresh
   * project id and today's dates. Throws when the sample text is not a valid project (a build bug).
   */
  newProject(windowId: number, kind: 'blank' | 'sample', sampleText?: string, options: NewProjectOptions = {}): OpenedProject {
    const now = this.#deps.now();
    let project: Project;
    if (kind === 'blank') {
      project = createBlankProject({ now, appVersion: this.#deps.appVersion, ...(options.author ? { author: options.author } : {}) });
    } else {
      if (sampleText === undefined) throw new Error('The sample project text is missing.');
      const parsed = parseProjectText(sampleText);
      if (!parsed.ok) throw new Error(`The bundled sample project is not valid: ${parsed.error.message}`);
      const sample = parsed.value.project;
      const timestamp = now.toISOString();
      project = { ...sample, meta: { ...sample.meta, id: newId('project'), createdAt: timestamp, modifiedAt: timestamp, appVersion: this.#deps.appVersion } };
    }
    const documentId = this.#newDocumentId();
    this.#sessions.set(windowId, { documentId, filePath: null, fingerprint: null });
    return { documentId, project, filePath: null, migratedFrom: null, unsaved: false };
  }

  /**
   * Makes `project` the window's document without reading it from its file (a recovered backup).
   * With no fingerprint given, the current file (if any) is fingerprinted, so a later save still
   * notices changes made from now on.
   */
  adopt(windowId: number, options: AdoptOptions): Promise<DocumentSession> {
    return this.#exclusive(windowId, async () => {
      const documentId = options.documentId ?? this.#newDocumentId();
      if (!DOCUMENT_ID_PATTERN.test(documentId)) throw new Error(`"${documentId}" is not a document id`);
      let fingerprint = options.fingerprint;
      if (fingerprint === null && options.filePath !== null) {
        fingerprint = await fingerprintOf(options.filePath, this.#fs).catch(() => null);
      }
      const session: DocumentSession = { documentId, filePath: options.filePath, fingerprint };
      this.#sessions.set(windowId, session);
      return { ...session };
    });
  }

  /**
   * Saves the window's document to `options.targetPath` or its own file. Expected failures are
   * outcomes, never exceptions; on any failure the file on disk and the session are unchanged.
   */
  save(windowId: number, documentId: string, project: Project, options: SaveOptions): Promise<SaveOutcome> {
    return this.#exclusive(windowId, async (): Promise<SaveOutcome> => {
      const session = this.#sessions.get(windowId);
      if (!session || session.documentId !== documentId) {
        return { status: 'failed', error: { code: 'stale-document', message: 'This document is no longer open in this window, so it was not saved. Reopen it and try again.' } };
      }
      const rawTarget = options.targetPath ?? session.filePath;
      if (rawTarget === null) {
        return { status: 'failed', error: { code: 'no-file-path', message: 'Choose where to save this project first (Save As).' } };
      }
      if (!path.isAbsolute(rawTarget)) {
        return { status: 'failed', error: { code: 'invalid-path', message: `PLP Studio can only save to a full path, not ${JSON.stringify(rawTarget)}.` } };
      }
      const targetPath = path.resolve(rawTarget);
      const name = displayName(targetPath);
      const savedAt = this.#deps.now().toISOString();
      const toWrite: Project = { ...project, meta: { ...project.meta, modifiedAt: savedAt, appVersion: this.#deps.appVersion } };
      const text = serializeProject(toWrite);

      // Never write a file PLP Studio could not open again.
      const check = parseProjectText(text);
      if (!check.ok) {
        return {
          status: 'failed',
          error: {
            code: 'invalid-project',
            message: oneLine(`PLP Studio did not save ${name} because the project has a problem it could not reopen: ${check.error.message}`),
            ...(check.error.path !== undefined ? { path: check.error.path } : {}),
            ...(check.error.details !== undefined ? { details: check.error.details } : {}),
          },
        };
      }

      // What is on disk now?
      const isSessionFile = session.filePath !== null && path.resolve(session.filePath) === targetPath;
      let existing: { stats: DocumentFileStats; bytes: Uint8Array | null } | null = null;
      try {
        const stats = await this.#fs.stat(targetPath);
        if (stats.isDirectory()) return { status: 'failed', error: { code: 'not-a-file', message: `${name} is a folder: choose a file name to save the project as.` } };
        const bytes = stats.isFile() && stats.size <= MAX_PROJECT_FILE_BYTES ? await this.#fs.readFile(targetPath) : null;
        existing = { stats, bytes };
      } catch (error) {
        const code = errnoCode(error);
        if (code !== 'ENOENT' && code !== 'ENOTDIR') {
          const failure = readErrorToStudioError(error, targetPath);
          return { status: 'failed', error: { code: failure.code, message: `PLP Studio could not check ${name} before saving, so nothing was written. ${failure.message}` } };
        }
      }
      if (existing) {
        const current: Fingerprint = {
          mtimeMs: existing.stats.mtimeMs,
          size: existing.bytes ? existing.bytes.byteLength : existing.stats.size,
          sha256: existing.bytes ? sha256(existing.bytes) : '',
        };
        const unchanged = isSessionFile && sameContent(current, session.fingerprint);
        if (!unchanged) {
          const version = existing.bytes ? declaredSchemaVersion(existing.bytes) : null;
          if (version !== null && version > CURRENT_SCHEMA_VERSION) {
            return {
              status: 'failed',
              error: {
                code: 'newer-version',
                message: `${name} was saved by a newer PLP Studio (file format ${version}; this studio writes ${CURRENT_SCHEMA_VERSION}), so PLP Studio will not overwrite it. Use Save As to save under another name.`,
              },
            };
          }
          if (isSessionFile && !options.overwriteChanged) {
            return {
              status: 'conflict',
              filePath: targetPath,
              message: `${name} was changed on disk (by another program or person) since you opened or last saved it. Overwrite it with your version, or use Save As to keep both.`,
            };
          }
        }
      }

      const bytes = Buffer.from(text, 'utf8');
      try {
        await this.#deps.write(targetPath, bytes);
      } catch (error) {
        if (targetWasReplaced(error)) {
          // The new content is in place but its durability is unconfirmed: track it so the next
          // save does not report the studio's own write as someone else's change.
          session.filePath = targetPath;
          session.fingerprint = await this.#fingerprintWritten(targetPath, bytes);
        }
        return { status: 'failed', error: toSaveFailure(error, targetPath) };
      }
      session.filePath = targetPath;
      session.fingerprint = await this.#fingerprintWritten(targetPath, bytes);
      return { status: 'saved', filePath: targetPath, savedAt };
    });
  }

  async #fingerprintWritten(targetPath: string, bytes: Uint8Array): Promise<Fingerprint> {
    let mtimeMs = 0;
    try {
      mtimeMs = (await this.#fs.stat(targetPath)).mtimeMs;
    } catch {
      // The bytes are what conflict detection compares; the time is informative.
    }
    return { mtimeMs, size: bytes.byteLength, sha256: sha256(bytes) };
  }

  /** Forgets the window's document if it is `documentId`. */
  close(windowId: number, documentId: string): boolean {
    const session = this.#sessions.get(windowId);
    if (!session || session.documentId !== documentId) return false;
    this.#sessions.delete(windowId);
    return true;
  }

  /** The window is gone: forget whatever it had open. */
  forgetWindow(windowId: number): void {
    this.#sessions.delete(windowId);
  }
}
