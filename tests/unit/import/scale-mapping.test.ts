import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../../shared/domain/factory';
import { matchKey } from '../../../shared/domain/import/normalize';
import {
  checkScaleMapping,
  createLevelReader,
  defaultScaleMapping,
  DEFAULT_SCALE_MAPPINGS,
  LIKERT_1_5,
  proportionalEntries,
  proportionalIndex,
  readLevel,
  SFIA_1_7,
  type ScaleMapping,
} from '../../../shared/domain/import/scale-mapping';
import type { ProficiencyScale } from '../../../shared/domain/schema';

const scale: ProficiencyScale = { name: 'Proficiency', levels: DEFAULT_SCALE_LEVELS.map((level) => ({ ...level })) };
const labelsAndNumbers = defaultScaleMapping(scale);
const level = (cell: string, mapping: ScaleMapping = labelsAndNumbers) => readLevel(cell, scale, mapping);

describe('reading a level from a cell', () => {
  it('matches level labels case- and punctuation-insensitively, and level ids', () => {
    for (const cell of ['Skilled', 'skilled', 'SKILLED.', ' skilled ', '"Skilled"', 'Skilled!']) expect(level(cell), cell).toEqual({ status: 'level', levelId: 'skilled' });
    expect(level('intermediate')).toEqual({ status: 'level', levelId: 'intermediate' });
  });

  it('reads "3 - Competent" style cells by their label, else by their number', () => {
    expect(level('3 - Skilled')).toEqual({ status: 'level', levelId: 'skilled' });
    expect(level('2. Intermediate')).toEqual({ status: 'level', levelId: 'intermediate' });
    expect(level('4 – Expert')).toEqual({ status: 'level', levelId: 'expert' });
    expect(level('3 - Competent')).toEqual({ status: 'level', levelId: 'skilled' });
    expect(level('Expert (4)')).toEqual({ status: 'level', levelId: 'expert' });
    expect(level('Level 2')).toEqual({ status: 'level', levelId: 'intermediate' });
    // The label wins over a number that disagrees with it.
    expect(level('1 - Expert')).toEqual({ status: 'level', levelId: 'expert' });
  });

  it('maps plain numbers 1..N onto the N levels, and other ranges proportionally', () => {
    expect(['1', '2', '3', '4'].map((cell) => level(cell))).toEqual(scale.levels.map((item) => ({ status: 'level', levelId: item.id })));
    expect(['1', '2', '3', '4', '5', '6', '7'].map((cell) => (level(cell, SFIA_1_7) as { levelId: string }).levelId)).toEqual([
      'beginner',
      'beginner',
      'intermediate',
      'skilled',
      'skilled',
      'expert',
      'expert',
    ]);
    expect(['1', '2', '3', '4', '5'].map((cell) => (level(cell, LIKERT_1_5) as { levelId: string }).levelId)).toEqual([
      'beginner',
      'intermediate',
      'skilled',
      'skilled',
      'expert',
    ]);
    expect(level('2,5', LIKERT_1_5)).toEqual({ status: 'level', levelId: 'intermediate' });
  });

  it('maps a short source scale end to end', () => {
    expect(proportionalIndex(1, 1, 2, 4)).toBe(0);
    expect(proportionalIndex(2, 1, 2, 4)).toBe(3);
    expect([0, 1, 2].map((value) => proportionalIndex(value, 0, 2, 4))).toEqual([0, 2, 3]);
  });

  it('treats blanks, "n/a" and dashes as not assessed', () => {
    for (const cell of ['', '   ', 'n/a', 'N/A', 'na', '-', '–', 'not assessed', '\n']) expect(level(cell), JSON.stringify(cell)).toEqual({ status: 'not-assessed' });
  });

  it('rejects anything else with a reason', () => {
    const bad = level('Excellent!!');
    expect(bad.status).toBe('error');
    if (bad.status === 'error') expect(bad.reason).toMatch(/"Excellent!!" is not a level of the scale \(Beginner, Intermediate, Skilled, Expert\) or a number 1–4/);
    expect(level('0')).toEqual({ status: 'error', reason: '"0" is outside the numeric scale 1–4' });
    expect(level('7 - Master')).toMatchObject({ status: 'error', reason: expect.stringMatching(/outside the numeric scale/) });
    expect(level('3', { name: 'labels only', entries: [] })).toMatchObject({ status: 'error', reason: expect.stringMatching(/no numeric range/) });
  });

  it('uses the entries of a text scale mapping first, case-insensitively', () => {
    const mapping: ScaleMapping = {
      name: 'Competence',
      entries: [
        { value: 'Not yet competent', levelId: 'beginner' },
        { value: 'Competent', levelId: 'skilled' },
        { value: 'Role model', levelId: 'expert' },
      ],
    };
    expect(level('NOT YET COMPETENT', mapping)).toEqual({ status: 'level', levelId: 'beginner' });
    expect(level('competent.', mapping)).toEqual({ status: 'level', levelId: 'skilled' });
    expect(level('Skilled', mapping)).toEqual({ status: 'level', levelId: 'skilled' });
    expect(level('Unknown', mapping).status).toBe('error');
  });

  it('proposes proportional entries for a text scale, and checks mappings', () => {
    expect(proportionalEntries(['Not yet competent', 'Competent'], scale)).toEqual([
      { value: 'Not yet competent', levelId: 'beginner' },
      { value: 'Competent', levelId: 'expert' },
    ]);
    expect(proportionalEntries(['Low', 'Medium', 'High'], scale).map((entry) => entry.levelId)).toEqual(['beginner', 'skilled', 'expert']);
    expect(checkScaleMapping({ name: 'x', entries: [{ value: 'A', levelId: 'nope' }], numericRange: { min: 5, max: 1 } }, scale)).toHaveLength(2);
    expect(level('A', { name: 'x', entries: [{ value: 'A', levelId: 'nope' }] })).toMatchObject({ status: 'error' });
    for (const mapping of DEFAULT_SCALE_MAPPINGS) expect(checkScaleMapping(mapping, scale)).toEqual([]);
  });
});

describe('scale mapping properties', () => {
  /** Scales of 2–10 levels whose labels are distinct once case and punctuation are ignored. */
  const scales = fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 24 }).filter((label) => label.trim() !== ''), { minLength: 2, maxLength: 10, selector: (label) => matchKey(label) })
    .map(
      (labels): ProficiencyScale => ({
        name: 'Generated',
        levels: labels.map((label, index) => ({ id: `level-${index}`, label: label.trim(), description: '' })),
      }),
    );

  it('maps every level label (in any case, with trailing punctuation) to its level', () => {
    fc.assert(
      fc.property(scales, fc.constantFrom<(label: string) => string>((label) => label, (label) => label.toUpperCase(), (label) => `${label}.`), (generated, variant) => {
        const read = createLevelReader(generated, defaultScaleMapping(generated));
        for (const item of generated.levels) {
          expect(read(item.label)).toEqual({ status: 'level', levelId: item.id });
          const varied = variant(item.label);
          if (matchKey(varied) === matchKey(item.label)) expect(read(varied)).toEqual({ status: 'level', levelId: item.id });
        }
      }),
    );
  });

  it('maps numbers monotonically, ends to ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (min, width, levelCount, a, b) => {
          const max = min + width;
          const [low, high] = a <= b ? [min + a * width, min + b * width] : [min + b * width, min + a * width];
          const lowIndex = proportionalIndex(low, min, max, levelCount);
          const highIndex = proportionalIndex(high, min, max, levelCount);
          expect(lowIndex).toBeLessThanOrEqual(highIndex);
          expect(lowIndex).toBeGreaterThanOrEqual(0);
          expect(highIndex).toBeLessThan(levelCount);
          expect(proportionalIndex(min, min, max, levelCount)).toBe(0);
          expect(proportionalIndex(max, min, max, levelCount)).toBe(levelCount - 1);
        },
      ),
    );
  });

  it('reads integer cells monotonically through the mapping too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 12 }), (levelCount, points) => {
        const generated: ProficiencyScale = { name: 'g', levels: Array.from({ length: levelCount }, (_, i) => ({ id: `l${i}`, label: `Level name ${String.fromCharCode(65 + i)}`, description: '' })) };
        const read = createLevelReader(generated, { name: 'n', entries: [], numericRange: { min: 1, max: points + 1 } });
        const indexes = Array.from({ length: points + 1 }, (_, i) => {
          const result = read(String(i + 1));
          if (result.status !== 'level') throw new Error(`${i + 1}: ${result.status}`);
          return generated.levels.findIndex((item) => item.id === result.levelId);
        });
        for (let i = 1; i < indexes.length; i++) expect(indexes[i]!).toBeGreaterThanOrEqual(indexes[i - 1]!);
        expect(indexes[0]).toBe(0);
        expect(indexes[indexes.length - 1]).toBe(levelCount - 1);
      }),
    );
  });
});
