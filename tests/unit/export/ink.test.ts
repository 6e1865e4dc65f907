import { describe, expect, it } from 'vitest';
import { ALERT, GOOD, INK, MUTED, ZEBRA } from '../../../shared/documents/ink';
import { contrastRatio } from '../../../shared/documents/text';

describe('the documents’ neutral colours', () => {
  it.each([
    ['INK', INK],
    ['MUTED', MUTED],
    ['ALERT', ALERT],
    ['GOOD', GOOD],
  ])('%s text reads at 4.5:1 or more on white and on the zebra rows', (_name, colour) => {
    expect(contrastRatio(colour, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour, ZEBRA)).toBeGreaterThanOrEqual(4.5);
  });
});
