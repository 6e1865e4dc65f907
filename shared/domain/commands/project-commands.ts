/** Edits to the project as a whole. */
import { RequiredShortText, ShortText } from '../schema';
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
