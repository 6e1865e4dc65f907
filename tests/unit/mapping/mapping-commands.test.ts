import { describe, expect, it } from 'vitest';
import { deleteMappingEdges, linkFindingToCapability, targetCapabilityForRole, unlinkFindingFromCapability } from '../../../shared/domain/commands/mapping-commands';
import { applyWithUndo, buildRichProject, expectNoOp, frozen } from '../model-editor/support';

const rich = () => frozen(buildRichProject());

describe('finding → capability', () => {
  it('links a finding to a capability as one step, and unlinks it', () => {
    const linked = applyWithUndo(rich(), linkFindingToCapability('find-1', 'cap-gravitas'));
    expect(linked.findings[0]!.capabilityIds).toEqual(['cap-stakeholder', 'cap-gravitas']);
    const unlinked = applyWithUndo(frozen(linked), unlinkFindingFromCapability('find-1', 'cap-stakeholder'));
    expect(unlinked.findings[0]!.capabilityIds).toEqual(['cap-gravitas']);
  });

  it('changes nothing when the link is already there (or already gone)', () => {
    expectNoOp(rich(), linkFindingToCapability('find-1', 'cap-stakeholder'));
    expectNoOp(rich(), unlinkFindingFromCapability('find-1', 'cap-gravitas'));
  });

  it('refuses findings and capabilities that do not exist', () => {
    expect(() => linkFindingToCapability('find-x', 'cap-gravitas').apply(rich())).toThrow('There is no finding "find-x".');
    expect(() => linkFindingToCapability('find-1', 'cap-x').apply(rich())).toThrow('There is no capability "cap-x".');
  });
});

describe('capability → role', () => {
  it('adds a target at the role’s usual level, important', () => {
    const project = buildRichProject();
    project.capabilities.push({ ...project.capabilities[0]!, id: 'cap-new', name: 'New one' });
    // role-kam targets skilled once and intermediate once: a tie, the higher level wins.
    const after = applyWithUndo(frozen(project), targetCapabilityForRole('role-kam', 'cap-new'));
    expect(after.roles[0]!.targets.at(-1)).toEqual({ capabilityId: 'cap-new', levelId: 'skilled', importance: 'important' });
  });

  it('refuses a capability the role already targets (the edge exists: change its level instead)', () => {
    expect(() => targetCapabilityForRole('role-kam', 'cap-stakeholder').apply(rich())).toThrow(/already has a target/);
    expect(() => targetCapabilityForRole('role-x', 'cap-stakeholder').apply(rich())).toThrow('There is no role "role-x".');
  });
});

describe('deleting edges', () => {
  it('removes a mix of links in one step', () => {
    const command = deleteMappingEdges([
      { kind: 'evidence', findingId: 'find-1', capabilityId: 'cap-stakeholder' },
      { kind: 'target', capabilityId: 'cap-gravitas', roleId: 'role-kam' },
    ]);
    expect(command.label).toBe('Delete 2 links');
    const after = applyWithUndo(rich(), command);
    expect(after.findings[0]!.capabilityIds).toEqual([]);
    expect(after.roles[0]!.targets.map((t) => t.capabilityId)).toEqual(['cap-stakeholder']);
  });

  it('names a single deletion by what it removes, and ignores links already gone', () => {
    expect(deleteMappingEdges([{ kind: 'target', capabilityId: 'cap-gravitas', roleId: 'role-kam' }]).label).toBe('Clear role target');
    expect(deleteMappingEdges([{ kind: 'evidence', findingId: 'find-1', capabilityId: 'cap-x' }]).label).toBe('Unlink finding from capability');
    expectNoOp(rich(), deleteMappingEdges([{ kind: 'evidence', findingId: 'find-1', capabilityId: 'cap-gravitas' }, { kind: 'target', capabilityId: 'cap-x', roleId: 'role-gone' }]));
  });
});
