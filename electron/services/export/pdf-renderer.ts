/**
 * DocumentModel → PDF with pdfkit and DejaVu Sans.
 *
 * Layout is done here rather than by pdfkit's text flow: every line is measured and placed by this
 * file, so tables can break between lines of a cell with their header repeated, headings never
 * sit alone at the foot of a page, and nothing is ever drawn past the bottom margin. Text stays
 * real text (selectable, searchable); links are clickable only for http, https and mailto.
 *
 * `createPdfRenderer()` reads and parses the fonts once; render as many documents with it as you
 * like (one per cohort export).
 */
import PDFDocument from 'pdfkit';
import type {
  Block,
  BulletListBlock,
  Cover,
  DocumentModel,
  KeyValueBlock,
  ParagraphBlock,
  Runs,
  SignOffBlock,
  TableBlock,
  TableCell,
  TimelineBarKind,
  TimelineBlock,
} from '../../../shared/documents/model';
import { BAR_KIND_LABELS } from '../../../shared/documents/labels';
import { cleanLine, cleanText, monthLabel, readableOnWhite, safeLink, shade, textOn, timelineBarColor, tint } from '../../../shared/documents/text';
import type { DocumentFont } from '../../../shared/documents/options';
import { drawDiagram, fitDiagram } from './diagram-pdf';
import { FONT_FACES, parseFonts, readDejaVuFonts, type FontBytes, type FontFace, type FontSources } from './fonts';
import { INK, MUTED, RULE, ZEBRA, ALERT, GOOD } from '../../../shared/documents/ink';

export interface PdfRenderer {
  render(model: DocumentModel): Promise<Uint8Array>;
}

export interface PdfRendererOptions {
  /** Font bytes to use instead of reading DejaVu Sans from disk (tests, custom fonts). */
  fonts?: FontBytes;
  /** The same for documents whose theme asks for the serif font (else DejaVu Serif). */
  serifFonts?: FontBytes;
  /** Parse the fonts once for every document (default). `false` hands pdfkit the bytes each time: only for benchmarks. */
  parse?: boolean;
}

export async function createPdfRenderer(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
  // Each family is read and parsed once per renderer (one per batch), the serif one only when a
  // document asks for it; each has its own layout caches, since shaping depends on the font.
  const families = new Map<DocumentFont, Promise<{ sources: FontSources; layouts: LayoutCaches | null }>>();
  const family = (font: DocumentFont): Promise<{ sources: FontSources; layouts: LayoutCaches | null }> => {
    let loaded = families.get(font);
    if (!loaded) {
      const given = font === 'serif' ? options.serifFonts : options.fonts;
      loaded = (given ? Promise.resolve(given) : readDejaVuFonts(font)).then((bytes) => ({
        sources: options.parse === false ? bytes : parseFonts(bytes),
        layouts: options.parse === false ? null : new LayoutCaches(),
      }));
      families.set(font, loaded);
    }
    return loaded;
  };
  await family('sans');
  return {
    render: async (model) => {
      const { sources, layouts } = await family(model.theme.font === 'serif' ? 'serif' : 'sans');
      return renderPdf(model, sources, layouts);
    },
  };
}

/**
 * pdfkit lays out (shapes) every word with fontkit and caches the result per document. The result
 * depends only on the font and the word, so a batch shares one cache per face: the second plan of
 * a cohort shapes only the words the first did not have. Bounded, and reset when it grows large.
 */
class LayoutCaches {
  private static readonly MAX_ENTRIES = 60_000;
  private caches = new Map<FontFace, Record<string, unknown>>();
  private entries = 0;
  /** Widths of measured strings by face, size and text: also the same from one document to the next. */
  readonly widths = new Map<string, number>();

  /** Swaps the document's own cache for the shared one, when pdfkit's font has the expected shape. */
  adopt(doc: PDFKit.PDFDocument, face: FontFace): void {
    const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
    if (!font || typeof font.layoutCache !== 'object' || font.layoutCache === null) return;
    let shared = this.caches.get(face);
    if (!shared) this.caches.set(face, (shared = Object.create(null) as Record<string, unknown>));
    if (font.layoutCache === shared) return;
    font.layoutCache = shared;
  }

  /** Called between documents. */
  trim(): void {
    this.entries = 0;
    for (const cache of this.caches.values()) this.entries += Object.keys(cache).length;
    if (this.entries > LayoutCaches.MAX_ENTRIES) this.caches.clear();
    if (this.widths.size > LayoutCaches.MAX_ENTRIES) this.widths.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// Page geometry and styles (points; A4 portrait)

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN_X = 56;
const MARGIN_TOP = 58;
const MARGIN_BOTTOM = 66;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN_BOTTOM;


const BODY_SIZE = 9.5;
const BODY_LEADING = 13.6;
const TABLE_SIZE = 8.3;
const TABLE_LEADING = 11.2;
const NOTE_SIZE = 8.3;
const NOTE_LEADING = 11.4;

const BREAK_AFTER = new Set(['/', '.', '-', '_', '?', '&', '=', '@', '–', '—', ',', ';']);

const FONT_NAMES: Readonly<Record<FontFace, string>> = { regular: 'plp-regular', bold: 'plp-bold', italic: 'plp-italic', boldItalic: 'plp-bold-italic' };

interface Style {
  face: FontFace;
  size: number;
  color: string;
  link?: string;
}

interface Segment extends Style {
  text: string;
  width: number;
}

interface Line {
  segments: Segment[];
  width: number;
}

interface Palette {
  accent: string;
  /** The accent darkened until it reads as text on white. */
  accentText: string;
  onAccent: string;
  accentTint: string;
  /** `modern`: white cover with an accent side bar, dark headings with an accent mark, open tables. */
  modern: boolean;
}

// ---------------------------------------------------------------------------------------------

async function renderPdf(model: DocumentModel, fonts: FontSources, layouts: LayoutCaches | null): Promise<Uint8Array> {
  layouts?.trim();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X },
    bufferPages: true,
    autoFirstPage: false,
    lang: model.meta.language,
    displayTitle: true,
    pdfVersion: '1.7',
    font: null as unknown as string, // no Helvetica: every face is registered below
    info: {
      Title: cleanLine(model.meta.title),
      Author: cleanLine(model.meta.author),
      Subject: cleanLine(model.meta.subject),
      Keywords: model.meta.keywords.map(cleanLine).join(', '),
      Creator: 'PLP Studio',
      Producer: 'PLP Studio',
      CreationDate: creationDate(model.meta.createdOn),
    },
  });
  for (const face of FONT_FACES) doc.registerFont(FONT_NAMES[face], fonts[face] as unknown as Uint8Array);
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    new PdfWriter(doc, model, layouts).write();
  } catch (error) {
    doc.end();
    await done.catch(() => undefined);
    throw error;
  }
  doc.end();
  return done;
}

function creationDate(isoDate: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

class PdfWriter {
  private y = MARGIN_TOP;
  private readonly palette: Palette;
  private readonly widths: Map<string, number>;
  /** Pages (0-based) that carry no running footer: the cover. */
  private readonly bare = new Set<number>();
  private pageCount = 0;

  private readonly adopted = new Set<FontFace>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: DocumentModel,
    private readonly layouts: LayoutCaches | null = null,
  ) {
    this.widths = layouts?.widths ?? new Map();
    const accent = model.theme.accentColor;
    this.palette = { accent, accentText: readableOnWhite(accent), onAccent: textOn(accent), accentTint: tint(accent, 0.9), modern: model.theme.template === 'modern' };
  }

  write(): void {
    this.newPage();
    const { cover } = this.model;
    if (cover?.layout === 'page') {
      if (this.palette.modern) this.modernCoverPage(cover);
      else this.coverPage(cover);
    } else if (cover) {
      if (this.palette.modern) this.modernBanner(cover);
      else this.banner(cover);
    }
    this.model.sections.forEach((section, index) => {
      if (index > 0 || cover?.layout === 'banner') this.y += 4;
      this.heading(1, section.title);
      for (const block of section.blocks) this.block(block);
    });
    this.footers();
  }

  // -------------------------------------------------------------------------------------------
  // Pages

  private newPage(): void {
    this.doc.addPage({ size: 'A4', margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_X, right: MARGIN_X } });
    this.pageCount += 1;
    this.y = MARGIN_TOP;
  }

  private room(): number {
    return CONTENT_BOTTOM - this.y;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  private ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM && this.y > MARGIN_TOP + 0.5) this.newPage();
  }

  private footers(): void {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    for (let index = 0; index < total; index++) {
      this.doc.switchToPage(range.start + index);
      const y = PAGE_HEIGHT - MARGIN_BOTTOM + 24;
      const pageLabel = `Page ${index + 1} of ${total}`;
      const labelWidth = this.measure(pageLabel, { face: 'regular', size: 7.5, color: MUTED });
      if (!this.bare.has(index)) {
        this.doc.moveTo(MARGIN_X, y - 7).lineTo(PAGE_WIDTH - MARGIN_X, y - 7).lineWidth(0.5).strokeColor(RULE).stroke();
        const footer = this.truncate(cleanLine(this.model.footer), { face: 'regular', size: 7.5, color: MUTED }, CONTENT_WIDTH - labelWidth - 24);
        this.drawText(footer, MARGIN_X, y, { face: 'regular', size: 7.5, color: MUTED });
      }
      this.drawText(pageLabel, PAGE_WIDTH - MARGIN_X - labelWidth, y, { face: 'regular', size: 7.5, color: MUTED });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Text primitives

  private font(style: Pick<Style, 'face' | 'size'>): void {
    this.doc.font(FONT_NAMES[style.face]).fontSize(style.size);
    if (this.layouts && !this.adopted.has(style.face)) {
      this.adopted.add(style.face);
      this.layouts.adopt(this.doc, style.face);
    }
  }

  private measure(text: string, style: { face: FontFace; size: number; color?: string }): number {
    const key = `${style.face}|${style.size}|${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      this.font(style);
      width = this.doc.widthOfString(text);
      this.widths.set(key, width);
    }
    return width;
  }

  private drawText(text: string, x: number, y: number, style: Style): void {
    if (text.length === 0) return;
    this.font(style);
    this.doc.fillColor(`#${style.color}`);
    const link = style.link ? safeLink(style.link) : null;
    this.doc.text(text, x, y, link ? { lineBreak: false, link, underline: true } : { lineBreak: false });
  }

  private truncate(text: string, style: Style, width: number): string {
    if (this.measure(text, style) <= width) return text;
    const chars = Array.from(text);
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.measure(`${chars.slice(0, mid).join('').trimEnd()}…`, style) <= width) low = mid;
      else high = mid - 1;
    }
    return `${chars.slice(0, low).join('').trimEnd()}…`;
  }

  /** Breaks styled runs into lines no wider than `width`; words longer than a line are split. */
  private layout(runs: readonly { text: string; style: Style }[], width: number): Line[] {
    const lines: Line[] = [];
    let current: Segment[] = [];
    let currentWidth = 0;
    let pendingSpace: Style | null = null;

    const push = (text: string, style: Style, textWidth: number): void => {
      const last = current[current.length - 1];
      if (last && last.face === style.face && last.size === style.size && last.color === style.color && last.link === style.link) {
        last.text += text;
        last.width += textWidth;
      } else {
        current.push({ ...style, text, width: textWidth });
      }
      currentWidth += textWidth;
    };
    const flush = (): void => {
      lines.push({ segments: current, width: currentWidth });
      current = [];
      currentWidth = 0;
      pendingSpace = null;
    };

    for (const run of runs) {
      const pieces = cleanText(run.text).replace(/\t/g, ' ').split('\n');
      pieces.forEach((piece, pieceIndex) => {
        if (pieceIndex > 0) flush();
        for (const token of piece.split(/( +)/)) {
          if (token.length === 0) continue;
          if (token.startsWith(' ')) {
            if (current.length > 0) pendingSpace = run.style;
            continue;
          }
          const tokenWidth = this.measure(token, run.style);
          const space: Style | null = pendingSpace;
          const spaceWidth = space ? this.measure(' ', space) : 0;
          if (current.length > 0 && currentWidth + spaceWidth + tokenWidth <= width) {
            if (space) push(' ', space, spaceWidth);
            push(token, run.style, tokenWidth);
          } else {
            if (current.length > 0) flush();
            if (tokenWidth <= width) push(token, run.style, tokenWidth);
            else this.splitWord(token, run.style, width, push, flush, () => currentWidth);
          }
          pendingSpace = null;
        }
      });
    }
    if (current.length > 0 || lines.length === 0) flush();
    return lines;
  }

  private splitWord(
    word: string,
    style: Style,
    width: number,
    push: (text: string, style: Style, width: number) => void,
    flush: () => void,
    currentWidth: () => number,
  ): void {
    // Prefer to break after a separator (URLs, paths, compound words), else anywhere.
    let chars: { char: string; width: number }[] = [];
    let chunkWidth = 0;
    for (const char of word) {
      const charWidth = this.measure(char, style);
      if (chars.length > 0 && currentWidth() + chunkWidth + charWidth > width) {
        let cut = chars.length;
        for (let index = chars.length - 1; index > chars.length / 3; index--) {
          if (BREAK_AFTER.has(chars[index]!.char)) {
            cut = index + 1;
            break;
          }
        }
        const head = chars.slice(0, cut);
        push(head.map((entry) => entry.char).join(''), style, head.reduce((sum, entry) => sum + entry.width, 0));
        flush();
        chars = chars.slice(cut);
        chunkWidth = chars.reduce((sum, entry) => sum + entry.width, 0);
      }
      chars.push({ char, width: charWidth });
      chunkWidth += charWidth;
    }
    if (chars.length > 0) push(chars.map((entry) => entry.char).join(''), style, chunkWidth);
  }

  private drawLine(line: Line, x: number, y: number, width: number, align: 'left' | 'right' | 'center' = 'left'): void {
    let cursor = x + (align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0);
    for (const segment of line.segments) {
      this.drawText(segment.text, cursor, y, segment);
      cursor += segment.width;
    }
  }

  private styled(runs: Runs, base: Style): { text: string; style: Style }[] {
    return runs.map((run) => {
      const face: FontFace = run.bold || base.face === 'bold' ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : base.face;
      const link = run.link ? safeLink(run.link) : null;
      const color = link ? this.palette.accentText : run.tone === 'muted' ? MUTED : run.tone === 'accent' ? this.palette.accentText : base.color;
      return { text: run.text, style: link ? { face, size: base.size, color, link } : { face, size: base.size, color } };
    });
  }

  /** Lines that may break across pages (paragraphs, list items). */
  private flow(lines: readonly Line[], x: number, width: number, leading: number, onFirstLine?: (y: number) => void): void {
    // Short paragraphs stay together; long ones leave at least two lines on either page.
    if (lines.length <= 4) this.ensure(lines.length * leading);
    else this.ensure(2 * leading);
    lines.forEach((line, index) => {
      if (lines.length > 4 && index === lines.length - 2) this.ensure(2 * leading);
      this.ensure(leading);
      if (index === 0) onFirstLine?.(this.y);
      this.drawLine(line, x, this.y, width);
      this.y += leading;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  private block(block: Block): void {
    switch (block.type) {
      case 'heading':
        this.heading(block.level, block.text);
        return;
      case 'paragraph':
        this.paragraph(block);
        return;
      case 'bullets':
        this.bullets(block);
        return;
      case 'table':
        this.table(block);
        return;
      case 'key-value':
        this.keyValue(block);
        return;
      case 'timeline':
        this.timeline(block);
        return;
      case 'diagram': {
        // Whole on one page with its heading: scaled to the text width and a page's height (less room for heading and caption).
        const headingRoom = block.heading ? 34 : 0;
        const fit = fitDiagram(block, CONTENT_WIDTH, CONTENT_BOTTOM - MARGIN_TOP - 30 - headingRoom);
        this.ensure(fit.height + (block.caption ? 30 : 10) + headingRoom);
        if (block.heading) this.heading(2, block.heading);
        drawDiagram(this.doc, block, MARGIN_X + (CONTENT_WIDTH - fit.width) / 2, this.y, fit.scale, { regular: FONT_NAMES.regular, bold: FONT_NAMES.bold });
        this.y += fit.height + 6;
        if (block.caption) this.paragraph({ type: 'paragraph', runs: [{ text: block.caption }], style: 'note' });
        return;
      }
      case 'sign-off':
        this.signOff(block);
        return;
      case 'page-break':
        if (this.y > MARGIN_TOP + 0.5) this.newPage();
        return;
    }
  }

  private heading(level: 1 | 2 | 3, text: string): void {
    const { modern } = this.palette;
    const size = level === 1 ? (modern ? 17 : 15) : level === 2 ? 11.2 : 9.8;
    const leading = level === 1 ? (modern ? 22 : 20) : level === 2 ? 15 : 13.5;
    const before = level === 1 ? (modern ? 20 : 16) : level === 2 ? 10 : 7;
    const after = level === 1 ? 9 : level === 2 ? 4 : 3;
    const color = level === 1 ? (modern ? INK : this.palette.accentText) : level === 2 && modern ? this.palette.accentText : INK;
    const style: Style = { face: 'bold', size, color };
    // Modern: a bar in the accent colour to the left of a level-1 heading, the text indented past it.
    const indent = level === 1 && modern ? 13 : 0;
    const lines = this.layout([{ text: cleanLine(text), style }], CONTENT_WIDTH - indent);
    const height = lines.length * leading + after + (level === 1 ? 6 : 0);
    // Keep with what follows: a heading never ends a page.
    const atTop = this.y <= MARGIN_TOP + 0.5;
    if (!atTop) this.y += before;
    this.ensure(height + 60);
    const top = this.y;
    if (indent > 0) this.doc.rect(MARGIN_X, this.y - 1, 4, lines.length * leading - 2).fill(`#${this.palette.accent}`);
    for (const line of lines) {
      this.drawLine(line, MARGIN_X + indent, this.y, CONTENT_WIDTH - indent);
      this.y += leading;
    }
    if (level === 1) {
      if (!modern) this.doc.rect(MARGIN_X, this.y, 28, 2.2).fill(`#${this.palette.accent}`);
      this.y += modern ? 2 : 6;
      try {
        this.doc.outline.addItem(cleanLine(text), { top } as never);
      } catch {
        // An outline entry is a convenience; the document is complete without it.
      }
    }
    this.y += after;
  }

  private paragraph(block: ParagraphBlock): void {
    const size = block.style === 'lead' ? 11 : block.style === 'note' ? NOTE_SIZE : BODY_SIZE;
    const leading = block.style === 'lead' ? 15.5 : block.style === 'note' ? NOTE_LEADING : BODY_LEADING;
    const color = block.style === 'note' ? MUTED : INK;
    const lines = this.layout(this.styled(block.runs, { face: 'regular', size, color }), CONTENT_WIDTH);
    this.flow(lines, MARGIN_X, CONTENT_WIDTH, leading);
    this.y += block.style === 'note' ? 5 : 6;
  }

  private bullets(block: BulletListBlock): void {
    const indent = block.ordered ? 18 : 13;
    const width = CONTENT_WIDTH - indent;
    block.items.forEach((item, index) => {
      const lines = this.layout(this.styled(item, { face: 'regular', size: BODY_SIZE, color: INK }), width);
      const marker = block.ordered ? `${index + 1}.` : '•';
      const markerStyle: Style = { face: block.ordered ? 'bold' : 'regular', size: BODY_SIZE, color: this.palette.accentText };
      this.flow(lines, MARGIN_X + indent, width, BODY_LEADING, (y) => {
        const markerWidth = this.measure(marker, markerStyle);
        this.drawText(marker, MARGIN_X + indent - 6 - markerWidth, y, markerStyle);
      });
      this.y += 3.5;
    });
    this.y += 4;
  }

  // -------------------------------------------------------------------------------------------
  // Tables and key-value grids

  private cellStyle(cell: TableCell, size: number): Style {
    switch (cell.tone) {
      case 'strong':
        return { face: 'bold', size, color: INK };
      case 'muted':
        return { face: 'regular', size, color: MUTED };
      case 'alert':
        return { face: 'bold', size, color: ALERT };
      case 'good':
        return { face: 'bold', size, color: GOOD };
      default:
        return { face: 'regular', size, color: INK };
    }
  }

  /** A cell's lines, with the gap to leave before each (paragraphs inside a cell). */
  private cellLines(cell: TableCell, width: number, size: number): { line: Line; gap: number }[] {
    const out: { line: Line; gap: number }[] = [];
    cell.lines.forEach((runs, index) => {
      const lines = this.layout(this.styled(runs, this.cellStyle(cell, size)), width);
      lines.forEach((line, lineIndex) => out.push({ line, gap: index > 0 && lineIndex === 0 ? 2.5 : 0 }));
    });
    return out;
  }

  private table(block: TableBlock): void {
    const total = block.columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || block.columns.length;
    const widths = block.columns.map((column) => (Math.max(column.width, 0) / total) * CONTENT_WIDTH);
    const aligns = block.columns.map((column) => column.align ?? 'left');
    const padX = 5;
    const padY = 4.2;
    const header: TableCell[] = block.columns.map((column) => ({ lines: [[{ text: column.header }]], tone: 'strong' }));
    const { modern } = this.palette;
    const headerStyle: Style = { face: 'bold', size: TABLE_SIZE, color: modern ? this.palette.accentText : this.palette.onAccent };
    const headerLines = header.map((cell, index) => this.layout(this.styled(cell.lines[0] ?? [], headerStyle), widths[index]! - 2 * padX));
    const headerHeight = Math.max(...headerLines.map((lines) => lines.length)) * TABLE_LEADING + 2 * padY;

    const drawHeader = (): void => {
      if (modern) this.doc.rect(MARGIN_X, this.y + headerHeight - 1.6, CONTENT_WIDTH, 1.6).fill(`#${this.palette.accent}`);
      else this.doc.rect(MARGIN_X, this.y, CONTENT_WIDTH, headerHeight).fill(`#${this.palette.accent}`);
      let x = MARGIN_X;
      headerLines.forEach((lines, index) => {
        lines.forEach((line, lineIndex) => this.drawLine(line, x + padX, this.y + padY + lineIndex * TABLE_LEADING, widths[index]! - 2 * padX, aligns[index]));
        x += widths[index]!;
      });
      this.y += headerHeight;
    };

    if (block.caption) {
      this.ensure(NOTE_LEADING + headerHeight + 3 * TABLE_LEADING);
      this.flow(this.layout([{ text: block.caption, style: { face: 'bold', size: NOTE_SIZE, color: MUTED } }], CONTENT_WIDTH), MARGIN_X, CONTENT_WIDTH, NOTE_LEADING);
      this.y += 2;
    }
    this.ensure(headerHeight + TABLE_LEADING * 2 + 2 * padY);
    drawHeader();

    block.rows.forEach((row, rowIndex) => {
      const cells = block.columns.map((_, index) => this.cellLines(row[index] ?? { lines: [[{ text: '' }]] }, widths[index]! - 2 * padX, TABLE_SIZE));
      const heightOf = (lines: { gap: number }[]): number => lines.reduce((sum, line) => sum + line.gap + TABLE_LEADING, 0);
      const fullHeight = Math.max(...cells.map(heightOf)) + 2 * padY;
      const fresh = CONTENT_BOTTOM - MARGIN_TOP - headerHeight;
      if (fullHeight > this.room() && fullHeight <= fresh) {
        this.newPage();
        drawHeader();
      }
      const remaining = cells.map((lines) => [...lines]);
      let first = true;
      let freshPage = false;
      while (first || remaining.some((lines) => lines.length > 0)) {
        const available = this.room() - 2 * padY;
        // Take, per cell, the lines that fit in what is left of the page.
        const taken = remaining.map((lines) => {
          let used = 0;
          let count = 0;
          for (const line of lines) {
            const height = (count === 0 ? 0 : line.gap) + TABLE_LEADING;
            if (used + height > available) break;
            used += height;
            count += 1;
          }
          return freshPage && count === 0 && lines.length > 0 ? 1 : count;
        });
        const stuck = remaining.some((lines, index) => lines.length > 0 && taken[index] === 0);
        if (stuck) {
          this.newPage();
          drawHeader();
          freshPage = true;
          continue;
        }
        const fragments = remaining.map((lines, index) => lines.splice(0, taken[index]!));
        const height = Math.max(0, ...fragments.map((lines) => lines.reduce((sum, line, index) => sum + (index === 0 ? 0 : line.gap) + TABLE_LEADING, 0))) + 2 * padY;
        if (rowIndex % 2 === 1 && !modern) this.doc.rect(MARGIN_X, this.y, CONTENT_WIDTH, height).fill(`#${ZEBRA}`);
        let x = MARGIN_X;
        fragments.forEach((lines, index) => {
          let y = this.y + padY;
          lines.forEach((entry, lineIndex) => {
            if (lineIndex > 0) y += entry.gap;
            this.drawLine(entry.line, x + padX, y, widths[index]! - 2 * padX, aligns[index]);
            y += TABLE_LEADING;
          });
          x += widths[index]!;
        });
        this.y += height;
        this.doc.moveTo(MARGIN_X, this.y).lineTo(MARGIN_X + CONTENT_WIDTH, this.y).lineWidth(0.5).strokeColor(`#${RULE}`).stroke();
        first = false;
        freshPage = false;
        if (remaining.some((lines) => lines.length > 0)) {
          this.newPage();
          drawHeader();
          freshPage = true;
        }
      }
    });
    this.y += 10;
  }

  private keyValue(block: KeyValueBlock): void {
    if (block.entries.length === 0) return;
    const keyWidth = Math.min(150, CONTENT_WIDTH * 0.3);
    const valueWidth = CONTENT_WIDTH - keyWidth;
    const padY = 3.2;
    block.entries.forEach((entry) => {
      const keyLines = this.layout([{ text: entry.key, style: { face: 'regular', size: 8.8, color: MUTED } }], keyWidth - 10);
      const valueLines = this.layout(this.styled(entry.value, { face: 'regular', size: BODY_SIZE, color: INK }), valueWidth);
      const rows = Math.max(keyLines.length, valueLines.length);
      for (let index = 0; index < rows; index++) {
        this.ensure(BODY_LEADING + padY);
        if (index === 0) this.y += padY;
        const keyLine = keyLines[index];
        const valueLine = valueLines[index];
        if (keyLine) this.drawLine(keyLine, MARGIN_X, this.y + 0.8, keyWidth - 10);
        if (valueLine) this.drawLine(valueLine, MARGIN_X + keyWidth, this.y, valueWidth);
        this.y += BODY_LEADING;
      }
      this.y += padY;
      this.doc.moveTo(MARGIN_X, this.y).lineTo(MARGIN_X + CONTENT_WIDTH, this.y).lineWidth(0.5).strokeColor(`#${RULE}`).stroke();
    });
    this.y += 10;
  }

  // -------------------------------------------------------------------------------------------
  // Timeline: one bar per item across the plan period, milestones as diamonds

  private barColor(kind: TimelineBarKind): string {
    return timelineBarColor(kind, this.palette.accent);
  }


  private timeline(block: TimelineBlock): void {
    const startDay = dayNumber(block.start);
    const endDay = dayNumber(block.end);
    if (!Number.isFinite(startDay) || !Number.isFinite(endDay) || endDay < startDay || block.bars.length === 0) return;
    const days = endDay - startDay + 1;
    const labelWidth = Math.round(CONTENT_WIDTH * 0.36);
    const chartX = MARGIN_X + labelWidth + 8;
    const chartWidth = MARGIN_X + CONTENT_WIDTH - chartX - 4;
    const rowHeight = 15.5;
    const axisHeight = 18;
    const xOf = (day: number): number => chartX + ((day - startDay) / days) * chartWidth;
    const labelStyle: Style = { face: 'regular', size: 7.8, color: INK };
    const axisStyle: Style = { face: 'bold', size: 7.2, color: MUTED };

    const months = monthStarts(block.start, block.end);
    const monthStep = Math.max(1, Math.ceil(months.length / 12));
    const drawAxis = (): void => {
      this.doc.rect(chartX, this.y, chartWidth, axisHeight).fill(`#${ZEBRA}`);
      months.forEach((month, index) => {
        const x = Math.max(chartX, xOf(month.day));
        const next = months[index + 1];
        const nextX = next ? xOf(next.day) : chartX + chartWidth;
        if (index % monthStep === 0) {
          // "Mar 2026" where it fits, else "Mar", else nothing (a sliver of a month at either end).
          const labels = index === 0 || month.month === 1 ? [monthLabel(month.year, month.month, true), monthLabel(month.year, month.month, false)] : [monthLabel(month.year, month.month, false)];
          const label = labels.find((candidate) => nextX - x >= this.measure(candidate, axisStyle) + 4);
          if (label) this.drawText(label, x + 3, this.y + 5, axisStyle);
        }
      });
      this.y += axisHeight;
    };

    const legendHeight = 22;
    this.ensure(axisHeight + rowHeight * Math.min(block.bars.length, 4) + legendHeight);
    drawAxis();
    let gridTop = this.y;
    const drawGrid = (bottom: number): void => {
      for (const month of months) {
        if (month.day <= startDay) continue;
        const x = xOf(month.day);
        this.doc.moveTo(x, gridTop).lineTo(x, bottom).lineWidth(0.4).strokeColor(`#${RULE}`).stroke();
      }
      this.doc.moveTo(chartX, gridTop).lineTo(chartX, bottom).lineWidth(0.6).strokeColor('#AFB8C1').stroke();
    };

    block.bars.forEach((bar, index) => {
      if (this.y + rowHeight > CONTENT_BOTTOM) {
        drawGrid(this.y);
        this.newPage();
        drawAxis();
        gridTop = this.y;
      }
      if (index % 2 === 1) this.doc.rect(MARGIN_X, this.y, CONTENT_WIDTH, rowHeight).fill(`#${ZEBRA}`);
      const label = this.truncate(cleanLine(bar.label), labelStyle, labelWidth - 4);
      this.drawText(label, MARGIN_X + 4, this.y + 3.6, labelStyle);
      const from = Math.max(startDay, dayNumber(bar.start));
      const to = Math.min(endDay, Math.max(from, dayNumber(bar.end)));
      const mid = this.y + rowHeight / 2;
      const color = `#${this.barColor(bar.kind)}`;
      if (Number.isFinite(from) && Number.isFinite(to)) {
        if (bar.milestone) {
          const x = (xOf(from) + xOf(from + 1)) / 2;
          const r = 4.6;
          this.doc.polygon([x, mid - r], [x + r, mid], [x, mid + r], [x - r, mid]).fill(color);
        } else {
          const x = xOf(from);
          const width = Math.max(2.5, xOf(to + 1) - x);
          this.doc.roundedRect(x, mid - 4, width, 8, 2).fill(color);
        }
      }
      this.y += rowHeight;
    });
    drawGrid(this.y);
    this.doc.moveTo(MARGIN_X, this.y).lineTo(MARGIN_X + CONTENT_WIDTH, this.y).lineWidth(0.5).strokeColor(`#${RULE}`).stroke();

    // Legend: only the kinds in the chart.
    const kinds = [...new Set(block.bars.map((bar) => (bar.milestone ? `m:${bar.kind}` : bar.kind)))];
    this.y += 7;
    this.ensure(12);
    let x = MARGIN_X;
    const legendStyle: Style = { face: 'regular', size: 7.4, color: MUTED };
    for (const entry of kinds) {
      const milestone = entry.startsWith('m:');
      const kind = (milestone ? entry.slice(2) : entry) as TimelineBarKind;
      const label = BAR_KIND_LABELS[kind];
      const width = this.measure(label, legendStyle);
      if (x + 14 + width > MARGIN_X + CONTENT_WIDTH) {
        x = MARGIN_X;
        this.y += 11;
        this.ensure(12);
      }
      const color = `#${this.barColor(kind)}`;
      if (milestone) this.doc.polygon([x + 4, this.y + 0.5], [x + 8, this.y + 4.5], [x + 4, this.y + 8.5], [x, this.y + 4.5]).fill(color);
      else this.doc.roundedRect(x, this.y + 1.5, 10, 6, 1.5).fill(color);
      this.drawText(label, x + 13, this.y, legendStyle);
      x += 13 + width + 14;
    }
    this.y += 11 + (block.caption ? 0 : 8);
    if (block.caption) this.paragraph({ type: 'paragraph', runs: [{ text: block.caption }], style: 'note' });
  }

  // -------------------------------------------------------------------------------------------
  // Sign-off

  private signOff(block: SignOffBlock): void {
    const columns = Math.max(1, Math.min(block.parties.length, 2));
    const gap = 24;
    const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
    const boxHeight = 118;
    for (let start = 0; start < block.parties.length; start += columns) {
      this.ensure(boxHeight + 10);
      const top = this.y + 6;
      block.parties.slice(start, start + columns).forEach((party, index) => {
        const x = MARGIN_X + index * (width + gap);
        this.doc.roundedRect(x, top, width, boxHeight, 3).lineWidth(0.8).strokeColor(`#${RULE}`).stroke();
        this.doc.rect(x, top, 3, boxHeight).fill(`#${this.palette.accent}`);
        const inner = x + 14;
        const innerWidth = width - 26;
        this.drawText(cleanLine(party.role).toUpperCase(), inner, top + 11, { face: 'bold', size: 7.4, color: this.palette.accentText });
        this.drawText(this.truncate(cleanLine(party.name) || ' ', { face: 'bold', size: 10.5, color: INK }, innerWidth), inner, top + 24, { face: 'bold', size: 10.5, color: INK });
        const signatureY = top + 70;
        this.doc.moveTo(inner, signatureY).lineTo(inner + innerWidth, signatureY).lineWidth(0.6).strokeColor('#8C959F').stroke();
        this.drawText('Signature', inner, signatureY + 3, { face: 'regular', size: 7.2, color: MUTED });
        const dateY = top + 100;
        if (party.date) this.drawText(cleanLine(party.date), inner, dateY - 12, { face: 'regular', size: BODY_SIZE, color: INK });
        this.doc.moveTo(inner, dateY).lineTo(inner + innerWidth * 0.55, dateY).lineWidth(0.6).strokeColor('#8C959F').stroke();
        this.drawText('Date', inner, dateY + 3, { face: 'regular', size: 7.2, color: MUTED });
      });
      this.y = top + boxHeight + 12;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Cover

  private logo(x: number, y: number, maxWidth: number, maxHeight: number): number {
    const logo = this.model.organisation.logo;
    if (!logo) return 0;
    const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height, 1);
    const width = logo.width * scale;
    const height = logo.height * scale;
    try {
      this.doc.image(Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength), x - width, y, { width, height });
      return width;
    } catch {
      return 0; // a damaged logo does not stop the document
    }
  }

  private coverPage(cover: Cover): void {
    this.bare.add(this.pageCount - 1);
    const { accent, onAccent } = this.palette;
    const bandHeight = 270;
    this.doc.rect(0, 0, PAGE_WIDTH, bandHeight).fill(`#${accent}`);
    this.doc.rect(0, bandHeight, PAGE_WIDTH, 5).fill(`#${shade(accent, 0.3)}`);
    if (this.model.organisation.logo) {
      const logoBox = { width: 150, height: 54 };
      this.doc.roundedRect(PAGE_WIDTH - MARGIN_X - logoBox.width - 12, 40, logoBox.width + 12, logoBox.height + 12, 4).fill('#FFFFFF');
      this.logo(PAGE_WIDTH - MARGIN_X - 6, 46, logoBox.width, logoBox.height);
    }
    const eyebrow: Style = { face: 'bold', size: 9, color: onAccent };
    const textWidth = CONTENT_WIDTH - (this.model.organisation.logo ? 180 : 0);
    this.drawText(this.truncate(cleanLine(cover.eyebrow).toUpperCase(), eyebrow, textWidth), MARGIN_X, 56, eyebrow);
    this.y = 132;
    const titleLines = this.layout([{ text: cleanLine(cover.title), style: { face: 'bold', size: 26, color: onAccent } }], CONTENT_WIDTH).slice(0, 3);
    this.y = Math.min(this.y, bandHeight - 42 - titleLines.length * 32);
    for (const line of titleLines) {
      this.drawLine(line, MARGIN_X, this.y, CONTENT_WIDTH);
      this.y += 32;
    }
    const subtitleLines = this.layout([{ text: cleanLine(cover.subtitle), style: { face: 'regular', size: 12, color: onAccent } }], CONTENT_WIDTH).slice(0, 2);
    for (const line of subtitleLines) {
      this.drawLine(line, MARGIN_X, this.y + 2, CONTENT_WIDTH);
      this.y += 16;
    }

    this.y = bandHeight + 40;
    this.keyValue({ type: 'key-value', entries: cover.fields });

    if (cover.highlights.length > 0) {
      this.y += 14;
      const count = cover.highlights.length;
      const gap = 12;
      const width = (CONTENT_WIDTH - gap * (count - 1)) / count;
      const height = 64;
      cover.highlights.forEach((highlight, index) => {
        const x = MARGIN_X + index * (width + gap);
        this.doc.roundedRect(x, this.y, width, height, 4).fill(`#${this.palette.accentTint}`);
        const valueStyle: Style = { face: 'bold', size: 22, color: this.palette.accentText };
        this.drawText(this.truncate(cleanLine(highlight.value), valueStyle, width - 24), x + 12, this.y + 10, valueStyle);
        const labelStyle: Style = { face: 'regular', size: 8.5, color: INK };
        this.drawText(this.truncate(cleanLine(highlight.label), labelStyle, width - 24), x + 12, this.y + 42, labelStyle);
      });
      this.y += height + 20;
    }
    if (cover.note) {
      const lines = this.layout([{ text: cover.note, style: { face: 'regular', size: 9.5, color: MUTED } }], CONTENT_WIDTH).slice(0, 6);
      const top = Math.max(this.y, CONTENT_BOTTOM - lines.length * 14);
      this.y = top;
      for (const line of lines) {
        this.drawLine(line, MARGIN_X, this.y, CONTENT_WIDTH);
        this.y += 14;
      }
    }
    this.newPage();
  }

  /** Modern: a white page, a bar in the accent colour down the left edge, the title large in ink. */
  private modernCoverPage(cover: Cover): void {
    this.bare.add(this.pageCount - 1);
    const { accent, accentText } = this.palette;
    this.doc.rect(0, 0, 18, PAGE_HEIGHT).fill(`#${accent}`);
    const logoWidth = this.model.organisation.logo ? 150 : 0;
    if (logoWidth > 0) this.logo(PAGE_WIDTH - MARGIN_X, 56, logoWidth, 54);
    const eyebrow: Style = { face: 'bold', size: 9, color: accentText };
    this.drawText(this.truncate(cleanLine(cover.eyebrow).toUpperCase(), eyebrow, CONTENT_WIDTH - (logoWidth > 0 ? logoWidth + 24 : 0)), MARGIN_X, 62, eyebrow);
    this.y = 170;
    const titleLines = this.layout([{ text: cleanLine(cover.title), style: { face: 'bold', size: 32, color: INK } }], CONTENT_WIDTH).slice(0, 3);
    for (const line of titleLines) {
      this.drawLine(line, MARGIN_X, this.y, CONTENT_WIDTH);
      this.y += 38;
    }
    const subtitleLines = this.layout([{ text: cleanLine(cover.subtitle), style: { face: 'regular', size: 13.5, color: accentText } }], CONTENT_WIDTH).slice(0, 2);
    for (const line of subtitleLines) {
      this.drawLine(line, MARGIN_X, this.y + 2, CONTENT_WIDTH);
      this.y += 18;
    }
    this.y += 16;
    this.doc.rect(MARGIN_X, this.y, 56, 3).fill(`#${accent}`);
    this.y += 40;
    this.keyValue({ type: 'key-value', entries: cover.fields });

    if (cover.highlights.length > 0) {
      this.y += 14;
      const count = cover.highlights.length;
      const gap = 16;
      const width = (CONTENT_WIDTH - gap * (count - 1)) / count;
      cover.highlights.forEach((highlight, index) => {
        const x = MARGIN_X + index * (width + gap);
        this.doc.rect(x, this.y, width, 2.4).fill(`#${accent}`);
        const valueStyle: Style = { face: 'bold', size: 24, color: accentText };
        this.drawText(this.truncate(cleanLine(highlight.value), valueStyle, width), x, this.y + 12, valueStyle);
        const labelStyle: Style = { face: 'regular', size: 8.5, color: MUTED };
        this.drawText(this.truncate(cleanLine(highlight.label), labelStyle, width), x, this.y + 45, labelStyle);
      });
      this.y += 80;
    }
    if (cover.note) {
      const lines = this.layout([{ text: cover.note, style: { face: 'italic', size: 9.5, color: MUTED } }], CONTENT_WIDTH).slice(0, 6);
      this.y = Math.max(this.y, CONTENT_BOTTOM - lines.length * 14);
      for (const line of lines) {
        this.drawLine(line, MARGIN_X, this.y, CONTENT_WIDTH);
        this.y += 14;
      }
    }
    this.newPage();
  }

  /** Modern banner: no fill; the title in ink beside a bar in the accent colour, fields below a rule. */
  private modernBanner(cover: Cover): void {
    const { accent, accentText } = this.palette;
    const logoWidth = this.model.organisation.logo ? 120 : 0;
    if (logoWidth > 0) this.logo(PAGE_WIDTH - MARGIN_X, MARGIN_TOP - 18, logoWidth, 40);
    const width = CONTENT_WIDTH - 14 - (logoWidth > 0 ? logoWidth + 24 : 0);
    const top = MARGIN_TOP - 20;
    const x = MARGIN_X + 14;
    const eyebrow: Style = { face: 'bold', size: 8, color: accentText };
    this.drawText(this.truncate(cleanLine(cover.eyebrow).toUpperCase(), eyebrow, width), x, top + 1, eyebrow);
    // The title wraps onto a second line rather than losing words beside a wide logo.
    const title: Style = { face: 'bold', size: 20, color: INK };
    const titleLines = this.layout([{ text: cleanLine(cover.title), style: title }], width).slice(0, 2);
    let y = top + 15;
    for (const line of titleLines) {
      this.drawLine(line, x, y, width);
      y += 24;
    }
    const subtitle: Style = { face: 'regular', size: 10.5, color: accentText };
    this.drawText(this.truncate(cleanLine(cover.subtitle), subtitle, width), x, y + 6, subtitle);
    const bottom = y + 6 + 16;
    this.doc.rect(MARGIN_X, top, 5, bottom - top).fill(`#${accent}`);
    this.y = bottom + 18;
    if (cover.fields.length > 0) {
      this.bannerFields(cover);
      this.doc.rect(MARGIN_X, this.y, CONTENT_WIDTH, 1.6).fill(`#${accent}`);
      this.y += 6;
    }
  }

  private banner(cover: Cover): void {
    const { accent, onAccent } = this.palette;
    const height = 104;
    this.doc.rect(0, 0, PAGE_WIDTH, height).fill(`#${accent}`);
    const logoWidth = this.model.organisation.logo ? 120 : 0;
    if (logoWidth > 0) {
      this.doc.roundedRect(PAGE_WIDTH - MARGIN_X - logoWidth - 10, 26, logoWidth + 10, 50, 4).fill('#FFFFFF');
      this.logo(PAGE_WIDTH - MARGIN_X - 5, 31, logoWidth, 40);
    }
    const width = CONTENT_WIDTH - (logoWidth > 0 ? logoWidth + 24 : 0);
    const eyebrow: Style = { face: 'bold', size: 8, color: onAccent };
    this.drawText(this.truncate(cleanLine(cover.eyebrow).toUpperCase(), eyebrow, width), MARGIN_X, 24, eyebrow);
    const title: Style = { face: 'bold', size: 19, color: onAccent };
    this.drawText(this.truncate(cleanLine(cover.title), title, width), MARGIN_X, 40, title);
    const subtitle: Style = { face: 'regular', size: 10.5, color: onAccent };
    this.drawText(this.truncate(cleanLine(cover.subtitle), subtitle, width), MARGIN_X, 68, subtitle);
    this.y = height + 18;
    if (cover.fields.length > 0) {
      this.bannerFields(cover);
      this.doc.moveTo(MARGIN_X, this.y).lineTo(MARGIN_X + CONTENT_WIDTH, this.y).lineWidth(0.5).strokeColor(`#${RULE}`).stroke();
      this.y += 4;
    }
  }

  /** The cover's fields in up to three columns under a title band (both looks). */
  private bannerFields(cover: Cover): void {
    const columns = Math.min(cover.fields.length, 3);
    const columnWidth = CONTENT_WIDTH / columns;
    const keyStyle: Style = { face: 'regular', size: 7.6, color: MUTED };
    const valueStyle: Style = { face: 'bold', size: 9.5, color: INK };
    cover.fields.forEach((field, index) => {
      const column = index % columns;
      if (column === 0 && index > 0) this.y += 30;
      const x = MARGIN_X + column * columnWidth;
      this.drawText(this.truncate(cleanLine(field.key).toUpperCase(), keyStyle, columnWidth - 10), x, this.y, keyStyle);
      const value = field.value.map((run) => run.text).join('');
      this.drawText(this.truncate(cleanLine(value), valueStyle, columnWidth - 10), x, this.y + 11, valueStyle);
    });
    this.y += 32;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (no time zones: dates are days)

function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function monthStarts(start: string, end: string): { year: number; month: number; day: number }[] {
  const out: { year: number; month: number; day: number }[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const endDay = dayNumber(end);
  out.push({ year, month, day: dayNumber(start) });
  for (let guard = 0; guard < 400; guard++) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const day = Date.UTC(year, month - 1, 1) / 86_400_000;
    if (day > endDay) break;
    out.push({ year, month, day });
  }
  return out;
}
