/** What every exported document needs to know besides the project: who issues it, and when. */
import type { Project } from '../domain/schema';
import type { DocumentLanguage, ImageData } from './model';
import { cleanLine, imageInfo, normaliseColor } from './text';

export interface OrganisationBranding {
  name: string;
  /** PNG or JPEG bytes; anything else is ignored (the document is still produced). */
  logo?: Uint8Array | null;
  /** `#RRGGBB`; an invalid colour falls back to the studio's navy. */
  accentColor?: string;
}

export interface DocumentOptions {
  organisation: OrganisationBranding;
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
    generatedOn,
    language: options.language === 'en-US' ? 'en-US' : 'en-GB',
    author,
    includeWarnings: options.includeWarnings ?? false,
  };
}
