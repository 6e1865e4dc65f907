/**
 * The pathway diagram's colours, shared by the SVG (Word) and the vector PDF drawing so both look
 * the same. They are the studio's pathway editor colours (renderer/src/features/pathways/pathways.css,
 * light scheme): a document is printed on white whatever the studio's theme. Colour always comes
 * with words (each box says its kind, each category chip says "70 · Experiential").
 */
import type { DiagramTone } from './model';

/** `RRGGBB`, no `#`. */
export const DIAGRAM_TONES: Readonly<Record<DiagramTone, string>> = {
  ink: '1F2328',
  muted: '57606A',
  'pre-assessment': '1971C2',
  core: '3B5BDB',
  'optional-group': '9C36B5',
  'post-assessment': '1971C2',
  capstone: 'A85400',
  milestone: '5C6370',
  'check-in': '5C6370',
  experiential: '1F6F32',
  social: 'C2410C',
  formal: '0B7285',
};

/** Pale backgrounds for category chips (the editor's `--plp-cat-*-bg`); other tones use white. */
export const DIAGRAM_TINTS: Readonly<Partial<Record<DiagramTone, string>>> = {
  experiential: 'EBFBEE',
  social: 'FFF4E6',
  formal: 'E3FAFC',
};

export const DIAGRAM_BOX_FILL = 'FFFFFF';
export const DIAGRAM_BOX_BORDER = 'C9CED8';
/** An optional group's border: the group colour mixed into the step border, as in the editor. */
export const DIAGRAM_GROUP_BORDER = 'C79BD3';
export const DIAGRAM_GROUP_FILL = 'FCF7FD';
export const DIAGRAM_EDGE = '7A8397';
/** Width of the coloured stripe on a box's left side, in points. */
export const DIAGRAM_STRIPE = 3;
export const DIAGRAM_CORNER = 3;
/** Arrowhead length and half-width, in points. */
export const DIAGRAM_ARROW = { length: 5, halfWidth: 2.8 } as const;
/** DejaVu Sans' ascent: a text line's baseline sits this many font sizes below its top. */
export const DIAGRAM_ASCENT = 0.928;

export function toneFill(tone: DiagramTone, fill: 'tint' | 'solid'): string {
  return fill === 'tint' ? (DIAGRAM_TINTS[tone] ?? 'F6F8FA') : DIAGRAM_TONES[tone];
}

/** The polyline with its last segment shortened so the line stops at the arrowhead's base. */
export function shortenForArrow(points: readonly { x: number; y: number }[], length: number): { x: number; y: number }[] {
  const out = points.map((point) => ({ ...point }));
  if (out.length < 2) return out;
  const end = out[out.length - 1]!;
  const before = out[out.length - 2]!;
  const dx = end.x - before.x;
  const dy = end.y - before.y;
  const distance = Math.hypot(dx, dy);
  if (distance <= length) return out;
  out[out.length - 1] = { x: end.x - (dx / distance) * length, y: end.y - (dy / distance) * length };
  return out;
}

/** The arrowhead's three corners: the tip at the polyline's end, pointing along its last segment. */
export function arrowHead(points: readonly { x: number; y: number }[]): [number, number][] | null {
  if (points.length < 2) return null;
  const tip = points[points.length - 1]!;
  let index = points.length - 2;
  while (index > 0 && points[index]!.x === tip.x && points[index]!.y === tip.y) index--;
  const from = points[index]!;
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const distance = Math.hypot(dx, dy);
  if (distance === 0) return null;
  const ux = dx / distance;
  const uy = dy / distance;
  const { length, halfWidth } = DIAGRAM_ARROW;
  const baseX = tip.x - ux * length;
  const baseY = tip.y - uy * length;
  return [
    [tip.x, tip.y],
    [baseX - uy * halfWidth, baseY + ux * halfWidth],
    [baseX + uy * halfWidth, baseY - ux * halfWidth],
  ];
}

/** The left stripe as an SVG path: the box's left edge with its two rounded corners, `DIAGRAM_STRIPE` wide. */
export function stripePath(box: { x: number; y: number; h: number }): string {
  const r = Math.min(DIAGRAM_CORNER, DIAGRAM_STRIPE, box.h / 2);
  const { x, y, h } = box;
  const n = (value: number): string => String(Math.round(value * 100) / 100);
  return `M${n(x + r)} ${n(y)} H${n(x + DIAGRAM_STRIPE)} V${n(y + h)} H${n(x + r)} A${n(r)} ${n(r)} 0 0 1 ${n(x)} ${n(y + h - r)} V${n(y + r)} A${n(r)} ${n(r)} 0 0 1 ${n(x + r)} ${n(y)} Z`;
}
