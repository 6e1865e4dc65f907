/** The gap arithmetic of the heat-map, checked against numbers worked out by hand. */
import { describe, expect, it } from 'vitest';
import { computeGapMatrix, formatGap, NO_TEAM_LABEL } from '../../../shared/domain/analysis/gaps';
import type { Assessment, AssessmentKind, Project } from '../../../shared/domain/schema';
import { buildMinimalProject } from '../domain/rich-project';

let counter = 0;
const asmt = (learnerId: string, capabilityId: string, levelId: string, kind: AssessmentKind, date = '2026-01-01'): Assessment => ({
  id: `a-${++counter}`,
  learnerId,
  capabilityId,
  levelId,
  kind,
  date,
  note: '',
});

const learner = (id: string, name: string, roleId: string | null, team: string) => ({
  id,
  name,
  email: '',
  roleId,
  manager: '',
  team,
  careerGoals: '',
  startDate: null,
  hoursPerWeek: 2,
  notes: '',
});

/**
 * Scale ranks: beginner 0, intermediate 1, skilled 2, expert 3.
 * R1 targets A = skilled (2), B = intermediate (1); R2 targets A = expert (3). C has no target.
 */
function project(): Project {
  const base = buildMinimalProject('Gaps');
  return {
    ...base,
    scale: {
      name: 'Proficiency',
      levels: [
        { id: 'beginner', label: 'Beginner', description: '' },
        { id: 'intermediate', label: 'Intermediate', description: '' },
        { id: 'skilled', label: 'Skilled', description: '' },
        { id: 'expert', label: 'Expert', description: '' },
      ],
    },
    domains: [{ id: 'd', name: 'D', description: '', externalId: '' }],
    capabilities: ['A', 'B', 'C'].map((name) => ({ id: `cap-${name}`, domainId: 'd', name, description: '', externalId: '', indicators: [], skills: [] })),
    roles: [
      {
        id: 'R1',
        name: 'Role one',
        team: '',
        description: '',
        targets: [
          { capabilityId: 'cap-A', levelId: 'skilled', importance: 'critical' },
          { capabilityId: 'cap-B', levelId: 'intermediate', importance: 'important' },
        ],
      },
      { id: 'R2', name: 'Role two', team: '', description: '', targets: [{ capabilityId: 'cap-A', levelId: 'expert', importance: 'critical' }] },
    ],
    learners: [
      learner('ann', 'Ann', 'R1', 'North'),
      learner('bob', 'Bob', 'R1', 'South'),
      learner('cat', 'Cat', 'R2', 'North'),
      learner('dan', 'Dan', null, 'North'),
      learner('eve', 'Eve', 'R1', ''),
    ],
    assessments: [
      asmt('ann', 'cap-A', 'beginner', 'pre', '2026-01-01'),
      asmt('ann', 'cap-A', 'intermediate', 'pre', '2026-02-01'), // the latest: rank 1, gap 2 − 1 = 1
      asmt('ann', 'cap-B', 'expert', 'pre'), // above target: gap 0, not −2
      asmt('bob', 'cap-A', 'skilled', 'pre', '2026-03-01'),
      asmt('bob', 'cap-A', 'beginner', 'pre', '2026-03-01'), // same date, recorded later: wins, gap 2
      asmt('cat', 'cap-A', 'skilled', 'pre'), // gap 3 − 2 = 1
      asmt('cat', 'cap-A', 'beginner', 'self'), // self rank 0: gap 3
      asmt('cat', 'cap-A', 'skilled', 'manager'), // manager rank 2: gap 1; combined rank 1: gap 2
      asmt('dan', 'cap-A', 'beginner', 'pre'), // no role: left out
      asmt('ann', 'cap-C', 'beginner', 'pre'), // C is nobody's target: no column
    ],
  };
}

const cell = (matrix: ReturnType<typeof computeGapMatrix>, rowLabel: string, capability: string) => {
  const row = matrix.rows.find((item) => item.label === rowLabel);
  const index = matrix.columns.findIndex((column) => column.capabilityId === `cap-${capability}`);
  if (!row || index < 0) throw new Error(`no cell ${rowLabel} × ${capability}`);
  return row.cells[index]!;
};

describe('computeGapMatrix', () => {
  it('by role, from pre-assessments: mean gap over the assessed learners, counts, columns only for targeted capabilities', () => {
    const matrix = computeGapMatrix(project(), { grouping: 'role', source: 'pre' });
    expect(matrix.columns.map((column) => column.name)).toEqual(['A', 'B']);
    expect(matrix.rows.map((row) => [row.label, row.learnerCount])).toEqual([
      ['Role one', 3],
      ['Role two', 1],
    ]);
    expect(matrix.maxGap).toBe(3);
    expect(matrix.learnersWithoutRole).toBe(1);
    // Role one × A: Ann gap 1, Bob gap 2 (Eve not assessed) → (1 + 2) / 2 = 1.5.
    expect(cell(matrix, 'Role one', 'A')).toMatchObject({ targeted: 3, assessed: 2, atTarget: 0, meanGap: 1.5 });
    expect(cell(matrix, 'Role one', 'A').learners.map((item) => [item.name, item.gap, item.assessedLabel, item.targetLabel])).toEqual([
      ['Bob', 2, 'Beginner', 'Skilled'],
      ['Ann', 1, 'Intermediate', 'Skilled'],
    ]);
    // Role one × B: Ann is above target → gap 0, at target.
    expect(cell(matrix, 'Role one', 'B')).toMatchObject({ targeted: 3, assessed: 1, atTarget: 1, meanGap: 0 });
    // Role two × A: Cat skilled vs expert → 1.
    expect(cell(matrix, 'Role two', 'A')).toMatchObject({ targeted: 1, assessed: 1, atTarget: 0, meanGap: 1 });
    // Role two has no target for B.
    expect(cell(matrix, 'Role two', 'B')).toMatchObject({ targeted: 0, assessed: 0, meanGap: null, learners: [] });
    expect(matrix.assessedPairs).toBe(4);
  });

  it('by team: each learner measured against their own role, blank team last', () => {
    const matrix = computeGapMatrix(project(), { grouping: 'team', source: 'pre' });
    expect(matrix.rows.map((row) => row.label)).toEqual(['North', 'South', NO_TEAM_LABEL]);
    // North × A: Ann 1 (target skilled), Cat 1 (target expert) → 1.
    expect(cell(matrix, 'North', 'A')).toMatchObject({ targeted: 2, assessed: 2, meanGap: 1 });
    // North × B: only Ann's role targets B.
    expect(cell(matrix, 'North', 'B')).toMatchObject({ targeted: 1, assessed: 1, atTarget: 1, meanGap: 0 });
    expect(cell(matrix, 'South', 'A')).toMatchObject({ meanGap: 2 });
    expect(cell(matrix, NO_TEAM_LABEL, 'A')).toMatchObject({ targeted: 1, assessed: 0, meanGap: null });
  });

  it('by learner, sorted by name', () => {
    const matrix = computeGapMatrix(project(), { grouping: 'learner', source: 'pre' });
    expect(matrix.rows.map((row) => row.label)).toEqual(['Ann', 'Bob', 'Cat', 'Eve']);
    expect(cell(matrix, 'Cat', 'A').meanGap).toBe(1);
  });

  it('self, manager and combined ratings give their own numbers', () => {
    expect(cell(computeGapMatrix(project(), { grouping: 'role', source: 'self' }), 'Role two', 'A').meanGap).toBe(3);
    expect(cell(computeGapMatrix(project(), { grouping: 'role', source: 'manager' }), 'Role two', 'A').meanGap).toBe(1);
    const combined = cell(computeGapMatrix(project(), { grouping: 'role', source: 'self-manager' }), 'Role two', 'A');
    // (0 + 2) / 2 = rank 1 → gap 3 − 1 = 2.
    expect(combined.meanGap).toBe(2);
    expect(combined.learners[0]!.assessedLabel).toBe('Beginner (self) · Skilled (manager)');
    // Nobody in role one has self or manager ratings.
    expect(cell(computeGapMatrix(project(), { grouping: 'role', source: 'self' }), 'Role one', 'A').meanGap).toBeNull();
  });

  it('formats gaps with one decimal at most', () => {
    expect([formatGap(0), formatGap(1.5), formatGap(2), formatGap(4 / 3), formatGap(0.04)]).toEqual(['0', '1.5', '2', '1.3', '0']);
  });
});
