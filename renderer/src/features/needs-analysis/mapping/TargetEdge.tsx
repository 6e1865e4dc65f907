/**
 * A capability → role edge: "this role must reach <level> in this capability". Its label is a
 * native select (click, or Tab to it and use the arrow keys) that sets the role's target level,
 * one undo step per change, exactly as the roles × capabilities matrix does.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type ChangeEvent } from 'react';
import { setRoleTarget } from '../../../../../shared/domain/commands/model-commands';
import type { ProficiencyLevel } from '../../../../../shared/domain/schema';
import { useProject, useServices } from '../../../app/services';
import type { MappingFlowEdge, TargetEdgeData } from './flow-mapping';

const NO_LEVELS: readonly ProficiencyLevel[] = [];

function TargetEdgeComponent({ id, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd, style, interactionWidth }: EdgeProps<MappingFlowEdge>) {
  const { store } = useServices();
  const levels = useProject((state) => state.history?.present.scale.levels ?? NO_LEVELS);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const { target, capabilityName, roleName } = data as TargetEdgeData;
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    store.getState().run(() => setRoleTarget(target.roleId, target.capabilityId, event.target.value, target.importance));
  };
  const known = levels.some((level) => level.id === target.levelId);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      <EdgeLabelRenderer>
        <div
          className="plp-map-level nodrag nopan"
          data-edge={id}
          data-importance={target.importance}
          data-selected={selected || undefined}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          <select
            value={target.levelId}
            onChange={onChange}
            aria-label={`Target level for ${roleName} in ${capabilityName}`}
            title={`${roleName} must reach this level in ${capabilityName} (${target.importance})`}
            data-testid="mapping-level-select"
            data-capability={target.capabilityId}
            data-role={target.roleId}
          >
            {known ? null : <option value={target.levelId}>{target.levelLabel}</option>}
            {levels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.label}
              </option>
            ))}
          </select>
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const MAPPING_EDGE_TYPES = { target: memo(TargetEdgeComponent) };
