/** Shared helpers for the model-editor command tests: fixtures, and "apply then undo" checks. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ProjectCommand } from '../../../shared/domain/commands/command';
import { execute, startHistory, undo, redo } from '../../../shared/domain/history';
import { checkIntegrity } from '../../../shared/domain/integrity';
import { parseProjectText } from '../../../shared/domain/project-file';
import { ProjectSchema, type Project } from '../../../shared/domain/schema';
import { buildRichProject } from '../domain/rich-project';

export { buildRichProject };

const sampleText = readFileSync(new URL('../../../resources/sample/executive-presence.plp', import.meta.url), 'utf8');

/** The sample project the studio opens on first launch (every reference kind is in it). */
export function sampleProject(): Project {
  const loaded = parseProjectText(sampleText);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.project;
}

/** Deep-frozen, so a command that mutated its input instead of producing a new project would throw. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) frozen(child);
  }
  return value;
}

/** The project still loads: it passes the file schema and referential integrity. */
export function expectLoadable(project: Project): void {
  const parsed = ProjectSchema.safeParse(project);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  expect(checkIntegrity(project)).toEqual([]);
}

/**
 * Run `command` through the undo history: returns the project after it, and checks that undo
 * gives back the very project it started from (same object, same content) and redo the result.
 */
export function applyWithUndo(before: Project, command: ProjectCommand): Project {
  const snapshot = structuredClone(before);
  const history = execute(startHistory(before, { saved: true }), command);
  const after = history.present;
  expect(after).not.toBe(before);
  expect(history.past).toHaveLength(1);
  expect(history.past[0]?.label).toBe(command.label);
  expectLoadable(after);
  const undone = undo(history);
  expect(undone.present).toBe(before);
  expect(undone.present).toEqual(snapshot);
  expect(redo(undone).present).toBe(after);
  return after;
}

/** The command changes nothing: same project back, and the history records no step. */
export function expectNoOp(before: Project, command: ProjectCommand): void {
  expect(command.apply(before)).toBe(before);
  expect(execute(startHistory(before, { saved: true }), command).past).toHaveLength(0);
}
