import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, fitBoundsToDisplays } from '../../../electron/services/settings/window-bounds';
import type { DisplayArea } from '../../../electron/services/settings/window-bounds';

const laptop: DisplayArea = { x: 0, y: 0, width: 1920, height: 1080 };
const leftMonitor: DisplayArea = { x: -2560, y: 0, width: 2560, height: 1440 };
const macMain: DisplayArea = { x: 0, y: 25, width: 1728, height: 1092 }; // work area below the menu bar

function insideOf(bounds: { x?: number; y?: number; width: number; height: number }, area: DisplayArea): boolean {
  if (bounds.x === undefined || bounds.y === undefined) return false;
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

describe('fitBoundsToDisplays', () => {
  it('leaves bounds that are on screen unchanged', () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(fitBoundsToDisplays(bounds, [laptop])).toEqual(bounds);
  });

  it('centers the default size on the first display when the saved monitor is gone', () => {
    const savedOnUnplugged = { x: 2200, y: 100, width: 1600, height: 1000, maximized: true };
    expect(fitBoundsToDisplays(savedOnUnplugged, [laptop])).toEqual({
      x: (1920 - 1440) / 2,
      y: (1080 - 900) / 2,
      width: 1440,
      height: 900,
      maximized: true,
    });
  });

  it('treats bounds that only touch a display edge as off screen', () => {
    const touching = { x: 1920, y: 0, width: 800, height: 600, maximized: false };
    expect(fitBoundsToDisplays(touching, [laptop])).toEqual({ x: 240, y: 90, width: 1440, height: 900, maximized: false });
  });

  it('clamps bounds larger than the display to its work area', () => {
    const huge = { x: -50, y: -30, width: 3000, height: 2000, maximized: false };
    expect(fitBoundsToDisplays(huge, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1080, maximized: false });
  });

  it('keeps a window placed on a left-side monitor at negative coordinates', () => {
    const bounds = { x: -2400, y: 120, width: 1600, height: 1000, maximized: false };
    expect(fitBoundsToDisplays(bounds, [laptop, leftMonitor])).toEqual(bounds);
  });

  it('pulls a window hanging off the left monitor back inside it', () => {
    const bounds = { x: -2700, y: 1000, width: 1600, height: 1000, maximized: false };
    expect(fitBoundsToDisplays(bounds, [laptop, leftMonitor])).toEqual({ x: -2560, y: 440, width: 1600, height: 1000, maximized: false });
  });

  it('pulls a window partly off the right edge back onto the display', () => {
    const bounds = { x: 1500, y: 300, width: 1000, height: 700, maximized: false };
    expect(fitBoundsToDisplays(bounds, [laptop])).toEqual({ x: 920, y: 300, width: 1000, height: 700, maximized: false });
  });

  it('moves a window straddling two displays onto the one it overlaps most', () => {
    const bounds = { x: -300, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitBoundsToDisplays(bounds, [leftMonitor, laptop])).toEqual({ x: 0, y: 100, width: 1000, height: 700, maximized: false });
  });

  it('keeps the title bar below a macOS menu bar', () => {
    const bounds = { x: 10, y: 0, width: 1200, height: 800, maximized: false };
    expect(fitBoundsToDisplays(bounds, [macMain])).toEqual({ x: 10, y: 25, width: 1200, height: 800, maximized: false });
  });

  it('centers the default size when nothing was saved', () => {
    expect(fitBoundsToDisplays(undefined, [laptop, leftMonitor])).toEqual({ x: 240, y: 90, ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('clamps the default size to a small first display', () => {
    const small: DisplayArea = { x: 0, y: 0, width: 1280, height: 720 };
    expect(fitBoundsToDisplays(undefined, [small])).toEqual({ x: 0, y: 0, width: 1280, height: 720, maximized: false });
  });

  it('centers a saved size that has no position', () => {
    expect(fitBoundsToDisplays({ width: 1000, height: 600, maximized: true }, [laptop])).toEqual({
      x: 460,
      y: 240,
      width: 1000,
      height: 600,
      maximized: true,
    });
  });

  it('honours a custom default size', () => {
    expect(fitBoundsToDisplays(undefined, [laptop], { defaultSize: { width: 800, height: 600 } })).toEqual({
      x: 560,
      y: 240,
      width: 800,
      height: 600,
      maximized: false,
    });
  });

  it('returns only a size when no display is known, so the OS places the window', () => {
    expect(fitBoundsToDisplays({ x: 5000, y: 5000, width: 1000, height: 700, maximized: false }, [])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
    expect(fitBoundsToDisplays(undefined, [{ x: 0, y: 0, width: 0, height: 0 }])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('always returns whole-pixel bounds fully inside one display', () => {
    const display = fc.record({
      x: fc.integer({ min: -8000, max: 8000 }),
      y: fc.integer({ min: -4000, max: 4000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    const saved = fc.option(
      fc.record(
        {
          x: fc.integer({ min: -20000, max: 20000 }),
          y: fc.integer({ min: -20000, max: 20000 }),
          width: fc.integer({ min: 1, max: 10000 }),
          height: fc.integer({ min: 1, max: 10000 }),
          maximized: fc.boolean(),
        },
        { requiredKeys: ['width', 'height', 'maximized'] },
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(saved, fc.array(display, { minLength: 1, maxLength: 4 }), (bounds, displays) => {
        const fitted = fitBoundsToDisplays(bounds, displays);
        expect(displays.some((area) => insideOf(fitted, area))).toBe(true);
        for (const value of [fitted.x, fitted.y, fitted.width, fitted.height]) expect(Number.isInteger(value)).toBe(true);
        expect(fitted.width).toBeGreaterThanOrEqual(1);
        expect(fitted.height).toBeGreaterThanOrEqual(1);
        expect(fitted.maximized).toBe(bounds?.maximized ?? false);
        // Bounds that already fit inside a display are never moved.
        if (bounds !== undefined && displays.some((area) => insideOf(bounds, area))) expect(fitted).toEqual(bounds);
      }),
      { numRuns: 500 },
    );
  });
});
