/**
 * Pure geometry for the editor: aligning and distributing steps, finding the step to go to with
 * the keyboard, where a paste lands. Positions are top-left corners in canvas coordinates;
 * sizes default to the nominal step size until React Flow has measured a step.
 */
import type { PathwayNode } from '../../../../shared/domain/schema';

export type Point = { x: number; y: number };
export type Size = { width: number; height: number };

/** The width every step is drawn at (pathways.css) and the height of a simple step. */
export const STEP_WIDTH = 248;
export const STEP_HEIGHT = 104;

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxesOf(nodes: readonly PathwayNode[], sizes: ReadonlyMap<string, Size>, ids?: ReadonlySet<string>): Box[] {
  const boxes: Box[] = [];
  for (const node of nodes) {
    if (ids && !ids.has(node.id)) continue;
    const size = sizes.get(node.id);
    boxes.push({ id: node.id, x: node.position.x, y: node.position.y, width: size?.width ?? STEP_WIDTH, height: size?.height ?? STEP_HEIGHT });
  }
  return boxes;
}

export const ALIGNMENTS = ['left', 'center', 'right', 'top', 'middle', 'bottom', 'distribute-horizontal', 'distribute-vertical'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

export const ALIGNMENT_LABEL: Record<Alignment, string> = {
  left: 'Align left edges',
  center: 'Align centres vertically',
  right: 'Align right edges',
  top: 'Align top edges',
  middle: 'Align middles horizontally',
  bottom: 'Align bottom edges',
  'distribute-horizontal': 'Distribute horizontally',
  'distribute-vertical': 'Distribute vertically',
};

/**
 * New positions for `boxes` (only the ones that move). Aligning needs 2 boxes, distributing 3:
 * the outermost stay put and the gaps between the others become equal.
 */
export function align(boxes: readonly Box[], alignment: Alignment): Map<string, Point> {
  const moved = new Map<string, Point>();
  const set = (box: Box, x: number, y: number) => {
    if (x !== box.x || y !== box.y) moved.set(box.id, { x, y });
  };
  if (alignment.startsWith('distribute')) {
    if (boxes.length < 3) return moved;
    const horizontal = alignment === 'distribute-horizontal';
    const sorted = [...boxes].sort((a, b) => (horizontal ? a.x - b.x : a.y - b.y));
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    const span = horizontal ? last.x + last.width - first.x : last.y + last.height - first.y;
    const occupied = sorted.reduce((sum, box) => sum + (horizontal ? box.width : box.height), 0);
    const gap = (span - occupied) / (sorted.length - 1);
    let cursor = horizontal ? first.x : first.y;
    for (const box of sorted) {
      if (horizontal) set(box, Math.round(cursor), box.y);
      else set(box, box.x, Math.round(cursor));
      cursor += (horizontal ? box.width : box.height) + gap;
    }
    return moved;
  }
  if (boxes.length < 2) return moved;
  const left = Math.min(...boxes.map((box) => box.x));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const top = Math.min(...boxes.map((box) => box.y));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  for (const box of boxes) {
    switch (alignment) {
      case 'left':
        set(box, left, box.y);
        break;
      case 'right':
        set(box, right - box.width, box.y);
        break;
      case 'center':
        set(box, Math.round((left + right) / 2 - box.width / 2), box.y);
        break;
      case 'top':
        set(box, box.x, top);
        break;
      case 'bottom':
        set(box, box.x, bottom - box.height);
        break;
      case 'middle':
        set(box, box.x, Math.round((top + bottom) / 2 - box.height / 2));
        break;
    }
  }
  return moved;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The step to go to from `fromId` in a direction: the nearest one whose centre lies that way,
 * preferring steps in line (a step straight ahead beats a closer one off to the side).
 */
export function nearestInDirection(boxes: readonly Box[], fromId: string, direction: Direction): string | null {
  const from = boxes.find((box) => box.id === fromId);
  if (!from) return null;
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const box of boxes) {
    if (box.id === fromId) continue;
    const dx = box.x + box.width / 2 - cx;
    const dy = box.y + box.height / 2 - cy;
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0.5) continue;
    const score = along + across * 2.5;
    if (score < bestScore) {
      bestScore = score;
      best = box.id;
    }
  }
  return best;
}

/** The first step in reading order (leftmost, then topmost): where keyboard navigation starts. */
export function firstInReadingOrder(boxes: readonly Box[]): string | null {
  let best: Box | null = null;
  for (const box of boxes) if (!best || box.x < best.x || (box.x === best.x && box.y < best.y)) best = box;
  return best?.id ?? null;
}

export function boundsOf(points: readonly Point[]): { x: number; y: number; width: number; height: number } | null {
  if (points.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    minY = Math.min(minY, point.y);
    maxX = Math.max(maxX, point.x);
    maxY = Math.max(maxY, point.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export const PASTE_STEP = 40;

/**
 * Where pasted steps go: back into the framework they came from, each paste a little further
 * down and right of the originals; into another framework, centred where the user is looking.
 */
export function pasteOffset(fragment: readonly Point[], options: { sameFramework: boolean; pastes: number; viewCentre: Point }): Point {
  if (options.sameFramework) {
    const shift = PASTE_STEP * (options.pastes + 1);
    return { x: shift, y: shift };
  }
  const bounds = boundsOf(fragment);
  if (!bounds) return { x: 0, y: 0 };
  return {
    x: Math.round(options.viewCentre.x - (bounds.x + (bounds.width + STEP_WIDTH) / 2)),
    y: Math.round(options.viewCentre.y - (bounds.y + (bounds.height + STEP_HEIGHT) / 2)),
  };
}
