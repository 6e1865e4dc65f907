/** Edits to the project as a whole. */
import { BrandingSchema, RequiredShortText, ShortText, type Branding } from '../schema';
import { CommandError, draftCommand, type ProjectCommand } from './command';

function checked(schema: typeof ShortText | typeof RequiredShortText, value: string, what: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(`${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data;
}

export function renameProject(title: string): ProjectCommand {
  const next = checked(RequiredShortText, title, 'The project title');
  return draftCommand('Rename project', (draft) => {
    draft.meta.title = next;
  });
}

export function setClientOrganisation(name: string): ProjectCommand {
  const next = checked(ShortText, name.trim(), 'The client organisation');
  return draftCommand('Change client organisation', (draft) => {
    draft.meta.clientOrganisation = next;
  });
}

const BRANDING_LABELS: Record<keyof Branding, string> = {
  logo: 'Change logo',
  accentColor: 'Change accent colour',
  font: 'Change document font',
  template: 'Change document template',
  clientTemplate: 'Change Word template',
};

/**
 * Change how exported documents look. Checked with the project file's own schema, so what the
 * studio accepts here is exactly what it can save and open again.
 */
export function setBranding(patch: Partial<Branding>): ProjectCommand {
  const keys = Object.keys(patch) as (keyof Branding)[];
  const parsed = BrandingSchema.partial().strict().safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(`The ${String(issue?.path[0] ?? 'branding')} ${issue?.message ?? 'is not valid'}`);
  }
  const label = keys.length === 1 ? BRANDING_LABELS[keys[0]!] : 'Change branding';
  return draftCommand(label, (draft) => {
    for (const key of keys) {
      const value = parsed.data[key];
      if (value === undefined) continue;
      if (JSON.stringify(draft.branding[key]) === JSON.stringify(value)) continue;
      (draft.branding as Record<string, unknown>)[key] = value;
    }
  });
}
