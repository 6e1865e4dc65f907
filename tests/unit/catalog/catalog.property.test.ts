/** Properties of the catalog commands over random selections, id sources and patches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkUpdateActivities, duplicateActivities, updateActivity } from '../../../shared/domain/commands/catalog-commands';
import { DEFAULT_CATEGORY } from '../../../shared/domain/activity-defaults';
import { LEARNING_CATEGORIES, MODALITIES } from '../../../shared/domain/schema';
import { expectLoadable, frozen, sampleProject } from '../model-editor/support';

const project = frozen(sampleProject());
const activityIds = project.activities.map((activity) => activity.id);
const selection = fc.subarray(activityIds, { minLength: 1 });

describe('catalog properties', () => {
  it('duplicating never collides ids, keeps every original in order and puts each copy right after its original', () => {
    // Id sources that often propose ids already in use (originals, or the same id again).
    const proposals = fc.array(fc.oneof(fc.constantFrom(...activityIds), fc.constantFrom('act-a', 'act-b', 'act-c'), fc.stringMatching(/^act-[a-z0-9]{1,6}$/)), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(selection, proposals, (selected, ids) => {
        let next = 0;
        let fallback = 0;
        const after = duplicateActivities(selected, () => ids[next++] ?? `act-fallback-${fallback++}`).apply(project);
        const all = after.activities.map((activity) => activity.id);
        expect(new Set(all).size).toBe(all.length);
        expect(all.filter((id) => activityIds.includes(id))).toEqual(activityIds);
        expect(after.activities).toHaveLength(activityIds.length + selected.length);
        after.activities.forEach((activity, index) => {
          if (!selected.includes(activity.id)) return;
          const copy = after.activities[index + 1]!;
          expect(copy.title).toBe(`${activity.title} (copy)`);
          expect({ ...copy, id: activity.id, title: activity.title }).toEqual(activity);
        });
        expectLoadable(after);
      }),
      { numRuns: 150 },
    );
  });

  it('bulk edit touches only the selected activities, and every selected one gets the patch', () => {
    const patch = fc.record(
      {
        delivery: fc.constantFrom('self-paced' as const, 'live' as const),
        provider: fc.string({ maxLength: 20 }),
        cost: fc.string({ maxLength: 10 }),
        category: fc.constantFrom(...LEARNING_CATEGORIES),
        modality: fc.constantFrom(...MODALITIES),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(selection, patch, (selected, change) => {
        const after = bulkUpdateActivities(selected, change).apply(project);
        after.activities.forEach((activity, index) => {
          const before = project.activities[index]!;
          if (!selected.includes(activity.id)) {
            expect(activity).toBe(before);
            return;
          }
          if (change.delivery) expect(activity.delivery).toBe(change.delivery);
          if (change.provider !== undefined) expect(activity.provider).toBe(change.provider.trim());
          if (change.category) expect(activity.category).toBe(change.category);
          if (change.modality) expect(activity.modality).toBe(change.modality);
        });
        expectLoadable(after);
      }),
      { numRuns: 150 },
    );
  });

  it('a modality change keeps the category in step with the modality while it was never overridden', () => {
    fc.assert(
      fc.property(fc.constantFrom(...activityIds), fc.array(fc.constantFrom(...MODALITIES), { minLength: 1, maxLength: 6 }), (id, modalities) => {
        let current = project;
        for (const modality of modalities) current = updateActivity(id, { modality }).apply(current);
        const activity = current.activities.find((candidate) => candidate.id === id)!;
        // The sample's categories are all defaults, so the category follows every change.
        expect(activity.category).toBe(DEFAULT_CATEGORY[activity.modality]);
      }),
      { numRuns: 100 },
    );
  });
});
