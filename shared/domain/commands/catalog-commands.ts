/**
 * Edits to the activity catalog: add, edit, duplicate, delete, bulk edit, and the capabilities
 * an activity develops (with the level range it takes a learner through).
 *
 * Constructors check what does not depend on the project (text lengths, the link, hours) and
 * throw a CommandError whose message the studio shows as it is, next to the field; `apply`
 * checks what does (the activity, capabilities and levels exist). Commands that would change
 * nothing return the same project, so they record no undo step.
 */
import { produce, type Draft } from 'immer';
import { defaultCategory } from '../activity-defaults';
import { KIND_LABELS } from '../../documents/labels';
import {
  LEARNING_CATEGORIES,
  MODALITIES,
  SafeLink,
  type Activity,
  type LearningCategory,
  type Modality,
  type PathwayNodeKind,
  type Project,
} from '../schema';
import { checkedId, checkedLong, checkedName, checkedShort, requireItem, requireNewId } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export type Delivery = Activity['delivery'];
export const DELIVERIES = ['self-paced', 'live'] as const satisfies readonly Delivery[];
export type CapabilityDevelopment = Activity['develops'][number];
export type ActivityFields = Omit<Activity, 'id'>;

export const HOURS_MAX = 10_000;
export const TITLE_COPY_SUFFIX = ' (copy)';

// ---------------------------------------------------------------------------------------------
// Field checks: one-line messages a designer can act on

/** Web and mail links only: the link is clickable in exported plans. */
export function checkedLink(value: string): string {
  const link = value.trim();
  if (link === '') return '';
  if (!/^(https?:\/\/|mailto:)/i.test(link)) throw new CommandError('Links must start with http://, https:// or mailto:');
  if (/\s/.test(link)) throw new CommandError('A link must not contain spaces.');
  if (!SafeLink.safeParse(link).success) throw new CommandError('That link is incomplete: write it like https://example.com/page or mailto:name@example.com');
  return link;
}

export function checkedHours(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > HOURS_MAX) throw new CommandError(`Hours must be a number from 0 to ${HOURS_MAX.toLocaleString('en-US')}.`);
  return value;
}

function checkedModality(value: string): Modality {
  if (!(MODALITIES as readonly string[]).includes(value)) throw new CommandError(`"${value}" is not a modality.`);
  return value as Modality;
}

function checkedCategory(value: string): LearningCategory {
  if (!(LEARNING_CATEGORIES as readonly string[]).includes(value)) throw new CommandError(`"${value}" is not a 70-20-10 category.`);
  return value as LearningCategory;
}

function checkedDelivery(value: string): Delivery {
  if (!(DELIVERIES as readonly string[]).includes(value)) throw new CommandError('Delivery is self-paced or live.');
  return value as Delivery;
}

/** Checks every field given; the ones not given stay undefined. */
function checkedPatch(patch: Partial<ActivityFields>): Partial<ActivityFields> {
  const clean: Partial<ActivityFields> = {};
  if (patch.title !== undefined) clean.title = checkedName(patch.title, 'An activity title');
  if (patch.description !== undefined) clean.description = checkedLong(patch.description, 'A description');
  if (patch.modality !== undefined) clean.modality = checkedModality(patch.modality);
  if (patch.category !== undefined) clean.category = checkedCategory(patch.category);
  if (patch.hours !== undefined) clean.hours = checkedHours(patch.hours);
  if (patch.link !== undefined) clean.link = checkedLink(patch.link);
  if (patch.provider !== undefined) clean.provider = checkedShort(patch.provider, 'A provider');
  if (patch.cost !== undefined) clean.cost = checkedShort(patch.cost, 'A cost');
  if (patch.delivery !== undefined) clean.delivery = checkedDelivery(patch.delivery);
  if (patch.develops !== undefined) clean.develops = checkedDevelopsShape(patch.develops);
  return clean;
}

function checkedDevelopsShape(develops: readonly CapabilityDevelopment[]): CapabilityDevelopment[] {
  const seen = new Set<string>();
  return develops.map((development) => {
    checkedId(development.capabilityId, 'capability');
    checkedId(development.fromLevelId, 'level');
    checkedId(development.toLevelId, 'level');
    if (seen.has(development.capabilityId)) throw new CommandError('Each capability is listed once per activity.');
    seen.add(development.capabilityId);
    return { capabilityId: development.capabilityId, fromLevelId: development.fromLevelId, toLevelId: development.toLevelId };
  });
}

/** The capabilities and levels exist, and no range goes downhill. */
function checkDevelopsInProject(project: Project, develops: readonly CapabilityDevelopment[]): void {
  const rank = new Map(project.scale.levels.map((level, index) => [level.id, index]));
  const label = new Map(project.scale.levels.map((level) => [level.id, level.label]));
  for (const development of develops) {
    const capability = project.capabilities.find((candidate) => candidate.id === development.capabilityId);
    if (!capability) throw new CommandError(`There is no capability "${development.capabilityId}" in the capability model.`);
    const from = rank.get(development.fromLevelId);
    const to = rank.get(development.toLevelId);
    if (from === undefined) throw new CommandError(`There is no level "${development.fromLevelId}" on the proficiency scale.`);
    if (to === undefined) throw new CommandError(`There is no level "${development.toLevelId}" on the proficiency scale.`);
    if (from > to) {
      throw new CommandError(
        `For ${capability.name}, the from-level (${label.get(development.fromLevelId) ?? ''}) must not be above the to-level (${label.get(development.toLevelId) ?? ''}).`,
      );
    }
  }
}

function sameDevelops(a: readonly CapabilityDevelopment[], b: readonly CapabilityDevelopment[]): boolean {
  return a.length === b.length && a.every((x, i) => x.capabilityId === b[i]?.capabilityId && x.fromLevelId === b[i]?.fromLevelId && x.toLevelId === b[i]?.toLevelId);
}

/** Writes only the fields that differ, so an edit that changes nothing leaves the project as it was. */
function assignChanged(target: Draft<Activity>, next: Partial<ActivityFields>): void {
  for (const key of ['title', 'description', 'modality', 'category', 'hours', 'link', 'provider', 'cost', 'delivery'] as const) {
    const value = next[key];
    if (value !== undefined && target[key] !== value) (target as Record<typeof key, unknown>)[key] = value;
  }
  if (next.develops !== undefined && !sameDevelops(target.develops, next.develops)) target.develops = next.develops;
}

/**
 * The category after a modality change. It follows the new modality only when it was still the
 * old modality's default: then the designer never chose it, it came with the modality, and
 * leaving "formal" on what is now a stretch assignment would quietly skew the 70-20-10 mix. A
 * category that differs from the default was a deliberate override (a workshop run as a peer
 * clinic counted as social) and is kept.
 */
export function categoryAfterModalityChange(activity: Pick<Activity, 'modality' | 'category'>, modality: Modality): LearningCategory {
  return activity.category === defaultCategory(activity.modality) ? defaultCategory(modality) : activity.category;
}

// ---------------------------------------------------------------------------------------------
// Add, edit

export interface NewActivity extends Partial<Omit<ActivityFields, 'title' | 'modality'>> {
  id: string;
  title: string;
  modality: Modality;
}

/** Adds an activity (at the end of the catalog unless `index` is given); its category defaults from its modality. */
export function addActivity(input: NewActivity, index?: number): ProjectCommand {
  checkedId(input.id, 'activity');
  const clean = checkedPatch(input);
  const activity: Activity = {
    id: input.id,
    title: clean.title ?? '',
    description: clean.description ?? '',
    modality: clean.modality ?? input.modality,
    category: clean.category ?? defaultCategory(input.modality),
    hours: clean.hours ?? 1,
    link: clean.link ?? '',
    provider: clean.provider ?? '',
    cost: clean.cost ?? '',
    delivery: clean.delivery ?? 'self-paced',
    develops: clean.develops ?? [],
  };
  if (index !== undefined && (!Number.isInteger(index) || index < 0)) throw new CommandError('A position must be 0 or more.');
  return draftCommand('Add activity', (draft) => {
    requireNewId(draft.activities, activity.id, 'activity');
    checkDevelopsInProject(draft as Project, activity.develops);
    draft.activities.splice(Math.min(index ?? draft.activities.length, draft.activities.length), 0, activity);
  });
}

/** Changes some fields of one activity, as one step. See `categoryAfterModalityChange`. */
export function updateActivity(activityId: string, patch: Partial<ActivityFields>): ProjectCommand {
  const clean = checkedPatch(patch);
  return draftCommand('Edit activity', (draft) => {
    const activity = requireItem(draft.activities, activityId, 'activity');
    const next = { ...clean };
    if (next.modality !== undefined && next.category === undefined && next.modality !== activity.modality) {
      next.category = categoryAfterModalityChange(activity, next.modality);
    }
    if (next.develops !== undefined) checkDevelopsInProject(draft as Project, next.develops);
    assignChanged(activity, next);
  });
}

/** Replaces the capabilities an activity develops and their level ranges. */
export function setDevelops(activityId: string, develops: readonly CapabilityDevelopment[]): ProjectCommand {
  const clean = checkedDevelopsShape(develops);
  return draftCommand('Edit capabilities developed', (draft) => {
    const activity = requireItem(draft.activities, activityId, 'activity');
    checkDevelopsInProject(draft as Project, clean);
    if (!sameDevelops(activity.develops, clean)) activity.develops = clean;
  });
}

// ---------------------------------------------------------------------------------------------
// Duplicate

function requireDistinctIds(ids: readonly string[], what: string): void {
  if (ids.length === 0) throw new CommandError(`Select at least one ${what}.`);
}

function copyTitle(title: string): string {
  const room = 500 - TITLE_COPY_SUFFIX.length;
  return `${title.length > room ? title.slice(0, room).trimEnd() : title}${TITLE_COPY_SUFFIX}`;
}

/**
 * Copies activities, each inserted right after its original with "(copy)" after its title.
 * `nextId` proposes ids; one already used in the catalog (or by an earlier copy) is skipped, so
 * a copy can never take an existing id, whatever the id source.
 */
export function duplicateActivities(activityIds: readonly string[], nextId: () => string): ProjectCommand {
  requireDistinctIds(activityIds, 'activity');
  const wanted = new Set(activityIds);
  return draftCommand(wanted.size === 1 ? 'Duplicate activity' : `Duplicate ${wanted.size} activities`, (draft) => {
    for (const id of wanted) requireItem(draft.activities, id, 'activity');
    const taken = new Set(draft.activities.map((activity) => activity.id));
    const freshId = (): string => {
      for (let attempt = 0; attempt < 1_000; attempt += 1) {
        const candidate = nextId();
        if (!taken.has(candidate) && checkedIdOrNull(candidate) !== null) {
          taken.add(candidate);
          return candidate;
        }
      }
      throw new CommandError('Could not find a free id for the copy.');
    };
    const result: Draft<Activity>[] = [];
    for (const activity of draft.activities) {
      result.push(activity);
      if (!wanted.has(activity.id)) continue;
      result.push({
        ...activity,
        id: freshId(),
        title: copyTitle(activity.title),
        develops: activity.develops.map((development) => ({ ...development })),
      });
    }
    draft.activities = result;
  });
}

function checkedIdOrNull(id: string): string | null {
  try {
    return checkedId(id, 'activity');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk edit

export interface BulkActivityPatch {
  modality?: Modality;
  category?: LearningCategory;
  delivery?: Delivery;
  provider?: string;
  cost?: string;
  /** Added to each selected activity that does not develop this capability yet; ranges already set are kept. */
  addDevelops?: CapabilityDevelopment;
  /** Removed from each selected activity that develops it. */
  removeCapabilityId?: string;
}

/** Applies the same change to every selected activity, as one step; the others are untouched. */
export function bulkUpdateActivities(activityIds: readonly string[], patch: BulkActivityPatch): ProjectCommand {
  requireDistinctIds(activityIds, 'activity');
  const clean = checkedPatch({ modality: patch.modality, category: patch.category, delivery: patch.delivery, provider: patch.provider, cost: patch.cost });
  const adding = patch.addDevelops ? checkedDevelopsShape([patch.addDevelops])[0] : undefined;
  const removing = patch.removeCapabilityId === undefined ? undefined : checkedId(patch.removeCapabilityId, 'capability');
  const wanted = new Set(activityIds);
  return draftCommand(wanted.size === 1 ? 'Edit activity' : `Edit ${wanted.size} activities`, (draft) => {
    for (const id of wanted) requireItem(draft.activities, id, 'activity');
    if (adding) checkDevelopsInProject(draft as Project, [adding]);
    for (const activity of draft.activities) {
      if (!wanted.has(activity.id)) continue;
      const next = { ...clean };
      if (next.modality !== undefined && next.category === undefined && next.modality !== activity.modality) {
        next.category = categoryAfterModalityChange(activity, next.modality);
      }
      let develops: CapabilityDevelopment[] = activity.develops;
      if (removing !== undefined) develops = develops.filter((development) => development.capabilityId !== removing);
      if (adding && !develops.some((development) => development.capabilityId === adding.capabilityId)) develops = [...develops, { ...adding }];
      if (develops !== activity.develops) next.develops = develops;
      assignChanged(activity, next);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Where activities are used, and deleting them

export type ActivityUseEffect =
  /** A core step is the activity: it goes, with its connections. */
  | 'remove-step'
  /** The activity is one of an optional group's choices: it leaves the group. */
  | 'leave-group'
  /** An assessment or capstone step names the activity: the step stays, without it. */
  | 'unlink-step'
  /** A learner's plan lists it: the plan item stays, with its title, unlinked from the catalog. */
  | 'unlink-plan-item';

export interface ActivityUse {
  activityId: string;
  effect: ActivityUseEffect;
  /** "Executive presence framework", or the learner's name for a plan item. */
  where: string;
  /** The step or plan item, as its owner reads it: "Core activity: Boardroom Ready". */
  what: string;
  frameworkId?: string;
  nodeId?: string;
  planId?: string;
  itemId?: string;
}

function stepName(kind: PathwayNodeKind, label: string, fallback: string): string {
  return `${KIND_LABELS[kind]} step “${label.trim() || fallback}”`;
}

/** Every pathway step and plan item that uses one of these activities, in file order. */
export function activityUses(project: Project, activityIds: Iterable<string>): ActivityUse[] {
  const ids = new Set(activityIds);
  const titles = new Map(project.activities.map((activity) => [activity.id, activity.title]));
  const uses: ActivityUse[] = [];
  for (const framework of project.frameworks) {
    for (const node of framework.nodes) {
      const base = { where: framework.name, frameworkId: framework.id, nodeId: node.id };
      if (node.kind === 'optional-group') {
        for (const id of new Set(node.activityIds)) {
          if (ids.has(id)) uses.push({ ...base, activityId: id, effect: 'leave-group', what: stepName(node.kind, node.label, 'Optional group') });
        }
      } else if ('activityId' in node && node.activityId !== null && ids.has(node.activityId)) {
        const effect = node.kind === 'core' ? 'remove-step' : 'unlink-step';
        uses.push({ ...base, activityId: node.activityId, effect, what: stepName(node.kind, node.label, titles.get(node.activityId) ?? node.activityId) });
      }
    }
  }
  const learners = new Map(project.learners.map((learner) => [learner.id, learner.name]));
  for (const plan of project.plans) {
    for (const item of plan.items) {
      if (item.activityId !== null && ids.has(item.activityId)) {
        uses.push({
          activityId: item.activityId,
          effect: 'unlink-plan-item',
          where: `${learners.get(plan.learnerId) ?? 'A learner'}'s plan`,
          what: `Plan item “${item.title}”`,
          planId: plan.id,
          itemId: item.id,
        });
      }
    }
  }
  return uses;
}

export interface DeleteActivitiesOptions {
  /**
   * false (the default): refuse while a pathway step or plan item uses one of the activities,
   * so nothing is lost without the designer seeing it. true: the designer has seen the uses
   * (the studio lists them in its confirmation) and accepts what happens to each — see
   * `ActivityUseEffect`. Either way it is one undo step.
   */
  detachUses?: boolean;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Deletes activities from the catalog. While they are used, refused unless `detachUses` (see there). */
export function deleteActivities(activityIds: readonly string[], options: DeleteActivitiesOptions = {}): ProjectCommand {
  requireDistinctIds(activityIds, 'activity');
  const wanted = new Set(activityIds);
  return {
    label: wanted.size === 1 ? 'Delete activity' : `Delete ${wanted.size} activities`,
    apply(project) {
      for (const id of wanted) requireItem(project.activities, id, 'activity');
      const uses = activityUses(project, wanted);
      if (uses.length > 0 && !options.detachUses) {
        const steps = uses.filter((use) => use.effect !== 'unlink-plan-item').length;
        const items = uses.length - steps;
        const parts = [steps > 0 ? plural(steps, 'pathway step', 'pathway steps') : null, items > 0 ? plural(items, 'plan item', 'plan items') : null].filter(Boolean);
        throw new CommandError(`${wanted.size === 1 ? 'This activity is' : 'These activities are'} used by ${parts.join(' and ')}: confirm to remove ${wanted.size === 1 ? 'it' : 'them'} from there too.`);
      }
      return produce(project, (draft) => {
        draft.activities = draft.activities.filter((activity) => !wanted.has(activity.id));
        if (uses.length === 0) return;
        const touchedFrameworks = new Set(uses.map((use) => use.frameworkId).filter((id): id is string => id !== undefined));
        for (const framework of draft.frameworks) {
          if (!touchedFrameworks.has(framework.id)) continue;
          const removed = new Set<string>();
          for (const node of framework.nodes) {
            if (node.kind === 'optional-group') {
              if (node.activityIds.some((id) => wanted.has(id))) node.activityIds = node.activityIds.filter((id) => !wanted.has(id));
            } else if (node.kind === 'core') {
              if (wanted.has(node.activityId)) removed.add(node.id);
            } else if ('activityId' in node && node.activityId !== null && wanted.has(node.activityId)) {
              node.activityId = null;
            }
          }
          if (removed.size > 0) {
            framework.nodes = framework.nodes.filter((node) => !removed.has(node.id));
            framework.edges = framework.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target));
          }
        }
        for (const plan of draft.plans) {
          for (const item of plan.items) if (item.activityId !== null && wanted.has(item.activityId)) item.activityId = null;
        }
      });
    },
  };
}
