import { describe, expect, it } from 'vitest';
import { align, boxesOf, firstInReadingOrder, nearestInDirection, pasteOffset, PASTE_STEP, STEP_HEIGHT, STEP_WIDTH, type Box } from '../../../renderer/src/features/pathways/geometry';
import { framework } from './fixtures';

const box = (id: string, x: number, y: number, width = 100, height = 50): Box => ({ id, x, y, width, height });

describe('align', () => {
  const boxes = [box('a', 0, 0), box('b', 40, 100, 200, 80), box('c', 300, 30, 60)];

  it('aligns edges and centres, and returns only the boxes that move', () => {
    expect(align(boxes, 'left')).toEqual(new Map([['b', { x: 0, y: 100 }], ['c', { x: 0, y: 30 }]]));
    expect(align(boxes, 'right')).toEqual(new Map([['a', { x: 260, y: 0 }], ['b', { x: 160, y: 100 }]]));
    expect(align(boxes, 'top')).toEqual(new Map([['b', { x: 40, y: 0 }], ['c', { x: 300, y: 0 }]]));
    expect(align(boxes, 'bottom')).toEqual(new Map([['a', { x: 0, y: 130 }], ['c', { x: 300, y: 130 }]]));
    // Centre of the whole selection's span: (0 + 360) / 2 = 180.
    expect(align(boxes, 'center').get('a')).toEqual({ x: 130, y: 0 });
    expect(align(boxes, 'middle').get('b')).toEqual({ x: 40, y: 50 });
  });

  it('distributes the inner boxes with equal gaps, the outer ones staying put', () => {
    const row = [box('a', 0, 0), box('b', 130, 0), box('c', 500, 0)];
    const moved = align(row, 'distribute-horizontal');
    // Span 0..600, 300 occupied, two gaps of 150: b goes to 100 + 150.
    expect(moved).toEqual(new Map([['b', { x: 250, y: 0 }]]));
    const column = [box('a', 0, 0), box('b', 0, 70), box('c', 0, 400), box('d', 0, 10)];
    const vertical = align(column, 'distribute-vertical');
    expect(vertical.has('a')).toBe(false);
    expect(vertical.has('c')).toBe(false);
  });

  it('needs two boxes to align and three to distribute', () => {
    expect(align([box('a', 0, 0)], 'left').size).toBe(0);
    expect(align([box('a', 0, 0), box('b', 50, 50)], 'distribute-horizontal').size).toBe(0);
  });
});

describe('keyboard navigation between steps', () => {
  //   a   b   c
  //       d
  const grid = [box('a', 0, 0), box('b', 300, 0), box('c', 600, 10), box('d', 290, 200)];

  it('goes to the nearest step that way, preferring steps in line', () => {
    expect(nearestInDirection(grid, 'a', 'right')).toBe('b');
    expect(nearestInDirection(grid, 'b', 'right')).toBe('c');
    expect(nearestInDirection(grid, 'b', 'down')).toBe('d');
    expect(nearestInDirection(grid, 'd', 'up')).toBe('b');
    expect(nearestInDirection(grid, 'b', 'left')).toBe('a');
    expect(nearestInDirection(grid, 'c', 'right')).toBeNull();
    expect(nearestInDirection(grid, 'ghost', 'right')).toBeNull();
  });

  it('starts at the leftmost, topmost step', () => {
    expect(firstInReadingOrder(grid)).toBe('a');
    expect(firstInReadingOrder([])).toBeNull();
  });
});

describe('paste placement', () => {
  it('cascades pastes into the same framework', () => {
    expect(pasteOffset([{ x: 0, y: 0 }], { sameFramework: true, pastes: 0, viewCentre: { x: 999, y: 999 } })).toEqual({ x: PASTE_STEP, y: PASTE_STEP });
    expect(pasteOffset([{ x: 0, y: 0 }], { sameFramework: true, pastes: 2, viewCentre: { x: 999, y: 999 } })).toEqual({ x: 3 * PASTE_STEP, y: 3 * PASTE_STEP });
  });

  it('centres a paste into another framework on the view', () => {
    const offset = pasteOffset(
      [
        { x: 1000, y: 500 },
        { x: 1300, y: 500 },
      ],
      { sameFramework: false, pastes: 0, viewCentre: { x: 0, y: 0 } },
    );
    // The fragment spans 1000..(1300 + STEP_WIDTH) × 500..(500 + STEP_HEIGHT); its centre lands on (0, 0).
    expect(offset).toEqual({ x: Math.round(-(1000 + (300 + STEP_WIDTH) / 2)), y: Math.round(-(500 + STEP_HEIGHT / 2)) });
  });
});

describe('boxes', () => {
  it('uses measured sizes, and the nominal step size until a step is measured', () => {
    const boxes = boxesOf(framework().nodes, new Map([['pre', { width: 250, height: 120 }]]), new Set(['pre', 'core']));
    expect(boxes).toEqual([
      { id: 'pre', x: 0, y: 0, width: 250, height: 120 },
      { id: 'core', x: 300, y: 0, width: STEP_WIDTH, height: STEP_HEIGHT },
    ]);
  });
});
