/**
 * Reading and writing the project file's text. Pure: the main process does the disk work,
 * this decides whether text is a project we can trust.
 *
 * A project file may come from anyone (consultants e-mail them around), so reading is
 * defensive in layers: size, JSON syntax, shape hazards (depth, prototype keys, huge strings),
 * version, schema, then referential integrity. Each failure is a typed error with a one-line
 * message and, where it applies, the JSON path of the problem.
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { checkIntegrity } from './integrity';
import { migrateToCurrent, type Migration, MIGRATIONS } from './migrations';
import { CURRENT_SCHEMA_VERSION, ProjectSchema, type Project } from './schema';

export const PROJECT_FILE_EXTENSION = 'plp';
/** Characters; far above any real project, well below what would exhaust memory. */
export const MAX_PROJECT_TEXT_LENGTH = 200 * 1024 * 1024;
export const MAX_NESTING_DEPTH = 64;
export const MAX_STRING_LENGTH = 1_000_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ProjectFileErrorCode =
  | 'too-large'
  | 'malformed-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'string-too-long'
  | 'not-a-project'
  | 'newer-version'
  | 'migration-failed'
  | 'invalid'
  | 'integrity';

export interface ProjectFileError {
  code: ProjectFileErrorCode;
  /** One line a user can act on. */
  message: string;
  /** JSON path of the first problem, when there is one. */
  path?: string;
  /** Every problem found, one line each (schema and integrity errors can be many). */
  details?: string[];
}

export interface LoadedProject {
  project: Project;
  /** The version the file was written in, when it was migrated forward on open. */
  migratedFrom: number | null;
}

export function describeJsonPosition(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function parseJson(text: string): Result<unknown, ProjectFileError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const where = position?.[1] ? describeJsonPosition(text, Number(position[1])) : null;
    const at = where ? ` at line ${where.line}, column ${where.column}` : '';
    return err({ code: 'malformed-json', message: `This is not a valid project file: the JSON is broken${at} (${reason.replace(/\s*in JSON at position \d+.*$/, '')}).` });
  }
}

function pathKey(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Iterative walk (no recursion: a hostile file may nest 100,000 levels deep). */
function scanShape(root: unknown): ProjectFileError | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '$', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) {
        return { code: 'string-too-long', path, message: `${path}: text of ${value.length.toLocaleString('en')} characters is longer than the ${MAX_STRING_LENGTH.toLocaleString('en')} allowed.` };
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      return { code: 'too-deep', path, message: `${path}: data is nested more than ${MAX_NESTING_DEPTH} levels deep; a project file never is.` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: path + pathKey(i), depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        return { code: 'forbidden-key', path: path + pathKey(key), message: `${path}: the key "${key}" is not allowed in a project file.` };
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: path + pathKey(key), depth: depth + 1 });
    }
  }
  return null;
}

export function formatZodPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((key) => pathKey(typeof key === 'symbol' ? String(key) : key)).join('');
}

function describeZodError(error: z.ZodError): ProjectFileError {
  const details = error.issues.slice(0, 50).map((issue) => `${formatZodPath(issue.path)}: ${issue.message}`);
  const first = error.issues[0];
  const path = first ? formatZodPath(first.path) : '$';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return { code: 'invalid', path, details, message: `This project file has a problem at ${details[0] ?? path}${more}.` };
}

function readSchemaVersion(document: Record<string, unknown>): Result<number, ProjectFileError> {
  const version = document['schemaVersion'];
  if (version === undefined) {
    return err({ code: 'not-a-project', path: '$.schemaVersion', message: 'This is not a PLP Studio project: it has no schemaVersion.' });
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err({ code: 'invalid', path: '$.schemaVersion', message: '$.schemaVersion: must be a whole number of 1 or more.' });
  }
  return ok(version);
}

function writtenBy(document: Record<string, unknown>): string {
  const meta = document['meta'];
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta)) {
    const appVersion = (meta as Record<string, unknown>)['appVersion'];
    if (typeof appVersion === 'string' && /^[0-9A-Za-z.+-]{1,40}$/.test(appVersion)) return ` (v${appVersion})`;
  }
  return '';
}

export function parseProjectText(text: string, migrations: readonly Migration[] = MIGRATIONS): Result<LoadedProject, ProjectFileError> {
  if (text.length > MAX_PROJECT_TEXT_LENGTH) {
    return err({ code: 'too-large', message: `This file is too large to be a project (${Math.round(text.length / 1024 / 1024)} MB; the limit is ${MAX_PROJECT_TEXT_LENGTH / 1024 / 1024} MB).` });
  }
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return parsed;
  const document = parsed.value;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return err({ code: 'not-a-project', path: '$', message: 'This is not a PLP Studio project: the file does not contain a JSON object.' });
  }
  const hazard = scanShape(document);
  if (hazard) return err(hazard);

  const record = document as Record<string, unknown>;
  const version = readSchemaVersion(record);
  if (!version.ok) return version;
  if (version.value > CURRENT_SCHEMA_VERSION) {
    return err({
      code: 'newer-version',
      path: '$.schemaVersion',
      message: `This project was made with a newer PLP Studio${writtenBy(record)} (file format ${version.value}; this studio reads up to ${CURRENT_SCHEMA_VERSION}). Update PLP Studio to open it.`,
    });
  }
  const migrated = migrateToCurrent(record, version.value, migrations);
  if (!migrated.ok) return err({ code: 'migration-failed', message: migrated.error });

  const result = ProjectSchema.safeParse(migrated.value);
  if (!result.success) return err(describeZodError(result.error));

  const problems = checkIntegrity(result.data);
  const firstProblem = problems[0];
  if (firstProblem) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return err({
      code: 'integrity',
      path: firstProblem.path,
      details: problems.slice(0, 50).map((problem) => `${problem.path}: ${problem.message}`),
      message: `This project file is inconsistent: ${firstProblem.path} ${firstProblem.message}${more}.`,
    });
  }
  return ok({ project: result.data, migratedFrom: version.value < CURRENT_SCHEMA_VERSION ? version.value : null });
}

/** Human-readable, diff-friendly, stable: two-space JSON in schema order, newline at the end. */
export function serializeProject(project: Project): string {
  return JSON.stringify(project, null, 2) + '\n';
}
