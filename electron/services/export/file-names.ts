/**
 * File names for exported documents, made from learner names that anyone could have typed (or a
 * hostile project file could carry): "../../etc/passwd", "CON", "Ana\u202Efdp.exe", a 5,000-character
 * name. Every name this module returns is a single path segment that is valid on Windows, macOS and
 * Linux, and `resolveInside` proves the final path stays in the chosen folder.
 */
import path from 'node:path';

/** Stem budget in UTF-8 bytes: well under NAME_MAX (255) with room for " (999)" and ".docx". */
export const MAX_STEM_BYTES = 80;
export const FALLBACK_STEM = 'learner';

// Controls (C0, DEL, C1), Windows-forbidden characters and both separators.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g;
/** Invisible formatting that can disguise a name (bidi overrides, zero-width joiners at the edges). */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

interface SegmenterLike {
  segment(text: string): Iterable<{ segment: string }>;
}

/** User-perceived characters where the runtime knows them (no emoji cut in half), else code points. */
function graphemes(text: string): string[] {
  const Segmenter = (Intl as unknown as { Segmenter?: new (locale?: string, options?: { granularity: 'grapheme' }) => SegmenterLike }).Segmenter;
  if (Segmenter) return Array.from(new Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (part) => part.segment);
  return Array.from(text);
}

/** Cuts to at most `maxBytes` UTF-8 bytes on a character boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let out = '';
  let used = 0;
  for (const part of graphemes(text)) {
    const size = byteLength(part);
    if (used + size > maxBytes) break;
    out += part;
    used += size;
  }
  return out;
}

function trimEdges(text: string): string {
  // Leading dots would hide the file on macOS/Linux; trailing dots and spaces are dropped by Windows.
  return text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
}

/**
 * A safe file stem (no extension) from any text: separators, `..`, controls, Windows-forbidden
 * characters and invisible formatting removed, whitespace collapsed, reserved device names
 * (CON, NUL, COM1, LPT1… also as "con.txt") prefixed, at most `maxBytes` UTF-8 bytes; "learner"
 * when nothing is left.
 */
export function safeFileStem(name: string, options: { maxBytes?: number; fallback?: string } = {}): string {
  const maxBytes = Math.max(8, options.maxBytes ?? MAX_STEM_BYTES);
  const fallback = options.fallback ?? FALLBACK_STEM;
  let stem = String(name)
    .normalize('NFC')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(INVISIBLE, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/gu, ' ');
  stem = trimEdges(stem);
  stem = trimEdges(truncateUtf8(stem, maxBytes));
  if (stem.length === 0) return fallback;
  const base = stem.split('.')[0]!.trimEnd();
  if (RESERVED.test(base)) stem = trimEdges(truncateUtf8(`_${stem}`, maxBytes));
  return stem;
}

/** Lower-cased and NFC: how Windows and macOS (case-insensitive by default) compare names. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Hands out names without collisions: "Ana Ortiz.pdf", then "Ana Ortiz (2).pdf"… Names already in
 * the folder (when keeping both) can be reserved first. Comparison ignores case.
 */
export class FileNameAllocator {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const name of existing) this.taken.add(fileNameKey(name));
  }

  reserve(name: string): void {
    this.taken.add(fileNameKey(name));
  }

  has(name: string): boolean {
    return this.taken.has(fileNameKey(name));
  }

  /** The first free `stem.ext`, `stem (2).ext`, `stem (3).ext`…; reserves it. */
  allocate(stem: string, extension: string): string {
    return this.allocateGroup(stem, [extension])[0]!;
  }

  /**
   * One stem for several extensions (a learner's .docx and .pdf keep the same name): the first
   * `stem`, `stem (2)`… for which every `stem.ext` is free; reserves them all.
   */
  allocateGroup(stem: string, extensions: readonly string[]): string[] {
    const suffixes = extensions.map((extension) => {
      const ext = extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '');
      return ext ? `.${ext}` : '';
    });
    const safe = safeFileStem(stem);
    for (let n = 1; ; n++) {
      const candidates = suffixes.map((suffix) => (n === 1 ? `${safe}${suffix}` : `${safe} (${n})${suffix}`));
      if (candidates.every((candidate) => !this.taken.has(fileNameKey(candidate)))) {
        for (const candidate of candidates) this.taken.add(fileNameKey(candidate));
        return candidates;
      }
    }
  }
}

export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
}

/**
 * The absolute path of `name` directly inside `folder`. Throws when `name` is empty, has a
 * separator, is `.`/`..`, or would resolve anywhere but a direct child of the folder.
 */
export function resolveInside(folder: string, name: string): string {
  if (name.length === 0 || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new UnsafePathError(`"${name}" is not a plain file name`);
  }
  const base = path.resolve(folder);
  const target = path.resolve(base, name);
  const relative = path.relative(base, target);
  if (relative.length === 0 || relative.startsWith('..') || path.isAbsolute(relative) || relative.includes(path.sep) || path.dirname(target) !== base || path.basename(target) !== name) {
    throw new UnsafePathError(`"${name}" would not be saved inside ${base}`);
  }
  return target;
}
