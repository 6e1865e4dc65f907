import { describe, expect, it } from 'vitest';
import {
  checkCapstoneAfterPost,
  checkCoverage,
  checkDanglingActivity,
  checkGroupBounds,
  checkHoursVsDuration,
  checkNoCycles,
  checkPostAfterPre,
  checkReachable,
  checkSingleEnd,
  checkSingleStart,
  PATHWAY_RULE_IDS,
  PATHWAY_RULES,
  pathwayContext,
  validateAllFrameworks,
  validateFramework,
  type PathwayProblem,
} from '../../../shared/domain/pathways/validation';
import type { Project, PathwayNode } from '../../../shared/domain/schema';
import { activity, pathway, problems, problemsOf, standardPathway } from './builder';

const ctxOf = (builder = standardPathway()) => {
  const project = builder.project();
  return pathwayContext(project, project.frameworks[0]!);
};

/** Every message is one line and ends with what to do. */
function expectReadable(found: readonly PathwayProblem[]): void {
  for (const problem of found) {
    expect(problem.message).not.toMatch(/[\r\n]/);
    expect(problem.message.length).toBeLessThan(600);
    expect(problem.message).toMatch(/[.:]/);
  }
}

describe('the reference pathway', () => {
  it('passes every rule', () => {
    expect(problems(standardPathway().project())).toEqual([]);
  });

  it('has one function per rule, with stable ids', () => {
    expect(PATHWAY_RULES.map((rule) => rule.id).sort()).toEqual([...PATHWAY_RULE_IDS].sort());
    for (const rule of PATHWAY_RULES) expect(rule.check(ctxOf())).toEqual([]);
  });
});

describe('single-start', () => {
  it('passes with one start that is the pre-assessment', () => {
    expect(checkSingleStart(ctxOf())).toEqual([]);
  });

  it('reports an empty pathway as having no start', () => {
    const found = checkSingleStart(ctxOf(pathway()));
    expect(found).toMatchObject([{ ruleId: 'single-start', severity: 'error', nodeIds: [] }]);
    expect(found[0]!.message).toMatch(/empty.*add a pre-assessment/);
  });

  it('reports no start when every step comes after another', () => {
    const found = checkSingleStart(ctxOf(standardPathway().edge('capstone', 'pre')));
    expect(found).toMatchObject([{ severity: 'error', nodeIds: [] }]);
    expect(found[0]!.message).toMatch(/no start/);
  });

  it('names every start when there are several', () => {
    const found = checkSingleStart(ctxOf(standardPathway().milestone('kickoff', 'Kick-off call').edge('kickoff', 'core-job')));
    expect(found).toMatchObject([{ severity: 'error', nodeIds: ['pre', 'kickoff'] }]);
    expect(found[0]!.message).toContain('2 starting points');
    expect(found[0]!.message).toContain('“Kick-off call”');
    expectReadable(found);
  });

  it('warns when the pathway starts with something other than the pre-assessment', () => {
    const builder = pathway()
      .core('core-course', 'act-course', 'Foundations course')
      .pre()
      .core('core-job', 'act-job')
      .group('options', ['act-mentor', 'act-video'])
      .post()
      .capstone()
      .chain('core-course', 'pre', 'core-job', 'options', 'post', 'capstone');
    const found = checkSingleStart(ctxOf(builder));
    expect(found).toMatchObject([{ severity: 'warning', nodeIds: ['core-course', 'pre'] }]);
    expect(found[0]!.message).toMatch(/starts with “Foundations course” instead of the pre-assessment/);
  });

  it('does not ask for a pre-assessment first when there is none (post-after-pre says it is missing)', () => {
    expect(checkSingleStart(ctxOf(standardPathway().remove('pre')))).toEqual([]);
  });
});

describe('single-end', () => {
  it('passes with one end', () => {
    expect(checkSingleEnd(ctxOf())).toEqual([]);
  });

  it('names every end when there are several', () => {
    const found = checkSingleEnd(ctxOf(standardPathway().milestone('dead-end', 'Dead end').edge('core-job', 'dead-end')));
    expect(found).toMatchObject([{ ruleId: 'single-end', severity: 'error', nodeIds: ['capstone', 'dead-end'] }]);
    expect(found[0]!.message).toContain('2 ends');
  });

  it('reports no end when every step leads on', () => {
    const found = checkSingleEnd(ctxOf(standardPathway().edge('capstone', 'pre')));
    expect(found).toMatchObject([{ severity: 'error' }]);
    expect(found[0]!.message).toMatch(/no end/);
  });
});

describe('no-cycles', () => {
  it('passes without loops', () => {
    expect(checkNoCycles(ctxOf())).toEqual([]);
  });

  it('names the steps and the connections of a loop', () => {
    const found = checkNoCycles(ctxOf(standardPathway().edge('post', 'core-job', 'e-back')));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'no-cycles', severity: 'error', nodeIds: ['core-job', 'options', 'checkin', 'post'] });
    expect([...found[0]!.edgeIds].sort()).toEqual(['e-back', 'e-checkin-post', 'e-core-job-options', 'e-options-checkin']);
    expect(found[0]!.message).toMatch(/loop.*remove one of the connections/);
    expectReadable(found);
  });

  it('reports each loop separately, and a step connected to itself', () => {
    const found = checkNoCycles(ctxOf(standardPathway().edge('options', 'core-course').edge('capstone', 'capstone', 'e-self')));
    expect(found.map((problem) => problem.nodeIds)).toEqual([['core-course', 'core-job', 'options'], ['capstone']]);
    expect(found[1]!.edgeIds).toEqual(['e-self']);
    expect(found[1]!.message).toMatch(/connected to itself/);
  });

  it('handles a 20,000-step loop without recursion', () => {
    const builder = pathway();
    for (let i = 0; i < 20_000; i++) builder.milestone(`m${i}`);
    for (let i = 1; i < 20_000; i++) builder.edge(`m${i - 1}`, `m${i}`, `e${i}`);
    builder.edge('m19999', 'm1', 'e-back');
    const found = checkNoCycles(ctxOf(builder));
    expect(found).toHaveLength(1);
    expect(found[0]!.nodeIds).toHaveLength(19_999);
    expect(found[0]!.message).toMatch(/and 19994 more/);
  });
});

describe('reachable', () => {
  it('passes when every step is on the way from start to end', () => {
    expect(checkReachable(ctxOf())).toEqual([]);
  });

  it('reports a set of steps that cannot be reached from the start', () => {
    const builder = standardPathway().milestone('island-a', 'Island A').milestone('island-b', 'Island B').edge('island-a', 'island-b', 'e-ab').edge('island-b', 'island-a', 'e-ba');
    const found = checkReachable(ctxOf(builder));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'reachable', severity: 'error', nodeIds: ['island-a', 'island-b'], edgeIds: ['e-ab', 'e-ba'] });
    expect(found[0]!.message).toMatch(/“Island A” and “Island B” cannot be reached from the start “Pre-assessment”: connect them/);
  });

  it('reports one error per unreachable set, from the pre-assessment when there are several starts', () => {
    const builder = standardPathway().milestone('side-1').milestone('side-2').edge('side-1', 'core-job').edge('side-2', 'options');
    const found = checkReachable(ctxOf(builder));
    expect(found.map((problem) => problem.nodeIds)).toEqual([['side-1'], ['side-2']]);
  });

  it('reports steps from which the end can never be reached', () => {
    const builder = standardPathway().milestone('trap-1').milestone('trap-2').chain('core-job', 'trap-1', 'trap-2', 'trap-1');
    const found = checkReachable(ctxOf(builder));
    expect(found).toMatchObject([{ severity: 'error', nodeIds: ['trap-1', 'trap-2'] }]);
    expect(found[0]!.message).toMatch(/can never get to the end “Capstone”/);
  });
});

describe('post-after-pre', () => {
  it('passes when the post-assessment follows the pre-assessment', () => {
    expect(checkPostAfterPre(ctxOf())).toEqual([]);
  });

  it('is an error when the post-assessment comes first', () => {
    const builder = pathway().post().pre().core('core-course', 'act-course').capstone().chain('post', 'pre', 'core-course', 'capstone');
    const found = checkPostAfterPre(ctxOf(builder));
    expect(found).toMatchObject([{ ruleId: 'post-after-pre', severity: 'error', nodeIds: ['post', 'pre'] }]);
    expect(found[0]!.message).toMatch(/comes before the pre-assessment/);
  });

  it('is an error when they are not in sequence', () => {
    const builder = pathway().pre().post().core('core-course', 'act-course').capstone().chain('pre', 'core-course', 'capstone').edge('post', 'capstone');
    const found = checkPostAfterPre(ctxOf(builder));
    expect(found).toMatchObject([{ severity: 'error', nodeIds: ['post', 'pre'] }]);
    expect(found[0]!.message).toMatch(/not in sequence after/);
  });

  it('warns when either is missing', () => {
    expect(checkPostAfterPre(ctxOf(standardPathway().remove('pre').chain('core-course')))).toMatchObject([{ severity: 'warning', nodeIds: ['post'] }]);
    const noPost = checkPostAfterPre(ctxOf(standardPathway().remove('post').edge('checkin', 'capstone')));
    expect(noPost).toMatchObject([{ severity: 'warning', nodeIds: ['pre'] }]);
    expect(noPost[0]!.message).toMatch(/no post-assessment/);
  });
});

describe('capstone-after-post', () => {
  it('passes when the capstone follows the post-assessment', () => {
    expect(checkCapstoneAfterPost(ctxOf())).toEqual([]);
  });

  it('warns when the capstone is elsewhere', () => {
    const builder = pathway().pre().core('core-course', 'act-course').capstone().post().chain('pre', 'core-course', 'capstone', 'post');
    const found = checkCapstoneAfterPost(ctxOf(builder));
    expect(found).toMatchObject([{ ruleId: 'capstone-after-post', severity: 'warning', nodeIds: ['capstone', 'post'] }]);
    expect(found[0]!.message).toMatch(/does not come after the post-assessment/);
  });
});

describe('coverage', () => {
  it('passes when core activities develop every focus capability to every audience target', () => {
    expect(checkCoverage(ctxOf())).toEqual([]);
  });

  it('is an error naming the capability, the role and the missing step', () => {
    const project = standardPathway().with({ audienceRoleIds: ['role-am', 'role-lead'] }).project();
    const found = checkCoverage(pathwayContext(project, project.frameworks[0]!));
    expect(found).toMatchObject([{ ruleId: 'coverage', severity: 'error' }]);
    expect(found[0]!.message).toContain('“Active listening”');
    expect(found[0]!.message).toContain('Intermediate → Skilled');
    expect(found[0]!.message).toContain('“Team lead” (target Skilled)');
    expect(found[0]!.message).not.toContain('Account manager');
  });

  it('is an error when nothing develops the capability at all, listing every step', () => {
    const project = standardPathway().project((p) => {
      p.activities = p.activities.map((a) => ({ ...a, develops: a.develops.filter((d) => d.capabilityId !== 'cap-talk') }));
    });
    const found = checkCoverage(pathwayContext(project, project.frameworks[0]!));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/“Talking to executives”: no activity on the pathway takes learners from Beginner → Intermediate and Intermediate → Skilled/);
  });

  const learnersChoose = (p: Project): void => {
    const group = p.frameworks[0]!.nodes.find((node) => node.id === 'options');
    if (group?.kind === 'optional-group') group.selectionRule = 'learner-choice';
  };

  it('warns when only learner’s-choice activities cover a step, pointing at the group', () => {
    const project = standardPathway().remove('core-job').edge('core-course', 'options').project(learnersChoose);
    const found = checkCoverage(pathwayContext(project, project.frameworks[0]!));
    expect(found).toMatchObject([{ severity: 'warning', nodeIds: ['options'] }]);
    expect(found[0]!.message).toMatch(/“Talking to executives”: only learner's-choice activities \(in “Choose options”\) take learners from Intermediate → Skilled/);
  });

  it('a group that picks by assessed gap covers the steps its members develop', () => {
    const builder = standardPathway().remove('core-job').edge('core-course', 'options');
    expect(checkCoverage(ctxOf(builder))).toEqual([]);
  });

  it('merges roles with the same gap into one problem', () => {
    const project = standardPathway().remove('core-job').edge('core-course', 'options').with({ audienceRoleIds: ['role-am', 'role-lead'] }).project(learnersChoose);
    const found = checkCoverage(pathwayContext(project, project.frameworks[0]!));
    const talk = found.filter((problem) => problem.message.includes('Talking to executives'));
    expect(talk).toHaveLength(1);
    expect(talk[0]!.message).toContain('“Account manager” (target Skilled) and “Team lead” (target Skilled)');
  });

  it('counts a group everyone completes in full, and the capstone, as required', () => {
    const allOfThem = standardPathway().remove('core-job').group('must', ['act-mentor'], 1, 1).chain('core-course', 'must', 'options');
    expect(checkCoverage(ctxOf(allOfThem))).toEqual([]);

    const project = standardPathway()
      .remove('core-job')
      .edge('core-course', 'options')
      .project((p) => p.activities.push(activity('act-capstone-dev', 'formal', 1.5, [{ capabilityId: 'cap-talk', fromLevelId: 'beginner', toLevelId: 'skilled' }])));
    (project.frameworks[0]!.nodes.find((node) => node.id === 'capstone') as Extract<PathwayNode, { kind: 'capstone' }>).activityId = 'act-capstone-dev';
    expect(checkCoverage(pathwayContext(project, project.frameworks[0]!))).toEqual([]);
  });
});

describe('group-bounds', () => {
  it('passes with 0 ≤ min ≤ max ≤ members, including "pick none or some"', () => {
    expect(checkGroupBounds(ctxOf())).toEqual([]);
    const loose = standardPathway();
    (loose.nodes[3] as Extract<PathwayNode, { kind: 'optional-group' }>).min = 0;
    (loose.nodes[3] as Extract<PathwayNode, { kind: 'optional-group' }>).max = 2;
    expect(checkGroupBounds(ctxOf(loose))).toEqual([]);
  });

  it('is an error for a group without activities', () => {
    const found = checkGroupBounds(ctxOf(standardPathway().group('empty', [], 0, 0, 'Empty choice').chain('checkin', 'empty', 'post')));
    expect(found).toMatchObject([{ ruleId: 'group-bounds', severity: 'error', nodeIds: ['empty'] }]);
    expect(found[0]!.message).toMatch(/“Empty choice” offers no activities: add at least one/);
  });

  it('is an error when min > max, max > members or min < 0', () => {
    const cases: [number, number, RegExp][] = [
      [2, 1, /at least 2 but at most 1/],
      [1, 3, /up to 3 activities but offers only 2/],
      [-1, 1, /at least -1 activities: set the minimum to a whole number/],
    ];
    for (const [min, max, message] of cases) {
      const found = checkGroupBounds(ctxOf(standardPathway().group('bad', ['act-mentor', 'act-video', 'act-mentor'], min, max).chain('checkin', 'bad', 'post')));
      expect(found, `${min}..${max}`).toHaveLength(1);
      expect(found[0]!.message).toMatch(message);
    }
  });
});

describe('dangling-activity', () => {
  it('passes when every referenced activity exists', () => {
    expect(checkDanglingActivity(ctxOf())).toEqual([]);
    // An assessment without a catalog activity is fine.
    expect(checkDanglingActivity(ctxOf(standardPathway().remove('pre').pre('pre', null)))).toEqual([]);
  });

  it('is an error for a core step, an assessment, a capstone or a group using a missing activity', () => {
    const builder = standardPathway()
      .core('core-gone', 'act-gone', 'Retired course')
      .core('core-none', '', 'Untitled core')
      .group('opts-gone', ['act-mentor', 'act-x', 'act-y'])
      .capstone('capstone-gone', 'act-z');
    const found = checkDanglingActivity(ctxOf(builder));
    expect(found.map((problem) => problem.nodeIds[0])).toEqual(['core-gone', 'core-none', 'opts-gone', 'capstone-gone']);
    expect(found.every((problem) => problem.ruleId === 'dangling-activity' && problem.severity === 'error')).toBe(true);
    expect(found[0]!.message).toMatch(/“Retired course” uses the activity “act-gone”, which is not in the catalog/);
    expect(found[1]!.message).toMatch(/has no activity yet: choose one/);
    expect(found[2]!.message).toMatch(/lists 2 activities that are not in the catalog \(“act-x” and “act-y”\)/);
    expectReadable(found);
  });
});

describe('hours-vs-duration', () => {
  it('passes when the expected 22 h fit 6 weeks at 4 h a week and exceed 1 h a week', () => {
    expect(checkHoursVsDuration(ctxOf())).toEqual([]);
  });

  it('warns with numbers when the hours exceed the weekly budget', () => {
    const found = checkHoursVsDuration(ctxOf(standardPathway().with({ durationWeeks: 5 })));
    expect(found).toMatchObject([{ ruleId: 'hours-vs-duration', severity: 'warning' }]);
    expect(found[0]!.message).toBe(
      'Learners are expected to spend about 22 h over 5 weeks (4.4 h a week), more than the budget of 4 h a week (20 h): trim activities, ask for fewer optional picks or lengthen the framework.',
    );
  });

  it('warns with numbers when there is less than 1 h a week', () => {
    const found = checkHoursVsDuration(ctxOf(standardPathway().with({ durationWeeks: 30 })));
    expect(found[0]!.message).toBe(
      'Learners are expected to spend only about 22 h over 30 weeks (0.73 h a week), less than 1 h a week (30 h): add activities or shorten the framework.',
    );
  });

  it('takes the weekly budget as a parameter', () => {
    const project = standardPathway().project();
    expect(problemsOf(project, 'hours-vs-duration', { hoursPerWeekBudget: 3 })[0]!.message).toMatch(/about 22 h .* budget of 3 h a week \(18 h\)/);
    expect(problemsOf(project, 'hours-vs-duration', { hoursPerWeekBudget: 4 })).toEqual([]);
  });

  it('counts an optional group as min picks × mean member hours', () => {
    // options: pick 2 of mentor 4 h and video 1 h → 2 × 2.5 = 5 h instead of 2.5 h: 24.5 h > 24 h.
    const builder = standardPathway();
    const group = builder.nodes[3] as Extract<PathwayNode, { kind: 'optional-group' }>;
    group.min = 2;
    group.max = 2;
    expect(checkHoursVsDuration(ctxOf(builder))[0]!.message).toMatch(/about 24.5 h over 6 weeks/);
  });
});

describe('validateFramework / validateAllFrameworks', () => {
  it('puts errors before warnings and reports each framework', () => {
    const project = standardPathway().with({ durationWeeks: 5 }).project((p) => {
      const broken = { ...p.frameworks[0]!, id: 'fw-broken', name: 'Broken', edges: [...p.frameworks[0]!.edges, { id: 'e-loop', source: 'capstone', target: 'capstone' }] };
      p.frameworks.push(broken);
    });
    const all = validateAllFrameworks(project);
    expect(all.map((entry) => [entry.frameworkId, entry.frameworkName])).toEqual([
      ['fw-test', 'Test framework'],
      ['fw-broken', 'Broken'],
    ]);
    expect(all[0]!.problems.map((problem) => problem.ruleId)).toEqual(['hours-vs-duration']);
    const severities = all[1]!.problems.map((problem) => problem.severity);
    expect(severities).toEqual([...severities].sort());
    expect(all[1]!.problems.map((problem) => problem.ruleId)).toContain('no-cycles');
    expect(validateFramework(project, 'fw-broken')).toEqual(all[1]!.problems);
    expect(() => validateFramework(project, 'fw-nope')).toThrow(RangeError);
  });

  it('keeps messages one line even with hostile labels', () => {
    const builder = standardPathway().milestone('evil', 'line one\nline two\u001b[31m').edge('evil', 'core-job');
    const found = problems(builder.project());
    expect(found.length).toBeGreaterThan(0);
    expectReadable(found);
    for (const problem of found) expect(problem.message.includes('\u001b')).toBe(false);
  });
});
