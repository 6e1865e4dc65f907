/** The heat-map palette: sequential (lightness falls with the gap) and readable text on every cell. */
import { describe, expect, it } from 'vitest';
import { contrastRatio, gapColors, GAP_RAMP, rampColor, relativeLuminance, textColorOn } from '../../../renderer/src/features/heatmap/palette';

describe('gap palette', () => {
  it('gets darker monotonically from no gap to the largest gap', () => {
    const samples = Array.from({ length: 41 }, (_, i) => relativeLuminance(rampColor(i / 40)));
    for (let i = 1; i < samples.length; i++) expect(samples[i]!).toBeLessThan(samples[i - 1]!);
    expect(rampColor(0)).toBe(GAP_RAMP[0]);
    expect(rampColor(1)).toBe(GAP_RAMP[GAP_RAMP.length - 1]);
    expect(rampColor(-3)).toBe(GAP_RAMP[0]);
    expect(rampColor(Number.NaN)).toBe(GAP_RAMP[0]);
  });

  it('puts text of at least 4.5:1 contrast on every colour of the ramp', () => {
    for (let i = 0; i <= 100; i++) {
      const background = rampColor(i / 100);
      expect(contrastRatio(background, textColorOn(background)), background).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('maps a gap onto the scale of the largest possible gap', () => {
    expect(gapColors(0, 3).background).toBe(GAP_RAMP[0]);
    expect(gapColors(3, 3).background).toBe(GAP_RAMP[GAP_RAMP.length - 1]);
    expect(gapColors(0, 3).color).toBe('#000000');
    expect(gapColors(3, 3).color).toBe('#ffffff');
  });
});
