/**
 * The sample framework against the pathway rules.
 *
 * Structure, order, groups, catalog references, hours (48.2 h over 16 weeks), coverage and mix
 * are clean: four level steps are developed only by the "Choose 3" group, which picks by assessed
 * gap, so learners who need those steps get them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkMix } from '../../../shared/domain/pathways/mix';
import { validateAllFrameworks, validateFramework } from '../../../shared/domain/pathways/validation';
import { parseProjectText } from '../../../shared/domain/project-file';
import type { Project } from '../../../shared/domain/schema';

function sample(): Project {
  const loaded = parseProjectText(readFileSync(new URL('../../../resources/sample/executive-presence.plp', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.project;
}

describe('the sample framework', () => {
  it('has no problems at all (zero false positives)', () => {
    const results = validateAllFrameworks(sample());
    expect(results).toHaveLength(1);
    expect(results[0]!.problems).toEqual([]);
    expect(validateFramework(sample(), 'fw-executive-presence')).toEqual([]);
  });

  it('turning its by-gap group into learner’s choice warns about the steps only that group develops', () => {
    const project = sample();
    const framework = project.frameworks[0]!;
    const group = framework.nodes.find((node) => node.kind === 'optional-group');
    if (group?.kind !== 'optional-group') throw new Error('the sample has an optional group');
    group.selectionRule = 'learner-choice';
    const problems = validateFramework(project, framework.id);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.ruleId === 'coverage' && problem.severity === 'warning')).toBe(true);
    expect(problems.map((problem) => problem.message).join('\n')).toContain('Storytelling with data');
  });

  it('has the hand-computed 70-20-10 mix', () => {
    // Required: pre 0.5 + foundations 1.5 + post 0.5 + capstone 3 = 5.5 h formal; mentoring 6 h
    // social; executive business review 20 h experiential.
    // Options, 3 picks of 10 members: experiential (8 + 16 + 8) × 0.3 = 9.6, social (4.5 + 6) × 0.3
    // = 3.15, formal (5 + 2 + 0.75 + 1.5 + 4) × 0.3 = 3.975.
    const mix = frameworkMix(sample(), 'fw-executive-presence');
    expect(mix.hours.experiential).toBeCloseTo(29.6, 10);
    expect(mix.hours.social).toBeCloseTo(9.15, 10);
    expect(mix.hours.formal).toBeCloseTo(9.475, 10);
    expect(mix.hours.total).toBeCloseTo(48.225, 10);
    expect(mix.expectedOptionalPicks[0]).toMatchObject({ nodeId: 'node-options', picks: 3, memberCount: 10, meanHours: 5.575 });
    expect(mix.onTarget).toEqual({ experiential: true, social: true, formal: true });
  });
});
