/**
 * Fitting saved window bounds onto the displays that exist now (a monitor may have been
 * unplugged or rearranged since the bounds were saved). Pure: the Electron main process
 * passes `screen.getAllDisplays()` work areas, primary display first.
 */
import type { WindowBounds } from './settings-service';

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;

/** A display's work area (Electron `Display.workArea`: the screen minus taskbar/dock/menu bar). */
export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitOptions {
  /** Size used when there are no usable saved bounds. Default 1440×900. */
  defaultSize?: { width: number; height: number };
}

/**
 * Returns bounds that lie entirely inside one display's work area:
 * - saved bounds overlapping a display → moved onto the display they overlap most, with
 *   width/height clamped to its work area (a window straddling two displays ends up on one);
 * - saved bounds off every display, without a position, or no saved bounds → the default
 *   size (or, without a position, the saved size) clamped and centered on the first display;
 * - no usable displays → the size without x/y, so the OS places the window.
 * `maximized` is carried through unchanged.
 */
export function fitBoundsToDisplays(
  bounds: WindowBounds | undefined,
  displays: readonly DisplayArea[],
  options: FitOptions = {},
): WindowBounds {
  const defaultSize = options.defaultSize ?? DEFAULT_WINDOW_SIZE;
  const maximized = bounds?.maximized ?? false;
  const usable = displays.map(innerIntegerArea).filter((area): area is DisplayArea => area !== undefined);
  const first = usable[0];

  if (first === undefined) {
    const size = bounds !== undefined && isPositiveSize(bounds) ? bounds : defaultSize;
    return { width: Math.round(size.width), height: Math.round(size.height), maximized };
  }

  if (bounds === undefined || !isPositiveSize(bounds)) {
    return centerOn(first, defaultSize, maximized);
  }
  const { x, y } = bounds;
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
    // Never positioned: keep the saved size and center it.
    return centerOn(first, bounds, maximized);
  }

  const rect = { x, y, width: bounds.width, height: bounds.height };
  let best: DisplayArea | undefined;
  let bestArea = 0;
  for (const display of usable) {
    const area = overlapArea(rect, display);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  if (best === undefined) {
    // Off every display (e.g. saved on a monitor that is no longer connected).
    return centerOn(first, defaultSize, maximized);
  }

  const width = clamp(Math.round(rect.width), 1, best.width);
  const height = clamp(Math.round(rect.height), 1, best.height);
  return {
    x: clamp(Math.round(rect.x), best.x, best.x + best.width - width),
    y: clamp(Math.round(rect.y), best.y, best.y + best.height - height),
    width,
    height,
    maximized,
  };
}

/** The whole-pixel rectangle inside `area`, or undefined if it is empty or not finite. */
function innerIntegerArea(area: DisplayArea): DisplayArea | undefined {
  if (![area.x, area.y, area.width, area.height].every(Number.isFinite)) return undefined;
  const x = Math.ceil(area.x);
  const y = Math.ceil(area.y);
  const width = Math.floor(area.x + area.width) - x;
  const height = Math.floor(area.y + area.height) - y;
  return width >= 1 && height >= 1 ? { x, y, width, height } : undefined;
}

function isPositiveSize(size: { width: number; height: number }): boolean {
  return Number.isFinite(size.width) && Number.isFinite(size.height) && size.width >= 1 && size.height >= 1;
}

function centerOn(display: DisplayArea, size: { width: number; height: number }, maximized: boolean): WindowBounds {
  const width = clamp(Math.round(size.width), 1, display.width);
  const height = clamp(Math.round(size.height), 1, display.height);
  return {
    x: display.x + Math.floor((display.width - width) / 2),
    y: display.y + Math.floor((display.height - height) / 2),
    width,
    height,
    maximized,
  };
}

function overlapArea(a: DisplayArea, b: DisplayArea): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
