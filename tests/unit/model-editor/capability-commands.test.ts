import { describe, expect, it } from 'vitest';
import {
  addCapability,
  addSkill,
  capabilityReferences,
  deleteCapability,
  deleteSkill,
  describeCapability,
  hasReferences,
  moveCapability,
  moveCapabilityToDomain,
  moveSkill,
  renameCapability,
  renameSkill,
  setCapabilityExternalId,
  setIndicators,
  setSkillExternalId,
} from '../../../shared/domain/commands/capability-commands';
import { CommandError } from '../../../shared/domain/commands/command';
import { applyWithUndo, buildRichProject, expectNoOp, frozen, sampleProject } from './support';

const rich = () => frozen(buildRichProject());
const names = (project: ReturnType<typeof rich>) => project.capabilities.map((capability) => `${capability.domainId}/${capability.id}`);

describe('capability names, descriptions and external ids', () => {
  it('renames, describes and re-identifies a capability, each as one undoable step', () => {
    const before = rich();
    expect(applyWithUndo(before, renameCapability('cap-gravitas', '  Gravitas & poise ')).capabilities[1]?.name).toBe('Gravitas & poise');
    expect(applyWithUndo(before, describeCapability('cap-gravitas', 'Carries the room.')).capabilities[1]?.description).toBe('Carries the room.');
    expect(applyWithUndo(before, setCapabilityExternalId('cap-gravitas', ' EP-9 ')).capabilities[1]?.externalId).toBe('EP-9');
  });

  it('records nothing when the value does not change', () => {
    const before = rich();
    expectNoOp(before, renameCapability('cap-gravitas', 'Gravitas'));
    expectNoOp(before, describeCapability('cap-gravitas', ''));
    expectNoOp(before, setCapabilityExternalId('cap-stakeholder', 'C-01'));
  });

  it('refuses empty or over-long names and unknown capabilities', () => {
    expect(() => renameCapability('cap-gravitas', '   ')).toThrow(CommandError);
    expect(() => renameCapability('cap-gravitas', 'x'.repeat(501))).toThrow(/at most 500/);
    expect(() => setCapabilityExternalId('cap-gravitas', 'x'.repeat(501))).toThrow(CommandError);
    expect(() => renameCapability('cap-missing', 'Name').apply(rich())).toThrow('There is no capability "cap-missing".');
  });
});

describe('adding and ordering capabilities', () => {
  it('adds a capability at the end of its domain, or at a position', () => {
    const before = rich();
    const added = applyWithUndo(before, addCapability({ id: 'cap-new', domainId: 'dom-influence', name: 'Negotiation' }));
    expect(names(added)).toEqual(['dom-influence/cap-stakeholder', 'dom-influence/cap-new', 'dom-presence/cap-gravitas']);
    expect(added.capabilities[1]).toEqual({ id: 'cap-new', domainId: 'dom-influence', name: 'Negotiation', description: '', externalId: '', indicators: [], skills: [] });
    const first = applyWithUndo(before, addCapability({ id: 'cap-first', domainId: 'dom-presence', name: 'Poise', index: 0, externalId: 'P-1' }));
    expect(names(first)).toEqual(['dom-influence/cap-stakeholder', 'dom-presence/cap-first', 'dom-presence/cap-gravitas']);
  });

  it('adds into an empty domain', () => {
    const before = frozen({ ...buildRichProject(), domains: [...buildRichProject().domains, { id: 'dom-empty', name: 'Empty', description: '', externalId: '' }] });
    const added = applyWithUndo(before, addCapability({ id: 'cap-x', domainId: 'dom-empty', name: 'X' }));
    expect(added.capabilities.at(-1)?.domainId).toBe('dom-empty');
  });

  it('refuses duplicate ids, unknown domains, bad ids and names', () => {
    expect(() => addCapability({ id: 'cap-gravitas', domainId: 'dom-presence', name: 'Again' }).apply(rich())).toThrow(/already exists/);
    expect(() => addCapability({ id: 'cap-y', domainId: 'dom-nowhere', name: 'Y' }).apply(rich())).toThrow('There is no domain "dom-nowhere".');
    expect(() => addCapability({ id: 'has space', domainId: 'dom-presence', name: 'Y' })).toThrow(/not a valid capability id/);
    expect(() => addCapability({ id: 'cap-y', domainId: 'dom-presence', name: '' })).toThrow(/must not be empty/);
    expect(() => addCapability({ id: 'cap-y', domainId: 'dom-presence', name: 'Y', index: -1 })).toThrow(CommandError);
  });

  it('moves a capability within its domain, keeping other domains in place; stays put at the ends', () => {
    const sample = frozen(sampleProject());
    const presence = (project: typeof sample) => project.capabilities.filter((c) => c.domainId === 'dom-presence').map((c) => c.id);
    expect(presence(sample)).toEqual(['cap-exec-communication', 'cap-composure', 'cap-data-storytelling']);
    const down = applyWithUndo(sample, moveCapability('cap-exec-communication', 1));
    expect(presence(down)).toEqual(['cap-composure', 'cap-exec-communication', 'cap-data-storytelling']);
    const up = applyWithUndo(sample, moveCapability('cap-data-storytelling', -2));
    expect(presence(up)).toEqual(['cap-data-storytelling', 'cap-exec-communication', 'cap-composure']);
    expect(up.capabilities.filter((c) => c.domainId !== 'dom-presence')).toEqual(sample.capabilities.filter((c) => c.domainId !== 'dom-presence'));
    expectNoOp(sample, moveCapability('cap-exec-communication', -1));
    expectNoOp(sample, moveCapability('cap-data-storytelling', 1));
    expect(() => moveCapability('cap-composure', 0.5)).toThrow(CommandError);
    expect(() => moveCapability('cap-missing', 1).apply(sample)).toThrow(/no capability/);
  });

  it('moves a capability to another domain, at the end or at a position', () => {
    const sample = frozen(sampleProject());
    const moved = applyWithUndo(sample, moveCapabilityToDomain('cap-composure', 'dom-influence'));
    expect(moved.capabilities.filter((c) => c.domainId === 'dom-influence').map((c) => c.id)).toEqual([
      'cap-stakeholder-influence',
      'cap-trust-centres-kols',
      'cap-cross-functional',
      'cap-composure',
    ]);
    const atTop = applyWithUndo(sample, moveCapabilityToDomain('cap-composure', 'dom-credibility', 0));
    expect(atTop.capabilities.filter((c) => c.domainId === 'dom-credibility').map((c) => c.id)[0]).toBe('cap-composure');
    const within = applyWithUndo(sample, moveCapabilityToDomain('cap-exec-communication', 'dom-presence', 2));
    expect(within.capabilities.filter((c) => c.domainId === 'dom-presence').map((c) => c.id)).toEqual(['cap-composure', 'cap-data-storytelling', 'cap-exec-communication']);
    expectNoOp(sample, moveCapabilityToDomain('cap-composure', 'dom-presence', 1));
    expect(() => moveCapabilityToDomain('cap-composure', 'dom-nowhere').apply(sample)).toThrow(/no domain/);
    expect(() => moveCapabilityToDomain('cap-missing', 'dom-presence').apply(sample)).toThrow(/no capability/);
  });
});

describe('behavioural indicators', () => {
  it('sets the statements for a level, trimmed, in scale order; empty removes them', () => {
    const before = rich();
    const added = applyWithUndo(before, setIndicators('cap-stakeholder', 'intermediate', ['  Maps stakeholders alone. ', '', 'Plans each meeting.']));
    expect(added.capabilities[0]?.indicators.map((indicator) => indicator.levelId)).toEqual(['beginner', 'intermediate', 'skilled']);
    expect(added.capabilities[0]?.indicators[1]?.statements).toEqual(['Maps stakeholders alone.', 'Plans each meeting.']);
    const changed = applyWithUndo(before, setIndicators('cap-stakeholder', 'skilled', ['Adapts the pitch.']));
    expect(changed.capabilities[0]?.indicators[1]).toEqual({ levelId: 'skilled', statements: ['Adapts the pitch.'] });
    const cleared = applyWithUndo(before, setIndicators('cap-stakeholder', 'beginner', ['  ']));
    expect(cleared.capabilities[0]?.indicators.map((indicator) => indicator.levelId)).toEqual(['skilled']);
    const expert = applyWithUndo(before, setIndicators('cap-gravitas', 'expert', ['Role model.']));
    expect(expert.capabilities[1]?.indicators).toEqual([{ levelId: 'expert', statements: ['Role model.'] }]);
  });

  it('records nothing when the statements are the same', () => {
    const before = rich();
    expectNoOp(before, setIndicators('cap-stakeholder', 'skilled', ['Adapts the pitch to each decision maker.', ' Handles objections calmly.']));
    expectNoOp(before, setIndicators('cap-gravitas', 'beginner', []));
  });

  it('refuses unknown levels and capabilities, and more than 50 statements', () => {
    expect(() => setIndicators('cap-stakeholder', 'guru', ['x']).apply(rich())).toThrow('There is no proficiency level "guru".');
    expect(() => setIndicators('cap-missing', 'beginner', ['x']).apply(rich())).toThrow(/no capability/);
    expect(() => setIndicators('cap-stakeholder', 'beginner', Array.from({ length: 51 }, (_, i) => `s${i}`))).toThrow(/at most 50/);
  });
});

describe('skills', () => {
  it('adds, renames, re-identifies, reorders and deletes skills', () => {
    const before = rich();
    const added = applyWithUndo(before, addSkill('cap-stakeholder', { id: 'skill-obj', name: 'Handling objections', externalId: 'S-2' }));
    expect(added.capabilities[0]?.skills.map((skill) => skill.id)).toEqual(['skill-mapping', 'skill-obj']);
    expect(applyWithUndo(before, renameSkill('cap-stakeholder', 'skill-mapping', 'Mapping')).capabilities[0]?.skills[0]?.name).toBe('Mapping');
    expect(applyWithUndo(before, setSkillExternalId('cap-stakeholder', 'skill-mapping', 'S-1')).capabilities[0]?.skills[0]?.externalId).toBe('S-1');
    const reordered = applyWithUndo(added, moveSkill('cap-stakeholder', 'skill-obj', -1));
    expect(reordered.capabilities[0]?.skills.map((skill) => skill.id)).toEqual(['skill-obj', 'skill-mapping']);
    expect(applyWithUndo(before, deleteSkill('cap-stakeholder', 'skill-mapping')).capabilities[0]?.skills).toEqual([]);
  });

  it('records nothing for a move past the end or an unchanged name', () => {
    const before = rich();
    expectNoOp(before, moveSkill('cap-stakeholder', 'skill-mapping', -1));
    expectNoOp(before, renameSkill('cap-stakeholder', 'skill-mapping', 'Stakeholder mapping'));
  });

  it('refuses duplicates, unknown skills and empty names', () => {
    expect(() => addSkill('cap-stakeholder', { id: 'skill-mapping', name: 'Again' }).apply(rich())).toThrow(/already exists/);
    expect(() => renameSkill('cap-stakeholder', 'skill-missing', 'X').apply(rich())).toThrow('There is no skill "skill-missing".');
    expect(() => deleteSkill('cap-gravitas', 'skill-mapping').apply(rich())).toThrow(/no skill/);
    expect(() => addSkill('cap-stakeholder', { id: 'skill-z', name: ' ' })).toThrow(/must not be empty/);
  });
});

describe('deleting a capability', () => {
  it('lists what refers to it', () => {
    const references = capabilityReferences(rich(), ['cap-stakeholder']);
    expect(references.roleTargets).toEqual([{ roleId: 'role-kam', roleName: 'Key account manager' }]);
    expect(references.findings.map((finding) => finding.id)).toEqual(['find-1']);
    expect(references.assessments).toBe(1);
    expect(references.activities.map((activity) => activity.id)).toEqual(['act-course', 'act-shadow']);
    expect(references.frameworks.map((framework) => framework.id)).toEqual(['fw-presence']);
    expect(references.plans).toBe(1);
    expect(hasReferences(references)).toBe(true);
    const unused = frozen({ ...buildRichProject(), roles: [], frameworks: [] });
    expect(hasReferences(capabilityReferences(unused, ['cap-gravitas']))).toBe(false);
  });

  it('removes every reference in the same step, and undo restores them all', () => {
    const before = rich();
    const after = applyWithUndo(before, deleteCapability('cap-stakeholder'));
    expect(after.capabilities.map((capability) => capability.id)).toEqual(['cap-gravitas']);
    expect(after.roles[0]?.targets.map((target) => target.capabilityId)).toEqual(['cap-gravitas']);
    expect(after.findings[0]?.capabilityIds).toEqual([]);
    expect(after.assessments).toEqual([]);
    expect(after.activities.map((activity) => activity.develops)).toEqual([[], [], []]);
    expect(after.frameworks[0]?.focusCapabilityIds).toEqual(['cap-gravitas']);
    expect(after.frameworks[0]?.nodes.find((node) => node.id === 'n-pre')).toMatchObject({ capabilityIds: [] });
    expect(after.plans[0]?.goals).toEqual([]);
    expect(capabilityReferences(after, ['cap-stakeholder'])).toEqual({ roleTargets: [], findings: [], assessments: 0, activities: [], frameworks: [], plans: 0 });
  });

  it('refuses an unknown capability', () => {
    expect(() => deleteCapability('cap-missing').apply(rich())).toThrow('There is no capability "cap-missing".');
  });
});

describe('every capability setter records nothing when given the value it already has', () => {
  it.each([
    ['setSkillExternalId', () => setSkillExternalId('cap-stakeholder', 'skill-mapping', '')],
    ['moveCapability by 0', () => moveCapability('cap-stakeholder', 0)],
    ['moveSkill by 0', () => moveSkill('cap-stakeholder', 'skill-mapping', 0)],
    ['describeCapability', () => describeCapability('cap-stakeholder', 'Gains commitment from senior clinicians and hospital buyers.')],
  ])('%s', (_name, build) => {
    expectNoOp(rich(), build());
  });
});
