import { describe, expect, it } from 'vitest';
import { addFinding, deleteFinding, moveFinding, normaliseTags, updateFinding } from '../../../shared/domain/commands/findings-commands';
import { applyWithUndo, buildRichProject, expectNoOp, frozen } from './support';

const rich = () => frozen(buildRichProject());

describe('adding findings', () => {
  it('adds a finding first by default (where a workshop sees it), with defaults filled in', () => {
    const after = applyWithUndo(rich(), addFinding({ id: 'find-2', statement: '  Pitches run long. ', source: 'observation', priority: 'high' }));
    expect(after.findings.map((finding) => finding.id)).toEqual(['find-2', 'find-1']);
    expect(after.findings[0]).toEqual({ id: 'find-2', statement: 'Pitches run long.', source: 'observation', evidence: '', priority: 'high', roleIds: [], capabilityIds: [], tags: [] });
  });

  it('adds at a position, with links and tags cleaned up', () => {
    const after = applyWithUndo(
      rich(),
      addFinding({ id: 'find-3', statement: 'S', source: 'survey', capabilityIds: ['cap-gravitas', 'cap-gravitas'], roleIds: ['role-kam'], tags: ['#access', 'Access', ' '] }, 5),
    );
    expect(after.findings[1]).toMatchObject({ id: 'find-3', capabilityIds: ['cap-gravitas'], roleIds: ['role-kam'], tags: ['access'] });
  });

  it('refuses an empty statement, an unknown source, duplicate ids and links to nothing', () => {
    expect(() => addFinding({ id: 'find-2', statement: '   ', source: 'survey' })).toThrow('The statement must not be empty.');
    expect(() => addFinding({ id: 'find-2', statement: 'S', source: 'rumour' as never })).toThrow(/The source/);
    expect(() => addFinding({ id: 'find-1', statement: 'S', source: 'survey' }).apply(rich())).toThrow(/already exists/);
    expect(() => addFinding({ id: 'find-2', statement: 'S', source: 'survey', capabilityIds: ['cap-x'] }).apply(rich())).toThrow('There is no capability "cap-x".');
    expect(() => addFinding({ id: 'find-2', statement: 'S', source: 'survey', roleIds: ['role-x'] }).apply(rich())).toThrow('There is no role "role-x".');
    expect(() => addFinding({ id: 'bad id', statement: 'S', source: 'survey' })).toThrow(/not a valid finding id/);
  });
});

describe('editing findings', () => {
  it('changes several fields in one step', () => {
    const after = applyWithUndo(
      rich(),
      updateFinding('find-1', { statement: 'Access to pharmacists is hard.', priority: 'low', source: 'survey', capabilityIds: ['cap-gravitas', 'cap-stakeholder'], tags: ['access'] }),
    );
    expect(after.findings[0]).toEqual({
      id: 'find-1',
      statement: 'Access to pharmacists is hard.',
      source: 'survey',
      evidence: '7 of 10 interviews',
      priority: 'low',
      roleIds: ['role-kam'],
      capabilityIds: ['cap-gravitas', 'cap-stakeholder'],
      tags: ['access'],
    });
  });

  it('records nothing when the fields are unchanged', () => {
    expectNoOp(rich(), updateFinding('find-1', { priority: 'high', tags: ['access', 'pharmacy'], roleIds: ['role-kam'] }));
    expectNoOp(rich(), updateFinding('find-1', {}));
  });

  it('refuses empty statements, unknown findings and links', () => {
    expect(() => updateFinding('find-1', { statement: ' ' }).apply(rich())).toThrow('The statement must not be empty.');
    expect(() => updateFinding('find-9', { priority: 'low' }).apply(rich())).toThrow('There is no finding "find-9".');
    expect(() => updateFinding('find-1', { roleIds: ['role-x'] }).apply(rich())).toThrow(/no role/);
    expect(() => updateFinding('find-1', { tags: ['x'.repeat(501)] }).apply(rich())).toThrow(/A tag/);
  });
});

describe('deleting and ordering findings', () => {
  it('deletes a finding', () => {
    expect(applyWithUndo(rich(), deleteFinding('find-1')).findings).toEqual([]);
    expect(() => deleteFinding('find-9').apply(rich())).toThrow(/no finding/);
  });

  it('moves a finding; nothing at the ends', () => {
    const two = addFinding({ id: 'find-2', statement: 'Two', source: 'survey' }).apply(rich());
    expect(applyWithUndo(two, moveFinding('find-2', 1)).findings.map((finding) => finding.id)).toEqual(['find-1', 'find-2']);
    expectNoOp(two, moveFinding('find-2', -1));
    expect(() => moveFinding('find-9', 1).apply(two)).toThrow(/no finding/);
  });

  it('normalises tags as typed', () => {
    expect(normaliseTags([' #C-suite ', 'c-suite', '##access', '', '#'])).toEqual(['C-suite', 'access']);
  });
});
