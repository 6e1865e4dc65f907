/**
 * Every edit to a project is a command: a named, pure function from one project to the next.
 * Projects are immutable (immer with structural sharing), so the history can keep whole
 * snapshots cheaply and undo is exact, whatever the command did.
 */
import { produce, type Draft } from 'immer';
import type { Project } from '../schema';

export interface ProjectCommand {
  /** Shown in the Edit menu and in toasts: "Undo Rename capability". */
  readonly label: string;
  apply(project: Project): Project;
}

/** A command written as an in-place change of a draft. Returns the same project when nothing changed. */
export function draftCommand(label: string, recipe: (draft: Draft<Project>) => void): ProjectCommand {
  return { label, apply: (project) => produce(project, recipe) };
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
}
