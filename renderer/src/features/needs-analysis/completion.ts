/**
 * Keyboard completion in the quick-capture box: "#" links a capability (or adds a tag), "@" links
 * a role. Pure functions of the text and the caret, so they are unit-tested without a browser.
 */

export type TriggerChar = '#' | '@';

export interface Trigger {
  char: TriggerChar;
  /** Index of the trigger character in the text. */
  start: number;
  /** The caret: the query runs from start + 1 to here. */
  end: number;
  query: string;
}

export interface CompletionCandidate {
  id: string;
  name: string;
  /** Shown beside the name: a capability's domain, a role's team. */
  detail: string;
  /** Also matched: a capability's external id. */
  alias?: string;
}

export interface CompletionOption {
  /** Unique among the options: "capability:<id>", "role:<id>", "tag:<text>". */
  key: string;
  kind: 'capability' | 'role' | 'tag';
  /** The capability or role id, or the tag text. */
  value: string;
  label: string;
  detail: string;
}

const MAX_QUERY_WORDS = 5;

/**
 * The "#query" or "@query" the caret is at the end of, if any. The trigger must start the text
 * or follow a space (so "e-mail@example" or "C#" do not trigger); the query may contain spaces
 * (capability names do) but not another trigger, a line break, or more than a few words.
 */
export function findTrigger(text: string, caret: number): Trigger | null {
  const before = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const match = /(^|\s)([#@])([^#@\n]*)$/.exec(before);
  if (!match) return null;
  const query = match[3] ?? '';
  if (/\s\s$/.test(query) || query.trim().split(/\s+/).length > MAX_QUERY_WORDS || query.startsWith(' ')) return null;
  const start = match.index + (match[1]?.length ?? 0);
  return { char: match[2] as TriggerChar, start, end: before.length, query };
}

/** How well `candidate` matches `query`: higher is better, 0 is no match. */
export function matchScore(candidate: CompletionCandidate, query: string): number {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return 1;
  const name = candidate.name.toLocaleLowerCase();
  const alias = (candidate.alias ?? '').toLocaleLowerCase();
  if (name.startsWith(q)) return 4;
  if (alias !== '' && alias.startsWith(q)) return 3;
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const parts = q.split(/\s+/).filter(Boolean);
  if (parts.every((part) => words.some((word) => word.startsWith(part)))) return 2;
  if (name.includes(q)) return 1.5;
  return 0;
}

function rank(candidates: readonly CompletionCandidate[], query: string, limit: number): CompletionCandidate[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: matchScore(candidate, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** What to offer for a trigger: matching capabilities (and a tag) for "#", matching roles for "@". */
export function completionOptions(
  trigger: Trigger,
  sources: { capabilities: readonly CompletionCandidate[]; roles: readonly CompletionCandidate[] },
  exclude: { capabilityIds: readonly string[]; roleIds: readonly string[]; tags: readonly string[] },
  limit = 8,
): CompletionOption[] {
  if (trigger.char === '@') {
    return rank(
      sources.roles.filter((role) => !exclude.roleIds.includes(role.id)),
      trigger.query,
      limit,
    ).map((role) => ({ key: `role:${role.id}`, kind: 'role', value: role.id, label: role.name, detail: role.detail }));
  }
  const options: CompletionOption[] = rank(
    sources.capabilities.filter((capability) => !exclude.capabilityIds.includes(capability.id)),
    trigger.query,
    limit,
  ).map((capability) => ({ key: `capability:${capability.id}`, kind: 'capability', value: capability.id, label: capability.name, detail: capability.detail }));
  const tag = trigger.query.trim();
  const known = exclude.tags.some((existing) => existing.toLocaleLowerCase() === tag.toLocaleLowerCase());
  if (tag !== '' && !/\s/.test(tag) && !known) options.push({ key: `tag:${tag}`, kind: 'tag', value: tag, label: `#${tag}`, detail: 'Add as a tag' });
  return options;
}

/** The text without the "#query" that was just completed, and where the caret goes. */
export function removeTrigger(text: string, trigger: Trigger): { text: string; caret: number } {
  let before = text.slice(0, trigger.start);
  let after = text.slice(trigger.end);
  if (before.endsWith(' ') && (after.startsWith(' ') || after === '')) before = before.replace(/ +$/, after === '' ? ' ' : '');
  if (before === ' ') before = '';
  if (before === '' && after.startsWith(' ')) after = after.replace(/^ +/, '');
  return { text: before + after, caret: before.length };
}
