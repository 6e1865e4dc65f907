/**
 * The typed pathway steps on the canvas. One memoised component draws every kind from a
 * precomputed `StepView` (see flow-model.ts), with plain elements and CSS only: a 1,000-step
 * framework mounts 1,000 of these, so each must be cheap and must not re-render unless its own
 * view changed.
 *
 * The step's kind is said in words in its header, its 70-20-10 category as "70 · Experiential"
 * next to the colour, problems as "1 error" next to the icon: never colour alone. The whole
 * step is one focusable element (React Flow's node wrapper, labelled with the view's
 * description), so nothing inside is interactive.
 */
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { IconAlertTriangle, IconCircleX, IconUserCheck } from '@tabler/icons-react';
import { memo } from 'react';
import type { LearningCategory } from '../../../../shared/domain/schema';
import { MODALITY_LABEL } from '../labels';
import type { ActivityView, StepFlowNode, StepView } from './flow-model';
import { CATEGORY_LABEL, CATEGORY_SHARE, KIND_ICON, KIND_TITLE, MODALITY_ICON, hours } from './visuals';

const MEMBERS_SHOWN = 5;

export function CategoryTag({ category, compact }: { category: LearningCategory; compact?: boolean }) {
  return (
    <span className="plp-cat" data-category={category} title={`${CATEGORY_LABEL[category]}: the ${CATEGORY_SHARE[category]} of 70-20-10`}>
      <span className="plp-cat-share">{CATEGORY_SHARE[category]}</span>
      {compact ? null : <span>{CATEGORY_LABEL[category]}</span>}
    </span>
  );
}

function ActivityLine({ activity }: { activity: ActivityView }) {
  const ModalityIcon = MODALITY_ICON[activity.modality];
  return (
    <div className="plp-step-meta">
      <span className="plp-step-modality">
        <ModalityIcon size={15} stroke={1.8} aria-hidden />
        <span>{MODALITY_LABEL[activity.modality]}</span>
        <span className="plp-step-hours">· {hours(activity.hours)}</span>
      </span>
    </div>
  );
}

function GroupBody({ group }: { group: NonNullable<StepView['group']> }) {
  const { min, max, members, rule, missing } = group;
  const picks = min === max ? `${min}` : `${min}–${max}`;
  const shown = members.slice(0, MEMBERS_SHOWN);
  const more = members.length - shown.length + missing;
  return (
    <>
      <div className="plp-step-rule">
        Choose <strong>{picks}</strong> of {members.length} · {rule === 'by-gap' ? 'by assessed gap' : "learner's choice"}
      </div>
      {members.length === 0 ? (
        <div className="plp-step-empty">Drop activities here from the catalog</div>
      ) : (
        <ul className="plp-step-members">
          {shown.map((member) => {
            const Icon = MODALITY_ICON[member.modality];
            return (
              <li key={member.id} className="plp-step-member">
                <Icon size={14} stroke={1.8} aria-hidden />
                <span className="plp-step-member-title">{member.title}</span>
                <span className="plp-step-hours">{hours(member.hours)}</span>
                <CategoryTag category={member.category} compact />
              </li>
            );
          })}
          {more > 0 ? <li className="plp-step-more">+{more} more</li> : null}
        </ul>
      )}
    </>
  );
}

function ProblemFlag({ problem }: { problem: NonNullable<StepView['problem']> }) {
  const Icon = problem.severity === 'error' ? IconCircleX : IconAlertTriangle;
  const noun = problem.severity === 'error' ? 'error' : 'warning';
  return (
    <span className="plp-step-flag" data-severity={problem.severity}>
      <Icon size={14} stroke={2} aria-hidden />
      {problem.count} {noun}
      {problem.count === 1 ? '' : 's'}
    </span>
  );
}

function StepNodeComponent({ data, isConnectable }: NodeProps<StepFlowNode>) {
  const { view } = data;
  const KindIcon = KIND_ICON[view.kind];
  return (
    <div className="plp-step" data-kind={view.kind} data-problem={view.problem?.severity} data-testid="pathway-step">
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} className="plp-handle" />
      <div className="plp-step-head">
        <span className="plp-step-kind">
          <KindIcon size={15} stroke={2} aria-hidden />
          {KIND_TITLE[view.kind]}
        </span>
        {view.activity ? <CategoryTag category={view.activity.category} /> : null}
      </div>
      {view.problem ? <ProblemFlag problem={view.problem} /> : null}
      <div className="plp-step-body">
        <div className="plp-step-title" data-untitled={view.untitled || undefined}>
          {view.title}
        </div>
        {view.activity ? <ActivityLine activity={view.activity} /> : null}
        {view.missingActivity ? <div className="plp-step-warning">Activity missing from the catalog</div> : null}
        {view.capabilities ? (
          <div className="plp-step-caps" title={view.capabilities.join(', ')}>
            {view.capabilities.length === 0
              ? 'No capabilities chosen yet'
              : `Measures ${view.capabilities.length} ${view.capabilities.length === 1 ? 'capability' : 'capabilities'}`}
          </div>
        ) : null}
        {view.group ? <GroupBody group={view.group} /> : null}
        {view.checkIn ? (
          <div className="plp-step-meta">
            <span className="plp-step-modality">
              <IconUserCheck size={15} stroke={1.8} aria-hidden />
              <span>Manager check-in</span>
            </span>
          </div>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} className="plp-handle" />
    </div>
  );
}

export const StepNode = memo(StepNodeComponent);

export const NODE_TYPES: NodeTypes = {
  'pre-assessment': StepNode,
  core: StepNode,
  'optional-group': StepNode,
  'post-assessment': StepNode,
  capstone: StepNode,
  milestone: StepNode,
};
