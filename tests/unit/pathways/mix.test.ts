import { describe, expect, it } from 'vitest';
import { frameworkMix, pathwayMix } from '../../../shared/domain/pathways/mix';
import { activity, pathway, standardPathway } from './builder';

describe('frameworkMix', () => {
  it('hits 70-20-10 exactly on a hand-computed pathway', () => {
    // pre (formal 1 h) + core job (experiential 12 h) + core mentoring (social 4 h)
    // + group "pick 1 of [shadowing experiential 4 h, course formal 2 h]" = 1 × mean 3 h,
    //   split 1/2 × 4 h = 2 h experiential and 1/2 × 2 h = 1 h formal
    // + milestone (0 h) + post without activity (0 h)
    // experiential 12 + 2 = 14, social 4, formal 1 + 1 = 2, total 20 → 70 %, 20 %, 10 %.
    const project = pathway()
      .pre('pre', 'act-pre-1h')
      .core('job', 'act-job-12h')
      .core('mentor', 'act-mentor-4h')
      .group('opts', ['act-shadow-4h', 'act-course-2h'], 1, 1)
      .milestone('checkin')
      .post('post', null)
      .chain('pre', 'job', 'mentor', 'opts', 'checkin', 'post')
      .project((p) => {
        p.activities.push(
          activity('act-pre-1h', 'formal', 1, [], 'assessment'),
          activity('act-job-12h', 'experiential', 12),
          activity('act-mentor-4h', 'social', 4),
          activity('act-shadow-4h', 'experiential', 4),
          activity('act-course-2h', 'formal', 2),
        );
      });
    const mix = frameworkMix(project, 'fw-test');
    expect(mix.hours).toEqual({ experiential: 14, social: 4, formal: 2, total: 20 });
    expect(mix.percent.experiential).toBeCloseTo(70, 10);
    expect(mix.percent.social).toBeCloseTo(20, 10);
    expect(mix.percent.formal).toBeCloseTo(10, 10);
    expect(mix.onTarget).toEqual({ experiential: true, social: true, formal: true });
    expect(mix.target).toEqual({ experiential: 70, social: 20, formal: 10, tolerance: 10 });
    expect(mix.expectedOptionalPicks).toEqual([
      {
        nodeId: 'opts',
        label: 'Choose options',
        picks: 1,
        memberCount: 2,
        memberActivityIds: ['act-shadow-4h', 'act-course-2h'],
        meanHours: 3,
        expectedHours: 3,
        hoursByCategory: { experiential: 2, social: 0, formal: 1, total: 3 },
      },
    ]);
  });

  it('flags categories off target on the reference pathway', () => {
    // pre 1 + course 2 + post 1 + capstone 1.5 + video ½ × 1 = 6 h formal; job 14 h experiential;
    // mentor ½ × 4 = 2 h social; total 22 h → 63.6 %, 9.1 %, 27.3 %.
    const mix = frameworkMix(standardPathway().project(), 'fw-test');
    expect(mix.hours).toEqual({ experiential: 14, social: 2, formal: 6, total: 22 });
    expect(mix.percent.experiential).toBeCloseTo((14 / 22) * 100, 10);
    expect(mix.percent.social).toBeCloseTo((2 / 22) * 100, 10);
    expect(mix.percent.formal).toBeCloseTo((6 / 22) * 100, 10);
    expect(mix.onTarget).toEqual({ experiential: true, social: false, formal: false });
  });

  it('clamps min picks to the members that exist and ignores missing activities', () => {
    const project = pathway()
      .core('gone', 'act-gone')
      .group('opts', ['act-mentor', 'act-mentor', 'act-missing'], 3, 3)
      .chain('gone', 'opts')
      .project();
    const mix = frameworkMix(project, 'fw-test');
    expect(mix.expectedOptionalPicks[0]).toMatchObject({ picks: 1, memberCount: 1, meanHours: 4, expectedHours: 4 });
    expect(mix.hours).toEqual({ experiential: 0, social: 4, formal: 0, total: 4 });
  });

  it('has nothing on target when there are no hours', () => {
    const mix = pathwayMix({ activities: [] }, { nodes: [], mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 } });
    expect(mix.hours.total).toBe(0);
    expect(mix.percent).toEqual({ experiential: 0, social: 0, formal: 0 });
    expect(mix.onTarget).toEqual({ experiential: false, social: false, formal: false });
  });

  it('refuses an unknown framework id', () => {
    expect(() => frameworkMix(standardPathway().project(), 'nope')).toThrow(RangeError);
  });
});
