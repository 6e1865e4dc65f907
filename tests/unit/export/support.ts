/**
 * Reading exports back: a strict XML well-formedness check for Word parts, docx unzipping and
 * mammoth text, pdfjs text/metadata/links, and the sample project with engine-drafted plans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { expect } from 'vitest';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentOptions } from '../../../shared/documents';
import { createPersonalizer } from '../../../shared/domain/plans';
import { parseProjectText } from '../../../shared/domain/project-file';
import type { Plan, Project } from '../../../shared/domain/schema';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const samplePath = join(repoRoot, 'resources/sample/executive-presence.plp');

export function loadSample(): Project {
  const parsed = parseProjectText(readFileSync(samplePath, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.project;
}

/** Every learner's plan as the engine drafts it (the sample ships without saved plans). */
export function draftPlans(project: Project, frameworkId = project.frameworks[0]!.id): Plan[] {
  const personalize = createPersonalizer(project, frameworkId);
  return project.learners.map((learner, index) => personalize(learner.id, { planId: `plan-${index}`, itemId: (item) => `plan-${index}-item-${item}`, generatedAt: '2026-03-10T09:00:00.000Z' }).plan);
}

export const OPTIONS: DocumentOptions = { organisation: { name: 'Meridian Biotherapeutics', accentColor: '#0B6E4F' }, generatedOn: '2026-03-10' };

// ---------------------------------------------------------------------------------------------
// XML well-formedness (XML 1.0): what Word needs to open a part at all.

const NAME = /^[A-Za-z_][\w.\-:]*$/;
// eslint-disable-next-line no-control-regex
const INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/y;
const TAG_NAME = /[^\s/>]+/y;
const SPACE = /\s*/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(["'])/y;

function checkText(text: string, where: number): string | null {
  if (INVALID_CHAR.test(text)) return `invalid character in text at ${where}`;
  if (text.includes(']]>')) return `"]]>" in text at ${where}`;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(text)) return `bare "&" at ${where + i}`;
  }
  return null;
}

/** null when `xml` is one well-formed element tree, else what is wrong. */
export function xmlProblem(xml: string): string | null {
  let i = 0;
  const stack: string[] = [];
  let roots = 0;
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt === -1 ? xml.slice(i) : xml.slice(i, lt);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${i}`;
    const problem = checkText(text, i);
    if (problem) return problem;
    if (lt === -1) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) return `unterminated processing instruction at ${lt}`;
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end === -1) return `unterminated comment at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      if (stack.length === 0) return `CDATA outside the root at ${lt}`;
      const end = xml.indexOf(']]>', lt);
      if (end === -1) return `unterminated CDATA at ${lt}`;
      if (INVALID_CHAR.test(xml.slice(lt, end))) return `invalid character in CDATA at ${lt}`;
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      return `DOCTYPE or declaration at ${lt}`;
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      if (end === -1) return `unterminated end tag at ${lt}`;
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}> at ${lt}`;
      i = end + 1;
    } else {
      // Start or empty tag: name, then name="value" pairs.
      TAG_NAME.lastIndex = lt + 1;
      const nameMatch = TAG_NAME.exec(xml);
      if (!nameMatch || !NAME.test(nameMatch[0])) return `bad tag name at ${lt}`;
      const name = nameMatch[0];
      let j = lt + 1 + name.length;
      const seen = new Set<string>();
      for (;;) {
        SPACE.lastIndex = j;
        const ws = SPACE.exec(xml)![0];
        j += ws.length;
        if (xml.startsWith('/>', j)) {
          j += 2;
          if (stack.length === 0) roots += 1;
          break;
        }
        if (xml[j] === '>') {
          j += 1;
          if (stack.length === 0) roots += 1;
          stack.push(name);
          break;
        }
        if (ws.length === 0) return `missing space before attribute in <${name}> at ${j}`;
        ATTRIBUTE.lastIndex = j;
        const attr = ATTRIBUTE.exec(xml);
        if (!attr || !NAME.test(attr[1]!)) return `bad attribute in <${name}> at ${j}`;
        if (seen.has(attr[1]!)) return `duplicate attribute ${attr[1]} in <${name}> at ${j}`;
        seen.add(attr[1]!);
        j += attr[0].length;
        const close = xml.indexOf(attr[2]!, j);
        if (close === -1) return `unterminated attribute value at ${j}`;
        const value = xml.slice(j, close);
        if (value.includes('<')) return `"<" in attribute value at ${j}`;
        const problem = checkText(value.replace(/]]>/g, ''), j);
        if (problem) return problem;
        j = close + 1;
      }
      i = j;
    }
    if (roots > 1) return `more than one root element (at ${lt})`;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Word

export interface DocxReadBack {
  zip: JSZip;
  parts: Map<string, string>;
  /** Part name → well-formedness problem, for the parts that have one. */
  problems: Map<string, string>;
  document: string;
  text: string;
  html: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxReadBack> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  const problems = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await entry.async('string');
    parts.set(name, xml);
    const problem = xmlProblem(xml);
    if (problem) problems.set(name, problem);
  }
  const buffer = Buffer.from(bytes);
  const [{ value: text }, { value: html }] = await Promise.all([mammoth.extractRawText({ buffer }), mammoth.convertToHtml({ buffer })]);
  return { zip, parts, problems, document: parts.get('word/document.xml') ?? '', text, html };
}

/** External relationship targets (hyperlinks) of the main document. */
export function docxLinkTargets(readBack: DocxReadBack): string[] {
  const rels = readBack.parts.get('word/_rels/document.xml.rels') ?? '';
  return [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => /TargetMode="External"/.test(tag) && /relationships\/hyperlink"/.test(tag))
    .map((tag) => decodeXml(/Target="([^"]*)"/.exec(tag)?.[1] ?? ''));
}

function decodeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '');
}

// ---------------------------------------------------------------------------------------------
// PDF

export interface PdfReadBack {
  pages: number;
  title: string | null;
  language: string | null;
  /** Every page's text, joined. */
  text: string;
  pageTexts: string[];
  /** Link annotations' targets (the raw URL as written). */
  links: string[];
}

/** `quick`: page count and the first page's text only (pdfjs annotations cost ~15 ms a page). */
export async function readPdf(bytes: Uint8Array, options: { quick?: boolean } = {}): Promise<PdfReadBack> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const metadata = await pdf.getMetadata();
    const info = metadata.info as { Title?: string; Language?: string };
    const pageTexts: string[] = [];
    const links: string[] = [];
    for (let n = 1; n <= (options.quick ? 1 : pdf.numPages); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pageTexts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
      if (options.quick) continue;
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype === 'Link') links.push(String(annotation.unsafeUrl ?? annotation.url ?? annotation.action ?? annotation.dest ?? ''));
      }
    }
    return { pages: pdf.numPages, title: info.Title ?? null, language: info.Language ?? null, text: pageTexts.join('\n'), pageTexts, links };
  } finally {
    await task.destroy();
  }
}

/** Text compared without whitespace: renderers break lines where they like. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

// ---------------------------------------------------------------------------------------------
// A folder of exports

/** Opens every exported document: docx parts well-formed, PDF opens with the learner's name in it. */
export async function expectReadable(folder: string, names: readonly string[]): Promise<void> {
  for (const file of readdirSync(folder)) {
    const bytes = new Uint8Array(readFileSync(join(folder, file)));
    if (file.endsWith('.docx')) {
      const zip = await JSZip.loadAsync(bytes);
      const document = await zip.file('word/document.xml')!.async('string');
      for (const [name, entry] of Object.entries(zip.files)) {
        if (/\.(xml|rels)$/.test(name)) expect(xmlProblem(await entry.async('string')), `${file}: ${name}`).toBeNull();
      }
      expect(names.some((name) => decodeXml(document).includes(name)), file).toBe(true);
    } else if (file.endsWith('.pdf')) {
      const pdf = await readPdf(bytes, { quick: true });
      expect(pdf.pages, file).toBeGreaterThanOrEqual(2);
      expect(names.some((name) => squeeze(pdf.text).includes(squeeze(name))), file).toBe(true);
    }
  }
}

