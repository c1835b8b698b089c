import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { HandoffNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';

/** A handoff between teams: who passes the buyer to whom, on what criteria, how fast. */
export const HandoffNode = memo(function HandoffNode({ id, data, selected }: NodeProps<Node<HandoffNodeData>>) {
  const from = data.from?.name ?? 'Unknown team';
  const to = data.to?.name ?? 'Unknown team';
  const terms = [data.criteria, data.slaHours !== undefined ? `within ${data.slaHours} h` : undefined].filter(Boolean).join(' · ');
  return (
    <article
      className={`card handoff${selected ? ' selected' : ''}${issueClass(data.issue)}`}
      style={{ '--from-color': data.from?.color ?? '#64748b', '--to-color': data.to?.color ?? '#64748b' } as React.CSSProperties}
      aria-label={`Handoff from ${from} to ${to}`}
      aria-describedby={data.issue ? `issue-${id}` : undefined}
    >
      <IssueBadge issue={data.issue} id={`issue-${id}`} />
      <Handle type="target" position={Position.Left} />
      <div className="handoff-route">
        <span className="handoff-team from">{from}</span>
        <span aria-hidden="true" className="handoff-arrow">
          →
        </span>
        <span className="handoff-team to">{to}</span>
      </div>
      <div className={`handoff-terms${terms ? '' : ' missing'}`}>{terms || 'No entry criteria yet'}</div>
      <Handle type="source" position={Position.Right} />
    </article>
  );
});
