/**
 * The project's saved branding as the options every renderer takes: the studio's Export
 * workspace, its preview and the CLI all go through here, so they print the same organisation,
 * logo and colours.
 */
import type { DocumentOptions } from '../../../shared/documents';
import type { Project } from '../../../shared/domain/schema';
import type { ExportTemplate } from './cohort-export';

export interface DocumentSettings {
  /** `YYYY-MM-DD` printed as "Prepared on". */
  generatedOn: string;
  includeWarnings?: boolean;
}

/** Base64 from the project file; a damaged value gives no logo rather than a failed export. */
export function decodeBase64(data: string): Uint8Array | null {
  try {
    const bytes = Buffer.from(data, 'base64');
    return bytes.length > 0 ? new Uint8Array(bytes) : null;
  } catch {
    return null;
  }
}

export function documentOptionsFor(project: Project, settings: DocumentSettings): DocumentOptions {
  const { branding } = project;
  return {
    organisation: {
      name: project.meta.clientOrganisation,
      logo: branding.logo ? decodeBase64(branding.logo.data) : null,
      accentColor: branding.accentColor,
    },
    generatedOn: settings.generatedOn,
    includeWarnings: settings.includeWarnings ?? false,
    template: branding.template,
    font: branding.font,
  };
}

/** The organisation's own Word template when the project has one, else the built-in look it chose. */
export function exportTemplateFor(project: Project): ExportTemplate {
  const client = project.branding.clientTemplate;
  const bytes = client ? decodeBase64(client.data) : null;
  return client && bytes ? { kind: 'client', fileName: client.fileName, bytes } : { kind: 'built-in', name: project.branding.template };
}

/** Today in the machine's time zone, as plans are dated. */
export function localIsoDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
