/**
 * The three kinds of node on the mapping graph. Each is one memoised component drawn from a
 * precomputed view, with plain elements and CSS only (the graph may hold 300+ of them). Handles
 * exist only where an edge may start or end: a finding only starts one (→ capability), a role
 * only ends one (capability →), a capability does both. The node itself is the focusable
 * element (React Flow's wrapper, labelled with the node's description).
 */
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { IconBriefcase, IconClipboardText, IconTargetArrow } from '@tabler/icons-react';
import { memo } from 'react';
import { PRIORITY_LABEL, SOURCE_LABEL } from '../../labels';
import type { MappingFlowNode } from './flow-mapping';

function FindingNodeComponent({ data, isConnectable }: NodeProps<MappingFlowNode>) {
  const { view } = data;
  if (view.kind !== 'finding') return null;
  return (
    <div className="plp-map-node plp-map-finding" data-testid="mapping-finding" data-entity={data.entityId}>
      <div className="plp-map-node-head">
        <span className="plp-map-kind">
          <IconClipboardText size={14} stroke={2} aria-hidden />
          {SOURCE_LABEL[view.source]}
        </span>
        <span className="plp-priority" data-priority={view.priority}>
          <span className="plp-priority-dot" aria-hidden />
          {PRIORITY_LABEL[view.priority]}
        </span>
      </div>
      <div className="plp-map-statement" title={view.statement}>
        {view.statement}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} className="plp-map-handle" />
    </div>
  );
}

function CapabilityNodeComponent({ data, isConnectable }: NodeProps<MappingFlowNode>) {
  const { view } = data;
  if (view.kind !== 'capability') return null;
  return (
    <div className="plp-map-node plp-map-capability" data-testid="mapping-capability" data-entity={data.entityId}>
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} className="plp-map-handle" />
      <div className="plp-map-name">
        <IconTargetArrow size={15} stroke={2} aria-hidden />
        <span>{view.name}</span>
      </div>
      <div className="plp-map-detail">{view.domainName}</div>
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} className="plp-map-handle" />
    </div>
  );
}

function RoleNodeComponent({ data, isConnectable }: NodeProps<MappingFlowNode>) {
  const { view } = data;
  if (view.kind !== 'role') return null;
  return (
    <div className="plp-map-node plp-map-role" data-testid="mapping-role" data-entity={data.entityId}>
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} className="plp-map-handle" />
      <div className="plp-map-name">
        <IconBriefcase size={15} stroke={2} aria-hidden />
        <span>{view.name}</span>
      </div>
      <div className="plp-map-detail">{view.team || 'No team'}</div>
    </div>
  );
}

export const MAPPING_NODE_TYPES: NodeTypes = {
  finding: memo(FindingNodeComponent),
  capability: memo(CapabilityNodeComponent),
  role: memo(RoleNodeComponent),
};
