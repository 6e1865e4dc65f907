/**
 * Reading a proficiency level out of a spreadsheet cell.
 *
 * Surveys arrive with every kind of scale: the project's own labels ("Skilled", "SKILLED."),
 * numbered labels ("3 - Competent"), plain numbers on some 1..N scale (SFIA's 1–7, a 1–5 Likert
 * scale), or the client's own words ("Not yet competent / Competent"). A `ScaleMapping` is the
 * user-editable bridge: explicit value → level entries, plus an optional numeric range mapped
 * proportionally onto the project's levels.
 *
 * Resolution order for one cell (trimmed): empty → not assessed; an entry of the mapping; a level
 * label; a level id; a "not assessed" marker ("n/a", "-", …); "3 - Competent" (label part, then
 * number part); "Competent (3)"; "Level 3"; a plain number on the numeric range; otherwise an error with a reason.
 */
import type { ProficiencyScale } from '../schema';
import { matchKey } from './normalize';

export interface ScaleMappingEntry {
  /** The text as it appears in the file; matched case- and punctuation-insensitively. */
  value: string;
  levelId: string;
}

export interface NumericRange {
  min: number;
  max: number;
}

export interface ScaleMapping {
  name: string;
  entries: ScaleMappingEntry[];
  /** Numbers in [min, max] are spread proportionally over the project's levels. */
  numericRange?: NumericRange;
}

export type CellLevel =
  | { status: 'level'; levelId: string }
  /** Blank, "n/a", "-": no assessment, and not an error. */
  | { status: 'not-assessed' }
  | { status: 'error'; reason: string };

/** Cells that mean "not assessed" (compared by `matchKey`). */
export const NOT_ASSESSED_MARKERS: readonly string[] = ['n/a', 'na', 'n.a.', '-', '–', '—', '--', '?', 'not assessed', 'not applicable', 'not rated', 'unrated', 'skip', 'skipped'];
const NOT_ASSESSED_KEYS = new Set(NOT_ASSESSED_MARKERS.map(matchKey));

export const LIKERT_1_5: ScaleMapping = { name: 'Numbers 1–5', entries: [], numericRange: { min: 1, max: 5 } };
export const SFIA_1_7: ScaleMapping = { name: 'SFIA levels 1–7', entries: [], numericRange: { min: 1, max: 7 } };
export const DEFAULT_SCALE_MAPPINGS: readonly ScaleMapping[] = [LIKERT_1_5, SFIA_1_7];

/** The project's own labels and ids, plus numbers 1..N where N is its number of levels. */
export function defaultScaleMapping(scale: ProficiencyScale): ScaleMapping {
  return { name: `Level labels and numbers 1–${scale.levels.length}`, entries: [], numericRange: { min: 1, max: scale.levels.length } };
}

/**
 * Entries for a text scale from the file ("Not yet competent", "Competent", "Expert"), ordered
 * from least to most proficient, spread over the project's levels the way numbers are; the
 * user can then edit any entry.
 */
export function proportionalEntries(values: readonly string[], scale: ProficiencyScale): ScaleMappingEntry[] {
  return values.map((value, index) => ({ value, levelId: scale.levels[proportionalIndex(index, 0, values.length - 1, scale.levels.length)]!.id }));
}

/**
 * The level index for `value` on [min, max] with `levelCount` levels. When the source has at
 * least as many whole points as there are levels, each level gets an equal share of the range
 * ([min - ½, max + ½] cut into equal bins: SFIA 1–7 onto 4 levels is 1-2 | 3 | 4-5 | 6-7);
 * with fewer points, the ends map to the ends and the rest is interpolated. Monotonic either way.
 */
export function proportionalIndex(value: number, min: number, max: number, levelCount: number): number {
  if (levelCount <= 1 || max <= min) return 0;
  const points = Math.floor(max - min) + 1;
  let index: number;
  if (points >= levelCount) index = Math.floor(((value - min + 0.5) / (max - min + 1)) * levelCount);
  else index = Math.round(((value - min) / (max - min)) * (levelCount - 1));
  return Math.min(levelCount - 1, Math.max(0, index));
}

const NUMBER = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;
const NUMBERED_LABEL = /^(\d+(?:[.,]\d+)?)\s*(?:[-–—:.)=|]|\s)\s*(\S.*)$/u;
/** "Skilled (3)", "Skilled [3]". */
const LABEL_THEN_NUMBER = /^(\S.*?)\s*[([]\s*(\d+(?:[.,]\d+)?)\s*[)\]]$/u;
const LEVEL_WORD = /^(?:level|lvl|l)\s*[-.:#]?\s*(\d+(?:[.,]\d+)?)$/iu;

function parseNumber(text: string): number {
  return Number(text.replace(',', '.'));
}

export function describeRange(range: NumericRange): string {
  return `${range.min}–${range.max}`;
}

/** Problems with a mapping itself (the wizard shows them next to the mapping). */
export function checkScaleMapping(mapping: ScaleMapping, scale: ProficiencyScale): string[] {
  const problems: string[] = [];
  const levelIds = new Set(scale.levels.map((level) => level.id));
  const seen = new Map<string, string>();
  for (const entry of mapping.entries) {
    if (!levelIds.has(entry.levelId)) problems.push(`"${entry.value}" is mapped to "${entry.levelId}", which is not a level of the scale.`);
    const key = matchKey(entry.value);
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== entry.levelId) problems.push(`"${entry.value}" is mapped to two different levels.`);
    seen.set(key, entry.levelId);
  }
  const range = mapping.numericRange;
  if (range && !(Number.isFinite(range.min) && Number.isFinite(range.max) && range.max > range.min)) {
    problems.push(`The numeric range ${describeRange(range)} is not a range: its maximum must be above its minimum.`);
  }
  return problems;
}

export type LevelReader = (cell: string) => CellLevel;

/**
 * A reader for one scale + mapping; results are cached per distinct cell text, so a 5,000-row
 * import with a dozen distinct answers costs a dozen resolutions.
 */
export function createLevelReader(scale: ProficiencyScale, mapping: ScaleMapping): LevelReader {
  const levelIds = new Set(scale.levels.map((level) => level.id));
  const byEntry = new Map<string, string>();
  for (const entry of mapping.entries) {
    const key = matchKey(entry.value);
    if (!byEntry.has(key)) byEntry.set(key, entry.levelId);
  }
  const byLabel = new Map<string, string>();
  for (const level of scale.levels) if (!byLabel.has(matchKey(level.label))) byLabel.set(matchKey(level.label), level.id);
  const byId = new Map<string, string>();
  for (const level of scale.levels) if (!byId.has(matchKey(level.id))) byId.set(matchKey(level.id), level.id);
  const range = mapping.numericRange && mapping.numericRange.max > mapping.numericRange.min ? mapping.numericRange : undefined;
  const labels = scale.levels.map((level) => level.label).join(', ');

  const fromEntry = (key: string): CellLevel | null => {
    const levelId = byEntry.get(key);
    if (levelId === undefined) return null;
    if (!levelIds.has(levelId)) return { status: 'error', reason: `the scale mapping sends it to "${levelId}", which is not a level of the scale` };
    return { status: 'level', levelId };
  };
  const fromText = (text: string): CellLevel | null => {
    const key = matchKey(text);
    const entry = fromEntry(key);
    if (entry) return entry;
    const levelId = byLabel.get(key) ?? byId.get(key);
    return levelId === undefined ? null : { status: 'level', levelId };
  };
  const fromNumber = (value: number, text: string): CellLevel => {
    if (!range) return { status: 'error', reason: `"${text}" is a number, but the scale mapping has no numeric range` };
    if (!(value >= range.min && value <= range.max)) return { status: 'error', reason: `"${text}" is outside the numeric scale ${describeRange(range)}` };
    return { status: 'level', levelId: scale.levels[proportionalIndex(value, range.min, range.max, scale.levels.length)]!.id };
  };

  const resolve = (raw: string): CellLevel => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '') return { status: 'not-assessed' };
    const direct = fromText(text);
    if (direct) return direct;
    if (NOT_ASSESSED_KEYS.has(matchKey(text))) return { status: 'not-assessed' };
    if (NUMBER.test(text)) return fromNumber(parseNumber(text), text);
    const numbered = NUMBERED_LABEL.exec(text);
    if (numbered) {
      const byLabelPart = fromText(numbered[2]!);
      if (byLabelPart) return byLabelPart;
      return fromNumber(parseNumber(numbered[1]!), text);
    }
    const labelThenNumber = LABEL_THEN_NUMBER.exec(text);
    if (labelThenNumber) {
      const byLabelPart = fromText(labelThenNumber[1]!);
      if (byLabelPart) return byLabelPart;
      return fromNumber(parseNumber(labelThenNumber[2]!), text);
    }
    const levelWord = LEVEL_WORD.exec(text);
    if (levelWord) return fromNumber(parseNumber(levelWord[1]!), text);
    const numbers = range ? ` or a number ${describeRange(range)}` : '';
    return { status: 'error', reason: `"${text}" is not a level of the scale (${labels})${numbers}, and the scale mapping does not list it` };
  };

  const cache = new Map<string, CellLevel>();
  return (cell) => {
    let result = cache.get(cell);
    if (result === undefined) {
      result = resolve(cell);
      if (cache.size < 10_000) cache.set(cell, result);
    }
    return result;
  };
}

/** One cell, without a cached reader (for previews and tests). */
export function readLevel(cell: string, scale: ProficiencyScale, mapping: ScaleMapping): CellLevel {
  return createLevelReader(scale, mapping)(cell);
}
