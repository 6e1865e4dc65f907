import { describe, expect, it } from 'vitest';
import { describePreAssessment, summarisePreAssessment } from '../../../renderer/src/features/learners-plans/assessment-summary';
import { smallProject } from './helpers';

describe('pre-assessment summary', () => {
  const project = smallProject();

  it('counts capabilities at or above the role target, using the latest pre-assessment only', () => {
    // l-1: comm skilled (latest) ≥ skilled ✓, comp expert ≥ intermediate ✓, story only post-assessed (ignored).
    const summary = summarisePreAssessment(project, 'l-1');
    expect(summary).toEqual({ status: 'assessed', targets: 3, assessed: 2, atTarget: 2, gaps: 0 });
    expect(describePreAssessment(summary)).toBe('2 of 3 capabilities at target (1 not assessed)');
  });

  it('says when there is nothing to compare', () => {
    expect(describePreAssessment(summarisePreAssessment(project, 'l-2'))).toBe('Not assessed yet');
    expect(describePreAssessment(summarisePreAssessment(project, 'l-3'))).toBe('No role assigned');
    expect(describePreAssessment(summarisePreAssessment(project, 'l-4'))).toBe('Analyst has no targets yet');
  });

  it('a level below target is a gap', () => {
    const lower = { ...project, assessments: [{ id: 'x', learnerId: 'l-2', capabilityId: 'cap-comm', levelId: 'beginner', kind: 'pre' as const, date: '2026-01-01', note: '' }] };
    expect(summarisePreAssessment(lower, 'l-2')).toEqual({ status: 'assessed', targets: 3, assessed: 1, atTarget: 0, gaps: 1 });
  });
});
