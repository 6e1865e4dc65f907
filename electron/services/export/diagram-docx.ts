/**
 * The pathway diagram in Word: the SVG itself (sharp at any zoom, in Word 2016+) with a PNG
 * fallback for older Word and for LibreOffice, rasterised here with resvg (WebAssembly, so no
 * native binary) from the same SVG at 3× its printed size (288 dpi).
 *
 * resvg gets the bundled DejaVu Sans and nothing else: no system fonts, so the PNG is the same on
 * every machine and matches the PDF. The wasm module is compiled once per process.
 *
 * `docx` builds documents synchronously, so `loadDiagramRasteriser()` must have finished before a
 * document with a diagram is built; `renderDocx` awaits it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, TextRun } from 'docx';
import { DIAGRAM_FONT_FAMILY, diagramSvg } from '../../../shared/documents/diagram-svg';
import type { DiagramBlock, DocumentModel } from '../../../shared/documents/model';
import { cleanLine } from '../../../shared/documents/text';
import { readDejaVuFonts } from './fonts';

const require = createRequire(import.meta.url);

/** The fallback PNG's pixels per CSS pixel (96 dpi): 3 → 288 dpi. */
export const DIAGRAM_PNG_SCALE = 3;

let loading: Promise<void> | null = null;
let fontBuffers: Uint8Array[] | null = null;

/** Compiles resvg's wasm and reads the fonts, once per process. Safe to call again (and again after a failure). */
export function loadDiagramRasteriser(): Promise<void> {
  loading ??= (async () => {
    const wasm = await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'));
    const fonts = await readDejaVuFonts();
    await initWasm(wasm);
    fontBuffers = [fonts.regular, fonts.bold];
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export function hasDiagram(model: DocumentModel): boolean {
  return model.sections.some((section) => section.blocks.some((block) => block.type === 'diagram'));
}

export interface RasterisedDiagram {
  svg: string;
  png: Uint8Array;
  /** Pixels of the PNG. */
  width: number;
  height: number;
}

/** The SVG and its PNG at `scale` × the SVG's size in CSS pixels. Throws if the rasteriser is not loaded. */
export function rasteriseDiagram(block: DiagramBlock, scale = DIAGRAM_PNG_SCALE): RasterisedDiagram {
  if (!fontBuffers) throw new Error('The diagram rasteriser is not loaded: await loadDiagramRasteriser() before building the document.');
  const svg = diagramSvg(block);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { fontBuffers, defaultFontFamily: DIAGRAM_FONT_FAMILY, sansSerifFamily: DIAGRAM_FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  try {
    const image = resvg.render();
    try {
      return { svg, png: image.asPng(), width: image.width, height: image.height };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** Points → Word's image pixels (96 to the inch). */
const PX_PER_PT = 96 / 72;

/**
 * The diagram as Word paragraphs: its heading, the picture (centred, at most `maxWidthPt` × `maxHeightPt`,
 * kept with its caption) and the caption. The picture's alt text lists every step in order.
 */
export function diagramParagraphs(block: DiagramBlock, maxWidthPt: number, maxHeightPt: number, captionStyle?: string): Paragraph[] {
  const { svg, png } = rasteriseDiagram(block);
  const scale = Math.min(1, maxWidthPt / block.width, maxHeightPt / block.height);
  const width = Math.max(1, Math.round(block.width * scale * PX_PER_PT));
  const height = Math.max(1, Math.round(block.height * scale * PX_PER_PT));
  const title = cleanLine(block.caption ?? '') || 'Pathway diagram';
  const image = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(svg),
    fallback: { type: 'png', data: png },
    transformation: { width, height },
    altText: { name: 'Pathway diagram', title, description: cleanLine(block.description) },
  });
  const paragraphs: Paragraph[] = [];
  if (block.heading) paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(cleanLine(block.heading))] }));
  paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: block.caption ? true : undefined, spacing: { before: 120, after: 60 }, children: [image] }));
  if (block.caption) paragraphs.push(new Paragraph({ style: captionStyle, children: [new TextRun(cleanLine(block.caption))] }));
  return paragraphs;
}
