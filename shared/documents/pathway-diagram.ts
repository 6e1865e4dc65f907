/**
 * The pathway as a diagram for documents: boxes and arrows laid out left to right by sequence,
 * fitted to the page width. Pure: it places every box, text line and arrow in points, so the Word
 * (SVG) and PDF (vector) drawings are the same picture and neither renderer measures anything.
 *
 * Layout
 * - A step's column (rank) is the longest path to it from a start, over the edges that agree with
 *   the pathway order (`orderPathway`): a loop or a node nobody links to cannot crash the layout,
 *   it just lands in a column (validation may be failing while someone exports).
 * - Steps in the same column are stacked by their saved canvas position (y, then x, then id).
 * - A page is narrow, so the columns wrap into rows ("bands") of as many columns as fit at a
 *   readable box width (92 pt at least, text at 6–7.6 pt). A 40-step framework becomes ten rows
 *   read like text instead of one strip shrunk to a hair: font sizes never go down with size.
 *   When the rows are taller than `maxHeight` (a page) the diagram is split into parts at row
 *   boundaries, each a block of its own, with "continues at step N" / "from step N" arrows.
 * - Arrows are orthogonal: out of the source's right side, through the gap after its column,
 *   along a lane above the row (skipping columns) or the gap below it (to a later row), and into
 *   the target's left side.
 *
 * Text is wrapped with DejaVu Sans' own character widths (the documents' font), a little wide
 * so lines never overflow; renderers shrink a line that still would (kerning, unusual scripts).
 */
import { orderPathway } from '../domain/plans';
import type { Activity, Framework, LearningCategory, PathwayNode } from '../domain/schema';
import { CATEGORY_LABELS, CATEGORY_SHARES, MODALITY_LABELS } from './labels';
import type { DiagramBlock, DiagramBox, DiagramConnector, DiagramLegendEntry, DiagramMember, DiagramStepKind, DiagramSwatch, DiagramText, DiagramTone } from './model';
import { cleanLine, formatHours, formatNumber } from './text';

export interface PathwayDiagramOptions {
  /** The width available, in points (the page's text width). */
  width: number;
  /** Split into parts no taller than this many points (a page less room for a heading); default: never split. */
  maxHeight?: number;
  /** A step's title; default its label, else its activity's title, else its kind. */
  title?: (node: PathwayNode) => string;
  /** Above the first part. */
  heading?: string;
  caption?: string;
}

// ---------------------------------------------------------------------------------------------
// Geometry (points)

export const DIAGRAM_METRICS = {
  minBoxWidth: 92,
  maxBoxWidth: 150,
  /** Between columns; arrows turn in the middle of it. Also the gutter either side of the diagram. */
  columnGap: 22,
  /** Between boxes stacked in one column. */
  stackGap: 10,
  /** Above each row: the lane for arrows that skip columns. */
  laneHeight: 12,
  /** Below each row before the next: where arrows to a later row run. */
  crossHeight: 16,
  padLeft: 8,
  padRight: 6,
  padTop: 6,
  padBottom: 6,
  kind: { size: 6, leading: 8.2 },
  title: { size: 7.6, leading: 9.4 },
  subtitle: { size: 6.4, leading: 8.2 },
  chip: { size: 5.8, height: 9 },
  member: { size: 6.3, leading: 7.8 },
  legend: { size: 6.4, height: 18 },
  titleMaxLines: 4,
  memberMaxLines: 2,
  maxMembersShown: 12,
} as const;

const M = DIAGRAM_METRICS;

const KIND_TEXT: Readonly<Record<DiagramStepKind, string>> = {
  'pre-assessment': 'Pre-assessment',
  core: 'Core activity',
  'optional-group': 'Options',
  'post-assessment': 'Post-assessment',
  capstone: 'Capstone',
  milestone: 'Milestone',
  'check-in': 'Manager check-in',
};

// ---------------------------------------------------------------------------------------------
// Text width estimate and wrapping

/** DejaVu Sans advance widths of ASCII 32–126, in thousandths of an em (read from the fonts with fontkit). */
const ASCII_REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
  770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const ASCII_BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
  830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
  712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
/** Common typographic characters the documents use. */
const OTHER: Readonly<Record<string, readonly [number, number]>> = { '–': [500, 500], '—': [1000, 1000], '…': [1000, 1000], '·': [318, 380], '’': [318, 380], '“': [518, 657], '”': [518, 657], '→': [838, 838], '•': [590, 639] };

/**
 * Width of `text` in DejaVu Sans at `size` points: exact for ASCII (no kerning), an upper-case
 * width for other Latin letters and a full em for wide scripts, plus 2% so wrapped lines never touch
 * the box edge.
 */
export function estimateWidth(text: string, size: number, bold = false): number {
  let thousandths = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 32 && code < 127) thousandths += (bold ? ASCII_BOLD : ASCII_REGULAR)[code - 32]!;
    else if (OTHER[char]) thousandths += OTHER[char][bold ? 1 : 0];
    else if (code >= 0x1100) thousandths += 1000;
    else thousandths += bold ? 780 : 700;
  }
  return (thousandths / 1000) * size * 1.02;
}

/**
 * Word-wraps to `width`, at most `maxLines` lines (the last ends in "…" when text was cut). A word
 * wider than a line is broken between characters.
 */
export function wrapText(text: string, width: number, size: number, bold: boolean, maxLines = Infinity): string[] {
  // "20 h" and "· next" stay together: a line never starts with a unit or a separator.
  const words: string[] = [];
  for (const word of cleanLine(text).split(' ').filter(Boolean)) {
    const previous = words[words.length - 1];
    if (previous !== undefined && (word === '·' || (word === 'h' && /\d$/.test(previous)))) words[words.length - 1] = `${previous} ${word}`;
    else words.push(word);
  }
  const lines: string[] = [];
  let current = '';
  const fits = (candidate: string): boolean => estimateWidth(candidate, size, bold) <= width;
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    if (fits(word)) {
      current = word;
      continue;
    }
    // A word longer than the line: as many characters as fit, line by line.
    let piece = '';
    for (const char of word) {
      if (piece && !fits(piece + char)) {
        lines.push(piece);
        piece = '';
      }
      piece += char;
    }
    current = piece;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  // Cut at a word ("presenting to…"), or inside the only word when it is one.
  while (last.includes(' ') && !fits(`${last}…`)) last = last.slice(0, last.lastIndexOf(' ')).replace(/[\s·:,;–—-]+$/, '');
  while (last.length > 0 && !fits(`${last}…`)) last = Array.from(last).slice(0, -1).join('').trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** "Stretch assignment · 20 h" on one line when it fits, else a line per part (no dangling "·"). */
function wrapSegments(segments: readonly string[], width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const segment of segments) {
    const last = lines[lines.length - 1];
    if (last !== undefined && estimateWidth(`${last} · ${segment}`, size) <= width) lines[lines.length - 1] = `${last} · ${segment}`;
    else lines.push(...wrapText(segment, width, size, false));
  }
  return lines.length <= maxLines ? lines : wrapText(segments.join(' · '), width, size, false, maxLines);
}

// ---------------------------------------------------------------------------------------------
// Ranks

export interface RankedPathway {
  /** Nodes in pathway order. */
  order: readonly PathwayNode[];
  /** node id → column (0-based). */
  rank: ReadonlyMap<string, number>;
  /** Sequence edges kept for drawing: both ends exist and the source comes first in the order. */
  edges: readonly { from: string; to: string }[];
}

/** Longest-path columns over the edges that agree with the pathway order (loops and back edges are left out). */
export function rankPathway(framework: Pick<Framework, 'nodes' | 'edges'>): RankedPathway {
  const { order, predecessors } = orderPathway(framework);
  const rank = new Map<string, number>();
  const edges: { from: string; to: string }[] = [];
  for (const node of order) {
    let column = 0;
    for (const before of predecessors.get(node.id) ?? []) {
      column = Math.max(column, (rank.get(before) ?? 0) + 1);
      edges.push({ from: before, to: node.id });
    }
    rank.set(node.id, column);
  }
  return { order, rank, edges };
}

// ---------------------------------------------------------------------------------------------
// Boxes

interface BoxContent {
  kind: DiagramStepKind;
  h: number;
  titleLines: string[];
  subtitleLines: string[];
  /** The subtitle unwrapped: "Workshop · 2 h" (for the alt text). */
  details: string[];
  members: DiagramMember[];
  /** Relative to the box's top-left corner. */
  texts: DiagramText[];
  swatches: DiagramSwatch[];
}

function stepKind(node: PathwayNode): DiagramStepKind {
  return node.kind === 'milestone' && node.checkIn ? 'check-in' : node.kind;
}

function nodeActivity(node: PathwayNode, activities: ReadonlyMap<string, Activity>): Activity | null {
  if (node.kind === 'optional-group' || node.kind === 'milestone' || node.activityId === null) return null;
  return activities.get(node.activityId) ?? null;
}

function defaultStepTitle(node: PathwayNode, activities: ReadonlyMap<string, Activity>): string {
  return cleanLine(node.label) || cleanLine(nodeActivity(node, activities)?.title ?? '') || KIND_TEXT[stepKind(node)];
}

function groupSummary(node: Extract<PathwayNode, { kind: 'optional-group' }>, memberCount: number): string {
  const picks = node.min === node.max ? formatNumber(node.min, 0) : `${formatNumber(node.min, 0)}–${formatNumber(node.max, 0)}`;
  return `${node.selectionRule === 'by-gap' ? 'By gap' : 'Learner’s choice'} · pick ${picks} of ${formatNumber(memberCount, 0)}`;
}

function categoryChipText(category: LearningCategory): string {
  return `${CATEGORY_SHARES[category]} · ${CATEGORY_LABELS[category]}`;
}

function boxContent(node: PathwayNode, step: number, width: number, title: string, activities: ReadonlyMap<string, Activity>): BoxContent {
  const kind = stepKind(node);
  const inner = width - M.padLeft - M.padRight;
  const texts: DiagramText[] = [];
  const swatches: DiagramSwatch[] = [];
  let y = M.padTop;
  const line = (text: string, size: number, bold: boolean, tone: DiagramTone, x: number = M.padLeft, maxWidth: number = inner): void => {
    texts.push({ text, x, y, size, bold, tone, maxWidth });
  };

  const kindLines = wrapText(`${step} · ${KIND_TEXT[kind]}`, inner, M.kind.size, true, 1);
  line(kindLines[0]!, M.kind.size, true, kind);
  y += M.kind.leading;

  const titleLines = wrapText(title, inner, M.title.size, true, M.titleMaxLines);
  for (const text of titleLines) {
    line(text, M.title.size, true, 'ink');
    y += M.title.leading;
  }

  const activity = nodeActivity(node, activities);
  const subtitle: string[] = [];
  const members: DiagramMember[] = [];
  const memberHours: number[] = [];
  if (activity) subtitle.push(`${MODALITY_LABELS[activity.modality]} · ${formatHours(activity.hours)}`);
  if (node.kind === 'optional-group') {
    const seen = new Set<string>();
    for (const id of node.activityIds) {
      const member = activities.get(id);
      if (!member || seen.has(id)) continue;
      seen.add(id);
      members.push({ title: cleanLine(member.title), detail: `${MODALITY_LABELS[member.modality]} · ${formatHours(member.hours)}`, category: member.category });
      memberHours.push(member.hours);
    }
    subtitle.push(groupSummary(node, members.length));
  }
  const subtitleLines = subtitle.flatMap((text) => wrapSegments(text.split(' · '), inner, M.subtitle.size, 2));
  for (const text of subtitleLines) {
    line(text, M.subtitle.size, false, 'muted');
    y += M.subtitle.leading;
  }

  if (activity) {
    const label = categoryChipText(activity.category);
    const chipWidth = Math.min(inner, estimateWidth(label, M.chip.size, true) + 6);
    y += 1.5;
    swatches.push({ x: M.padLeft, y, w: chipWidth, h: M.chip.height, tone: activity.category, fill: 'tint' });
    texts.push({ text: label, x: M.padLeft + 3, y: y + (M.chip.height - M.chip.size) / 2 - 0.4, size: M.chip.size, bold: true, tone: activity.category, maxWidth: chipWidth - 6 });
    y += M.chip.height;
  }

  if (members.length > 0) {
    y += 3;
    const shown = members.length > M.maxMembersShown ? members.slice(0, M.maxMembersShown - 1) : members;
    const markerX = M.padLeft;
    const textX = M.padLeft + 7;
    shown.forEach((member, index) => {
      // The hours when the whole title fits with them; else as much of the title as fits.
      const withHours = wrapText(`${member.title} · ${formatHours(memberHours[index]!)}`, inner - 7, M.member.size, false, M.memberMaxLines);
      const lines = withHours[withHours.length - 1]!.endsWith('…') ? wrapText(member.title, inner - 7, M.member.size, false, M.memberMaxLines) : withHours;
      swatches.push({ x: markerX, y: y + 2, w: 4, h: 4, tone: member.category ?? 'muted', fill: 'solid' });
      for (const text of lines) {
        line(text, M.member.size, false, 'ink', textX, inner - 7);
        y += M.member.leading;
      }
      y += 1.6;
    });
    if (shown.length < members.length) {
      line(`and ${formatNumber(members.length - shown.length, 0)} more`, M.member.size, false, 'muted', textX, inner - 7);
      y += M.member.leading + 1.6;
    }
    y -= 1.6;
  } else if (node.kind === 'optional-group') {
    line('No activities yet', M.member.size, false, 'muted');
    y += M.member.leading;
  }

  return { kind, h: Math.ceil(y + M.padBottom), titleLines, subtitleLines, details: subtitle, members, texts, swatches };
}

// ---------------------------------------------------------------------------------------------
// The diagram

/** The pathway as one diagram, however tall. */
export function pathwayDiagram(framework: Pick<Framework, 'nodes' | 'edges'>, activities: ReadonlyMap<string, Activity>, options: PathwayDiagramOptions): DiagramBlock {
  return pathwayDiagrams(framework, activities, { ...options, maxHeight: undefined })[0]!;
}

/** The pathway as diagrams no taller than `options.maxHeight` each (one unless it is very long). */
export function pathwayDiagrams(framework: Pick<Framework, 'nodes' | 'edges'>, activities: ReadonlyMap<string, Activity>, options: PathwayDiagramOptions): DiagramBlock[] {
  const { order, rank, edges } = rankPathway(framework);
  const titleOf = options.title ?? ((node: PathwayNode) => defaultStepTitle(node, activities));
  const stepOf = new Map(order.map((node, index) => [node.id, index + 1]));
  const available = Math.max(M.minBoxWidth * 0.5 + M.columnGap, options.width);

  // Columns per row and box width: as many columns as fit at the minimum width, boxes widened to fill.
  const columnCount = order.reduce((max, node) => Math.max(max, rank.get(node.id)! + 1), 0);
  const perRow = Math.max(1, Math.floor((available - M.columnGap) / (M.minBoxWidth + M.columnGap)));
  const used = Math.max(1, Math.min(perRow, columnCount));
  const boxWidth = Math.max(40, Math.min(M.maxBoxWidth, (available - M.columnGap - used * M.columnGap) / used));
  const width = round(used * boxWidth + (used + 1) * M.columnGap);
  const columnX = (column: number): number => M.columnGap + (column % used) * (boxWidth + M.columnGap);

  // Each column's steps, stacked by saved position.
  const columns: PathwayNode[][] = Array.from({ length: columnCount }, () => []);
  for (const node of order) columns[rank.get(node.id)!]!.push(node);
  for (const column of columns) column.sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const content = new Map<string, BoxContent>();
  for (const node of order) content.set(node.id, boxContent(node, stepOf.get(node.id)!, boxWidth, titleOf(node), activities));
  const columnHeight = columns.map((column) => column.reduce((sum, node) => sum + content.get(node.id)!.h, 0) + Math.max(0, column.length - 1) * M.stackGap);

  // Rows of `used` columns; each row is as tall as its tallest column.
  const rowCount = Math.max(1, Math.ceil(columnCount / used));
  const rowHeight = Array.from({ length: rowCount }, (_, row) => Math.max(0, ...columnHeight.slice(row * used, (row + 1) * used)));
  const rowOf = (column: number): number => Math.floor(column / used);

  // Parts: consecutive rows, each part no taller than maxHeight (a row taller than that is a part on its own).
  const legendHeight = M.legend.height;
  const rowSpan = (row: number): number => M.laneHeight + rowHeight[row]! + M.crossHeight;
  const split = (limit: number | undefined): number[][] => {
    const result: number[][] = [];
    let current: number[] = [];
    let currentHeight = legendHeight;
    for (let row = 0; row < rowCount; row++) {
      const span = rowSpan(row);
      if (current.length > 0 && limit !== undefined && currentHeight + span > limit) {
        result.push(current);
        current = [];
        currentHeight = legendHeight;
      }
      current.push(row);
      currentHeight += span;
    }
    result.push(current);
    return result;
  };
  let parts = split(options.maxHeight);
  if (parts.length > 1) {
    // As many parts as needed, but evened out: the lowest limit that needs no more parts (no lone last row).
    let low: number = legendHeight;
    let high = options.maxHeight!;
    for (let step = 0; step < 30 && high - low > 1; step++) {
      const middle = (low + high) / 2;
      if (split(middle).length <= parts.length) high = middle;
      else low = middle;
    }
    parts = split(high);
  }
  const partOfRow = new Map<number, number>();
  parts.forEach((rows, part) => rows.forEach((row) => partOfRow.set(row, part)));

  // Row tops within their part, and every box's place.
  const rowTop = new Map<number, number>();
  for (const rows of parts) {
    let y = 0;
    for (const row of rows) {
      rowTop.set(row, y);
      y += rowSpan(row);
    }
  }
  const boxes = new Map<string, DiagramBox>();
  columns.forEach((column, index) => {
    const row = rowOf(index);
    const boxesTop = rowTop.get(row)! + M.laneHeight;
    let y = boxesTop + (rowHeight[row]! - columnHeight[index]!) / 2;
    for (const node of column) {
      const box = content.get(node.id)!;
      const x = columnX(index);
      boxes.set(node.id, {
        id: node.id,
        step: stepOf.get(node.id)!,
        kind: box.kind,
        x: round(x),
        y: round(y),
        w: round(boxWidth),
        h: box.h,
        titleLines: box.titleLines,
        subtitleLines: box.subtitleLines,
        members: box.members,
        texts: box.texts.map((text) => ({ ...text, x: round(text.x + x), y: round(text.y + y) })),
        swatches: box.swatches.map((swatch) => ({ ...swatch, x: round(swatch.x + x), y: round(swatch.y + y) })),
      });
      y += box.h + M.stackGap;
    }
  });

  // Arrows, per part.
  const connectors: DiagramConnector[][] = parts.map(() => []);
  const half = M.columnGap / 2;
  for (const edge of edges) {
    const source = boxes.get(edge.from)!;
    const target = boxes.get(edge.to)!;
    const sourceColumn = rank.get(edge.from)!;
    const targetColumn = rank.get(edge.to)!;
    const sourceRow = rowOf(sourceColumn);
    const targetRow = rowOf(targetColumn);
    const sx = source.x + source.w;
    const sy = round(source.y + source.h / 2);
    const tx = target.x;
    const ty = round(target.y + target.h / 2);
    const outX = sx + half;
    const inX = tx - half;
    const sourcePart = partOfRow.get(sourceRow)!;
    const targetPart = partOfRow.get(targetRow)!;
    // Arrows from one step share their lane (they fork where they part); others are staggered a little.
    const stagger = ((source.step - 1) % 3) * 2.5;
    const from = { from: edge.from, to: edge.to, arrow: true } as const;
    if (sourceRow === targetRow && targetColumn === sourceColumn + 1) {
      connectors[sourcePart]!.push({ ...from, points: dedupe([pt(sx, sy), pt(outX, sy), pt(outX, ty), pt(tx, ty)]) });
    } else if (sourceRow === targetRow) {
      const laneY = rowTop.get(sourceRow)! + 3 + stagger;
      connectors[sourcePart]!.push({ ...from, points: dedupe([pt(sx, sy), pt(outX, sy), pt(outX, laneY), pt(inX, laneY), pt(inX, ty), pt(tx, ty)]) });
    } else if (sourcePart === targetPart) {
      const crossY = rowTop.get(sourceRow)! + M.laneHeight + rowHeight[sourceRow]! + 4 + stagger;
      connectors[sourcePart]!.push({ ...from, points: dedupe([pt(sx, sy), pt(outX, sy), pt(outX, crossY), pt(inX, crossY), pt(inX, ty), pt(tx, ty)]) });
    } else {
      // The other end is in another part: a stub leaving downwards, and one arriving from the top.
      const endY = rowTop.get(sourceRow)! + M.laneHeight + rowHeight[sourceRow]! + M.crossHeight - 1;
      const outLabel = `continues at step ${target.step}`;
      const outWidth = estimateWidth(outLabel, M.chip.size, false);
      connectors[sourcePart]!.push({
        from: edge.from,
        to: null,
        arrow: true,
        points: dedupe([pt(sx, sy), pt(outX, sy), pt(outX, endY)]),
        label: { text: outLabel, x: round(Math.max(0, outX - 3 - outWidth)), y: round(endY - M.chip.size - 1), size: M.chip.size, bold: false, tone: 'muted', maxWidth: outWidth },
      });
      const inLabel = `from step ${source.step}`;
      const startY = rowTop.get(targetRow)!;
      connectors[targetPart]!.push({
        from: null,
        to: edge.to,
        arrow: true,
        points: dedupe([pt(inX, startY), pt(inX, ty), pt(tx, ty)]),
        label: { text: inLabel, x: round(inX + 3), y: round(startY + 0.5), size: M.chip.size, bold: false, tone: 'muted', maxWidth: estimateWidth(inLabel, M.chip.size, false) },
      });
    }
  }

  const description = describe(order, boxes, content, edges, titleOf);
  const boxesByPart: DiagramBox[][] = parts.map(() => []);
  for (const node of order) boxesByPart[partOfRow.get(rowOf(rank.get(node.id)!))!]!.push(boxes.get(node.id)!);
  return parts.map((rows, part): DiagramBlock => {
    const top = rows.reduce((sum, row) => sum + rowSpan(row), 0);
    const legend = legendEntries(top + 2, width);
    const partCaption = parts.length > 1 ? `Part ${part + 1} of ${parts.length}.` : '';
    const caption = [partCaption, options.caption ?? ''].filter(Boolean).join(' ');
    return {
      type: 'diagram',
      width,
      height: round(top + legendHeight),
      boxes: boxesByPart[part]!,
      connectors: connectors[part]!,
      legend,
      description: parts.length > 1 ? `${partCaption} ${description}` : description,
      ...(part === 0 && options.heading ? { heading: options.heading } : {}),
      ...(caption ? { caption } : {}),
    };
  });
}

function legendEntries(y: number, width: number): DiagramLegendEntry[] {
  const entries: DiagramLegendEntry[] = [];
  let x = M.columnGap;
  const hints: Record<LearningCategory, string> = { experiential: 'on the job', social: 'from others', formal: 'courses' };
  for (const category of ['experiential', 'social', 'formal'] as const) {
    const label = `${CATEGORY_SHARES[category]} · ${CATEGORY_LABELS[category]} (${hints[category]})`;
    const textWidth = estimateWidth(label, M.legend.size, false);
    if (x + 10 + textWidth > width && x > M.columnGap) break;
    entries.push({
      swatch: { x, y: y + 3, w: 7, h: 7, tone: category, fill: 'solid' },
      text: { text: label, x: x + 10, y: y + 2, size: M.legend.size, bold: false, tone: 'muted', maxWidth: textWidth },
    });
    x += 10 + textWidth + 12;
  }
  return entries;
}

/** The alt text: every step in order, with what it is and, where the order branches, what it follows. */
function describe(
  order: readonly PathwayNode[],
  boxes: ReadonlyMap<string, DiagramBox>,
  content: ReadonlyMap<string, BoxContent>,
  edges: readonly { from: string; to: string }[],
  titleOf: (node: PathwayNode) => string,
): string {
  if (order.length === 0) return 'Pathway diagram: no steps yet.';
  const before = new Map<string, number[]>();
  for (const edge of edges) {
    const list = before.get(edge.to) ?? [];
    list.push(boxes.get(edge.from)!.step);
    before.set(edge.to, list);
  }
  const steps = order.map((node) => {
    const box = boxes.get(node.id)!;
    let text = `${box.step}. ${KIND_TEXT[box.kind]}: ${cleanLine(titleOf(node))}`;
    const details = content.get(node.id)!.details;
    if (details.length > 0) text += ` (${details.join('; ').replaceAll(' · ', ', ')})`;
    if (box.members.length > 0) text += `: ${box.members.map((member) => member.title).join('; ')}`;
    const after = (before.get(node.id) ?? []).sort((a, b) => a - b);
    if (after.length > 0 && !(after.length === 1 && after[0] === box.step - 1)) text += `, after step ${after.join(' and ')}`;
    return `${text}.`;
  });
  return `Pathway diagram, ${order.length === 1 ? '1 step' : `${order.length} steps`} in order. ${steps.join(' ')}`;
}

function pt(x: number, y: number): { x: number; y: number } {
  return { x: round(x), y: round(y) };
}

function dedupe(points: { x: number; y: number }[]): { x: number; y: number }[] {
  return points.filter((point, index) => index === 0 || point.x !== points[index - 1]!.x || point.y !== points[index - 1]!.y);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
