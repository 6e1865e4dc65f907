import { describe, expect, it } from 'vitest';
import { NO_FILTER, filterActivities, isFiltering, rangeBetween } from '../../../renderer/src/features/catalog/filter';
import { sampleProject } from '../model-editor/support';

const activities = sampleProject().activities;
const titles = (filter: Partial<typeof NO_FILTER>) => filterActivities(activities, { ...NO_FILTER, ...filter }).map((activity) => activity.id);

describe('catalog search and filters', () => {
  it('shows everything without a filter', () => {
    expect(titles({})).toHaveLength(activities.length);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: '  ' })).toBe(false);
  });

  it('matches every word of the query, in any order and case, across title, description, provider and modality', () => {
    expect(titles({ query: 'REVIEW executive business' })).toContain('act-ep-stretch-ebr');
    expect(titles({ query: 'vein-to-vein DAY' })).toEqual(['act-ep-shadow-vein-to-vein']);
    expect(titles({ query: 'podcast' })).toContain('act-ep-podcast-presence');
    expect(titles({ query: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by modality, category and capability, combined', () => {
    expect(titles({ modality: 'job-shadowing' })).toEqual(['act-ep-shadow-ral', 'act-ep-shadow-vein-to-vein']);
    expect(titles({ category: 'social' })).toEqual(['act-ep-mentoring-senior', 'act-ep-coaching-exec', 'act-ep-cop-case-clinic']);
    const composure = titles({ capabilityId: 'cap-composure' });
    expect(composure.length).toBeGreaterThan(0);
    for (const id of composure) expect(activities.find((activity) => activity.id === id)?.develops.some((d) => d.capabilityId === 'cap-composure')).toBe(true);
    expect(titles({ category: 'social', capabilityId: 'cap-composure' }).every((id) => composure.includes(id))).toBe(true);
  });
});

describe('shift-click ranges', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  it('selects from the anchor to the clicked row, either direction', () => {
    expect(rangeBetween(order, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(rangeBetween(order, 'd', 'b')).toEqual(['b', 'c', 'd']);
  });
  it('falls back to the clicked row without a shown anchor, and to nothing for a hidden row', () => {
    expect(rangeBetween(order, null, 'c')).toEqual(['c']);
    expect(rangeBetween(order, 'zz', 'c')).toEqual(['c']);
    expect(rangeBetween(order, 'a', 'zz')).toEqual([]);
  });
});
