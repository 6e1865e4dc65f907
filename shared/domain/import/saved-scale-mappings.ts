/**
 * Saved scale mappings in the import: converting between the project's `SavedScaleMapping` and
 * the import's `ScaleMapping`, and choosing which mapping an import starts from.
 *
 * The choice (shared by the wizard and the CLI, so both read a file the same way): the automatic
 * reading (the project's labels and numbers 1..N) unless a saved mapping reads the file's distinct
 * capability answers better, i.e. it reads more of them, or it reads all of them and lists every
 * one as an entry (the user decided each answer's level when saving it). Among saved mappings the
 * one that reads most answers wins, then the one listing most of them, then the first saved.
 */
import type { ProficiencyScale, Project, SavedScaleMapping } from '../schema';
import type { ColumnMapping } from './column-mapping';
import { cleanCell, matchKey } from './normalize';
import { createLevelReader, defaultScaleMapping, type ScaleMapping } from './scale-mapping';
import type { RawTable } from './table';

export function fromSavedScaleMapping(saved: SavedScaleMapping): ScaleMapping {
  const mapping: ScaleMapping = { name: saved.name, entries: saved.entries.map((entry) => ({ ...entry })) };
  if (saved.numericRange) mapping.numericRange = { ...saved.numericRange };
  return mapping;
}

/** What `saveScaleMapping` takes, from the mapping the import used. */
export function toSavedScaleMapping(mapping: ScaleMapping, id: string, name: string): SavedScaleMapping {
  return { id, name, entries: mapping.entries.map((entry) => ({ ...entry })), numericRange: mapping.numericRange ? { ...mapping.numericRange } : null };
}

export type ScaleMappingSource = { kind: 'automatic' } | { kind: 'saved'; id: string; name: string } | { kind: 'built-in'; name: string };

export interface ScaleMappingChoice {
  scaleMapping: ScaleMapping;
  source: ScaleMappingSource;
}

/** The distinct non-blank answers (first spelling per match key) in the capability columns. */
export function distinctCapabilityAnswers(table: RawTable, headerRow: number, mapping: ColumnMapping): string[] {
  const columns = mapping.columns.filter((assignment) => assignment.target.kind === 'capability').map((assignment) => assignment.column);
  const answers = new Map<string, string>();
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    for (const column of columns) {
      const value = cleanCell(row[column] ?? '');
      if (value === '') continue;
      const key = matchKey(value);
      if (!answers.has(key)) answers.set(key, value);
    }
  }
  return [...answers.values()];
}

interface Coverage {
  /** Answers read as a level. */
  read: number;
  /** Answers that are entries of the mapping. */
  listed: number;
  /** Answers that are not "not assessed" markers. */
  answers: number;
}

function coverage(project: Pick<Project, 'scale'>, mapping: ScaleMapping, answers: readonly string[]): Coverage {
  const reader = createLevelReader(project.scale, mapping);
  const entryKeys = new Set(mapping.entries.map((entry) => matchKey(entry.value)));
  const result: Coverage = { read: 0, listed: 0, answers: 0 };
  for (const answer of answers) {
    const level = reader(answer);
    if (level.status === 'not-assessed' && !entryKeys.has(matchKey(answer))) continue;
    result.answers++;
    if (level.status === 'level') result.read++;
    if (entryKeys.has(matchKey(answer))) result.listed++;
  }
  return result;
}

/** The mapping an import of these answers starts from, and where it came from. */
export function chooseScaleMapping(project: Pick<Project, 'scale' | 'scaleMappings'>, answers: readonly string[]): ScaleMappingChoice {
  const automatic: ScaleMappingChoice = { scaleMapping: defaultScaleMapping(project.scale), source: { kind: 'automatic' } };
  const base = coverage(project, automatic.scaleMapping, answers);
  let best: { choice: ScaleMappingChoice; cover: Coverage } | null = null;
  for (const saved of project.scaleMappings) {
    const scaleMapping = fromSavedScaleMapping(saved);
    const cover = coverage(project, scaleMapping, answers);
    const better = cover.read > base.read || (cover.answers > 0 && cover.read === cover.answers && cover.listed === cover.answers);
    if (!better) continue;
    if (best && (cover.read < best.cover.read || (cover.read === best.cover.read && cover.listed <= best.cover.listed))) continue;
    best = { choice: { scaleMapping, source: { kind: 'saved', id: saved.id, name: saved.name } }, cover };
  }
  return best?.choice ?? automatic;
}

/** The saved mapping with this id as the import's mapping, or null. */
export function savedScaleMappingChoice(project: Pick<Project, 'scaleMappings'>, id: string): ScaleMappingChoice | null {
  const saved = project.scaleMappings.find((mapping) => mapping.id === id);
  return saved ? { scaleMapping: fromSavedScaleMapping(saved), source: { kind: 'saved', id: saved.id, name: saved.name } } : null;
}

const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

/**
 * The mapping as it is worth saving: its own entries, plus an entry for every text answer of the
 * file it reads as a level (by label, "3 - Skilled", …), so the saved mapping describes the
 * client's whole scale and keeps reading it the same way if a level is renamed later. Plain
 * numbers stay with the number range; "not assessed" answers are not entries.
 */
export function completeScaleMapping(scale: ProficiencyScale, mapping: ScaleMapping, answers: readonly string[]): ScaleMapping {
  const reader = createLevelReader(scale, mapping);
  const keys = new Set(mapping.entries.map((entry) => matchKey(entry.value)));
  const entries = [...mapping.entries];
  for (const answer of answers) {
    const key = matchKey(answer);
    if (keys.has(key) || PLAIN_NUMBER.test(answer.trim())) continue;
    const level = reader(answer);
    if (level.status !== 'level') continue;
    keys.add(key);
    entries.push({ value: answer, levelId: level.levelId });
  }
  return { ...mapping, entries };
}
