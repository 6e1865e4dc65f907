import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/domain/commands/command';
import { removeLevel } from '../../../shared/domain/commands/model-commands';
import {
  cleanScaleMappingEntries,
  deleteScaleMapping,
  findScaleMappingByName,
  renameScaleMapping,
  saveScaleMapping,
} from '../../../shared/domain/commands/scale-mapping-commands';
import { fromSavedScaleMapping, toSavedScaleMapping } from '../../../shared/domain/import/saved-scale-mappings';
import type { Project } from '../../../shared/domain/schema';
import { applyWithUndo, expectNoOp, frozen, sampleProject } from './support';

const survey = {
  id: 'map-survey',
  name: 'Client survey 2025',
  entries: [
    { value: ' Not yet competent ', levelId: 'beginner' },
    { value: 'Competent', levelId: 'skilled' },
    { value: 'COMPETENT.', levelId: 'expert' },
    { value: '   ', levelId: 'expert' },
    { value: 'Role model', levelId: 'expert' },
  ],
  numericRange: null,
};

const withSurvey = (): Project => frozen(saveScaleMapping(survey).apply(sampleProject()));

describe('saveScaleMapping', () => {
  it('adds a mapping with trimmed values, blanks dropped and one entry per answer (the first wins), as one undo step', () => {
    const after = applyWithUndo(frozen(sampleProject()), saveScaleMapping(survey));
    expect(after.scaleMappings).toEqual([
      {
        id: 'map-survey',
        name: 'Client survey 2025',
        entries: [
          { value: 'Not yet competent', levelId: 'beginner' },
          { value: 'Competent', levelId: 'skilled' },
          { value: 'Role model', levelId: 'expert' },
        ],
        numericRange: null,
      },
    ]);
  });

  it('replaces the mapping with the same name in any case, keeping its id', () => {
    const after = applyWithUndo(withSurvey(), saveScaleMapping({ id: 'map-other', name: '  client SURVEY 2025 ', entries: [{ value: 'Competent', levelId: 'intermediate' }], numericRange: { min: 1, max: 5 } }));
    expect(after.scaleMappings).toEqual([{ id: 'map-survey', name: 'client SURVEY 2025', entries: [{ value: 'Competent', levelId: 'intermediate' }], numericRange: { min: 1, max: 5 } }]);
  });

  it('adds a second mapping under another name; saving the same content again records no step', () => {
    const two = applyWithUndo(withSurvey(), saveScaleMapping({ id: 'map-sfia', name: 'SFIA', entries: [], numericRange: { min: 1, max: 7 } }));
    expect(two.scaleMappings.map((mapping) => mapping.name)).toEqual(['Client survey 2025', 'SFIA']);
    expectNoOp(withSurvey(), saveScaleMapping({ ...survey, id: 'map-again' }));
  });

  it('refuses entries on levels the scale does not have, bad ranges, empty names and empty mappings', () => {
    expect(() => saveScaleMapping({ ...survey, entries: [{ value: 'Guru', levelId: 'guru' }] }).apply(sampleProject())).toThrow(/"Guru" is mapped to "guru", which is not a level/);
    expect(() => saveScaleMapping({ ...survey, numericRange: { min: 5, max: 1 } })).toThrow(CommandError);
    expect(() => saveScaleMapping({ ...survey, name: '  ' })).toThrow(CommandError);
    expect(() => saveScaleMapping({ ...survey, entries: [{ value: ' ', levelId: 'expert' }] })).toThrow(/nothing to save/);
    expect(() => saveScaleMapping({ ...survey, id: 'not an id!' })).toThrow(CommandError);
  });

  it('keeps entries the import would read as one answer once', () => {
    expect(cleanScaleMappingEntries([{ value: 'Skilled', levelId: 'a' }, { value: 'skilled!', levelId: 'b' }, { value: 'Ski lled', levelId: 'c' }])).toEqual([{ value: 'Skilled', levelId: 'a' }]);
  });
});

describe('renameScaleMapping and deleteScaleMapping', () => {
  it('renames, refusing a name another mapping has (any case); the same name records no step', () => {
    const two = frozen(saveScaleMapping({ id: 'map-sfia', name: 'SFIA', entries: [], numericRange: { min: 1, max: 7 } }).apply(withSurvey()));
    expect(applyWithUndo(two, renameScaleMapping('map-survey', ' Survey 2026 ')).scaleMappings[0]?.name).toBe('Survey 2026');
    expect(() => renameScaleMapping('map-survey', 'sfia').apply(two)).toThrow(/already called "SFIA"/);
    expect(applyWithUndo(two, renameScaleMapping('map-sfia', 'sfia')).scaleMappings[1]?.name).toBe('sfia');
    expectNoOp(two, renameScaleMapping('map-sfia', 'SFIA'));
    expect(() => renameScaleMapping('map-nope', 'X').apply(two)).toThrow(CommandError);
  });

  it('deletes one mapping as one undo step', () => {
    expect(applyWithUndo(withSurvey(), deleteScaleMapping('map-survey')).scaleMappings).toEqual([]);
    expect(() => deleteScaleMapping('map-nope').apply(withSurvey())).toThrow(CommandError);
  });

  it('finds a mapping by name ignoring case and surrounding spaces', () => {
    expect(findScaleMappingByName(withSurvey(), ' client survey 2025')?.id).toBe('map-survey');
    expect(findScaleMappingByName(withSurvey(), 'client survey')).toBeUndefined();
  });

  it('a removed level drops its entries from saved mappings (remapped when a level to map to is given)', () => {
    const project = withSurvey();
    expect(removeLevel('skilled', 'intermediate').apply(project).scaleMappings[0]?.entries.find((entry) => entry.value === 'Competent')?.levelId).toBe('intermediate');
  });
});

describe('saved ↔ import mapping', () => {
  it('converts a null range to none and back, copying entries', () => {
    const saved = withSurvey().scaleMappings[0]!;
    const mapping = fromSavedScaleMapping(saved);
    expect(mapping).toEqual({ name: 'Client survey 2025', entries: saved.entries });
    expect('numericRange' in mapping).toBe(false);
    expect(mapping.entries).not.toBe(saved.entries);
    expect(toSavedScaleMapping(mapping, 'map-x', 'X')).toEqual({ id: 'map-x', name: 'X', entries: saved.entries, numericRange: null });
    const ranged = fromSavedScaleMapping({ ...saved, numericRange: { min: 1, max: 7 } });
    expect(ranged.numericRange).toEqual({ min: 1, max: 7 });
    expect(toSavedScaleMapping(ranged, 'map-x', 'X').numericRange).toEqual({ min: 1, max: 7 });
  });
});
