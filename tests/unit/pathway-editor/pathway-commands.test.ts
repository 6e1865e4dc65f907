import { describe, expect, it } from 'vitest';
import { CommandError, type ProjectCommand } from '../../../shared/domain/commands/command';
import {
  addFramework,
  addGroupActivities,
  addNode,
  applyLayout,
  connectNodes,
  deleteElements,
  deleteFramework,
  deleteNodes,
  disconnectEdges,
  moveNodes,
  pasteNodes,
  reconnectEdge,
  removeGroupActivities,
  setGroupRule,
  updateFrameworkProperties,
  updateNode,
} from '../../../shared/domain/commands/pathway-commands';
import * as H from '../../../shared/domain/history';
import { checkIntegrity } from '../../../shared/domain/integrity';
import { copyNodes, pasteFragment } from '../../../shared/domain/pathways/clipboard';
import { ProjectSchema, type Project } from '../../../shared/domain/schema';
import { framework, fw, node, project } from './fixtures';

/** Applies a command and checks that the result is still a valid, consistent project file. */
function run(p: Project, command: ProjectCommand): Project {
  const next = command.apply(p);
  expect(checkIntegrity(next)).toEqual([]);
  expect(ProjectSchema.safeParse(next).success).toBe(true);
  return next;
}

function refused(build: () => ProjectCommand, p: Project, message: RegExp): void {
  let error: unknown;
  try {
    build().apply(p);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CommandError);
  expect((error as Error).message).toMatch(message);
}

describe('frameworks', () => {
  it('adds an empty framework with the defaults, and refuses a repeated id or unknown roles', () => {
    const p = run(project(), addFramework({ id: 'fw-new', name: '  Onboarding  ' }));
    expect(fw(p, 'fw-new')).toMatchObject({ name: 'Onboarding', nodes: [], edges: [], durationWeeks: 12, mixTarget: { experiential: 70, social: 20, formal: 10, tolerance: 10 } });
    expect(addFramework({ id: 'x', name: 'y' }).label).toBe('New framework');
    refused(() => addFramework({ id: 'fw', name: 'Again' }), project(), /already exists/);
    refused(() => addFramework({ id: 'fw2', name: 'R', audienceRoleIds: ['role-ghost'] }), project(), /no role "role-ghost"/);
    refused(() => addFramework({ id: 'fw2', name: '   ' }), project(), /name must not be empty/);
  });

  it('updates properties: trims list items, drops blanks and repeated ids, checks references', () => {
    const p = run(
      project(),
      updateFrameworkProperties('fw', {
        name: 'Executive presence',
        audienceRoleIds: ['role-am', 'role-am'],
        focusCapabilityIds: ['cap-b', 'cap-a'],
        durationWeeks: 16,
        participationExpectations: ['  3 h a week  ', '', '   '],
        assessmentAndFeedback: ['360 before and after'],
        mixTarget: { experiential: 60, social: 30, formal: 10, tolerance: 5 },
      }),
    );
    expect(fw(p)).toMatchObject({
      name: 'Executive presence',
      audienceRoleIds: ['role-am'],
      focusCapabilityIds: ['cap-b', 'cap-a'],
      durationWeeks: 16,
      participationExpectations: ['3 h a week'],
      assessmentAndFeedback: ['360 before and after'],
      mixTarget: { experiential: 60, social: 30, formal: 10, tolerance: 5 },
    });
    expect(updateFrameworkProperties('fw', { durationWeeks: 8 }).label).toBe('Change planned duration');
    refused(() => updateFrameworkProperties('fw', { durationWeeks: 0 }), project(), /at least 1 week/);
    refused(() => updateFrameworkProperties('fw', { durationWeeks: 2.5 }), project(), /whole number/);
    refused(() => updateFrameworkProperties('fw', { focusCapabilityIds: ['cap-ghost'] }), project(), /no capability "cap-ghost"/);
    refused(() => updateFrameworkProperties('fw-ghost', { name: 'X' }), project(), /no framework "fw-ghost"/);
  });

  it('changes nothing (same project object) when the values are the same', () => {
    const p = project();
    expect(updateFrameworkProperties('fw', { name: 'Test framework', durationWeeks: 12, participationExpectations: [] }).apply(p)).toBe(p);
  });

  it('deletes a framework, unless a plan is built on it', () => {
    const p = project([framework('fw'), framework('fw-2')]);
    expect(run(p, deleteFramework('fw-2')).frameworks.map((f) => f.id)).toEqual(['fw']);
    const withPlan: Project = {
      ...p,
      learners: [{ id: 'l1', name: 'Ana', email: '', roleId: null, manager: '', team: '', careerGoals: '', startDate: null, hoursPerWeek: 2, notes: '' }],
      plans: [
        {
          id: 'plan-1',
          learnerId: 'l1',
          frameworkId: 'fw-2',
          status: 'draft',
          generatedAt: null,
          goals: [],
          items: [],
          participationExpectations: [],
          assessmentAndFeedback: [],
          signOff: { employeeName: '', employeeDate: null, managerName: '', managerDate: null },
          warnings: [],
        },
      ],
    };
    refused(() => deleteFramework('fw-2'), withPlan, /learner plan is built on this framework/);
  });
});

describe('steps', () => {
  it('adds each kind of step with schema defaults, labelled by kind', () => {
    let p = project();
    const add = addNode('fw', { kind: 'milestone', id: 'm1', position: { x: 10, y: 20 }, checkIn: true });
    expect(add.label).toBe('Add milestone');
    p = run(p, add);
    expect(node(p, 'm1')).toEqual({ kind: 'milestone', id: 'm1', label: '', position: { x: 10, y: 20 }, notes: '', checkIn: true });
    p = run(p, addNode('fw', { kind: 'optional-group', id: 'g2', position: { x: 0, y: 0 } }));
    expect(node(p, 'g2')).toMatchObject({ activityIds: [], min: 1, max: 1, selectionRule: 'by-gap' });
    p = run(p, addNode('fw', { kind: 'core', id: 'c2', position: { x: 0, y: 0 }, activityId: 'act-podcast' }));
    expect(fw(p).nodes).toHaveLength(8);
  });

  it('refuses a step with a used id, a missing activity or capability, a non-finite position or no core activity', () => {
    const p = project();
    refused(() => addNode('fw', { kind: 'milestone', id: 'pre', position: { x: 0, y: 0 } }), p, /already exists/);
    refused(() => addNode('fw', { kind: 'core', id: 'c', position: { x: 0, y: 0 }, activityId: 'act-ghost' }), p, /no activity "act-ghost"/);
    refused(() => addNode('fw', { kind: 'pre-assessment', id: 'p2', position: { x: 0, y: 0 }, capabilityIds: ['cap-ghost'] }), p, /no capability/);
    refused(() => addNode('fw', { kind: 'milestone', id: 'm', position: { x: Number.NaN, y: 0 } }), p, /position/);
    refused(() => addNode('fw', { kind: 'core', id: 'c', position: { x: 0, y: 0 } } as never), p, /activityId/);
  });

  it('moves steps, writing only changed positions, and refuses unknown steps or NaN', () => {
    const p = project();
    const next = run(p, moveNodes('fw', { pre: { x: 5, y: 6 }, core: { x: 300, y: 0 } }));
    expect(node(next, 'pre').position).toEqual({ x: 5, y: 6 });
    expect(node(next, 'core')).toBe(node(p, 'core')); // untouched objects are shared
    expect(moveNodes('fw', new Map([['pre', { x: 1, y: 1 }]])).label).toBe('Move step');
    expect(moveNodes('fw', { pre: { x: 1, y: 1 }, core: { x: 1, y: 1 } }).label).toBe('Move 2 steps');
    expect(moveNodes('fw', { pre: { x: 0, y: 0 } }).apply(p)).toBe(p);
    refused(() => moveNodes('fw', { ghost: { x: 0, y: 0 } }), p, /no step "ghost"/);
    refused(() => moveNodes('fw', { pre: { x: Infinity, y: 0 } }), p, /two finite numbers/);
  });

  it('finds the right step when frameworks share ids in a different order, and after steps are deleted', () => {
    const reversed = framework('fw-2');
    const p0 = project([framework('fw'), { ...reversed, nodes: [...reversed.nodes].reverse() }]);
    let p = run(p0, moveNodes('fw', { core: { x: 1, y: 1 } }));
    p = run(p, moveNodes('fw-2', { core: { x: 2, y: 2 } }));
    expect(node(p, 'core').position).toEqual({ x: 1, y: 1 });
    expect(node(p, 'core', 'fw-2').position).toEqual({ x: 2, y: 2 });
    expect(fw(p, 'fw-2').nodes.map((n) => n.id)).toEqual(['capstone', 'post', 'group', 'core', 'pre']);
    p = run(p, deleteNodes('fw', ['pre']));
    p = run(p, moveNodes('fw', { capstone: { x: 3, y: 3 } }));
    expect(node(p, 'capstone').position).toEqual({ x: 3, y: 3 });
    expect(node(p, 'capstone', 'fw-2').position).toEqual({ x: 1200, y: 0 });
  });

  it('applies an auto-layout as one step labelled Auto-layout', () => {
    const layout = applyLayout('fw', { pre: { x: 0, y: 100 }, capstone: { x: 2000, y: 100 } });
    expect(layout.label).toBe('Auto-layout');
    const next = run(project(), layout);
    expect(node(next, 'capstone').position).toEqual({ x: 2000, y: 100 });
  });

  it('updates step fields against the schema and the catalog; id, kind and position are not fields', () => {
    const p = project();
    let next = run(p, updateNode('fw', 'pre', { label: 'Baseline 360', capabilityIds: ['cap-a', 'cap-b'] }));
    expect(node(next, 'pre')).toMatchObject({ label: 'Baseline 360', capabilityIds: ['cap-a', 'cap-b'] });
    next = run(next, updateNode('fw', 'core', { activityId: 'act-podcast' }));
    expect(node(next, 'core')).toMatchObject({ activityId: 'act-podcast' });
    expect(updateNode('fw', 'pre', { label: 'Pre' }).apply(p)).toBe(p);
    expect(updateNode('fw', 'pre', { notes: 'x' }).label).toBe('Edit step notes');
    refused(() => updateNode('fw', 'core', { activityId: 'act-ghost' }), p, /no activity/);
    refused(() => updateNode('fw', 'core', { activityId: null }), p, /activityId/);
    refused(() => updateNode('fw', 'pre', { label: 'x'.repeat(501) }), p, /at most 500/);
    refused(() => updateNode('fw', 'pre', { checkIn: true }), p, /checkIn/); // not a field of a pre-assessment
    expect(() => updateNode('fw', 'pre', { kind: 'core' })).toThrow(CommandError);
    expect(() => updateNode('fw', 'pre', { position: { x: 1, y: 1 } })).toThrow(CommandError);
    refused(() => updateNode('fw', 'ghost', { label: 'x' }), p, /no step "ghost"/);
  });

  it('deletes steps with their connections, and connections alone', () => {
    const p = project();
    const next = run(p, deleteNodes('fw', ['core']));
    expect(fw(next).nodes.map((n) => n.id)).toEqual(['pre', 'group', 'post', 'capstone']);
    expect(fw(next).edges.map((e) => e.id)).toEqual(['e3', 'e4']);
    expect(deleteNodes('fw', ['a', 'b']).label).toBe('Delete 2 steps');
    const edgesOnly = run(p, deleteElements('fw', { edgeIds: ['e1', 'e4'] }));
    expect(fw(edgesOnly).edges.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(fw(edgesOnly).nodes).toBe(fw(p).nodes);
    expect(deleteElements('fw', { edgeIds: ['e1'] }).label).toBe('Delete connection');
    refused(() => deleteNodes('fw', ['ghost']), p, /no step/);
    refused(() => deleteElements('fw', { edgeIds: ['ghost'] }), p, /no connection/);
  });
});

describe('optional groups', () => {
  it('adds members once each and removes them', () => {
    const p = project();
    let next = run(p, addGroupActivities('fw', 'group', ['act-podcast', 'act-video', 'act-podcast']));
    expect(node(next, 'group')).toMatchObject({ activityIds: ['act-mentor', 'act-video', 'act-podcast'] });
    expect(addGroupActivities('fw', 'group', ['act-video']).apply(p)).toBe(p);
    next = run(next, removeGroupActivities('fw', 'group', ['act-mentor']));
    expect(node(next, 'group')).toMatchObject({ activityIds: ['act-video', 'act-podcast'] });
    refused(() => addGroupActivities('fw', 'group', ['act-ghost']), p, /no activity "act-ghost"/);
    refused(() => addGroupActivities('fw', 'core', ['act-video']), p, /Only an optional group/);
    expect(() => addGroupActivities('fw', 'group', [])).toThrow(/at least one activity/);
  });

  it('sets min, max and the selection rule; refuses min > max and fractions', () => {
    const p = run(project(), addGroupActivities('fw', 'group', ['act-podcast']));
    const next = run(p, setGroupRule('fw', 'group', { min: 2, max: 3, selectionRule: 'learner-choice' }));
    expect(node(next, 'group')).toMatchObject({ min: 2, max: 3, selectionRule: 'learner-choice' });
    expect(setGroupRule('fw', 'group', { selectionRule: 'by-gap' }).label).toBe('Change selection rule');
    refused(() => setGroupRule('fw', 'group', { min: 2 }), p, /no larger than the maximum/);
    expect(() => setGroupRule('fw', 'group', { min: 1.5 })).toThrow(/whole number/);
    expect(() => setGroupRule('fw', 'group', { max: -1 })).toThrow(/negative/);
    refused(() => updateNode('fw', 'group', { min: 3, max: 2 }), p, /no larger than the maximum/);
  });
});

describe('connections', () => {
  it('connects, refusing self-connections, duplicates, unknown steps and used ids', () => {
    const p = project();
    const next = run(p, connectNodes('fw', { id: 'e5', source: 'pre', target: 'capstone' }));
    expect(fw(next).edges.at(-1)).toEqual({ id: 'e5', source: 'pre', target: 'capstone' });
    refused(() => connectNodes('fw', { id: 'e6', source: 'pre', target: 'pre' }), p, /cannot come before itself/);
    refused(() => connectNodes('fw', { id: 'e6', source: 'pre', target: 'core' }), p, /already connected/);
    refused(() => connectNodes('fw', { id: 'e6', source: 'pre', target: 'ghost' }), p, /no step "ghost"/);
    refused(() => connectNodes('fw', { id: 'e1', source: 'core', target: 'pre' }), p, /already exists/);
    // A loop is a design problem for validation to report, not a refused edit.
    expect(fw(run(p, connectNodes('fw', { id: 'back', source: 'capstone', target: 'pre' }))).edges).toHaveLength(5);
  });

  it('disconnects and reconnects', () => {
    const p = project();
    expect(fw(run(p, disconnectEdges('fw', ['e2']))).edges.map((e) => e.id)).toEqual(['e1', 'e3', 'e4']);
    expect(disconnectEdges('fw', ['e2']).label).toBe('Disconnect steps');
    const next = run(p, reconnectEdge('fw', 'e4', { source: 'post', target: 'group' }));
    expect(fw(next).edges.find((e) => e.id === 'e4')).toEqual({ id: 'e4', source: 'post', target: 'group' });
    expect(reconnectEdge('fw', 'e4', { source: 'post', target: 'capstone' }).apply(p)).toBe(p);
    refused(() => reconnectEdge('fw', 'e4', { source: 'core', target: 'group' }), p, /already connected/);
    refused(() => reconnectEdge('fw', 'e4', { source: 'post', target: 'post' }), p, /itself/);
    refused(() => reconnectEdge('fw', 'ghost', { source: 'pre', target: 'core' }), p, /no connection/);
  });
});

describe('paste', () => {
  it('pastes a copied fragment with fresh ids into the same or another framework as one step', () => {
    const p = project([framework('fw'), framework('fw-2', { nodes: [], edges: [] })]);
    const fragment = copyNodes(fw(p), ['core', 'group', 'post']);
    let counter = 0;
    const pasted = pasteFragment(fw(p), fragment, { newId: (prefix) => `${prefix}-p${++counter}`, offset: { x: 40, y: 40 } });
    const same = run(p, pasteNodes('fw', pasted));
    expect(fw(same).nodes).toHaveLength(8);
    expect(fw(same).edges).toHaveLength(6);
    expect(pasteNodes('fw', pasted).label).toBe('Paste 3 steps');

    const other = pasteFragment(fw(p, 'fw-2'), fragment);
    const next = run(p, pasteNodes('fw-2', other, 'Paste'));
    expect(fw(next, 'fw-2').nodes.map((n) => n.kind)).toEqual(['core', 'optional-group', 'post-assessment']);
    expect(fw(next, 'fw-2').edges).toHaveLength(2);
  });

  it('refuses a fragment that reuses ids, leads outside or refers to another catalog', () => {
    const p = project();
    const fragment = copyNodes(fw(p), ['core']);
    refused(() => pasteNodes('fw', fragment), p, /already exists/);
    refused(() => pasteNodes('fw', { nodes: [], edges: [{ id: 'x', source: 'pre', target: 'ghost' }] }), p, /not in this framework/);
    const foreign = { nodes: [{ ...fragment.nodes[0]!, id: 'n-new', activityId: 'act-elsewhere' }], edges: [] };
    refused(() => pasteNodes('fw', foreign), p, /no activity "act-elsewhere"/);
    expect(pasteNodes('fw', { nodes: [], edges: [] }).apply(p)).toBe(p);
  });
});

describe('with the undo history', () => {
  it('a drag is one undo step: begin, many updates, end', () => {
    let history = H.startHistory(project(), { saved: true });
    history = H.beginGesture(history, 'Move step');
    for (let i = 1; i <= 30; i++) history = H.updateGesture(history, moveNodes('fw', { core: { x: 300 + i * 5, y: i } }));
    history = H.endGesture(history);
    expect(history.past).toHaveLength(1);
    expect(H.undoLabel(history)).toBe('Move step');
    expect(node(history.present, 'core').position).toEqual({ x: 450, y: 30 });
    history = H.undo(history);
    expect(node(history.present, 'core').position).toEqual({ x: 300, y: 0 });
    expect(H.isUnsaved(history)).toBe(false);
  });

  it('undo and redo restore every edit exactly', () => {
    const start = project();
    const commands = [
      addNode('fw', { kind: 'milestone', id: 'm', position: { x: 1, y: 1 } }),
      connectNodes('fw', { id: 'e-m', source: 'post', target: 'm' }),
      reconnectEdge('fw', 'e-m', { source: 'group', target: 'm' }),
      setGroupRule('fw', 'group', { max: 2 }),
      deleteNodes('fw', ['core']),
      updateFrameworkProperties('fw', { name: 'Renamed' }),
    ];
    let history = H.startHistory(start, { saved: true });
    const states = [start];
    for (const command of commands) {
      history = H.execute(history, command);
      states.push(history.present);
    }
    for (let i = commands.length - 1; i >= 0; i--) {
      history = H.undo(history);
      expect(history.present).toBe(states[i]);
    }
    for (let i = 1; i <= commands.length; i++) {
      history = H.redo(history);
      expect(history.present).toBe(states[i]);
    }
  });
});

describe('scale', () => {
  it('moves one step of a 2,000-step framework quickly and shares every other step', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ kind: 'milestone' as const, id: `n${i}`, label: '', position: { x: i * 10, y: 0 }, notes: '', checkIn: false }));
    const p = project([framework('fw', { nodes, edges: [] })]);
    const started = performance.now();
    let current = p;
    for (let i = 0; i < 60; i++) current = moveNodes('fw', { n1000: { x: i, y: i } }).apply(current);
    const perMove = (performance.now() - started) / 60;
    expect(perMove).toBeLessThan(20);
    expect(fw(current).nodes[999]).toBe(fw(p).nodes[999]);
  });
});
