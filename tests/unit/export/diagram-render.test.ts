/**
 * The pathway diagram in the exported framework guide: Word carries the SVG and a sharp PNG
 * fallback with the steps as alt text; the PDF draws it as vectors with real, findable text on one
 * page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkGuide, type DiagramBlock, type DocumentModel } from '../../../shared/documents';
import { renderDocx } from '../../../electron/services/export/docx-renderer';
import { DIAGRAM_PNG_SCALE, loadDiagramRasteriser, rasteriseDiagram } from '../../../electron/services/export/diagram-docx';
import { createPdfRenderer, type PdfRenderer } from '../../../electron/services/export/pdf-renderer';
import { loadSample, OPTIONS, readDocx, readPdf, squeeze, xmlProblem } from './support';

const project = loadSample();
const framework = project.frameworks[0]!;
const guide: DocumentModel = frameworkGuide(project, framework, OPTIONS);
const diagram = guide.sections.flatMap((section) => section.blocks).find((block): block is DiagramBlock => block.type === 'diagram')!;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

let renderer: PdfRenderer;
beforeAll(async () => {
  renderer = await createPdfRenderer();
  await loadDiagramRasteriser();
});

describe('framework guide diagram', () => {
  it('sits in the pathway section after the step list', () => {
    const blocks = guide.sections.find((section) => section.id === 'pathway')!.blocks;
    const list = blocks.findIndex((block) => block.type === 'bullets');
    const picture = blocks.findIndex((block) => block.type === 'diagram');
    expect(list).toBeGreaterThanOrEqual(0);
    expect(picture).toBeGreaterThan(list);
    expect(diagram.boxes).toHaveLength(framework.nodes.length);
  });

  it('rasterises at 3× with the bundled fonts, the same PNG every time', async () => {
    await loadDiagramRasteriser(); // a second call is harmless
    const first = rasteriseDiagram(diagram);
    const size = pngSize(first.png);
    // The SVG is sized in points: 4/3 CSS pixels each, times the scale.
    expect(size.width).toBe(Math.round((diagram.width * 4) / 3) * DIAGRAM_PNG_SCALE);
    expect(size.height).toBeGreaterThanOrEqual(Math.floor((diagram.height * 4 * DIAGRAM_PNG_SCALE) / 3) - DIAGRAM_PNG_SCALE);
    expect(size.height).toBeLessThanOrEqual(Math.ceil((diagram.height * 4 * DIAGRAM_PNG_SCALE) / 3) + DIAGRAM_PNG_SCALE);
    expect(rasteriseDiagram(diagram).png).toEqual(first.png);
  });

  it('Word: SVG and PNG media parts, alt text listing the steps, every XML part parses', async () => {
    const docx = await readDocx(await renderDocx(guide));
    expect([...docx.problems]).toEqual([]);
    const media = Object.keys(docx.zip.files).filter((name) => name.startsWith('word/media/'));
    const svgName = media.find((name) => name.endsWith('.svg'));
    const pngName = media.find((name) => name.endsWith('.png'));
    expect(svgName).toBeDefined();
    expect(pngName).toBeDefined();
    const svg = await docx.zip.file(svgName!)!.async('string');
    expect(xmlProblem(svg)).toBeNull();
    expect(svg).toContain('Choose 3 options');
    const png = await docx.zip.file(pngName!)!.async('uint8array');
    expect(pngSize(png).width).toBeGreaterThanOrEqual(2 * Math.round((diagram.width * 4) / 3));
    // The picture is the SVG with the PNG as its fallback (Word's svgBlip extension).
    expect(docx.document).toMatch(/asvg:svgBlip|svgBlip/);
    const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(docx.document.slice(docx.document.indexOf('Pathway diagram') - 400))?.[1] ?? '';
    expect(descr).toContain('Pathway diagram, 8 steps in order.');
    const order = ['1. Pre-assessment: 360 pre-assessment', '5. Options: Choose 3 options', '8. Capstone: Capstone: executive briefing simulation'].map((text) => descr.indexOf(text));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(docx.text).toContain('The pathway at a glance');
  });

  it('PDF: vector text with every step title on one page, next to the heading', async () => {
    const pdf = await readPdf(await renderer.render(guide));
    const page = pdf.pageTexts.find((text) => text.includes('The pathway at a glance'));
    expect(page).toBeDefined();
    const squeezed = squeeze(page!);
    for (const box of diagram.boxes) for (const line of box.titleLines) expect(squeezed, line).toContain(squeeze(line));
    expect(squeezed).toContain(squeeze('70 · Experiential (on the job)'));
    expect(squeezed).toContain(squeeze('By gap · pick 3 of 10'));
  });

  it('PDF: a diagram taller than a page is scaled onto one page, not split', async () => {
    const tall: DiagramBlock = { ...diagram, height: diagram.height * 4, caption: 'Tall diagram' };
    const model: DocumentModel = { ...guide, cover: null, sections: [{ id: 'x', title: 'Only the diagram', blocks: [tall] }] };
    const pdf = await readPdf(await renderer.render(model));
    // The heading's page has no room for the whole drawing, so the drawing moves, whole, to the next.
    expect(pdf.pages).toBeLessThanOrEqual(2);
    const page = pdf.pageTexts.find((text) => text.includes('Tall diagram'))!;
    for (const box of diagram.boxes) for (const line of box.titleLines) expect(squeeze(page)).toContain(squeeze(line));
  });

  it('hostile step titles: escaped in the SVG part, every part parses, the PDF still renders them', async () => {
    const labels = ['Q&A <b>bold</b> "quoted" \u0000\u0008 tail', '😀 مرحبا שלום 你好 emoji and scripts', 'x'.repeat(500), ']]> <!-- --> <?pi?>'];
    const hostile = {
      ...framework,
      nodes: framework.nodes.map((node, index) => (index < labels.length ? { ...node, label: labels[index]! } : node)),
    };
    const model = frameworkGuide(project, hostile, OPTIONS);
    const docx = await readDocx(await renderDocx(model));
    expect([...docx.problems]).toEqual([]);
    for (const name of Object.keys(docx.zip.files).filter((file) => file.endsWith('.svg'))) expect(xmlProblem(await docx.zip.file(name)!.async('string')), name).toBeNull();
    const pdf = await readPdf(await renderer.render(model));
    expect(squeeze(pdf.text)).toContain(squeeze('Q&A <b>bold</b>'));
  });
});
