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

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The offset where `text` stops being valid JSON (`text.length` when it ends too soon), or -1
 * when it is valid. Iterative, so hostile nesting cannot overflow the stack. Needed because
 * V8's JSON.parse does not always report a position ("Unexpected token 'x', "…" is not valid
 * JSON" quotes the file instead, across lines).
 */
export function findJsonErrorOffset(text: string): number {
  const n = text.length;
  let i = 0;
  const skipWhitespace = (): void => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i++;
  };
  const digits = (): boolean => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i > start;
  };
  /** At a '"': true when a well-formed string was consumed. */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const escape = text[i + 1];
        if (escape === undefined) {
          i = n;
          return false;
        }
        if (escape === 'u') {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) {
              i = n;
              return false;
            }
            if (!/[0-9A-Fa-f]/.test(text[i + k]!)) {
              i += k;
              return false;
            }
          }
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(escape)) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return false;
    if (text[i] === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return false;
    return true;
  };

  const stack: ('object' | 'array')[] = [];
  let state: 'value' | 'key' | 'after-value' = 'value';
  for (;;) {
    skipWhitespace();
    if (state === 'value') {
      const c = text[i];
      if (c === '{') {
        i++;
        skipWhitespace();
        if (text[i] === '}') {
          i++;
          state = 'after-value';
        } else {
          stack.push('object');
          state = 'key';
        }
      } else if (c === '[') {
        i++;
        skipWhitespace();
        if (text[i] === ']') {
          i++;
          state = 'after-value';
        } else stack.push('array');
      } else if (c === '"') {
        if (!string()) return Math.min(i, n);
        state = 'after-value';
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        if (!number()) return Math.min(i, n);
        state = 'after-value';
      } else if (c === 't' || c === 'f' || c === 'n') {
        if (!literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null')) return Math.min(i, n);
        state = 'after-value';
      } else {
        return i;
      }
    } else if (state === 'key') {
      if (text[i] !== '"') return i;
      if (!string()) return Math.min(i, n);
      skipWhitespace();
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i === n ? -1 : i;
      const c = text[i];
      if (c === ',') {
        i++;
        state = top === 'object' ? 'key' : 'value';
      } else if ((c === '}' && top === 'object') || (c === ']' && top === 'array')) {
        i++;
        stack.pop();
      } else {
        return i;
      }
    }
  }
}

function describeCharacter(char: string): string {
  return /^[\x21-\x7e]$/.test(char) ? `"${char}"` : `character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function parseJson(text: string): Result<unknown, ProjectFileError> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    // Never echo the engine's message: it may quote the file, across lines.
    const offset = findJsonErrorOffset(text);
    if (offset < 0) return err({ code: 'malformed-json', message: 'This is not a valid project file: the JSON is broken.' });
    const { line, column } = describeJsonPosition(text, offset);
    const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
    const what = offset >= text.length ? 'the file ends too soon' : `unexpected ${describeCharacter(char)}`;
    return err({ code: 'malformed-json', message: `This is not a valid project file: the JSON is broken at line ${line}, column ${column} (${what}).` });
  }
}

const MAX_KEY_IN_PATH = 60;

/** Messages are one line of plain text whatever the file contains (keys may hold control characters). */
export function toOneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

function pathKey(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  const shown = key.length > MAX_KEY_IN_PATH ? `${key.slice(0, MAX_KEY_IN_PATH)}…` : key;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(shown) ? `.${shown}` : `[${JSON.stringify(shown)}]`;
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
        const keyPath = path + pathKey(key);
        return { code: 'forbidden-key', path: keyPath, message: `${keyPath}: the key "${key}" is not allowed in a project file.` };
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
  const details = error.issues.slice(0, 50).map((issue) => toOneLine(`${formatZodPath(issue.path)}: ${issue.message}`).slice(0, 500));
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
