/**
 * Scale mappings saved in the project for the next import: "Client survey 2025" reads
 * "3 - Competent" and "Not yet competent" onto the project's levels, so the next survey from the
 * same client maps the same way without redoing the values step.
 *
 * Names are unique ignoring case: saving under an existing name replaces that mapping (keeping its
 * id), which is what "save this mapping for next time" means to a user. Entries are stored clean:
 * values trimmed, blank values dropped, one entry per value as the import matches them (`matchKey`:
 * "Competent", "COMPETENT." and " competent" are one value; the first entry wins, as when reading).
 * Commands that would change nothing return the same project, so they record no undo step.
 */
import { matchKey } from '../import/normalize';
import { SHORT_TEXT_MAX, type Project, type SavedScaleMapping } from '../schema';
import { checkedId, checkedName, requireItem } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export interface SaveScaleMappingInput {
  /** Used only when the name is new; a mapping saved under an existing name keeps that mapping's id. */
  id: string;
  name: string;
  entries: readonly { value: string; levelId: string }[];
  numericRange: { min: number; max: number } | null;
}

/** The saved mapping called `name` (case- and surrounding-space-insensitive), if any. */
export function findScaleMappingByName(project: Pick<Project, 'scaleMappings'>, name: string): SavedScaleMapping | undefined {
  const key = name.trim().toLocaleLowerCase();
  return project.scaleMappings.find((mapping) => mapping.name.trim().toLocaleLowerCase() === key);
}

/** Trimmed values, blanks dropped, one entry per match key (the first). */
export function cleanScaleMappingEntries(entries: readonly { value: string; levelId: string }[]): { value: string; levelId: string }[] {
  const seen = new Set<string>();
  const clean: { value: string; levelId: string }[] = [];
  for (const entry of entries) {
    const value = entry.value.replace(/\s+/g, ' ').trim();
    if (value === '') continue;
    const key = matchKey(value);
    if (seen.has(key)) continue;
    seen.add(key);
    if (value.length > SHORT_TEXT_MAX) throw new CommandError(`The answer "${value.slice(0, 60)}…" is longer than ${SHORT_TEXT_MAX} characters.`);
    clean.push({ value, levelId: entry.levelId });
  }
  return clean;
}

function checkedRange(range: { min: number; max: number } | null): { min: number; max: number } | null {
  if (range === null) return null;
  if (!(Number.isFinite(range.min) && Number.isFinite(range.max) && range.max > range.min)) {
    throw new CommandError(`The numbers ${range.min}–${range.max} are not a range: the highest must be above the lowest.`);
  }
  return { min: range.min, max: range.max };
}

const sameMapping = (a: SavedScaleMapping, b: Omit<SavedScaleMapping, 'id'>): boolean =>
  a.name === b.name &&
  a.numericRange?.min === b.numericRange?.min &&
  a.numericRange?.max === b.numericRange?.max &&
  a.entries.length === b.entries.length &&
  a.entries.every((entry, index) => entry.value === b.entries[index]!.value && entry.levelId === b.entries[index]!.levelId);

/** Adds the mapping, or replaces the one with the same name (any case). */
export function saveScaleMapping(input: SaveScaleMappingInput): ProjectCommand {
  const id = checkedId(input.id, 'scale mapping');
  const name = checkedName(input.name.trim(), 'A mapping name');
  const entries = cleanScaleMappingEntries(input.entries);
  if (entries.length > 1_000) throw new CommandError('A saved mapping has at most 1,000 answers.');
  const numericRange = checkedRange(input.numericRange);
  if (entries.length === 0 && numericRange === null) throw new CommandError('This mapping has no answers and no number range: there is nothing to save.');
  return draftCommand('Save scale mapping', (draft) => {
    const levelIds = new Set(draft.scale.levels.map((level) => level.id));
    const unknown = entries.find((entry) => !levelIds.has(entry.levelId));
    if (unknown) throw new CommandError(`"${unknown.value}" is mapped to "${unknown.levelId}", which is not a level of the scale.`);
    const saved = { name, entries, numericRange };
    const existing = findScaleMappingByName(draft as Project, name);
    if (existing) {
      if (sameMapping(existing, saved)) return;
      const target = draft.scaleMappings.find((mapping) => mapping.id === existing.id)!;
      Object.assign(target, saved);
      return;
    }
    if (draft.scaleMappings.some((mapping) => mapping.id === id)) throw new CommandError(`There is already a scale mapping with the id "${id}".`);
    draft.scaleMappings.push({ id, ...saved });
  });
}

export function renameScaleMapping(id: string, name: string): ProjectCommand {
  const next = checkedName(name.trim(), 'A mapping name');
  return draftCommand('Rename scale mapping', (draft) => {
    const mapping = requireItem(draft.scaleMappings, id, 'saved scale mapping');
    if (mapping.name === next) return;
    const clash = findScaleMappingByName(draft as Project, next);
    if (clash && clash.id !== id) throw new CommandError(`Another saved mapping is already called "${clash.name}".`);
    mapping.name = next;
  });
}

export function deleteScaleMapping(id: string): ProjectCommand {
  return draftCommand('Delete scale mapping', (draft) => {
    requireItem(draft.scaleMappings, id, 'saved scale mapping');
    draft.scaleMappings = draft.scaleMappings.filter((mapping) => mapping.id !== id);
  });
}
