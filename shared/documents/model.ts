/**
 * The export-neutral document model: what an exported plan, manager summary or framework guide
 * says, in a tree of a few block types that both the Word and the PDF renderer (and, later, the
 * in-studio preview) know how to draw. Pure data: no renderer, no Node, no DOM.
 *
 * Every string in a model is display text, already cleaned of characters no document format can
 * hold (see `cleanText`). Links are kept only when they are http, https or mailto; renderers check
 * again before making anything clickable.
 */

export type DocumentLanguage = 'en-GB' | 'en-US';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['en-GB', 'en-US'];

export type DocumentKind = 'plan' | 'manager-summary' | 'framework-guide';

/** A stretch of text with one look. `link` is an http(s)/mailto URL, never anything else. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  link?: string;
  /** `muted` for secondary text (dates, providers), `accent` for the organisation's colour. */
  tone?: 'muted' | 'accent';
}

export type Runs = readonly TextRun[];

export interface HeadingBlock {
  type: 'heading';
  /** 1 starts a section (Word's Heading 1, the PDF's outline); 2 and 3 are sub-headings. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Runs;
  /** `lead` is a larger introduction, `note` small muted text (sources, captions). */
  style?: 'body' | 'lead' | 'note';
}

export interface BulletListBlock {
  type: 'bullets';
  ordered?: boolean;
  items: readonly Runs[];
}

export interface TableColumn {
  header: string;
  /** Relative width; renderers share the page width in proportion. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface TableCell {
  /** One or more paragraphs. */
  lines: readonly Runs[];
  /** `strong` for the key column, `muted` for secondary values, `alert`/`good` for gaps. */
  tone?: 'default' | 'strong' | 'muted' | 'alert' | 'good';
}

export interface TableBlock {
  type: 'table';
  columns: readonly TableColumn[];
  /** Every row has one cell per column. The header row repeats on every page a table spans. */
  rows: readonly (readonly TableCell[])[];
  caption?: string;
}

export interface KeyValueEntry {
  key: string;
  value: Runs;
}

export interface KeyValueBlock {
  type: 'key-value';
  entries: readonly KeyValueEntry[];
}

export type TimelineBarKind = 'assessment' | 'core' | 'option' | 'capstone' | 'milestone' | 'check-in' | 'other';

export interface TimelineBar {
  label: string;
  /** `YYYY-MM-DD`, inclusive. */
  start: string;
  end: string;
  kind: TimelineBarKind;
  /** Drawn as a diamond on its date rather than a bar. */
  milestone: boolean;
}

/** A Gantt chart: one bar per dated item across the plan period. */
export interface TimelineBlock {
  type: 'timeline';
  /** The period the chart spans, `YYYY-MM-DD` inclusive. */
  start: string;
  end: string;
  bars: readonly TimelineBar[];
  caption?: string;
}

export interface SignOffParty {
  role: string;
  name: string;
  /** Already formatted, or null for an empty line to sign on. */
  date: string | null;
}

export interface SignOffBlock {
  type: 'sign-off';
  parties: readonly SignOffParty[];
}

export interface PageBreakBlock {
  type: 'page-break';
}

/** What a diagram's text or swatch is coloured as: ink, muted, a step kind's colour or a 70-20-10 category's. */
export type DiagramTone = 'ink' | 'muted' | DiagramStepKind | 'experiential' | 'social' | 'formal';
export type DiagramStepKind = 'pre-assessment' | 'core' | 'optional-group' | 'post-assessment' | 'capstone' | 'milestone' | 'check-in';

/** One line of text, already wrapped and placed: `y` is the top of the line box (baseline = y + 0.928 × size for DejaVu Sans). */
export interface DiagramText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  tone: DiagramTone;
  /** The width the layout allowed; a renderer shrinks the line if its real width is wider. */
  maxWidth: number;
}

/** A filled rectangle inside a box: a category chip's background or a member's colour marker. */
export interface DiagramSwatch {
  x: number;
  y: number;
  w: number;
  h: number;
  tone: DiagramTone;
  /** `tint`: the category's pale background; `solid`: its strong colour. */
  fill: 'tint' | 'solid';
}

export interface DiagramMember {
  title: string;
  detail: string;
  category: 'experiential' | 'social' | 'formal' | null;
}

/** One pathway step. Coordinates are points from the diagram's top-left corner. */
export interface DiagramBox {
  id: string;
  /** 1-based position in the pathway order (the same numbers as the guide's step list). */
  step: number;
  kind: DiagramStepKind;
  x: number;
  y: number;
  w: number;
  h: number;
  titleLines: readonly string[];
  subtitleLines: readonly string[];
  /** An optional group's activities. */
  members: readonly DiagramMember[];
  /** Every text line the box shows, placed. */
  texts: readonly DiagramText[];
  swatches: readonly DiagramSwatch[];
}

/**
 * A sequence arrow as a polyline: it leaves the source box's right side and, when `to` is set,
 * ends on the target box's left side with an arrowhead at the last point. A connector whose other
 * end is in another part of a split diagram has `label` ("to step 9", "from step 8") at `labelAt`.
 */
export interface DiagramConnector {
  from: string | null;
  to: string | null;
  points: readonly { x: number; y: number }[];
  arrow: boolean;
  label?: DiagramText;
}

export interface DiagramLegendEntry {
  swatch: DiagramSwatch;
  text: DiagramText;
}

/** The pathway drawn as boxes and arrows, laid out to fit the page width. */
export interface DiagramBlock {
  type: 'diagram';
  width: number;
  height: number;
  boxes: readonly DiagramBox[];
  connectors: readonly DiagramConnector[];
  legend: readonly DiagramLegendEntry[];
  /** Read out instead of the picture: the steps in order (alt text). */
  description: string;
  /** A level-2 heading drawn above the picture and kept on its page (a heading never ends a page). */
  heading?: string;
  caption?: string;
}

export type Block = HeadingBlock | ParagraphBlock | BulletListBlock | TableBlock | KeyValueBlock | TimelineBlock | DiagramBlock | SignOffBlock | PageBreakBlock;
export type BlockType = Block['type'];

export interface CoverHighlight {
  value: string;
  label: string;
}

export interface Cover {
  /** `page`: a cover page of its own; `banner`: a compact title band on the first page. */
  layout: 'page' | 'banner';
  /** Small line above the title (the organisation). */
  eyebrow: string;
  title: string;
  subtitle: string;
  fields: readonly KeyValueEntry[];
  /** A few figures at a glance (goals, hours, weeks). */
  highlights: readonly CoverHighlight[];
  note: string;
}

export interface ImageData {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  /** Pixels, from the image header. */
  width: number;
  height: number;
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author: string;
  keywords: readonly string[];
  language: DocumentLanguage;
  /** `YYYY-MM-DD`. */
  createdOn: string;
}

export interface DocumentSection {
  /** Stable within a document (for a preview's navigation). */
  id: string;
  title: string;
  blocks: readonly Block[];
}

export interface DocumentModel {
  kind: DocumentKind;
  meta: DocumentMeta;
  theme: {
    /** `RRGGBB`, upper case, no `#`. */
    accentColor: string;
    /** The built-in look (cover, headings, tables); absent means `classic`. */
    template?: 'classic' | 'modern';
    /** Absent means `sans`. */
    font?: 'sans' | 'serif';
  };
  organisation: { name: string; logo: ImageData | null };
  /** Small text at the foot of every page, beside the page number. */
  footer: string;
  cover: Cover | null;
  /** Each section starts with its title as a level-1 heading. */
  sections: readonly DocumentSection[];
}
