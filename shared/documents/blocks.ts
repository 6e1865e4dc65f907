/** Small constructors that keep the document builders readable and every string cleaned. */
import type {
  Block,
  BulletListBlock,
  HeadingBlock,
  KeyValueBlock,
  KeyValueEntry,
  ParagraphBlock,
  Runs,
  TableBlock,
  TableCell,
  TableColumn,
  TextRun,
} from './model';
import { cleanLine, cleanText, linkLabel, paragraphsOf, safeLink } from './text';

export function text(value: string, style: Omit<TextRun, 'text' | 'link'> = {}): TextRun {
  return { text: cleanText(value), ...style };
}

export function bold(value: string): TextRun {
  return text(value, { bold: true });
}

export function muted(value: string): TextRun {
  return text(value, { tone: 'muted' });
}

/** A link run when the target is http/https/mailto, else the target as plain text (never clickable). */
export function link(target: string, label?: string): TextRun {
  const safe = safeLink(target);
  if (safe === null) return text(cleanLine(label ?? target));
  return { text: cleanLine(label ?? linkLabel(safe)), link: safe };
}

export function heading(level: HeadingBlock['level'], value: string): HeadingBlock {
  return { type: 'heading', level, text: cleanLine(value) };
}

export function paragraph(runs: Runs | string, style?: ParagraphBlock['style']): ParagraphBlock {
  const content = typeof runs === 'string' ? [text(runs)] : runs;
  return style ? { type: 'paragraph', runs: content, style } : { type: 'paragraph', runs: content };
}

/** A long text field as paragraphs (one per line of the source), or `fallback` when it is empty. */
export function paragraphs(value: string, fallback: string, style?: ParagraphBlock['style']): ParagraphBlock[] {
  const lines = paragraphsOf(value);
  if (lines.length === 0) return [paragraph([muted(fallback)], 'note')];
  return lines.map((line) => paragraph(line, style));
}

export function bullets(items: readonly (Runs | string)[], ordered = false): BulletListBlock {
  const content = items.map((item) => (typeof item === 'string' ? [text(cleanLine(item))] : item));
  return ordered ? { type: 'bullets', ordered: true, items: content } : { type: 'bullets', items: content };
}

export function cell(content: Runs | string | readonly Runs[], tone?: TableCell['tone']): TableCell {
  let lines: readonly Runs[];
  if (typeof content === 'string') lines = paragraphsOf(content).map((line) => [text(line)]);
  else if (content.length > 0 && Array.isArray(content[0])) lines = content as readonly Runs[];
  else lines = [content as Runs];
  if (lines.length === 0) lines = [[text('')]];
  return tone ? { lines, tone } : { lines };
}

export function table(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[], caption?: string): TableBlock {
  const clean = columns.map((column) => ({ ...column, header: cleanLine(column.header) }));
  return caption ? { type: 'table', columns: clean, rows, caption: cleanLine(caption) } : { type: 'table', columns: clean, rows };
}

export function keyValue(entries: readonly (readonly [string, Runs | string])[]): KeyValueBlock {
  const clean: KeyValueEntry[] = entries
    .map(([key, value]) => ({ key: cleanLine(key), value: typeof value === 'string' ? [text(cleanLine(value))] : value }))
    .filter((entry) => entry.value.some((run) => run.text.trim().length > 0));
  return { type: 'key-value', entries: clean };
}

export const pageBreak: Block = { type: 'page-break' };
