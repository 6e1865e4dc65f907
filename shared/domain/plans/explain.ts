/**
 * The sentences the engine writes into a plan: goal rationales, item reasons and warnings.
 * Kept apart from the rules so wording can change (or be translated) without touching them.
 * Every function returns one sentence.
 */
import { LONG_TEXT_MAX, type Importance } from '../schema';
import { LEVEL_SOURCE_LABELS, type LevelSource } from './levels';
import type { FindingCounts } from './types';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** At most two decimals, no trailing zeros: 52.5, 48, 0.75. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
export function listText(items: readonly string[], max = 8): string {
  if (items.length === 0) return '';
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : [...items];
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

/** Keeps engine text inside the schema's long-text limit whatever the names are. */
export function clampText(text: string, max = LONG_TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function quote(text: string): string {
  return `“${text}”`;
}

/** "2 high-priority findings", "1 high-priority and 2 medium-priority findings", "" when none. */
export function findingsPhrase(counts: FindingCounts): string {
  const parts: string[] = [];
  if (counts.high > 0) parts.push(`${counts.high} high-priority`);
  if (counts.medium > 0) parts.push(`${counts.medium} medium-priority`);
  if (counts.low > 0) parts.push(`${counts.low} low-priority`);
  const total = counts.high + counts.medium + counts.low;
  if (total === 0) return '';
  return `${listText(parts)} ${total === 1 ? 'finding' : 'findings'}`;
}

export function goalRationale(args: {
  gap: number;
  currentLabel: string;
  targetLabel: string;
  source: LevelSource;
  importance: Importance;
  roleName: string;
  findings: FindingCounts;
}): string {
  const from = args.source === 'pre' ? args.currentLabel : `${args.currentLabel}, from the ${LEVEL_SOURCE_LABELS[args.source]}`;
  const findings = findingsPhrase(args.findings);
  return clampText(
    `Gap of ${plural(args.gap, 'level')} (${from} → ${args.targetLabel}), ${args.importance} for ${args.roleName}${findings ? `; ${findings}` : ''}.`,
  );
}

/** "your top-priority gap (2 levels)", "your priority-3 gap (1 level)". */
export function gapPhrase(goalRank: number, gap: number): string {
  return `${goalRank === 1 ? 'your top-priority gap' : `your priority-${goalRank} gap`} (${plural(gap, 'level')})`;
}

export interface DevelopmentWords {
  capabilityName: string;
  currentLabel: string;
  toLabel: string;
  goalRank: number;
  gap: number;
}

/** "Stakeholder influence from Beginner to Intermediate — your top-priority gap (2 levels); also Composure (Beginner → Intermediate, priority 3)". */
export function developsPhrase(matches: readonly DevelopmentWords[]): string {
  const [first, ...others] = matches;
  if (!first) return '';
  const main = `${first.capabilityName} from ${first.currentLabel} to ${first.toLabel} — ${gapPhrase(first.goalRank, first.gap)}`;
  if (others.length === 0) return main;
  const also = others.map((other) => `${other.capabilityName} (${other.currentLabel} → ${other.toLabel}, priority ${other.goalRank})`);
  return `${main}; also ${listText(also, 4)}`;
}

/** Closes a sentence the engine composed (all its templates start with a capital letter). */
export function sentence(text: string): string {
  return clampText(`${text}.`);
}
