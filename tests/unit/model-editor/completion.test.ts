import { describe, expect, it } from 'vitest';
import { completionOptions, findTrigger, matchScore, removeTrigger, type CompletionCandidate } from '../../../renderer/src/features/needs-analysis/completion';

const capabilities: CompletionCandidate[] = [
  { id: 'cap-comm', name: 'Executive communication', detail: 'Presence', alias: 'EP-COM-01' },
  { id: 'cap-comp', name: 'Composure under pressure', detail: 'Presence', alias: 'EP-COM-02' },
  { id: 'cap-acumen', name: 'Strategic business acumen (cell therapy market & access)', detail: 'Credibility', alias: 'EP-CRD-01' },
];
const roles: CompletionCandidate[] = [
  { id: 'role-am', name: 'Account Manager, Cell Therapy', detail: 'Field Sales' },
  { id: 'role-sam', name: 'Senior Account Manager, Cell Therapy', detail: 'Field Sales' },
];
const none = { capabilityIds: [], roleIds: [], tags: [] };

describe('findTrigger', () => {
  it('finds "#query" and "@query" ending at the caret', () => {
    expect(findTrigger('AMs stall #strat', 16)).toEqual({ char: '#', start: 10, end: 16, query: 'strat' });
    expect(findTrigger('@sen', 4)).toEqual({ char: '@', start: 0, end: 4, query: 'sen' });
    expect(findTrigger('x #', 3)).toEqual({ char: '#', start: 2, end: 3, query: '' });
    expect(findTrigger('about #composure under', 22)?.query).toBe('composure under');
  });

  it('ignores triggers inside words, after the caret, or too far back', () => {
    expect(findTrigger('mail me@example.com', 19)).toBeNull();
    expect(findTrigger('C# skills', 9)).toBeNull();
    expect(findTrigger('#strat and more', 2)).toEqual({ char: '#', start: 0, end: 2, query: 's' });
    expect(findTrigger('#a b c d e f g', 14)).toBeNull();
    expect(findTrigger('#a  ', 4)).toBeNull();
    expect(findTrigger('# leading space', 15)).toBeNull();
    expect(findTrigger('plain text', 10)).toBeNull();
  });
});

describe('completionOptions', () => {
  it('offers matching capabilities (best first) and a tag for "#"', () => {
    const options = completionOptions({ char: '#', start: 0, end: 5, query: 'comp' }, { capabilities, roles }, none);
    expect(options.map((option) => option.key)).toEqual(['capability:cap-comp', 'tag:comp']);
    const byWord = completionOptions({ char: '#', start: 0, end: 4, query: 'acu' }, { capabilities, roles }, none);
    expect(byWord[0]).toMatchObject({ kind: 'capability', value: 'cap-acumen', detail: 'Credibility' });
    const byId = completionOptions({ char: '#', start: 0, end: 7, query: 'EP-COM' }, { capabilities, roles }, none);
    expect(byId.filter((option) => option.kind === 'capability').map((option) => option.value)).toEqual(['cap-comm', 'cap-comp']);
  });

  it('lists everything for an empty query, without already linked ones or a tag', () => {
    const options = completionOptions({ char: '#', start: 0, end: 1, query: '' }, { capabilities, roles }, { ...none, capabilityIds: ['cap-comm'] });
    expect(options.map((option) => option.value)).toEqual(['cap-comp', 'cap-acumen']);
  });

  it('offers roles for "@", and no tag', () => {
    const options = completionOptions({ char: '@', start: 0, end: 4, query: 'sen' }, { capabilities, roles }, none);
    expect(options).toEqual([{ key: 'role:role-sam', kind: 'role', value: 'role-sam', label: 'Senior Account Manager, Cell Therapy', detail: 'Field Sales' }]);
    expect(completionOptions({ char: '@', start: 0, end: 4, query: 'cell' }, { capabilities, roles }, { ...none, roleIds: ['role-am'] }).map((o) => o.value)).toEqual(['role-sam']);
  });

  it('does not offer a tag twice or with spaces', () => {
    expect(completionOptions({ char: '#', start: 0, end: 5, query: 'zzz' }, { capabilities, roles }, { ...none, tags: ['ZZZ'] })).toEqual([]);
    expect(completionOptions({ char: '#', start: 0, end: 8, query: 'zz top' }, { capabilities, roles }, none)).toEqual([]);
  });

  it('scores prefixes above word prefixes above substrings', () => {
    expect(matchScore(capabilities[0]!, 'exec')).toBe(4);
    expect(matchScore(capabilities[0]!, 'EP-C')).toBe(3);
    expect(matchScore(capabilities[0]!, 'comm')).toBe(2);
    expect(matchScore(capabilities[0]!, 'unicat')).toBe(1.5);
    expect(matchScore(capabilities[0]!, 'xyz')).toBe(0);
  });
});

describe('removeTrigger', () => {
  it('takes the completed token out and keeps the sentence readable', () => {
    expect(removeTrigger('AMs stall #strat', { char: '#', start: 10, end: 16, query: 'strat' })).toEqual({ text: 'AMs stall ', caret: 10 });
    expect(removeTrigger('AMs #strat stall', { char: '#', start: 4, end: 10, query: 'strat' })).toEqual({ text: 'AMs stall', caret: 3 });
    expect(removeTrigger('#strat', { char: '#', start: 0, end: 6, query: 'strat' })).toEqual({ text: '', caret: 0 });
    expect(removeTrigger('#strat stall', { char: '#', start: 0, end: 6, query: 'strat' })).toEqual({ text: 'stall', caret: 0 });
  });
});
