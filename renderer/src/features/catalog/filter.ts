/** What the catalog table shows: search and filters, and shift-click ranges. Pure, so it is tested alone. */
import { MODALITY_LABELS } from '../../../../shared/documents/labels';
import type { Activity, LearningCategory, Modality } from '../../../../shared/domain/schema';

export interface CatalogFilter {
  query: string;
  modality: Modality | null;
  category: LearningCategory | null;
  capabilityId: string | null;
}

export const NO_FILTER: CatalogFilter = { query: '', modality: null, category: null, capabilityId: null };

export function isFiltering(filter: CatalogFilter): boolean {
  return filter.query.trim() !== '' || filter.modality !== null || filter.category !== null || filter.capabilityId !== null;
}

/** Every word of the query must appear in the title, description, provider or modality. */
export function filterActivities(activities: readonly Activity[], filter: CatalogFilter): Activity[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return activities.filter((activity) => {
    if (filter.modality !== null && activity.modality !== filter.modality) return false;
    if (filter.category !== null && activity.category !== filter.category) return false;
    if (filter.capabilityId !== null && !activity.develops.some((development) => development.capabilityId === filter.capabilityId)) return false;
    if (words.length === 0) return true;
    const haystack = `${activity.title} ${activity.description} ${activity.provider} ${MODALITY_LABELS[activity.modality]}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The ids from `anchor` to `id` (either order) in the shown order; just `id` when the anchor is not shown. */
export function rangeBetween(order: readonly string[], anchor: string | null, id: string): string[] {
  const to = order.indexOf(id);
  const from = anchor === null ? -1 : order.indexOf(anchor);
  if (to < 0) return [];
  if (from < 0) return [id];
  return order.slice(Math.min(from, to), Math.max(from, to) + 1);
}
