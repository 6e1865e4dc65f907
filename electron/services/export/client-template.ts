/**
 * An organisation's own Word template, filled for each learner: a .docx (or .dotx) with
 * placeholders such as `{{learner.name}}` and `{{plan.goals}}` in its body, headers and footers.
 * docx's `patchDocument` does the filling, so everything else in the file (styles, headers and
 * footers, logos, page numbers, section layout) stays exactly as the organisation made it.
 *
 * `inspectClientTemplate` reads the file first: it refuses what is not a Word document, or is
 * too large or built to hurt (zip bombs, DOCTYPE/entity declarations, macros), and lists every
 * placeholder with where it is, what it becomes, and a "did you mean" for the unknown ones.
 *
 * Placeholders that Word split across runs (it does so when you type, correct a typo or change
 * spell-check state) are still found and filled: the scan reads a paragraph's text across its
 * runs, and `patchDocument` joins runs the same way.
 *
 * What each kind becomes: text keeps the formatting of the run it was typed in; a table
 * placeholder alone on its line becomes a Word table (header row repeated on every page) fitted to
 * the page or the cell it is in; row fields (`{{plan.goals.capability}}`) repeat the row of a table
 * the organisation designed; `{{organisation.logo}}` becomes the logo inline, or replaces a picture
 * whose alt text names it.
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeightRule,
  ImagePatch,
  ImageRun,
  Paragraph,
  patchDocument,
  PatchType,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IPatch,
  type ParagraphChild,
  type TableRowsPatch,
} from 'docx';
import JSZip from 'jszip';
import {
  canonicalPlaceholder,
  placeholderInfo,
  suggestPlaceholder,
  type PlaceholderKind,
  type PlaceholderParagraph,
  type PlaceholderValue,
  type PlaceholderValues,
} from '../../../shared/documents/placeholders';
import type { Runs, TableBlock, TableCell as ModelCell } from '../../../shared/documents/model';
import { cleanLine, cleanText, DEFAULT_ACCENT, normaliseColor, readableOnWhite, safeLink, textOn } from '../../../shared/documents/text';
import { MUTED, RULE, ALERT, GOOD } from '../../../shared/documents/ink';

/** Limits for a file a user picks: generous for any real template, small enough to refuse a bomb. */
export const TEMPLATE_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Everything in it, unpacked. */
  unpackedBytes: 150 * 1024 * 1024,
  /** One XML part, unpacked. */
  partBytes: 25 * 1024 * 1024,
  entries: 5000,
  /** Distinct placeholders. */
  placeholders: 500,
} as const;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type TemplatePart = 'body' | 'header' | 'footer' | 'notes';

export interface TemplatePlaceholder {
  /** As typed between the braces, spaces trimmed (what `patchDocument` matches). */
  raw: string;
  /** Lower case, the registry's spelling. */
  name: string;
  known: boolean;
  kind: PlaceholderKind | null;
  /** For unknown ones: the known placeholder it most likely means. */
  suggestion: string | null;
  parts: TemplatePart[];
  count: number;
  /** Every occurrence is the only text of its paragraph (a table or several paragraphs can replace it). */
  alone: boolean;
  /** Narrowest table cell an occurrence sits in (twentieths of a point), null when none is in a table: a table placeholder's table fits it. */
  cellWidth: number | null;
  /** Size (pixels at 96 dpi) of the smallest picture whose alt text holds it, null when it is only in text. */
  picture: { width: number; height: number } | null;
}

export interface TemplateInspection {
  placeholders: TemplatePlaceholder[];
  unknown: TemplatePlaceholder[];
  /** Things that will not come out as the author expects (text beside a table placeholder, an unclosed `{{`). */
  warnings: string[];
  /** Width between the page margins of the body's last section, twentieths of a point: tables are laid out to it. */
  textWidth: number;
  /** A Word template (.dotx): the filled files are saved as documents. */
  isDotx: boolean;
}

const MAIN_DOCUMENT = 'word/document.xml';
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const DOTX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
/** A4 with 2.54 cm margins: the width when a file does not say. */
const DEFAULT_TEXT_WIDTH = 9026;

function partOf(name: string): TemplatePart | null {
  if (name === MAIN_DOCUMENT) return 'body';
  if (/^word\/header\d*\.xml$/.test(name)) return 'header';
  if (/^word\/footer\d*\.xml$/.test(name)) return 'footer';
  if (name === 'word/footnotes.xml' || name === 'word/endnotes.xml') return 'notes';
  return null;
}

/** What a file that is not a .docx most likely is, for a message that helps. */
function notADocx(bytes: Uint8Array): TemplateError {
  const head = Array.from(bytes.subarray(0, 8));
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return new TemplateError('This is an older Word file (.doc). Open it in Word and save it as a Word Document (.docx), then choose it again.');
  }
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === '{\\rtf') return new TemplateError('This is a Rich Text file (.rtf). Save it as a Word Document (.docx), then choose it again.');
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-') return new TemplateError('This is a PDF. A template must be a Word Document (.docx) with placeholders such as {{learner.name}}.');
  return new TemplateError('This file is not a Word document (.docx). Choose a .docx with placeholders such as {{learner.name}}.');
}

interface OpenedTemplate {
  zip: JSZip;
  /** XML parts that can hold placeholders, by name. */
  parts: Map<string, string>;
  contentTypes: string;
}

/** Unpacks one entry, refusing it once it passes `cap` bytes (a zip bomb stops here, not in memory). */
function readCapped(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > cap) {
        settled = true;
        stream.pause();
        stream.removeAllListeners('data');
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(new Uint8Array(Buffer.concat(chunks, size)));
    });
  });
}

async function openTemplate(bytes: Uint8Array): Promise<OpenedTemplate> {
  if (bytes.length === 0) throw new TemplateError('The template file is empty.');
  if (bytes.length > TEMPLATE_LIMITS.fileBytes) throw new TemplateError(`The template is ${Math.round(bytes.length / 1024 / 1024)} MB; a Word template over 20 MB is refused. Make the pictures in it smaller and try again.`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw notADocx(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new TemplateError('The template file is damaged: it could not be unpacked as a Word document (.docx).');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > TEMPLATE_LIMITS.entries) throw new TemplateError(`The template holds ${entries.length} files; a Word document never needs that many. It was refused.`);
  if (!zip.file(MAIN_DOCUMENT) || !zip.file('[Content_Types].xml')) {
    if (zip.file('content.xml') && zip.file('mimetype')) throw new TemplateError('This is an OpenDocument file (.odt). Save it as a Word Document (.docx), then choose it again.');
    if (zip.file('xl/workbook.xml')) throw new TemplateError('This is an Excel workbook. A template must be a Word Document (.docx).');
    if (zip.file('ppt/presentation.xml')) throw new TemplateError('This is a PowerPoint presentation. A template must be a Word Document (.docx).');
    throw new TemplateError('This file is not a Word document (.docx): it has no document body.');
  }

  const parts = new Map<string, string>();
  let contentTypes = '';
  let unpacked = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const entry of entries) {
    const isXml = /\.(xml|rels)$/i.test(entry.name);
    let data: Uint8Array | null;
    try {
      data = await readCapped(entry, isXml ? TEMPLATE_LIMITS.partBytes : TEMPLATE_LIMITS.unpackedBytes - unpacked);
    } catch {
      throw new TemplateError(`The template file is damaged: ${cleanLine(entry.name).slice(0, 80)} could not be unpacked.`);
    }
    if (data === null) throw new TemplateError(`The template unpacks to more than a Word document ever holds (${entry.name.slice(0, 80)}). It was refused.`);
    unpacked += data.length;
    if (unpacked > TEMPLATE_LIMITS.unpackedBytes) throw new TemplateError('The template unpacks to more than 150 MB. It was refused.');
    if (!isXml) continue;
    const xml = decoder.decode(data);
    // Entity declarations are how XML files explode or reach outside themselves; Word never writes them.
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new TemplateError(`The template contains a DOCTYPE or entity declaration (${entry.name.slice(0, 80)}), which Word never writes. It was refused.`);
    if (entry.name === '[Content_Types].xml') contentTypes = xml;
    if (partOf(entry.name)) parts.set(entry.name, xml);
  }
  if (/macroEnabled/i.test(contentTypes) || zip.file('word/vbaProject.bin')) {
    throw new TemplateError('The template contains macros (.docm or .dotm). Save it as a Word Document (.docx) without macros, then choose it again.');
  }
  return { zip, parts, contentTypes };
}

// ---------------------------------------------------------------------------------------------
// Reading placeholders

const PLACEHOLDER = /\{\{([^{}]{1,120})\}\}/g;

function decodeXmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
    }
  });
}

interface ScannedParagraph {
  text: string;
  /** Width of the table cell the paragraph is in (twentieths of a point), null outside tables or when the cell does not say. */
  cellWidth: number | null;
  inCell: boolean;
}

/** Each paragraph of a part with its text (runs joined) and the width of the cell it sits in. */
function scanParagraphs(xml: string): ScannedParagraph[] {
  const out: ScannedParagraph[] = [];
  const paragraphs: string[] = [];
  const cells: (number | null)[] = [];
  const token = /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>|<w:t(?=[\s>])[^>]*>([^<]*)<\/w:t>|<w:tab\/>|<w:tc(?=[\s>])[^>]*>|<\/w:tc>|<w:tcW\s[^>]*>/g;
  for (let match = token.exec(xml); match !== null; match = token.exec(xml)) {
    const [whole] = match;
    if (whole.startsWith('<w:tcW')) {
      const width = /w:w="(\d+)"/.exec(whole)?.[1];
      const dxa = !/w:type="(?!dxa)/.test(whole);
      if (cells.length > 0) cells[cells.length - 1] = width !== undefined && dxa ? Number(width) : null;
    } else if (whole.startsWith('<w:tc')) {
      cells.push(null);
    } else if (whole === '</w:tc>') {
      cells.pop();
    } else if (whole.startsWith('<w:p')) {
      if (match[1] !== '/') paragraphs.push('');
    } else if (whole === '</w:p>') {
      const text = paragraphs.pop();
      if (text !== undefined) out.push({ text, cellWidth: cells.at(-1) ?? null, inCell: cells.length > 0 });
    } else if (paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] += whole === '<w:tab/>' ? '\t' : decodeXmlText(match[2] ?? '');
    }
  }
  return out;
}

/** The text of each paragraph of a part, runs joined (nested paragraphs, as in text boxes, on their own). */
export function paragraphTexts(xml: string): string[] {
  return scanParagraphs(xml).map((paragraph) => paragraph.text);
}

function textWidthOf(documentXml: string): number {
  const sections = documentXml.match(/<w:sectPr[\s>][\s\S]*?<\/w:sectPr>/g);
  const last = sections?.at(-1) ?? '';
  const attribute = (element: string, name: string): number | null => {
    const tag = new RegExp(`<w:${element}\\s[^>]*>`).exec(last)?.[0] ?? '';
    const value = new RegExp(`w:${name}="(-?\\d+)"`).exec(tag)?.[1];
    return value === undefined ? null : Number(value);
  };
  const width = attribute('pgSz', 'w');
  const left = attribute('pgMar', 'left') ?? attribute('pgMar', 'start') ?? 1440;
  const right = attribute('pgMar', 'right') ?? attribute('pgMar', 'end') ?? 1440;
  if (width === null) return DEFAULT_TEXT_WIDTH;
  const text = width - left - right;
  return text >= 1440 && text <= 31680 ? text : DEFAULT_TEXT_WIDTH;
}

export async function inspectClientTemplate(bytes: Uint8Array): Promise<TemplateInspection> {
  const { parts, contentTypes } = await openTemplate(bytes);
  return inspectParts(parts, contentTypes);
}

function inspectParts(parts: ReadonlyMap<string, string>, contentTypes: string): TemplateInspection {
  const found = new Map<string, TemplatePlaceholder>();
  const warnings: string[] = [];
  const mixed = new Set<string>();
  const order = [...parts.keys()].sort((a, b) => (a === MAIN_DOCUMENT ? -1 : b === MAIN_DOCUMENT ? 1 : a.localeCompare(b)));
  const inText = new Set<string>();
  // Row fields must sit in a table cell.
  const inTable = new Set<string>();
  const entryFor = (raw: string): TemplatePlaceholder => {
    let entry = found.get(raw);
    if (!entry) {
      if (found.size >= TEMPLATE_LIMITS.placeholders) throw new TemplateError(`The template has more than ${TEMPLATE_LIMITS.placeholders} different placeholders. It was refused.`);
      const info = placeholderInfo(raw);
      entry = {
        raw,
        name: canonicalPlaceholder(raw),
        known: info !== null,
        kind: info?.kind ?? null,
        suggestion: info ? null : suggestPlaceholder(raw),
        parts: [],
        count: 0,
        alone: true,
        cellWidth: null,
        picture: null,
      };
      found.set(raw, entry);
    }
    return entry;
  };
  for (const name of order) {
    const part = partOf(name)!;
    // Pictures whose alt text (description or title) holds a placeholder: only an image can replace them.
    for (const drawing of parts.get(name)!.match(/<w:drawing>[\s\S]*?<\/w:drawing>/g) ?? []) {
      const docPr = /<wp:docPr\s[^>]*>/.exec(drawing)?.[0] ?? '';
      const alt = [/\sdescr="([^"]*)"/.exec(docPr)?.[1] ?? '', /\stitle="([^"]*)"/.exec(docPr)?.[1] ?? ''].map(decodeXmlText).join(' ');
      const extent = /<wp:extent\s+cx="(\d+)"\s+cy="(\d+)"/.exec(drawing);
      const size = extent ? { width: Math.max(1, Math.round(Number(extent[1]) / 9525)), height: Math.max(1, Math.round(Number(extent[2]) / 9525)) } : null;
      for (const match of alt.matchAll(PLACEHOLDER)) {
        const entry = entryFor(match[1]!.trim());
        entry.count += 1;
        if (!entry.parts.includes(part)) entry.parts.push(part);
        if (entry.known && entry.kind !== 'image') {
          if (!mixed.has(`picture:${entry.raw}`)) warnings.push(`{{${entry.raw}}} is in a picture’s alt text, where only {{organisation.logo}} does anything; it is left there as typed.`);
          mixed.add(`picture:${entry.raw}`);
        } else if (size) {
          entry.picture = entry.picture && entry.picture.width * entry.picture.height <= size.width * size.height ? entry.picture : size;
        }
      }
    }
    for (const { text, cellWidth, inCell } of scanParagraphs(parts.get(name)!)) {
      if (inCell) for (const match of text.matchAll(PLACEHOLDER)) inTable.add(match[1]!.trim());
      const matches = [...text.matchAll(PLACEHOLDER)];
      const rest = text.replace(PLACEHOLDER, '');
      if (rest.includes('{{')) {
        const at = rest.indexOf('{{');
        warnings.push(`An unclosed placeholder in the ${part}: "${cleanLine(rest.slice(at, at + 40))}…" needs a closing }}.`);
      }
      const alone = matches.length === 1 && rest.trim() === '';
      for (const match of matches) {
        const raw = match[1]!.trim();
        const entry = entryFor(raw);
        inText.add(raw);
        entry.count += 1;
        if (cellWidth !== null) entry.cellWidth = Math.min(entry.cellWidth ?? cellWidth, cellWidth);
        if (!entry.parts.includes(part)) entry.parts.push(part);
        if (!alone) {
          entry.alone = false;
          if (entry.kind === 'table' && !mixed.has(raw)) {
            mixed.add(raw);
            warnings.push(`{{${raw}}} becomes a table, which needs a paragraph of its own: the other text in its paragraph will be replaced too.`);
          }
        }
      }
    }
  }
  const placeholders = [...found.values()];
  for (const entry of placeholders) {
    if (entry.kind === 'row') {
      const prefix = rowPrefix(entry.raw);
      if (!inTable.has(entry.raw)) {
        warnings.push(`{{${entry.raw}}} repeats a table row, so it belongs in a row of a table; elsewhere it is left as typed.`);
      }
      if (found.has(prefix) && !mixed.has(`whole:${prefix}`)) {
        mixed.add(`whole:${prefix}`);
        warnings.push(`{{${prefix}}} and the row fields of the same table are both in the template: the rows are filled, and {{${prefix}}} is left as typed.`);
      }
    }
    if (entry.picture && inText.has(entry.raw)) {
      warnings.push(`{{${entry.raw}}} is both in a picture’s alt text and in the text: the picture becomes the logo and the one in the text is left as typed. Use one or the other.`);
    }
  }
  return {
    placeholders,
    unknown: placeholders.filter((entry) => !entry.known),
    warnings,
    textWidth: textWidthOf(parts.get(MAIN_DOCUMENT) ?? ''),
    isDotx: contentTypes.includes(DOTX_MAIN),
  };
}

/** `plan.goals` for `plan.goals.capability`, as typed. */
function rowPrefix(raw: string): string {
  return raw.slice(0, raw.lastIndexOf('.'));
}

/** One line per unknown placeholder, for the CLI and the Export workspace. */
export function describeUnknown(placeholder: TemplatePlaceholder): string {
  const where = placeholder.parts.join(', ');
  const times = placeholder.count === 1 ? '' : `, ${placeholder.count} times`;
  return `{{${cleanLine(placeholder.raw)}}} (${where}${times})${placeholder.suggestion ? `: did you mean {{${placeholder.suggestion}}}?` : ': not a placeholder the studio knows'}`;
}

// ---------------------------------------------------------------------------------------------
// Filling

/** Half-points: tables a little smaller than any body text, so six columns fit (the template's font is kept). */
const TABLE_SIZE = 18;

export interface FillOptions {
  /** The template as read by `inspectClientTemplate`; read again when absent. */
  inspection?: TemplateInspection;
  /** Header rows of tables take this colour (`#RRGGBB`); default the studio's navy. */
  accentColor?: string;
  /** The filled file's title in File > Info. */
  title?: string;
}

interface Look {
  accent: string;
  onAccent: string;
  accentText: string;
  width: number;
}

/**
 * A value that itself reads like a placeholder (a learner named "{{plan.goals}}") must stay text:
 * `patchDocument` keeps looking for placeholders in what it has just inserted. An invisible word
 * joiner between the braces breaks the pattern and changes nothing a reader sees.
 */
export function inert(text: string): string {
  return text.replace(/\{(?=\{)/g, '{\u2060').replace(/\}(?=\})/g, '}\u2060');
}

function runsOf(runs: Runs, base: { bold?: boolean; color?: string; size?: number } = {}): ParagraphChild[] {
  return runs.map((run) => {
    const text = inert(cleanText(run.text).replace(/\s*\n\s*/g, ' '));
    const color = run.tone === 'muted' ? MUTED : base.color;
    const options = { text, bold: run.bold || base.bold || undefined, italics: run.italic || undefined, color, size: base.size };
    const link = run.link ? safeLink(run.link) : null;
    if (link === null) return new TextRun(options);
    // "Hyperlink" is Word's built-in character style: blue and underlined in any template that has it.
    return new ExternalHyperlink({ link, children: [new TextRun({ ...options, style: 'Hyperlink' })] });
  });
}

function paragraphOf(paragraph: PlaceholderParagraph): Paragraph {
  const base = paragraph.note ? { color: MUTED } : {};
  return new Paragraph({ bullet: paragraph.bullet ? { level: 0 } : undefined, children: runsOf(paragraph.runs, base) });
}

const TONES: Readonly<Record<NonNullable<ModelCell['tone']>, { bold?: boolean; color?: string }>> = {
  default: {},
  strong: { bold: true },
  muted: { color: MUTED },
  alert: { bold: true, color: ALERT },
  good: { bold: true, color: GOOD },
};

/** A real Word table: header row repeated on every page, widths shared across the template's text width. */
function tableOf(block: TableBlock, look: Look, signing = false): Table {
  const total = block.columns.reduce((sum, column) => sum + Math.max(column.width, 0), 0) || block.columns.length;
  const widths = block.columns.map((column) => Math.floor((Math.max(column.width, 0) / total) * look.width));
  const border = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const alignment = (align: 'left' | 'right' | 'center' | undefined): (typeof AlignmentType)[keyof typeof AlignmentType] | undefined =>
    align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : undefined;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (column, index) =>
        new TableCell({
          width: { size: widths[index]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: look.accent, color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [new Paragraph({ alignment: alignment(column.align), spacing: { before: 0, after: 0 }, children: [new TextRun({ text: inert(cleanLine(column.header)), bold: true, color: look.onAccent, size: TABLE_SIZE })] })],
        }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        height: signing ? { value: 720, rule: HeightRule.ATLEAST } : undefined,
        cantSplit: row.every((cell) => cell.lines.reduce((sum, line) => sum + line.reduce((length, run) => length + run.text.length, 0), 0) < 400) || undefined,
        children: block.columns.map((column, index) => {
          const cell = row[index] ?? { lines: [] };
          const lines = cell.lines.length > 0 ? cell.lines : [[{ text: '' }]];
          return new TableCell({
            width: { size: widths[index]!, type: WidthType.DXA },
            children: lines.map((runs, lineIndex) => new Paragraph({ alignment: alignment(column.align), spacing: { before: lineIndex > 0 ? 40 : 0, after: 0 }, children: runsOf(runs, { ...TONES[cell.tone ?? 'default'], size: TABLE_SIZE }) })),
          });
        }),
      }),
  );
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [header, ...rows],
  });
}

/** The logo typed in text: at most this many pixels (96 dpi), about 4.5 × 1.6 cm. */
const LOGO_BOX = { width: 170, height: 60 };

/** The image's size scaled to fit the box, keeping its proportions; scaled up only when `grow` (a picture the template sized). */
function fit(image: { width: number; height: number }, box: { width: number; height: number }, grow = false): { width: number; height: number } {
  const scale = Math.min(box.width / image.width, box.height / image.height, grow ? Infinity : 1);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

function textPatch(text: string): IPatch {
  return { type: PatchType.PARAGRAPH, children: [new TextRun(inert(cleanLine(text)))] };
}

/** The patch for one placeholder: inline text where it shares a paragraph, whole paragraphs or a table where it is alone. */
function patchFor(value: PlaceholderValue, alone: boolean, look: Look): IPatch {
  switch (value.kind) {
    case 'text':
      return { type: PatchType.PARAGRAPH, children: runsOf(value.runs) };
    case 'row':
      // Row fields are filled by their table's TABLE_ROWS patch; never reached.
      return textPatch('');
    case 'paragraphs': {
      if (alone) return value.paragraphs.length === 0 ? textPatch('') : { type: PatchType.DOCUMENT, children: value.paragraphs.map(paragraphOf) };
      // Inside a sentence: the paragraphs as lines of that paragraph, keeping its style.
      const children: ParagraphChild[] = [];
      value.paragraphs.forEach((paragraph, index) => {
        if (index > 0) children.push(new TextRun({ text: '', break: 1 }));
        children.push(...runsOf(paragraph.bullet ? [{ text: '• ' }, ...paragraph.runs] : paragraph.runs));
      });
      return { type: PatchType.PARAGRAPH, children };
    }
    case 'image': {
      const logo = value.image;
      if (!logo) return textPatch('');
      const size = fit(logo, LOGO_BOX);
      return { type: PatchType.PARAGRAPH, children: [new ImageRun({ type: logo.format === 'png' ? 'png' : 'jpg', data: logo.bytes, transformation: size, altText: { name: 'Logo', description: 'Logo', title: 'Logo' } })] };
    }
    case 'table':
      if (value.table === null || value.table.rows.length === 0) return alone ? { type: PatchType.DOCUMENT, children: [new Paragraph({ children: [new TextRun({ text: inert(cleanLine(value.empty)), color: MUTED })] })] } : textPatch(value.empty);
      return { type: PatchType.DOCUMENT, children: [tableOf(value.table, look, value.signing)] };
  }
}

/** .dotx → .docx: the same package saved as a document, so Word opens the filled file rather than a new one from it. */
async function asDocument(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.split(DOTX_MAIN).join(DOCX_MAIN));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Fills the template with one plan's values. Unknown placeholders are left as typed (the caller
 * decides beforehand whether that is acceptable); known ones the template lacks are simply unused.
 */
export async function fillClientTemplate(bytes: Uint8Array, values: PlaceholderValues, options: FillOptions = {}): Promise<Uint8Array> {
  const inspection = options.inspection ?? (await inspectClientTemplate(bytes));
  const accent = normaliseColor(options.accentColor, DEFAULT_ACCENT);
  const look: Look = { accent, onAccent: textOn(accent), accentText: readableOnWhite(accent), width: inspection.textWidth };
  const patches: Record<string, IPatch | ImagePatch | TableRowsPatch> = {};
  for (const placeholder of inspection.placeholders) {
    if (!placeholder.known || placeholder.kind === 'row') continue;
    const value = values[placeholder.name];
    if (!value) continue;
    if (value.kind === 'image' && placeholder.picture) {
      // A picture whose alt text names the logo: the logo takes its place, within its size, proportions kept.
      // Without a logo the template's own picture stays.
      if (value.image) {
        const logo = value.image;
        patches[placeholder.raw] = new ImagePatch({ type: logo.format === 'png' ? 'png' : 'jpg', data: logo.bytes, transformation: fit(logo, placeholder.picture, true), altText: { description: 'Logo', title: 'Logo' } });
      }
      continue;
    }
    // In a table cell, a table fits the cell (less Word's default cell margins) rather than the page.
    const width = placeholder.cellWidth === null ? look.width : Math.max(1440, Math.min(look.width, placeholder.cellWidth - 216));
    patches[placeholder.raw] = patchFor(value, placeholder.alone, { ...look, width });
  }
  // Row fields: one TABLE_ROWS patch per table (as its prefix is typed) repeating the row once per item.
  const rowGroups = new Map<string, TemplatePlaceholder[]>();
  for (const placeholder of inspection.placeholders) {
    if (!placeholder.known || placeholder.kind !== 'row') continue;
    const prefix = rowPrefix(placeholder.raw);
    rowGroups.set(prefix, [...(rowGroups.get(prefix) ?? []), placeholder]);
  }
  for (const [prefix, fields] of rowGroups) {
    const columns = fields.map((field) => ({ key: field.raw.slice(prefix.length + 1), value: values[field.name] }));
    const count = Math.max(0, ...columns.map(({ value }) => (value?.kind === 'row' ? value.cells.length : 0)));
    const rows = Array.from({ length: count }, (_, index) =>
      Object.fromEntries(
        columns.map(({ key, value }) => {
          const cell = value?.kind === 'row' ? value.cells[index] : undefined;
          const children: ParagraphChild[] = [];
          (cell?.lines ?? []).forEach((line, lineIndex) => {
            if (lineIndex > 0) children.push(new TextRun({ text: '', break: 1 }));
            children.push(...runsOf(line, TONES[cell?.tone ?? 'default']));
          });
          return [key, { type: PatchType.PARAGRAPH, children } satisfies IPatch];
        }),
      ),
    );
    patches[prefix] = { type: PatchType.TABLE_ROWS, rows };
  }
  const data = inspection.isDotx ? await asDocument(bytes) : bytes;
  const title = options.title ? cleanLine(options.title) : '';
  const out = await patchDocument({
    outputType: 'uint8array',
    data,
    patches,
    keepOriginalStyles: true,
    trimPlaceholders: true,
    recursive: true,
    ...(title ? { properties: { title } } : {}),
  });
  return out;
}
