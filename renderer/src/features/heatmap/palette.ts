/**
 * The heat-map's colours: a sequential, colour-blind-safe ramp (viridis, perceptually uniform and
 * readable with every common colour-vision deficiency, started from a pale tint so "no gap" is quiet),
 * with the text colour chosen per cell for contrast. Lightness falls monotonically with the gap,
 * so the ramp also works in greyscale; the number is always printed in the cell anyway.
 */

/** From "no gap" (t = 0) to "the largest gap" (t = 1). */
export const GAP_RAMP: readonly string[] = ['#fbf6cf', '#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'];

const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

function parseHex(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** The ramp's colour at t in [0, 1] (linear between stops). */
export function rampColor(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (GAP_RAMP.length - 1);
  const index = Math.min(GAP_RAMP.length - 2, Math.floor(position));
  const fraction = position - index;
  const a = parseHex(GAP_RAMP[index]!);
  const b = parseHex(GAP_RAMP[index + 1]!);
  return toHex([a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction, a[2] + (b[2] - a[2]) * fraction]);
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Dark or white text, whichever contrasts more with the background. */
export function textColorOn(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Background and text for a gap on a scale whose largest gap is `maxGap`. */
export function gapColors(gap: number, maxGap: number): { background: string; color: string } {
  const background = rampColor(maxGap > 0 ? gap / maxGap : 0);
  return { background, color: textColorOn(background) };
}
