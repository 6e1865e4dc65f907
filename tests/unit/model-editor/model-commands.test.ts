import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/domain/commands/command';
import {
  addDomain,
  addLevel,
  addRole,
  clearRoleTarget,
  deleteDomain,
  deleteRole,
  describeDomain,
  describeLevel,
  describeRole,
  domainReferences,
  isLevelUsed,
  levelUsage,
  moveDomain,
  moveLevel,
  moveRole,
  removeLevel,
  renameDomain,
  renameLevel,
  renameRole,
  renameScale,
  roleReferences,
  setDomainExternalId,
  setRoleTarget,
  setRoleTeam,
  SCALE_MAX_LEVELS,
} from '../../../shared/domain/commands/model-commands';
import type { Project } from '../../../shared/domain/schema';
import { applyWithUndo, buildRichProject, expectNoOp, frozen, sampleProject } from './support';

const rich = () => frozen(buildRichProject());
const levelIds = (project: Project) => project.scale.levels.map((level) => level.id);

describe('proficiency scale', () => {
  it('renames the scale, and labels and describes levels', () => {
    const before = rich();
    expect(applyWithUndo(before, renameScale('Mastery')).scale.name).toBe('Mastery');
    expect(applyWithUndo(before, renameLevel('skilled', 'Proficient')).scale.levels[2]?.label).toBe('Proficient');
    expect(applyWithUndo(before, describeLevel('skilled', 'Does it well.')).scale.levels[2]?.description).toBe('Does it well.');
    expectNoOp(before, renameScale('Proficiency'));
    expectNoOp(before, renameLevel('skilled', 'Skilled'));
    expect(() => renameLevel('skilled', ' ')).toThrow(/must not be empty/);
    expect(() => renameLevel('guru', 'Guru').apply(before)).toThrow('There is no proficiency level "guru".');
  });

  it('adds levels up to the maximum, at the end or at a position', () => {
    let project = rich();
    project = applyWithUndo(project, addLevel({ id: 'novice', label: 'Novice', index: 0 }));
    expect(levelIds(project)).toEqual(['novice', 'beginner', 'intermediate', 'skilled', 'expert']);
    project = applyWithUndo(project, addLevel({ id: 'master', label: 'Master', description: 'Writes the book.' }));
    project = applyWithUndo(project, addLevel({ id: 'guru', label: 'Guru' }));
    expect(project.scale.levels).toHaveLength(SCALE_MAX_LEVELS);
    expect(() => addLevel({ id: 'one-more', label: 'One more' }).apply(project)).toThrow('A scale has at most 7 levels.');
    expect(() => addLevel({ id: 'beginner', label: 'Again' }).apply(rich())).toThrow(/already exists/);
    expect(() => addLevel({ id: 'x', label: '' })).toThrow(CommandError);
  });

  it('reorders levels by buttons or keys; no step at either end', () => {
    const before = rich();
    expect(levelIds(applyWithUndo(before, moveLevel('expert', -1)))).toEqual(['beginner', 'intermediate', 'expert', 'skilled']);
    expect(levelIds(applyWithUndo(before, moveLevel('beginner', 2)))).toEqual(['intermediate', 'skilled', 'beginner', 'expert']);
    expectNoOp(before, moveLevel('beginner', -1));
    expectNoOp(before, moveLevel('expert', 1));
    expect(() => moveLevel('guru', 1).apply(before)).toThrow(/no proficiency level/);
  });

  it('says where a level is used', () => {
    const usage = levelUsage(rich(), 'beginner');
    expect(usage).toEqual({ assessments: 1, roleTargets: 0, indicators: 1, activityRanges: 1, planGoals: 1 });
    expect(isLevelUsed(usage)).toBe(true);
    expect(isLevelUsed(levelUsage(rich(), 'expert'))).toBe(false);
  });

  it('removes an unused level without remapping', () => {
    const after = applyWithUndo(rich(), removeLevel('expert', null));
    expect(levelIds(after)).toEqual(['beginner', 'intermediate', 'skilled']);
  });

  it('removes a level in use by remapping assessments, targets, indicators, activity ranges and plan goals, in one step', () => {
    const before = rich();
    const after = applyWithUndo(before, removeLevel('skilled', 'intermediate'));
    expect(levelIds(after)).toEqual(['beginner', 'intermediate', 'expert']);
    expect(after.roles[0]?.targets.map((target) => target.levelId)).toEqual(['intermediate', 'intermediate']);
    expect(after.activities[1]?.develops[0]).toMatchObject({ fromLevelId: 'intermediate', toLevelId: 'intermediate' });
    expect(after.plans[0]?.goals[0]).toMatchObject({ currentLevelId: 'beginner', targetLevelId: 'intermediate' });
    // The removed level's indicators join the chosen level's, in scale order.
    expect(after.capabilities[0]?.indicators).toEqual([
      { levelId: 'beginner', statements: ['Prepares a stakeholder map with help.'] },
      { levelId: 'intermediate', statements: ['Adapts the pitch to each decision maker.', 'Handles objections calmly.'] },
    ]);
    const merged = applyWithUndo(before, removeLevel('skilled', 'beginner'));
    expect(merged.capabilities[0]?.indicators).toEqual([
      { levelId: 'beginner', statements: ['Prepares a stakeholder map with help.', 'Adapts the pitch to each decision maker.', 'Handles objections calmly.'] },
    ]);
    expect(merged.assessments[0]?.levelId).toBe('beginner');
  });

  it('carries saved import scale mappings along: remapped with the level, or the entries dropped when the level was unused', () => {
    const withMapping: Project = frozen({
      ...buildRichProject(),
      scaleMappings: [
        { id: 'map-client', name: 'Client survey', numericRange: null, entries: [{ value: 'Expert', levelId: 'expert' }, { value: 'Competent', levelId: 'skilled' }] },
      ],
    });
    const dropped = applyWithUndo(withMapping, removeLevel('expert', null));
    expect(dropped.scaleMappings[0]?.entries).toEqual([{ value: 'Competent', levelId: 'skilled' }]);
    const remapped = applyWithUndo(withMapping, removeLevel('skilled', 'intermediate'));
    expect(remapped.scaleMappings[0]?.entries).toEqual([
      { value: 'Expert', levelId: 'expert' },
      { value: 'Competent', levelId: 'intermediate' },
    ]);
  });

  it('refuses to remove a level in use without a level to map to, the last levels, or a remap to itself', () => {
    const before = rich();
    expect(() => removeLevel('skilled', null).apply(before)).toThrow(/in use/);
    expect(() => removeLevel('skilled', 'skilled')).toThrow(/cannot be mapped to itself/);
    expect(() => removeLevel('skilled', 'guru').apply(before)).toThrow(/no proficiency level "guru"/);
    const three = applyWithUndo(before, removeLevel('expert', null));
    expect(() => removeLevel('beginner', 'intermediate').apply(three)).toThrow('A scale needs at least 3 levels.');
  });
});

describe('domains', () => {
  it('adds, renames, describes, re-identifies and reorders domains', () => {
    const before = rich();
    const added = applyWithUndo(before, addDomain({ id: 'dom-new', name: 'Credibility', externalId: 'D3' }));
    expect(added.domains.at(-1)).toEqual({ id: 'dom-new', name: 'Credibility', description: '', externalId: 'D3' });
    expect(applyWithUndo(before, renameDomain('dom-presence', 'Executive presence')).domains[1]?.name).toBe('Executive presence');
    expect(applyWithUndo(before, describeDomain('dom-presence', 'How they come across.')).domains[1]?.description).toBe('How they come across.');
    expect(applyWithUndo(before, setDomainExternalId('dom-presence', 'D2')).domains[1]?.externalId).toBe('D2');
    expect(applyWithUndo(before, moveDomain('dom-presence', -1)).domains.map((domain) => domain.id)).toEqual(['dom-presence', 'dom-influence']);
    expectNoOp(before, moveDomain('dom-influence', -1));
    expectNoOp(before, renameDomain('dom-influence', 'Influence'));
    expect(() => addDomain({ id: 'dom-influence', name: 'Again' }).apply(before)).toThrow(/already exists/);
    expect(() => renameDomain('dom-missing', 'X').apply(before)).toThrow('There is no domain "dom-missing".');
    expect(() => addDomain({ id: 'dom-x', name: '' })).toThrow(/must not be empty/);
  });

  it('deletes a domain with its capabilities and their references, as one step', () => {
    const before = rich();
    const references = domainReferences(before, 'dom-influence');
    expect(references.capabilities).toEqual([{ id: 'cap-stakeholder', name: 'Stakeholder influence' }]);
    expect(references.references.findings).toHaveLength(1);
    const after = applyWithUndo(before, deleteDomain('dom-influence'));
    expect(after.domains.map((domain) => domain.id)).toEqual(['dom-presence']);
    expect(after.capabilities.map((capability) => capability.id)).toEqual(['cap-gravitas']);
    expect(after.findings[0]?.capabilityIds).toEqual([]);
    expect(() => deleteDomain('dom-missing').apply(before)).toThrow(/no domain/);
  });
});

describe('roles', () => {
  it('adds, renames, sets team and description, reorders', () => {
    const before = rich();
    const added = applyWithUndo(before, addRole({ id: 'role-new', name: 'Medical science liaison', team: ' Medical ' }));
    expect(added.roles.at(-1)).toEqual({ id: 'role-new', name: 'Medical science liaison', team: 'Medical', description: '', targets: [] });
    expect(applyWithUndo(before, renameRole('role-kam', 'KAM')).roles[0]?.name).toBe('KAM');
    expect(applyWithUndo(before, setRoleTeam('role-kam', 'Field')).roles[0]?.team).toBe('Field');
    expect(applyWithUndo(before, describeRole('role-kam', 'Owns accounts.')).roles[0]?.description).toBe('Owns accounts.');
    expect(applyWithUndo(added, moveRole('role-new', -1)).roles.map((role) => role.id)).toEqual(['role-new', 'role-kam']);
    expectNoOp(before, setRoleTeam('role-kam', 'Commercial'));
    expectNoOp(before, moveRole('role-kam', 1));
    expect(() => addRole({ id: 'role-kam', name: 'Again' }).apply(before)).toThrow(/already exists/);
    expect(() => renameRole('role-kam', '')).toThrow(/must not be empty/);
    expect(() => describeRole('role-missing', '').apply(before)).toThrow('There is no role "role-missing".');
  });

  it('deletes a role: findings and frameworks stop naming it, its learners keep no role; undo restores all', () => {
    const before = rich();
    expect(roleReferences(before, 'role-kam')).toEqual({
      targets: 2,
      findings: 1,
      learners: [{ id: 'learner-ana', name: 'Ana Ortiz' }],
      frameworks: [{ id: 'fw-presence', name: 'Executive presence' }],
    });
    const after = applyWithUndo(before, deleteRole('role-kam'));
    expect(after.roles).toEqual([]);
    expect(after.findings[0]?.roleIds).toEqual([]);
    expect(after.learners[0]?.roleId).toBeNull();
    expect(after.frameworks[0]?.audienceRoleIds).toEqual([]);
    expect(() => deleteRole('role-missing').apply(before)).toThrow(/no role/);
  });
});

describe('role targets', () => {
  it('sets a new target, changes one, clears one', () => {
    const sample = frozen(sampleProject());
    const cleared = applyWithUndo(sample, clearRoleTarget('role-am-cell-therapy', 'cap-composure'));
    expect(cleared.roles[0]?.targets.some((target) => target.capabilityId === 'cap-composure')).toBe(false);
    const set = applyWithUndo(cleared, setRoleTarget('role-am-cell-therapy', 'cap-composure', 'expert', 'useful'));
    expect(set.roles[0]?.targets.find((target) => target.capabilityId === 'cap-composure')).toEqual({ capabilityId: 'cap-composure', levelId: 'expert', importance: 'useful' });
    const changed = applyWithUndo(sample, setRoleTarget('role-am-cell-therapy', 'cap-composure', 'expert', 'critical'));
    expect(changed.roles[0]?.targets.find((target) => target.capabilityId === 'cap-composure')).toEqual({ capabilityId: 'cap-composure', levelId: 'expert', importance: 'critical' });
    expect(changed.roles[0]?.targets.map((target) => target.capabilityId)).toEqual(sample.roles[0]?.targets.map((target) => target.capabilityId));
  });

  it('records nothing for the same target or clearing an absent one', () => {
    const sample = frozen(sampleProject());
    expectNoOp(sample, setRoleTarget('role-am-cell-therapy', 'cap-composure', 'skilled', 'important'));
    const cleared = clearRoleTarget('role-am-cell-therapy', 'cap-composure').apply(sample);
    expectNoOp(cleared, clearRoleTarget('role-am-cell-therapy', 'cap-composure'));
  });

  it('refuses unknown roles, capabilities, levels and importances', () => {
    const sample = frozen(sampleProject());
    expect(() => setRoleTarget('role-x', 'cap-composure', 'skilled', 'critical').apply(sample)).toThrow(/no role/);
    expect(() => setRoleTarget('role-am-cell-therapy', 'cap-x', 'skilled', 'critical').apply(sample)).toThrow(/no capability/);
    expect(() => setRoleTarget('role-am-cell-therapy', 'cap-composure', 'guru', 'critical').apply(sample)).toThrow(/no proficiency level/);
    expect(() => setRoleTarget('role-am-cell-therapy', 'cap-composure', 'skilled', 'vital' as never)).toThrow(/not an importance/);
    expect(() => clearRoleTarget('role-x', 'cap-composure').apply(sample)).toThrow(/no role/);
  });
});

describe('every setter records nothing when given the value it already has', () => {
  it.each([
    ['describeLevel', () => describeLevel('beginner', buildRichProject().scale.levels[0]!.description)],
    ['describeDomain', () => describeDomain('dom-influence', 'Moving decisions forward.')],
    ['setDomainExternalId', () => setDomainExternalId('dom-influence', 'D1')],
    ['renameRole', () => renameRole('role-kam', 'Key account manager')],
    ['describeRole', () => describeRole('role-kam', '')],
    ['moveLevel by 0', () => moveLevel('skilled', 0)],
    ['moveDomain by 0', () => moveDomain('dom-presence', 0)],
  ])('%s', (_name, build) => {
    expectNoOp(rich(), build());
  });
});
