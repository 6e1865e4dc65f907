/**
 * DiagramBlock → a standalone SVG document (for Word, which shows SVG and keeps a PNG fallback).
 * Pure string building: every text is escaped, every number is finite, and the font is named
 * "DejaVu Sans" (the rasteriser is handed exactly that font; Word falls back to any sans-serif).
 */
import { DIAGRAM_ARROW, DIAGRAM_ASCENT, DIAGRAM_BOX_BORDER, DIAGRAM_BOX_FILL, DIAGRAM_CORNER, DIAGRAM_EDGE, DIAGRAM_GROUP_BORDER, DIAGRAM_GROUP_FILL, DIAGRAM_TONES, arrowHead, shortenForArrow, stripePath, toneFill } from './diagram-style';
import type { DiagramBlock, DiagramBox, DiagramSwatch, DiagramText } from './model';
import { cleanLine } from './text';

export const DIAGRAM_FONT_FAMILY = 'DejaVu Sans';

/** `&`, `<`, `>` and both quotes as entities: safe in text and in attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!);
}

function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 100) / 100);
}

function text(item: DiagramText): string {
  // No textLength: the layout's width estimate errs wide, so a line fits in DejaVu Sans and in
  // any narrower sans-serif Word may substitute.
  const weight = item.bold ? ' font-weight="bold"' : '';
  return `<text x="${num(item.x)}" y="${num(item.y + item.size * DIAGRAM_ASCENT)}" font-size="${num(item.size)}"${weight} fill="#${DIAGRAM_TONES[item.tone]}">${escapeXml(cleanLine(item.text))}</text>`;
}

function swatch(item: DiagramSwatch): string {
  return `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="${item.fill === 'tint' ? 2 : 1}" fill="#${toneFill(item.tone, item.fill)}"/>`;
}

function box(item: DiagramBox): string {
  const group = item.kind === 'optional-group';
  const parts = [
    `<g>`,
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" rx="${DIAGRAM_CORNER}" fill="#${group ? DIAGRAM_GROUP_FILL : DIAGRAM_BOX_FILL}" stroke="#${group ? DIAGRAM_GROUP_BORDER : DIAGRAM_BOX_BORDER}" stroke-width="0.8"/>`,
    // The kind's stripe down the left side, as on the studio canvas.
    `<path d="${stripePath(item)}" fill="#${DIAGRAM_TONES[item.kind]}"/>`,
    ...item.swatches.map(swatch),
    ...item.texts.map(text),
    `</g>`,
  ];
  return parts.join('');
}

export function diagramSvg(block: DiagramBlock): string {
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(block.width)}pt" height="${num(block.height)}pt" viewBox="0 0 ${num(block.width)} ${num(block.height)}" font-family="${DIAGRAM_FONT_FAMILY}, sans-serif" role="img">`,
  );
  out.push(`<title>${escapeXml(cleanLine(block.caption ?? 'Pathway diagram'))}</title>`);
  out.push(`<desc>${escapeXml(cleanLine(block.description))}</desc>`);
  out.push(`<rect width="${num(block.width)}" height="${num(block.height)}" fill="#FFFFFF"/>`);
  out.push(`<g fill="none" stroke="#${DIAGRAM_EDGE}" stroke-width="0.9" stroke-linejoin="round">`);
  for (const connector of block.connectors) {
    const points = connector.arrow ? shortenForArrow(connector.points, DIAGRAM_ARROW.length - 0.5) : connector.points;
    if (points.length >= 2) out.push(`<polyline points="${points.map((point) => `${num(point.x)},${num(point.y)}`).join(' ')}"/>`);
  }
  out.push(`</g>`);
  for (const connector of block.connectors) {
    const head = connector.arrow ? arrowHead(connector.points) : null;
    if (head) out.push(`<polygon points="${head.map(([x, y]) => `${num(x)},${num(y)}`).join(' ')}" fill="#${DIAGRAM_EDGE}"/>`);
    if (connector.label) out.push(text(connector.label));
  }
  for (const item of block.boxes) out.push(box(item));
  for (const entry of block.legend) out.push(swatch(entry.swatch), text(entry.text));
  out.push(`</svg>`);
  return out.join('\n');
}
