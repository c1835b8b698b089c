import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { LaneBandNodeData, LaneLabelNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';

/** A team's swimlane: a band tinted with the team's colour across the map. */
export const LaneBandNode = memo(function LaneBandNode({ data }: NodeProps<Node<LaneBandNodeData>>) {
  return <div className={`lane-band${data.unowned ? ' lane-unowned' : ''}`} style={{ '--team-color': data.color } as React.CSSProperties} />;
});

/** The lane's label at its left: the team's name and colour. Select it to edit the team; drag it to reorder lanes. */
export const LaneLabelNode = memo(function LaneLabelNode({ id, data, selected }: NodeProps<Node<LaneLabelNodeData>>) {
  return (
    <div
      className={`lane-label${selected ? ' selected' : ''}${data.unowned ? ' lane-unowned' : ''}${issueClass(data.issue)}`}
      style={{ '--team-color': data.color } as React.CSSProperties}
      aria-describedby={data.issue ? `issue-${id}` : undefined}
    >
      <IssueBadge issue={data.issue} id={`issue-${id}`} />
      <h3 className="lane-name">{data.name}</h3>
    </div>
  );
});
