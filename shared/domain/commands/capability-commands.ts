/** Edits to the capability model. */
import { LongText, RequiredShortText } from '../schema';
import { CommandError, draftCommand, type ProjectCommand } from './command';

function findCapability<T extends { id: string }>(capabilities: T[], id: string): T {
  const capability = capabilities.find((item) => item.id === id);
  if (!capability) throw new CommandError(`There is no capability "${id}".`);
  return capability;
}

export function renameCapability(capabilityId: string, name: string): ProjectCommand {
  const parsed = RequiredShortText.safeParse(name);
  if (!parsed.success) throw new CommandError(`A capability name ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return draftCommand('Rename capability', (draft) => {
    findCapability(draft.capabilities, capabilityId).name = parsed.data;
  });
}

export function describeCapability(capabilityId: string, description: string): ProjectCommand {
  const parsed = LongText.safeParse(description);
  if (!parsed.success) throw new CommandError(`A capability description ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
  return draftCommand('Edit capability description', (draft) => {
    findCapability(draft.capabilities, capabilityId).description = parsed.data;
  });
}
