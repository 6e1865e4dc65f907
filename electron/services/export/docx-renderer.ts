/**
 * DocumentModel → Word (.docx) with the `docx` package.
 *
 * What makes it a Word document people can work with rather than a picture of one: real Heading 1–3
 * styles (the navigation pane and a table of contents work), header rows that repeat on every page
 * a table spans, the document's language on every run (spelling and screen readers), title and
 * author in the file properties, and "Page X of Y" fields in the footer.
 *
 * `docx` escapes XML specials but does not check hyperlink targets: only http, https and mailto
 * links become hyperlinks here; anything else is written as plain text.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { BAR_KIND_LABELS } from '../../../shared/documents/labels';
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
  TableCell as ModelCell,
  TimelineBarKind,
  TimelineBlock,
} from '../../../shared/documents/model';
import { cleanLine, cleanText, monthLabel, readableOnWhite, safeLink, textOn, timelineBarColor, tint } from '../../../shared/documents/text';
import { diagramParagraphs, hasDiagram, loadDiagramRasteriser } from './diagram-docx';
import { INK, MUTED, RULE, ZEBRA, ALERT, GOOD } from '../../../shared/documents/ink';

// A4 in twentieths of a point (DXA), 2 cm side margins.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const MARGIN_X = 1134;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

/**
 * Word fonts by document font: Calibri and Cambria ship with every Office since 2007 on Windows and
 * macOS, and LibreOffice has metric-compatible stand-ins (Carlito, Caladea), so pages break where
 * they were designed to. The PDF embeds DejaVu Sans/Serif instead (see fonts.ts).
 */
export const WORD_FONTS = { sans: 'Calibri', serif: 'Cambria' } as const;

/** Half-points. */
const BODY_SIZE = 21;
const TABLE_SIZE = 18;
const NOTE_SIZE = 17;

const STYLE = {
  lead: 'PlpLead',
  note: 'PlpNote',
  cell: 'PlpTableText',
  headerCell: 'PlpTableHeader',
  key: 'PlpFieldName',
  value: 'PlpFieldValue',
  gantt: 'PlpTimelineText',
  ganttHead: 'PlpTimelineHeader',
  muted: 'PlpMuted',
  strong: 'PlpStrong',
  alert: 'PlpGap',
  good: 'PlpOnTarget',
} as const;

const TONE_STYLES: Readonly<Record<NonNullable<ModelCell['tone']>, string | undefined>> = {
  default: undefined,
  strong: STYLE.strong,
  muted: STYLE.muted,
  alert: STYLE.alert,
  good: STYLE.good,
};

const BULLETS = 'plp-bullets';
const NUMBERS = 'plp-numbers';

interface Palette {
  accent: string;
  accentText: string;
  onAccent: string;
  accentTint: string;
  /** `modern`: white cover with an accent side bar, dark headings with an accent mark, open tables. */
  modern: boolean;
}

interface RunLook {
  size?: number;
  color?: string;
  bold?: boolean;
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const thin = (color: string, size = 4): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color });

export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  if (hasDiagram(model)) await loadDiagramRasteriser();
  return new Uint8Array(await Packer.toBuffer(buildDocument(model)));
}

export function buildDocument(model: DocumentModel): Document {
  const accent = model.theme.accentColor;
  const modern = model.theme.template === 'modern';
  const palette: Palette = { accent, accentText: readableOnWhite(accent), onAccent: textOn(accent), accentTint: tint(accent, 0.9), modern };
  const font = WORD_FONTS[model.theme.font === 'serif' ? 'serif' : 'sans'];
  const writer = new DocxWriter(model, palette);
  const children = writer.body();
  const language = { value: model.meta.language };

  return new Document({
    title: cleanLine(model.meta.title),
    subject: cleanLine(model.meta.subject),
    creator: cleanLine(model.meta.author),
    lastModifiedBy: cleanLine(model.meta.author),
    keywords: model.meta.keywords.map(cleanLine).join(', '),
    description: cleanLine(`${model.meta.title}. Prepared on ${model.meta.createdOn}.`),
    styles: {
      default: {
        document: {
          run: { font, size: BODY_SIZE, color: INK, language },
          paragraph: { spacing: { after: 100, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 52, bold: true, color: palette.accentText, language }, paragraph: { spacing: { after: 120 } } },
        heading1: modern
          ? {
              run: { font, size: 34, bold: true, color: INK, language },
              paragraph: {
                spacing: { before: 360, after: 160 },
                keepNext: true,
                keepLines: true,
                indent: { left: 200 },
                border: { left: { style: BorderStyle.SINGLE, size: 36, color: palette.accent, space: 8 } },
              },
            }
          : {
              run: { font, size: 30, bold: true, color: palette.accentText, language },
              paragraph: { spacing: { before: 320, after: 140 }, keepNext: true, keepLines: true, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: palette.accent, space: 4 } } },
            },
        heading2: { run: { font, size: 24, bold: true, color: modern ? palette.accentText : INK, language }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
        heading3: { run: { font, size: 21, bold: true, color: INK, language }, paragraph: { spacing: { before: 180, after: 60 }, keepNext: true, keepLines: true } },
        hyperlink: { run: { color: palette.accentText, underline: {} } },
        listParagraph: { run: { font, size: BODY_SIZE, language } },
      },
      // Named styles instead of formatting on every run: smaller files, faster to write, and a
      // client can restyle the whole document from Word's Styles pane.
      paragraphStyles: [
        { id: STYLE.lead, name: 'PLP Lead', basedOn: 'Normal', quickFormat: true, run: { size: 24 } },
        { id: STYLE.note, name: 'PLP Note', basedOn: 'Normal', quickFormat: true, run: { size: NOTE_SIZE, color: MUTED }, paragraph: { spacing: { before: 40, after: 160 } } },
        { id: STYLE.cell, name: 'PLP Table Text', basedOn: 'Normal', run: { size: TABLE_SIZE }, paragraph: { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } } },
        { id: STYLE.headerCell, name: 'PLP Table Header', basedOn: STYLE.cell, run: { bold: true, color: modern ? palette.accentText : palette.onAccent } },
        { id: STYLE.key, name: 'PLP Field Name', basedOn: 'Normal', run: { size: 18, color: MUTED }, paragraph: { spacing: { after: 0 } } },
        { id: STYLE.value, name: 'PLP Field Value', basedOn: 'Normal', paragraph: { spacing: { after: 0 } } },
        { id: STYLE.gantt, name: 'PLP Timeline Text', basedOn: 'Normal', run: { size: 15 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: STYLE.ganttHead, name: 'PLP Timeline Header', basedOn: STYLE.gantt, run: { size: 13, bold: true, color: MUTED } },
      ],
      characterStyles: [
        { id: STYLE.muted, name: 'PLP Muted', basedOn: 'DefaultParagraphFont', run: { color: MUTED } },
        { id: STYLE.strong, name: 'PLP Strong', basedOn: 'DefaultParagraphFont', run: { bold: true } },
        { id: STYLE.alert, name: 'PLP Gap', basedOn: 'DefaultParagraphFont', run: { bold: true, color: ALERT } },
        { id: STYLE.good, name: 'PLP On Target', basedOn: 'DefaultParagraphFont', run: { bold: true, color: GOOD } },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } }, run: { color: palette.accentText } } }],
        },
        {
          reference: NUMBERS,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 300 } }, run: { bold: true, color: palette.accentText } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: 1134, bottom: 1134, left: MARGIN_X, right: MARGIN_X, footer: 567 } },
          titlePage: model.cover?.layout === 'page',
        },
        footers: {
          default: footer(cleanLine(model.footer), true),
          ...(model.cover?.layout === 'page' ? { first: footer('', false) } : {}),
        },
        children,
      },
    ],
  });
}

function footer(text: string, withRule: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        border: withRule ? { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } } : undefined,
        children: [
          new TextRun({ text, size: 15, color: MUTED }),
          new TextRun({ children: ['\t', 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 15, color: MUTED }),
        ],
      }),
    ],
  });
}

class DocxWriter {
  private listInstance = 0;

  constructor(
    private readonly model: DocumentModel,
    private readonly palette: Palette,
  ) {}

  body(): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    const { cover } = this.model;
    if (cover) out.push(...this.cover(cover));
    for (const section of this.model.sections) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanLine(section.title))] }));
      section.blocks.forEach((block, index) => out.push(...this.block(block, section.blocks[index + 1])));
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Runs

  /** Runs with a character style (`base` for the whole paragraph, e.g. a cell's tone); a run's own tone wins. */
  private runs(runs: Runs, base?: string): ParagraphChild[] {
    return runs.map((run) => {
      const text = cleanText(run.text).replace(/\s*\n\s*/g, ' ');
      const link = run.link ? safeLink(run.link) : null;
      const style = link ? 'Hyperlink' : run.tone === 'muted' ? STYLE.muted : run.tone === 'accent' ? undefined : base;
      const bold = run.bold && style !== STYLE.strong && style !== STYLE.alert && style !== STYLE.good ? true : undefined;
      const options = { text, style, bold, italics: run.italic || undefined, color: run.tone === 'accent' ? this.palette.accentText : undefined };
      if (link === null) return new TextRun(options);
      return new ExternalHyperlink({ link, children: [new TextRun(options)] });
    });
  }

  private plain(text: string, look: RunLook = {}): TextRun {
    return new TextRun({ text: cleanLine(text), bold: look.bold || undefined, size: look.size, color: look.color });
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  private block(block: Block, next?: Block): (Paragraph | Table)[] {
    switch (block.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: [new TextRun(cleanLine(block.text))],
          }),
        ];
      case 'paragraph':
        // A lead-in stays on the page of the table, chart or signatures it introduces.
        return [this.paragraph(block, next !== undefined && ['table', 'timeline', 'sign-off', 'key-value'].includes(next.type))];
      case 'bullets':
        return this.bullets(block);
      case 'table':
        return this.table(block);
      case 'key-value':
        return this.keyValue(block);
      case 'timeline':
        return this.timeline(block);
      case 'diagram':
        // Points: the text width, and the page’s text height less room for the heading and caption.
        return diagramParagraphs(block, CONTENT_WIDTH / 20, (PAGE_HEIGHT - 2 * 1134) / 20 - 60, STYLE.note);
      case 'sign-off':
        return this.signOff(block);
      case 'page-break':
        return [new Paragraph({ children: [new PageBreak()] })];
    }
  }

  private paragraph(block: ParagraphBlock, keepNext = false): Paragraph {
    const style = block.style === 'lead' ? STYLE.lead : block.style === 'note' ? STYLE.note : undefined;
    return new Paragraph({ style, keepNext: keepNext || undefined, children: this.runs(block.runs) });
  }

  private bullets(block: BulletListBlock): Paragraph[] {
    const instance = ++this.listInstance;
    return block.items.map(
      (item, index) =>
        new Paragraph({
          numbering: { reference: block.ordered ? NUMBERS : BULLETS, level: 0, instance },
          spacing: { after: index === block.items.length - 1 ? 160 : 60 },
          children: this.runs(item),
        }),
    );
  }

  private cellParagraphs(cell: ModelCell, align: 'left' | 'right' | 'center'): Paragraph[] {
    const alignment = align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : undefined;
    const base = TONE_STYLES[cell.tone ?? 'default'];
    const lines = cell.lines.length > 0 ? cell.lines : [[{ text: '' }]];
    return lines.map((runs, index) => new Paragraph({ style: STYLE.cell, alignment, spacing: index > 0 ? { before: 40 } : undefined, children: this.runs(runs, base) }));
  }

  private widths(weights: readonly number[], total = CONTENT_WIDTH): number[] {
    const sum = weights.reduce((acc, weight) => acc + Math.max(weight, 0), 0) || weights.length;
    const widths = weights.map((weight) => Math.floor((Math.max(weight, 0) / sum) * total));
    const rest = total - widths.reduce((acc, width) => acc + width, 0);
    if (widths.length > 0) widths[widths.length - 1]! += rest;
    return widths;
  }

  private table(block: TableBlock): (Paragraph | Table)[] {
    const widths = this.widths(block.columns.map((column) => column.width));
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map(
        (column, index) =>
          new TableCell({
            width: { size: widths[index]!, type: WidthType.DXA },
            shading: this.palette.modern ? undefined : { type: ShadingType.CLEAR, fill: this.palette.accent, color: 'auto' },
            borders: this.palette.modern ? { bottom: thin(this.palette.accent, 12) } : undefined,
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({
                style: STYLE.headerCell,
                alignment: column.align === 'right' ? AlignmentType.RIGHT : column.align === 'center' ? AlignmentType.CENTER : undefined,
                children: [new TextRun(cleanLine(column.header))],
              }),
            ],
          }),
      ),
    });
    const rows = block.rows.map(
      (row, rowIndex) =>
        new TableRow({
          // Short rows never break across pages; a very long one must, or Word would cut it off.
          cantSplit: row.every((cell) => cell.lines.reduce((sum, line) => sum + line.reduce((length, run) => length + run.text.length, 0), 0) < 400) || undefined,
          children: block.columns.map(
            (column, index) =>
              new TableCell({
                width: { size: widths[index]!, type: WidthType.DXA },
                shading: rowIndex % 2 === 1 && !this.palette.modern ? { type: ShadingType.CLEAR, fill: ZEBRA, color: 'auto' } : undefined,
                children: this.cellParagraphs(row[index] ?? { lines: [] }, column.align ?? 'left'),
              }),
          ),
        }),
    );
    const out: (Paragraph | Table)[] = [];
    if (block.caption) out.push(new Paragraph({ style: STYLE.note, keepNext: true, children: [new TextRun({ text: cleanLine(block.caption), bold: true })] }));
    out.push(
      new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        margins: { top: 70, bottom: 70, left: 85, right: 85 },
        borders: { top: NONE, left: NONE, right: NONE, insideVertical: NONE, bottom: thin(RULE), insideHorizontal: thin(RULE) },
        rows: [header, ...rows],
      }),
    );
    out.push(spacer(120));
    return out;
  }

  private keyValue(block: KeyValueBlock): (Paragraph | Table)[] {
    if (block.entries.length === 0) return [];
    const widths = this.widths([30, 70]);
    return [
      new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: { ...NO_BORDERS, bottom: thin(RULE), insideHorizontal: thin(RULE) },
        rows: block.entries.map(
          (entry) =>
            new TableRow({
              cantSplit: true,
              children: [
                new TableCell({
                  width: { size: widths[0]!, type: WidthType.DXA },
                  margins: { top: 50, bottom: 50, left: 0, right: 100 },
                  children: [new Paragraph({ style: STYLE.key, children: [new TextRun(cleanLine(entry.key))] })],
                }),
                new TableCell({
                  width: { size: widths[1]!, type: WidthType.DXA },
                  margins: { top: 50, bottom: 50, left: 0, right: 0 },
                  children: [new Paragraph({ style: STYLE.value, children: this.runs(entry.value) })],
                }),
              ],
            }),
        ),
      }),
      spacer(160),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // Timeline: a Gantt grid, one column per week (or per few days for long plans)

  private barColor(kind: TimelineBarKind): string {
    return timelineBarColor(kind, this.palette.accent);
  }


  private timeline(block: TimelineBlock): (Paragraph | Table)[] {
    const startDay = dayNumber(block.start);
    const endDay = dayNumber(block.end);
    if (!Number.isFinite(startDay) || !Number.isFinite(endDay) || endDay < startDay || block.bars.length === 0) return [];
    const days = endDay - startDay + 1;
    const bucketDays = days <= 26 * 7 ? 7 : Math.ceil(days / 26);
    const buckets = Math.ceil(days / bucketDays);
    const labelWidth = Math.round(CONTENT_WIDTH * 0.36);
    const bucketWidth = Math.floor((CONTENT_WIDTH - labelWidth) / buckets);
    const firstWidth = CONTENT_WIDTH - bucketWidth * buckets;
    const widths = [firstWidth, ...Array.from({ length: buckets }, () => bucketWidth)];
    const zebra = { type: ShadingType.CLEAR, fill: ZEBRA, color: 'auto' } as const;
    // Cells are merged across the columns they share (a bar is one shaded cell), which keeps the
    // table small: Word opens it faster and docx writes it faster than one cell per week.
    const span = (from: number, to: number, children: Paragraph[], shading?: { type: typeof ShadingType.CLEAR; fill: string; color: string }): TableCell =>
      new TableCell({ width: { size: bucketWidth * (to - from), type: WidthType.DXA }, columnSpan: to - from, verticalAlign: VerticalAlignTable.CENTER, shading, children });
    const empty = (): Paragraph[] => [new Paragraph({ style: STYLE.gantt, children: [] })];

    // Header: one cell per month (or part of a month) with its name.
    const headerCells: TableCell[] = [
      new TableCell({
        width: { size: firstWidth, type: WidthType.DXA },
        shading: zebra,
        margins: { left: 80 },
        children: [new Paragraph({ style: STYLE.ganttHead, children: [new TextRun(bucketDays === 7 ? 'Weeks' : 'Periods')] })],
      }),
    ];
    let groupStart = 0;
    for (let index = 1; index <= buckets; index++) {
      const month = (bucket: number): string => fromDayNumber(startDay + bucket * bucketDays).slice(0, 7);
      if (index < buckets && month(index) === month(groupStart)) continue;
      const date = fromDayNumber(startDay + groupStart * bucketDays);
      const label = index - groupStart >= 2 || groupStart === 0 ? monthLabel(Number(date.slice(0, 4)), Number(date.slice(5, 7)), false) : '';
      headerCells.push(span(groupStart, index, [new Paragraph({ style: STYLE.ganttHead, children: label ? [new TextRun(label)] : [] })], zebra));
      groupStart = index;
    }

    const rows = block.bars.map((bar) => {
      const from = Math.max(startDay, dayNumber(bar.start));
      const to = Math.min(endDay, Math.max(from, dayNumber(bar.end)));
      const color = this.barColor(bar.kind);
      const first = Number.isFinite(from) ? Math.floor((from - startDay) / bucketDays) : -1;
      const last = Number.isFinite(to) ? Math.floor((to - startDay) / bucketDays) : -1;
      const cells: TableCell[] = [
        new TableCell({
          width: { size: firstWidth, type: WidthType.DXA },
          margins: { left: 80, right: 80 },
          children: [new Paragraph({ style: STYLE.gantt, children: [new TextRun(cleanLine(bar.label))] })],
        }),
      ];
      if (first < 0) {
        cells.push(span(0, buckets, empty()));
      } else {
        if (first > 0) cells.push(span(0, first, empty()));
        if (bar.milestone) {
          cells.push(span(first, first + 1, [new Paragraph({ style: STYLE.gantt, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '◆', size: 16, color })] })]));
          if (first + 1 < buckets) cells.push(span(first + 1, buckets, empty()));
        } else {
          cells.push(span(first, last + 1, empty(), { type: ShadingType.CLEAR, fill: color, color: 'auto' }));
          if (last + 1 < buckets) cells.push(span(last + 1, buckets, empty()));
        }
      }
      return new TableRow({ cantSplit: true, children: cells });
    });
    const kinds = [...new Set(block.bars.map((bar) => bar.kind))];
    const legend = new Paragraph({
      spacing: { before: 80, after: 200 },
      children: kinds.flatMap((kind, index) => {
        const milestone = block.bars.some((bar) => bar.kind === kind && bar.milestone);
        return [
          new TextRun({ text: `${index > 0 ? '    ' : ''}${milestone ? '◆' : '■'} `, color: this.barColor(kind), size: 16 }),
          new TextRun({ text: BAR_KIND_LABELS[kind], color: MUTED, size: 15 }),
        ];
      }),
    });
    const out: (Paragraph | Table)[] = [
      new Table({
        width: { size: CONTENT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        margins: { top: 25, bottom: 25, left: 0, right: 0 },
        borders: { ...NO_BORDERS, bottom: thin(RULE), insideHorizontal: thin('FFFFFF', 8) },
        rows: [new TableRow({ tableHeader: true, cantSplit: true, children: headerCells }), ...rows],
      }),
      legend,
    ];
    if (block.caption) out.push(this.paragraph({ type: 'paragraph', runs: [{ text: block.caption }], style: 'note' }));
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Sign-off

  private signOff(block: SignOffBlock): (Paragraph | Table)[] {
    if (block.parties.length === 0) return [];
    const gap = 400;
    const columns = Math.min(block.parties.length, 2);
    const width = Math.floor((CONTENT_WIDTH - gap * (columns - 1)) / columns);
    const line = (label: string, value: string | null, lineWidth: string): Paragraph[] => [
      new Paragraph({ spacing: { before: 360, after: 0 }, border: { bottom: thin('8C959F', 6) }, children: value ? [this.plain(value)] : [] }),
      new Paragraph({ spacing: { after: 120 }, children: [this.plain(label, { size: 14, color: MUTED })], indent: { right: lineWidth === 'short' ? Math.floor(width * 0.4) : 0 } }),
    ];
    const rows: TableRow[] = [];
    for (let start = 0; start < block.parties.length; start += columns) {
      const parties = block.parties.slice(start, start + columns);
      const cells: TableCell[] = [];
      parties.forEach((party, index) => {
        if (index > 0) cells.push(new TableCell({ width: { size: gap, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children: [new Paragraph({})] }));
        cells.push(
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { top: 140, bottom: 140, left: 220, right: 220 },
            borders: { top: thin(RULE, 6), bottom: thin(RULE, 6), right: thin(RULE, 6), left: { style: BorderStyle.SINGLE, size: 24, color: this.palette.accent } },
            children: [
              new Paragraph({ spacing: { after: 40 }, children: [this.plain(party.role.toUpperCase(), { bold: true, size: 15, color: this.palette.accentText })] }),
              new Paragraph({ spacing: { after: 0 }, children: [this.plain(party.name || ' ', { bold: true, size: 22 })] }),
              ...line('Signature', null, 'full'),
              ...line('Date', party.date, 'short'),
            ],
          }),
        );
      });
      rows.push(new TableRow({ cantSplit: true, children: cells }));
    }
    const widths = columns === 1 ? [width] : [width, gap, width];
    return [
      new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows }),
      spacer(120),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // Cover

  private logo(maxWidthPx: number, maxHeightPx: number): ImageRun | null {
    const logo = this.model.organisation.logo;
    if (!logo) return null;
    const scale = Math.min(maxWidthPx / logo.width, maxHeightPx / logo.height, 1);
    return new ImageRun({
      type: logo.format === 'png' ? 'png' : 'jpg',
      data: logo.bytes,
      transformation: { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) },
      altText: { name: 'Logo', description: `${cleanLine(this.model.organisation.name) || 'Organisation'} logo`, title: 'Logo' },
    });
  }

  /**
   * The modern cover's title block: a bar in the accent colour down the left, the title in ink on
   * white beside it, the logo on the right as it is (no box: the page is already white).
   */
  private modernBand(cover: Cover, page: boolean, logo: ImageRun | null): Table {
    const barWidth = page ? 280 : 160;
    const gap = page ? 360 : 240;
    const logoWidth = logo ? (page ? 3000 : 2400) : 0;
    const textWidth = CONTENT_WIDTH - barWidth - gap;
    const { accentText } = this.palette;
    // Two rows so the title has the full width: the eyebrow beside the logo, then title and
    // subtitle under both. The bar is the first cell of each row, shaded, so it reads as one.
    const bar = (): TableCell => new TableCell({ width: { size: barWidth, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, fill: this.palette.accent, color: 'auto' }, children: [new Paragraph({})] });
    const spacerCell = (): TableCell => new TableCell({ width: { size: gap, type: WidthType.DXA }, children: [new Paragraph({})] });
    const eyebrow = new Paragraph({ spacing: { after: 0 }, children: [this.plain(cover.eyebrow.toUpperCase(), { bold: true, size: page ? 18 : 16, color: accentText })] });
    const top = [
      bar(),
      spacerCell(),
      new TableCell({
        width: { size: textWidth - logoWidth, type: WidthType.DXA },
        margins: { top: page ? 120 : 40, bottom: 0, left: 0, right: 100 },
        children: [eyebrow],
      }),
    ];
    if (logo) {
      top.push(
        new TableCell({
          width: { size: logoWidth, type: WidthType.DXA },
          margins: { top: page ? 120 : 40, bottom: 0, left: 0, right: 0 },
          verticalAlign: VerticalAlignTable.TOP,
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [logo] })],
        }),
      );
    }
    const bottom = [
      bar(),
      spacerCell(),
      new TableCell({
        width: { size: textWidth, type: WidthType.DXA },
        columnSpan: logo ? 2 : undefined,
        margins: page ? { top: 1100, bottom: 160, left: 0, right: 0 } : { top: 40, bottom: 60, left: 0, right: 0 },
        children: [
          new Paragraph({ spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO }, children: [this.plain(cover.title, { bold: true, size: page ? 56 : 40, color: INK })] }),
          new Paragraph({ spacing: { after: 0 }, children: [this.plain(cover.subtitle, { size: page ? 28 : 22, color: accentText })] }),
        ],
      }),
    ];
    return new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: logo ? [barWidth, gap, textWidth - logoWidth, logoWidth] : [barWidth, gap, textWidth],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new TableRow({ cantSplit: true, children: top }), new TableRow({ cantSplit: true, children: bottom })],
    });
  }

  private cover(cover: Cover): (Paragraph | Table)[] {
    const page = cover.layout === 'page';
    const { accent, onAccent } = this.palette;
    const out: (Paragraph | Table)[] = [];
    const logo = this.logo(page ? 180 : 140, page ? 64 : 48);
    // The logo sits in the band's right-hand cell, on its own (usually white) background, as in the PDF.
    const logoWidth = logo ? (page ? 3000 : 2400) : 0;
    const shading = { type: ShadingType.CLEAR, fill: accent, color: 'auto' } as const;
    const margins = page ? { top: 500, bottom: 600, left: 400, right: 400 } : { top: 240, bottom: 260, left: 300, right: 300 };
    const cells = [
      new TableCell({
        width: { size: CONTENT_WIDTH - logoWidth, type: WidthType.DXA },
        shading,
        margins: logo ? { ...margins, right: 100 } : margins,
        children: [
          new Paragraph({ spacing: { after: page ? 900 : 80 }, children: [this.plain(cover.eyebrow.toUpperCase(), { bold: true, size: page ? 18 : 16, color: onAccent })] }),
          new Paragraph({ spacing: { after: 80 }, children: [this.plain(cover.title, { bold: true, size: page ? 52 : 36, color: onAccent })] }),
          new Paragraph({ spacing: { after: 0 }, children: [this.plain(cover.subtitle, { size: page ? 26 : 21, color: onAccent })] }),
        ],
      }),
    ];
    if (logo) {
      cells.push(
        new TableCell({
          width: { size: logoWidth, type: WidthType.DXA },
          shading,
          margins: { ...margins, left: 0 },
          verticalAlign: page ? VerticalAlignTable.TOP : VerticalAlignTable.CENTER,
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [logo] })],
        }),
      );
    }
    const band = this.palette.modern ? this.modernBand(cover, page, logo) : new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: logo ? [CONTENT_WIDTH - logoWidth, logoWidth] : [CONTENT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new TableRow({ cantSplit: true, children: cells })],
    });
    out.push(band, spacer(page ? 480 : 200));
    if (cover.fields.length > 0) out.push(...this.keyValue({ type: 'key-value', entries: cover.fields }));
    if (cover.highlights.length > 0) {
      const count = cover.highlights.length;
      const gap = 200;
      const width = Math.floor((CONTENT_WIDTH - gap * (count - 1)) / count);
      const widths: number[] = [];
      const cells: TableCell[] = [];
      cover.highlights.forEach((highlight, index) => {
        if (index > 0) {
          widths.push(gap);
          cells.push(new TableCell({ width: { size: gap, type: WidthType.DXA }, children: [new Paragraph({})] }));
        }
        widths.push(width);
        cells.push(
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            shading: this.palette.modern ? undefined : { type: ShadingType.CLEAR, fill: this.palette.accentTint, color: 'auto' },
            borders: this.palette.modern ? { top: thin(this.palette.accent, 24), bottom: NONE, left: NONE, right: NONE } : undefined,
            margins: this.palette.modern ? { top: 160, bottom: 160, left: 0, right: 120 } : { top: 160, bottom: 160, left: 200, right: 120 },
            children: [
              new Paragraph({ spacing: { after: 0 }, children: [this.plain(highlight.value, { bold: true, size: 44, color: this.palette.accentText })] }),
              new Paragraph({ spacing: { after: 0 }, children: [this.plain(highlight.label, { size: 17 })] }),
            ],
          }),
        );
      });
      const rest = CONTENT_WIDTH - widths.reduce((sum, value) => sum + value, 0);
      widths[widths.length - 1]! += rest;
      out.push(new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows: [new TableRow({ cantSplit: true, children: cells })] }));
      out.push(spacer(400));
    }
    if (cover.note) out.push(new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: cleanLine(cover.note), size: 19, color: MUTED, italics: this.palette.modern || undefined })] }));
    if (page) out.push(new Paragraph({ children: [new PageBreak()] }));
    return out;
  }
}

function spacer(after: number): Paragraph {
  return new Paragraph({ spacing: { before: 0, after, line: 120, lineRule: LineRuleType.AUTO }, children: [] });
}

function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
