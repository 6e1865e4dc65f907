/** Wording helpers for pathway messages: names a designer recognises, lists that stay one line. */
import type { Activity, PathwayNode, PathwayNodeKind } from '../schema';

const KIND_NAMES: Record<PathwayNodeKind, string> = {
  'pre-assessment': 'pre-assessment',
  core: 'core activity',
  'optional-group': 'optional group',
  'post-assessment': 'post-assessment',
  capstone: 'capstone',
  milestone: 'milestone',
};

export function kindName(kind: PathwayNodeKind): string {
  return KIND_NAMES[kind];
}

/** Text as it may appear inside a one-line message: no line breaks, no control characters, bounded. */
export function inline(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function quote(text: string): string {
  return `“${inline(text)}”`;
}

/**
 * What a designer calls a step: its label, else its activity's title, else its kind and id,
 * quoted.
 */
export function nodeName(node: PathwayNode, activities: ReadonlyMap<string, Activity>): string {
  if (node.label.trim() !== '') return quote(node.label);
  const activityId = 'activityId' in node ? node.activityId : null;
  const activity = activityId ? activities.get(activityId) : undefined;
  if (activity) return quote(activity.title);
  return `the ${kindName(node.kind)} ${quote(node.id)}`;
}

export const LIST_SHOWN = 5;

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 7 more" (`total` when `items` holds only the first few). */
export function listOf(items: readonly string[], shown = LIST_SHOWN, total = items.length): string {
  if (total <= 0 || items.length === 0) return '';
  if (total > shown) return `${items.slice(0, shown).join(', ')} and ${total - Math.min(shown, items.length)} more`;
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Hours as a designer writes them: "12 h", "7.5 h", "0.25 h". */
export function hoursText(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;
}
