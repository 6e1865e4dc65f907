/**
 * Edits made by drawing on the needs-analysis mapping graph. Each is one undo step:
 * - finding → capability: the finding becomes evidence of a gap in that capability
 *   (`Finding.capabilityIds`, the same link quick capture's "#" makes);
 * - capability → role: the role must reach a level in that capability (`Role.targets`, the same
 *   target the roles × capabilities matrix edits), starting at `defaultTargetLevelId`;
 * - deleting any mix of selected edges removes those links together.
 */
import { current } from 'immer';
import { defaultTargetLevelId, type MappingEdge } from '../analysis/mapping';
import type { Importance } from '../schema';
import { requireItem } from './capability-commands';
import { CommandError, draftCommand, type ProjectCommand } from './command';

export function linkFindingToCapability(findingId: string, capabilityId: string): ProjectCommand {
  return draftCommand('Link finding to capability', (draft) => {
    const finding = requireItem(draft.findings, findingId, 'finding');
    requireItem(draft.capabilities, capabilityId, 'capability');
    if (!finding.capabilityIds.includes(capabilityId)) finding.capabilityIds.push(capabilityId);
  });
}

export function unlinkFindingFromCapability(findingId: string, capabilityId: string): ProjectCommand {
  return draftCommand('Unlink finding from capability', (draft) => {
    const finding = requireItem(draft.findings, findingId, 'finding');
    if (finding.capabilityIds.includes(capabilityId)) finding.capabilityIds = finding.capabilityIds.filter((id) => id !== capabilityId);
  });
}

/**
 * The role must reach a level in the capability: a new target at the role's usual level (see
 * `defaultTargetLevelId`), importance "important" (the file format's default). A capability the
 * role already targets is refused, so drawing an edge never silently changes an existing level.
 */
export function targetCapabilityForRole(roleId: string, capabilityId: string, importance: Importance = 'important'): ProjectCommand {
  return draftCommand('Set role target', (draft) => {
    const role = requireItem(draft.roles, roleId, 'role');
    const capability = requireItem(draft.capabilities, capabilityId, 'capability');
    if (role.targets.some((target) => target.capabilityId === capabilityId)) throw new CommandError(`${role.name} already has a target in ${capability.name}.`);
    const levelId = defaultTargetLevelId(current(draft), roleId);
    role.targets.push({ capabilityId, levelId, importance });
  });
}

export type MappingEdgeRef = Pick<MappingEdge, 'kind'> & ({ kind: 'evidence'; findingId: string; capabilityId: string } | { kind: 'target'; capabilityId: string; roleId: string });

/** Remove the links behind these edges, all in one step. Links already gone are left alone. */
export function deleteMappingEdges(edges: readonly MappingEdgeRef[]): ProjectCommand {
  const label = edges.length === 1 ? (edges[0]!.kind === 'evidence' ? 'Unlink finding from capability' : 'Clear role target') : `Delete ${edges.length} links`;
  return draftCommand(label, (draft) => {
    for (const edge of edges) {
      if (edge.kind === 'evidence') {
        const finding = draft.findings.find((candidate) => candidate.id === edge.findingId);
        if (finding?.capabilityIds.includes(edge.capabilityId)) finding.capabilityIds = finding.capabilityIds.filter((id) => id !== edge.capabilityId);
      } else {
        const role = draft.roles.find((candidate) => candidate.id === edge.roleId);
        if (role?.targets.some((target) => target.capabilityId === edge.capabilityId)) role.targets = role.targets.filter((target) => target.capabilityId !== edge.capabilityId);
      }
    }
  });
}
