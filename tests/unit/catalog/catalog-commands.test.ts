import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY } from '../../../shared/domain/activity-defaults';
import {
  activityUses,
  addActivity,
  bulkUpdateActivities,
  categoryAfterModalityChange,
  checkedLink,
  deleteActivities,
  duplicateActivities,
  setDevelops,
  updateActivity,
} from '../../../shared/domain/commands/catalog-commands';
import { MODALITIES, PlanSchema, type Project } from '../../../shared/domain/schema';
import { applyWithUndo, expectNoOp, frozen, sampleProject } from '../model-editor/support';

const sample = () => frozen(sampleProject());
const ids = (project: Project) => project.activities.map((activity) => activity.id);
const activity = (project: Project, id: string) => project.activities.find((candidate) => candidate.id === id)!;

/** The sample with a plan whose items use two catalog activities (the sample ships without plans). */
function sampleWithPlan(): Project {
  const project = structuredClone(sampleProject());
  project.plans.push(
    PlanSchema.parse({
      id: 'plan-priya',
      learnerId: 'learner-priya-nair',
      frameworkId: 'fw-executive-presence',
      items: [
        { id: 'item-1', nodeId: 'node-core-mentoring', activityId: 'act-ep-mentoring-senior', kind: 'core', title: 'Mentoring partnership' },
        { id: 'item-2', activityId: 'act-ep-book-executive-presence', kind: 'core', title: 'Read the book', manual: true },
      ],
    }),
  );
  return frozen(project);
}

describe('the modality → category default', () => {
  it('covers every modality and matches the sample catalog', () => {
    for (const modality of MODALITIES) expect(DEFAULT_CATEGORY[modality]).toMatch(/^(experiential|social|formal)$/);
    for (const item of sampleProject().activities) expect(item.category, item.title).toBe(DEFAULT_CATEGORY[item.modality]);
  });
});

describe('adding activities', () => {
  it('adds at the end with the category from the modality and the schema defaults', () => {
    const after = applyWithUndo(sample(), addActivity({ id: 'act-new', title: '  Negotiation lab ', modality: 'stretch-assignment' }));
    expect(ids(after).at(-1)).toBe('act-new');
    expect(activity(after, 'act-new')).toEqual({
      id: 'act-new',
      title: 'Negotiation lab',
      description: '',
      modality: 'stretch-assignment',
      category: 'experiential',
      hours: 1,
      link: '',
      provider: '',
      cost: '',
      delivery: 'self-paced',
      develops: [],
    });
  });

  it('keeps an explicit category and every field given, at a position', () => {
    const after = applyWithUndo(
      sample(),
      addActivity(
        {
          id: 'act-new',
          title: 'Peer workshop',
          modality: 'workshop',
          category: 'social',
          hours: 2.5,
          link: ' https://example.com/x ',
          provider: 'Acme',
          cost: '€200',
          delivery: 'live',
          develops: [{ capabilityId: 'cap-composure', fromLevelId: 'beginner', toLevelId: 'skilled' }],
        },
        0,
      ),
    );
    expect(ids(after)[0]).toBe('act-new');
    expect(activity(after, 'act-new')).toMatchObject({ category: 'social', link: 'https://example.com/x', hours: 2.5, delivery: 'live', provider: 'Acme', cost: '€200' });
  });

  it('refuses bad input with one-line messages', () => {
    expect(() => addActivity({ id: 'a', title: ' ', modality: 'book' })).toThrow('An activity title must not be empty.');
    expect(() => addActivity({ id: 'a', title: 'T', modality: 'book', hours: -1 })).toThrow('Hours must be a number from 0 to 10,000.');
    expect(() => addActivity({ id: 'a', title: 'T', modality: 'book', hours: Number.NaN })).toThrow('Hours must be a number');
    expect(() => addActivity({ id: 'a', title: 'T', modality: 'book', hours: 10_001 })).toThrow('Hours must be a number');
    expect(() => addActivity({ id: 'a', title: 'T', modality: 'book', link: 'javascript:alert(1)' })).toThrow('Links must start with http://, https:// or mailto:');
    expect(() => addActivity({ id: 'a', title: 'T', modality: 'podcast-ish' as never })).toThrow('"podcast-ish" is not a modality.');
    expect(() => addActivity({ id: 'bad id', title: 'T', modality: 'book' })).toThrow(/not a valid activity id/);
    expect(() => addActivity({ id: 'act-ep-360-pre', title: 'T', modality: 'book' }).apply(sample())).toThrow(/already exists/);
  });
});

describe('links', () => {
  it('accepts web and mail links, and nothing', () => {
    expect(checkedLink('')).toBe('');
    expect(checkedLink('  https://example.com/a?b=c ')).toBe('https://example.com/a?b=c');
    expect(checkedLink('HTTP://example.com')).toBe('HTTP://example.com');
    expect(checkedLink('mailto:dana@example.com')).toBe('mailto:dana@example.com');
  });

  it('refuses every other scheme with the same message', () => {
    for (const link of ['javascript:alert(1)', 'JavaScript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ftp://x.org', 'www.example.com', 'vbscript:x']) {
      expect(() => checkedLink(link), link).toThrow('Links must start with http://, https:// or mailto:');
    }
  });

  it('says when a web link is incomplete or has spaces', () => {
    expect(() => checkedLink('https://')).toThrow(/incomplete/);
    expect(() => checkedLink('mailto:nobody')).toThrow(/incomplete/);
    expect(() => checkedLink('https://example.com/a b')).toThrow('A link must not contain spaces.');
  });
});

describe('editing an activity', () => {
  it('changes several fields in one step and leaves the others', () => {
    const after = applyWithUndo(sample(), updateActivity('act-ep-coaching-exec', { title: 'Coaching', hours: 6, provider: 'Presence Partners', link: 'mailto:coach@example.com' }));
    expect(activity(after, 'act-ep-coaching-exec')).toMatchObject({ title: 'Coaching', hours: 6, provider: 'Presence Partners', link: 'mailto:coach@example.com', modality: 'coaching' });
    expect(after.activities.filter((item) => item.id !== 'act-ep-coaching-exec')).toEqual(sample().activities.filter((item) => item.id !== 'act-ep-coaching-exec'));
  });

  it('re-defaults the category when the modality changes and the category was still the default', () => {
    // A podcast (formal by default) becomes a mentoring: social.
    const after = applyWithUndo(sample(), updateActivity('act-ep-podcast-presence', { modality: 'mentoring' }));
    expect(activity(after, 'act-ep-podcast-presence')).toMatchObject({ modality: 'mentoring', category: 'social' });
  });

  it('keeps an overridden category when the modality changes', () => {
    const overridden = applyWithUndo(sample(), updateActivity('act-ep-workshop-boardroom', { category: 'social' }));
    const after = applyWithUndo(overridden, updateActivity('act-ep-workshop-boardroom', { modality: 'stretch-assignment' }));
    expect(activity(after, 'act-ep-workshop-boardroom')).toMatchObject({ modality: 'stretch-assignment', category: 'social' });
    expect(categoryAfterModalityChange({ modality: 'workshop', category: 'social' }, 'book')).toBe('social');
    expect(categoryAfterModalityChange({ modality: 'workshop', category: 'formal' }, 'job-shadowing')).toBe('experiential');
  });

  it('takes a category given with the modality as it is', () => {
    const after = applyWithUndo(sample(), updateActivity('act-ep-podcast-presence', { modality: 'mentoring', category: 'experiential' }));
    expect(activity(after, 'act-ep-podcast-presence').category).toBe('experiential');
  });

  it('records nothing when nothing changes, and refuses unknown activities and bad links', () => {
    const project = sample();
    const current = activity(project, 'act-ep-coaching-exec');
    expectNoOp(project, updateActivity('act-ep-coaching-exec', { title: current.title, hours: current.hours }));
    expect(() => updateActivity('act-x', { title: 'T' }).apply(project)).toThrow('There is no activity "act-x".');
    expect(() => updateActivity('act-ep-coaching-exec', { link: 'javascript:alert(1)' })).toThrow('Links must start with http://, https:// or mailto:');
  });
});

describe('capabilities developed', () => {
  it('sets the capabilities and level ranges', () => {
    const develops = [
      { capabilityId: 'cap-composure', fromLevelId: 'beginner', toLevelId: 'intermediate' },
      { capabilityId: 'cap-data-storytelling', fromLevelId: 'skilled', toLevelId: 'skilled' },
    ];
    const after = applyWithUndo(sample(), setDevelops('act-ep-book-executive-presence', develops));
    expect(activity(after, 'act-ep-book-executive-presence').develops).toEqual(develops);
  });

  it('refuses a range that goes down, unknown capabilities or levels, and a capability listed twice', () => {
    const project = sample();
    expect(() => setDevelops('act-ep-book-executive-presence', [{ capabilityId: 'cap-composure', fromLevelId: 'expert', toLevelId: 'beginner' }]).apply(project)).toThrow(
      'For Composure under pressure, the from-level (Expert) must not be above the to-level (Beginner).',
    );
    expect(() => setDevelops('act-ep-book-executive-presence', [{ capabilityId: 'cap-x', fromLevelId: 'beginner', toLevelId: 'expert' }]).apply(project)).toThrow(/no capability "cap-x"/);
    expect(() => setDevelops('act-ep-book-executive-presence', [{ capabilityId: 'cap-composure', fromLevelId: 'guru', toLevelId: 'expert' }]).apply(project)).toThrow(/no level "guru"/);
    const twice = { capabilityId: 'cap-composure', fromLevelId: 'beginner', toLevelId: 'expert' };
    expect(() => setDevelops('act-ep-book-executive-presence', [twice, twice])).toThrow('Each capability is listed once per activity.');
    expect(() => updateActivity('act-ep-book-executive-presence', { develops: [{ ...twice, fromLevelId: 'expert', toLevelId: 'beginner' }] }).apply(project)).toThrow(/must not be above/);
  });

  it('records nothing when the list is the same', () => {
    const project = sample();
    expectNoOp(project, setDevelops('act-ep-coaching-exec', activity(project, 'act-ep-coaching-exec').develops));
  });
});

describe('duplicating', () => {
  it('inserts each copy right after its original with "(copy)" and a new id', () => {
    let counter = 0;
    const after = applyWithUndo(sample(), duplicateActivities(['act-ep-360-post', 'act-ep-360-pre'], () => `act-copy-${++counter}`));
    expect(ids(after).slice(0, 4)).toEqual(['act-ep-360-pre', 'act-copy-1', 'act-ep-360-post', 'act-copy-2']);
    expect(activity(after, 'act-copy-1')).toEqual({ ...activity(sample(), 'act-ep-360-pre'), id: 'act-copy-1', title: 'Executive Presence 360 pre-assessment (copy)' });
    expect(after.activities).toHaveLength(sample().activities.length + 2);
  });

  it('skips proposed ids that are taken', () => {
    const proposals = ['act-ep-360-pre', 'bad id', 'act-fresh'];
    const after = applyWithUndo(sample(), duplicateActivities(['act-ep-book-executive-presence'], () => proposals.shift() ?? 'act-last'));
    expect(ids(after).at(-1)).toBe('act-fresh');
  });

  it('refuses nothing selected and unknown activities', () => {
    expect(() => duplicateActivities([], () => 'x')).toThrow('Select at least one activity.');
    expect(() => duplicateActivities(['act-x'], () => 'x').apply(sample())).toThrow('There is no activity "act-x".');
  });

  it('keeps titles within the length limit', () => {
    const long = applyWithUndo(sample(), updateActivity('act-ep-book-executive-presence', { title: 'x'.repeat(500) }));
    const after = applyWithUndo(long, duplicateActivities(['act-ep-book-executive-presence'], () => 'act-copy'));
    expect(activity(after, 'act-copy').title).toHaveLength(500);
    expect(activity(after, 'act-copy').title.endsWith(' (copy)')).toBe(true);
  });
});

describe('bulk edit', () => {
  const three = ['act-ep-podcast-presence', 'act-ep-workshop-boardroom', 'act-ep-coaching-exec'];

  it('sets delivery, provider, cost and category on the selected activities only, in one step', () => {
    const before = sample();
    const after = applyWithUndo(before, bulkUpdateActivities(three, { delivery: 'live', provider: 'Acme', cost: 'Free', category: 'experiential' }));
    for (const id of three) expect(activity(after, id)).toMatchObject({ delivery: 'live', provider: 'Acme', cost: 'Free', category: 'experiential' });
    expect(after.activities.filter((item) => !three.includes(item.id))).toEqual(before.activities.filter((item) => !three.includes(item.id)));
  });

  it('re-defaults each category from a new modality only where it was the default', () => {
    const overridden = applyWithUndo(sample(), updateActivity('act-ep-workshop-boardroom', { category: 'social' }));
    const after = applyWithUndo(overridden, bulkUpdateActivities(three, { modality: 'job-shadowing' }));
    expect(three.map((id) => activity(after, id).category)).toEqual(['experiential', 'social', 'experiential']);
  });

  it('adds a capability where it is missing (ranges already set are kept) and removes one', () => {
    const adding = { capabilityId: 'cap-composure', fromLevelId: 'beginner', toLevelId: 'expert' };
    const before = sample();
    const had = activity(before, 'act-ep-coaching-exec').develops.find((development) => development.capabilityId === 'cap-composure');
    const after = applyWithUndo(before, bulkUpdateActivities(three, { addDevelops: adding }));
    for (const id of three) expect(activity(after, id).develops.some((development) => development.capabilityId === 'cap-composure')).toBe(true);
    if (had) expect(activity(after, 'act-ep-coaching-exec').develops.find((development) => development.capabilityId === 'cap-composure')).toEqual(had);
    const removed = applyWithUndo(after, bulkUpdateActivities(three, { removeCapabilityId: 'cap-composure' }));
    for (const id of three) expect(activity(removed, id).develops.some((development) => development.capabilityId === 'cap-composure')).toBe(false);
  });

  it('refuses an empty selection, an unknown activity, a bad range; does nothing when nothing changes', () => {
    expect(() => bulkUpdateActivities([], { delivery: 'live' })).toThrow('Select at least one activity.');
    expect(() => bulkUpdateActivities(['act-x'], { delivery: 'live' }).apply(sample())).toThrow('There is no activity "act-x".');
    expect(() => bulkUpdateActivities(three, { addDevelops: { capabilityId: 'cap-composure', fromLevelId: 'expert', toLevelId: 'beginner' } }).apply(sample())).toThrow(/must not be above/);
    expectNoOp(sample(), bulkUpdateActivities(['act-ep-360-pre'], { delivery: 'self-paced' }));
  });
});

describe('deleting', () => {
  it('deletes an unused activity in one step', () => {
    const added = applyWithUndo(sample(), addActivity({ id: 'act-unused', title: 'Unused', modality: 'book' }));
    expect(activityUses(added, ['act-unused'])).toEqual([]);
    const after = applyWithUndo(added, deleteActivities(['act-unused']));
    expect(ids(after)).not.toContain('act-unused');
  });

  it('lists every pathway step and plan item that uses the activities', () => {
    const uses = activityUses(sampleWithPlan(), ['act-ep-mentoring-senior', 'act-ep-podcast-presence', 'act-ep-360-pre', 'act-ep-book-executive-presence']);
    expect(uses.map((use) => [use.activityId, use.effect, use.nodeId ?? use.itemId])).toEqual([
      ['act-ep-360-pre', 'unlink-step', 'node-pre'],
      ['act-ep-mentoring-senior', 'remove-step', 'node-core-mentoring'],
      ['act-ep-podcast-presence', 'leave-group', 'node-options'],
      ['act-ep-mentoring-senior', 'unlink-plan-item', 'item-1'],
      ['act-ep-book-executive-presence', 'unlink-plan-item', 'item-2'],
    ]);
    expect(uses[3]?.where).toBe("Priya Nair's plan");
    expect(uses[0]?.where).toBe('Executive Presence PLP — Cell Therapy AMs');
  });

  it('refuses to delete a used activity unless the uses are detached', () => {
    expect(() => deleteActivities(['act-ep-mentoring-senior']).apply(sampleWithPlan())).toThrow(
      'This activity is used by 1 pathway step and 1 plan item: confirm to remove it from there too.',
    );
  });

  it('with the uses detached: core steps go with their connections, groups lose the choice, assessments and plan items keep going unlinked', () => {
    const before = sampleWithPlan();
    const gone = ['act-ep-mentoring-senior', 'act-ep-podcast-presence', 'act-ep-360-pre', 'act-ep-book-executive-presence'];
    const after = applyWithUndo(before, deleteActivities(gone, { detachUses: true }));
    expect(ids(after).filter((id) => gone.includes(id))).toEqual([]);
    const framework = after.frameworks[0]!;
    expect(framework.nodes.map((node) => node.id)).not.toContain('node-core-mentoring');
    expect(framework.edges.some((edge) => edge.source === 'node-core-mentoring' || edge.target === 'node-core-mentoring')).toBe(false);
    const group = framework.nodes.find((node) => node.id === 'node-options');
    expect(group?.kind === 'optional-group' ? group.activityIds : null).not.toContain('act-ep-podcast-presence');
    const pre = framework.nodes.find((node) => node.id === 'node-pre');
    expect(pre && 'activityId' in pre ? pre.activityId : 'missing').toBeNull();
    expect(after.plans[0]?.items.map((item) => [item.title, item.activityId])).toEqual([
      ['Mentoring partnership', null],
      ['Read the book', null],
    ]);
    expect(activityUses(after, gone)).toEqual([]);
  });

  it('refuses an empty selection and unknown activities', () => {
    expect(() => deleteActivities([])).toThrow('Select at least one activity.');
    expect(() => deleteActivities(['act-x']).apply(sample())).toThrow('There is no activity "act-x".');
  });
});
