/** What every exported document needs to know besides the project: who issues it, and when. */
import type { Project } from '../domain/schema';
import type { DocumentLanguage, DocumentModel, ImageData } from './model';
import { cleanLine, imageInfo, normaliseColor } from './text';

export interface OrganisationBranding {
  name: string;
  /** PNG or JPEG bytes; anything else is ignored (the document is still produced). */
  logo?: Uint8Array | null;
  /** `#RRGGBB`; an invalid colour falls back to the studio's navy. */
  accentColor?: string;
}

/** The looks the studio ships; both the Word and the PDF renderer draw each the same way. */
export type BuiltInTemplate = 'classic' | 'modern';

export interface BuiltInTemplateInfo {
  id: BuiltInTemplate;
  label: string;
  description: string;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplateInfo[] = [
  {
    id: 'classic',
    label: 'Classic',
    description: 'A cover page with a band in the accent colour, headings in the accent colour and tables with a filled header row and shaded rows.',
  },
  {
    id: 'modern',
    label: 'Modern',
    description: 'A white cover page with a bar in the accent colour down its side, large dark headings marked in the accent colour, and open tables ruled between rows.',
  },
];

/**
 * `sans`: Calibri in Word, DejaVu Sans in the PDF. `serif`: Cambria in Word, DejaVu Serif in the PDF.
 * Calibri and Cambria ship with every Office since 2007 on Windows and macOS (LibreOffice substitutes
 * its metric-compatible Carlito and Caladea), so a Word file looks as designed on the manager's
 * machine; the PDF embeds DejaVu because it covers far more scripts and symbols than either.
 */
export type DocumentFont = 'sans' | 'serif';
export const DOCUMENT_FONTS: readonly DocumentFont[] = ['sans', 'serif'];

export function isBuiltInTemplate(value: unknown): value is BuiltInTemplate {
  return BUILT_IN_TEMPLATES.some((template) => template.id === value);
}

export interface DocumentOptions {
  organisation: OrganisationBranding;
  /** The built-in look; default `classic`. */
  template?: BuiltInTemplate;
  /** Default `sans`. */
  font?: DocumentFont;
  /** `YYYY-MM-DD`: the date printed as "Prepared on". Passed in: shared/ has no clock. */
  generatedOn: string;
  /** Spelling of dates and the language tag written into the files. Default en-GB. */
  language?: DocumentLanguage;
  /** Author in the file properties; default the organisation, else the project's authors. */
  author?: string;
  /** Add the engine's warnings (over budget, uncovered gaps) as "Points to discuss". Default false. */
  includeWarnings?: boolean;
}

export interface ResolvedOptions {
  organisation: { name: string; logo: ImageData | null };
  accentColor: string;
  template: BuiltInTemplate;
  font: DocumentFont;
  generatedOn: string;
  language: DocumentLanguage;
  author: string;
  includeWarnings: boolean;
}

/**
 * Options as given, or the project's own: its client organisation, the studio's navy, and the day
 * the project was last saved as "Prepared on" (shared/ has no clock; callers pass today's date).
 */
export function resolveOptions(project: Project, options: Partial<DocumentOptions> = {}): ResolvedOptions {
  const organisation = options.organisation ?? { name: project.meta.clientOrganisation };
  const generatedOn = options.generatedOn ?? project.meta.modifiedAt.slice(0, 10);
  const name = cleanLine(organisation.name) || cleanLine(project.meta.clientOrganisation);
  const author = cleanLine(options.author ?? '') || name || project.meta.authors.map(cleanLine).filter(Boolean).join(', ');
  return {
    organisation: { name, logo: imageInfo(organisation.logo ?? null) },
    accentColor: normaliseColor(organisation.accentColor),
    template: isBuiltInTemplate(options.template) ? options.template : 'classic',
    font: options.font === 'serif' ? 'serif' : 'sans',
    generatedOn,
    language: options.language === 'en-US' ? 'en-US' : 'en-GB',
    author,
    includeWarnings: options.includeWarnings ?? false,
  };
}

/** The model's theme from resolved options: what the renderers need to draw the chosen look. */
export function themeOf(options: ResolvedOptions): DocumentModel['theme'] {
  return { accentColor: options.accentColor, template: options.template, font: options.font };
}
