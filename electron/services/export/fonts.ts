/**
 * The PDF's fonts, read and parsed once per batch. pdfkit's built-in Helvetica cannot draw many
 * characters (✓, →, most non-Latin scripts), so documents embed DejaVu Sans or Serif; parsing a TrueType
 * font was ~45% of the time per document when each document did it again.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { DocumentFont } from '../../../shared/documents/options';

const require = createRequire(import.meta.url);

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The DejaVu faces for each document font (the package ships Sans and Serif in all four). */
const DEJAVU_FILES: Readonly<Record<DocumentFont, Readonly<Record<FontFace, string>>>> = {
  sans: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf',
  },
  serif: {
    regular: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
    bold: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
    italic: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
    boldItalic: 'dejavu-fonts-ttf/ttf/DejaVuSerif-BoldItalic.ttf',
  },
};

export type FontBytes = Readonly<Record<FontFace, Uint8Array>>;

/** What pdfkit accepts as a font: bytes, or a font fontkit already parsed (reused across documents). */
export type FontSource = Uint8Array | { layout: (...args: never[]) => unknown };

export type FontSources = Readonly<Record<FontFace, FontSource>>;

export async function readDejaVuFonts(font: DocumentFont = 'sans'): Promise<FontBytes> {
  const files = DEJAVU_FILES[font];
  const entries = await Promise.all(FONT_FACES.map(async (face) => [face, new Uint8Array(await readFile(require.resolve(files[face])))] as const));
  return Object.fromEntries(entries) as Record<FontFace, Uint8Array>;
}

interface Fontkit {
  create(buffer: Uint8Array, postscriptName?: string): unknown;
}

/** fontkit as pdfkit itself resolves it, so both agree on the font object's shape. */
function pdfkitFontkit(): Fontkit | null {
  try {
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    const fontkit = fromPdfkit('fontkit') as Partial<Fontkit> & { default?: Partial<Fontkit> };
    const create = fontkit.create ?? fontkit.default?.create;
    return typeof create === 'function' ? { create: create.bind(fontkit.default ?? fontkit) as Fontkit['create'] } : null;
  } catch {
    return null;
  }
}

/**
 * Parses each font once. pdfkit accepts a parsed font in place of bytes (it embeds a fresh subset
 * per document either way); when fontkit cannot be reached the bytes are used and each document
 * parses them again, which is slower but the same output.
 */
export function parseFonts(bytes: FontBytes): FontSources {
  const fontkit = pdfkitFontkit();
  if (!fontkit) return bytes;
  try {
    const parsed = Object.fromEntries(
      FONT_FACES.map((face) => {
        const font = fontkit.create(bytes[face]) as FontSource;
        if (typeof (font as { layout?: unknown }).layout !== 'function') throw new Error('not a single font');
        return [face, font];
      }),
    );
    return parsed as Record<FontFace, FontSource>;
  } catch {
    return bytes;
  }
}
