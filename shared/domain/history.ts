/**
 * Undo/redo over immutable project snapshots.
 *
 * - An edit is one step. A gesture (a drag, a slider) is also one step: `beginGesture` marks
 *   where it started, `updateGesture` shows each intermediate state without recording it, and
 *   `endGesture` records the whole gesture once.
 * - Loading a file is not a step: `startHistory` starts afresh.
 * - "Unsaved" is whether the present snapshot is the one last saved; undoing back to it makes the
 *   project clean again, exactly as users expect.
 */
import type { ProjectCommand } from './commands/command';
import type { Project } from './schema';

export const HISTORY_LIMIT = 500;

export interface HistoryEntry {
  readonly project: Project;
  readonly label: string;
}

export interface History {
  readonly past: readonly HistoryEntry[];
  readonly present: Project;
  readonly future: readonly HistoryEntry[];
  /** The snapshot last written to (or read from) disk; null when never saved. */
  readonly saved: Project | null;
  readonly gesture: { readonly before: Project; readonly label: string } | null;
}

export function startHistory(project: Project, options: { saved: boolean }): History {
  return { past: [], present: project, future: [], saved: options.saved ? project : null, gesture: null };
}

function record(history: History, before: Project, after: Project, label: string): History {
  if (after === before) return { ...history, present: after, gesture: null };
  const past = [...history.past, { project: before, label }];
  return {
    ...history,
    past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
    present: after,
    future: [],
    gesture: null,
  };
}

/** Apply a command as one undoable step. A command that changes nothing records nothing. */
export function execute(history: History, command: ProjectCommand): History {
  const base = history.gesture ? endGesture(history) : history;
  return record(base, base.present, command.apply(base.present), command.label);
}

export function beginGesture(history: History, label: string): History {
  const base = history.gesture ? endGesture(history) : history;
  return { ...base, gesture: { before: base.present, label } };
}

export function updateGesture(history: History, command: ProjectCommand): History {
  if (!history.gesture) return execute(history, command);
  return { ...history, present: command.apply(history.present) };
}

export function endGesture(history: History): History {
  if (!history.gesture) return history;
  return record(history, history.gesture.before, history.present, history.gesture.label);
}

export function cancelGesture(history: History): History {
  if (!history.gesture) return history;
  return { ...history, present: history.gesture.before, gesture: null };
}

export function undo(history: History): History {
  const settled = endGesture(history);
  const previous = settled.past[settled.past.length - 1];
  if (!previous) return settled;
  return {
    ...settled,
    past: settled.past.slice(0, -1),
    present: previous.project,
    future: [{ project: settled.present, label: previous.label }, ...settled.future],
  };
}

export function redo(history: History): History {
  const settled = endGesture(history);
  const next = settled.future[0];
  if (!next) return settled;
  return {
    ...settled,
    past: [...settled.past, { project: settled.present, label: next.label }],
    present: next.project,
    future: settled.future.slice(1),
  };
}

/**
 * Record that `snapshot` (the present when the save began) is now on disk. Edits made while
 * the save was in flight keep the project unsaved, so nothing typed during a save is lost.
 */
export function markSaved(history: History, snapshot: Project): History {
  return { ...history, saved: snapshot };
}

export function isUnsaved(history: History): boolean {
  return history.present !== history.saved;
}

export const undoLabel = (history: History): string | null => history.past[history.past.length - 1]?.label ?? null;
export const redoLabel = (history: History): string | null => history.future[0]?.label ?? null;
