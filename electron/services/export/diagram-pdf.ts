/**
 * The pathway diagram in a PDF, drawn as vectors with pdfkit: rectangles, lines, arrowheads and
 * real text (selectable and searchable, in the document's embedded DejaVu Sans). The layout comes
 * placed from `shared/documents/pathway-diagram.ts`; this only draws it, scaled down if the block
 * is wider or taller than the room given (it is never split across pages).
 */
import {
  DIAGRAM_ARROW,
  DIAGRAM_BOX_BORDER,
  DIAGRAM_BOX_FILL,
  DIAGRAM_CORNER,
  DIAGRAM_EDGE,
  DIAGRAM_GROUP_BORDER,
  DIAGRAM_GROUP_FILL,
  DIAGRAM_TONES,
  arrowHead,
  shortenForArrow,
  stripePath,
  toneFill,
} from '../../../shared/documents/diagram-style';
import type { DiagramBlock, DiagramSwatch, DiagramText } from '../../../shared/documents/model';
import { cleanLine } from '../../../shared/documents/text';

export interface DiagramFit {
  scale: number;
  width: number;
  height: number;
}

/** The scale (at most 1) at which the diagram fits `maxWidth` × `maxHeight` points. */
export function fitDiagram(block: DiagramBlock, maxWidth: number, maxHeight: number): DiagramFit {
  const scale = Math.min(1, maxWidth / Math.max(1, block.width), maxHeight / Math.max(1, block.height));
  return { scale, width: block.width * scale, height: block.height * scale };
}

export interface DiagramFonts {
  /** Names the document registered its fonts under. */
  regular: string;
  bold: string;
}

/** Draws `block` with its top-left corner at (x, y), scaled by `scale`. */
export function drawDiagram(doc: PDFKit.PDFDocument, block: DiagramBlock, x: number, y: number, scale: number, fonts: DiagramFonts): void {
  doc.save();
  doc.translate(x, y);
  doc.scale(scale);

  doc.lineWidth(0.9).strokeColor(`#${DIAGRAM_EDGE}`).lineJoin('round');
  for (const connector of block.connectors) {
    const points = connector.arrow ? shortenForArrow(connector.points, DIAGRAM_ARROW.length - 0.5) : connector.points;
    if (points.length < 2) continue;
    doc.moveTo(points[0]!.x, points[0]!.y);
    for (const point of points.slice(1)) doc.lineTo(point.x, point.y);
    doc.stroke();
  }
  for (const connector of block.connectors) {
    const head = connector.arrow ? arrowHead(connector.points) : null;
    if (head) doc.polygon(...head).fill(`#${DIAGRAM_EDGE}`);
    if (connector.label) text(doc, connector.label, fonts);
  }

  for (const box of block.boxes) {
    const group = box.kind === 'optional-group';
    doc
      .roundedRect(box.x, box.y, box.w, box.h, DIAGRAM_CORNER)
      .lineWidth(0.8)
      .fillAndStroke(`#${group ? DIAGRAM_GROUP_FILL : DIAGRAM_BOX_FILL}`, `#${group ? DIAGRAM_GROUP_BORDER : DIAGRAM_BOX_BORDER}`);
    doc.path(stripePath(box)).fill(`#${DIAGRAM_TONES[box.kind]}`);
    for (const item of box.swatches) swatch(doc, item);
    for (const item of box.texts) text(doc, item, fonts);
  }

  for (const entry of block.legend) {
    swatch(doc, entry.swatch);
    text(doc, entry.text, fonts);
  }
  doc.restore();
}

function swatch(doc: PDFKit.PDFDocument, item: DiagramSwatch): void {
  doc.roundedRect(item.x, item.y, item.w, item.h, item.fill === 'tint' ? 2 : 1).fill(`#${toneFill(item.tone, item.fill)}`);
}

/** One placed line; shrunk to its allowed width if DejaVu's real glyphs are wider than the layout's estimate. */
function text(doc: PDFKit.PDFDocument, item: DiagramText, fonts: DiagramFonts): void {
  const content = cleanLine(item.text);
  if (content.length === 0) return;
  doc.font(item.bold ? fonts.bold : fonts.regular).fontSize(item.size);
  const width = doc.widthOfString(content);
  if (item.maxWidth > 0 && width > item.maxWidth) doc.fontSize((item.size * item.maxWidth) / width);
  doc.fillColor(`#${DIAGRAM_TONES[item.tone]}`).text(content, item.x, item.y, { lineBreak: false });
}
