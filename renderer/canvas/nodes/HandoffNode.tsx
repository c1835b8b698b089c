import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { HandoffNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';
import { RoomMarks } from '../../room/RoomMarks';
import './handoff.css';

/**
 * A handoff between teams: who passes the buyer to whom on the first line; below it how fast (the SLA, a
 * chip that starts the line so it always shows) and on what criteria (two lines, the whole text on hover),
 * at card-text size so the room can read them.
 */
export const HandoffNode = memo(function HandoffNode({ id, data, selected }: NodeProps<Node<HandoffNodeData>>) {
  const from = data.from?.name ?? 'Unknown team';
  const to = data.to?.name ?? 'Unknown team';
  // The handles are the node's, not the card's: placed on the node's sides, whatever border the card has.
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <article
        className={`card handoff${selected ? ' selected' : ''}${issueClass(data.issue)}`}
        style={{ '--from-color': data.from?.color ?? '#64748b', '--to-color': data.to?.color ?? '#64748b' } as React.CSSProperties}
        aria-label={`Handoff from ${from} to ${to}`}
        aria-describedby={data.issue ? `issue-${id}` : undefined}
      >
        <IssueBadge issue={data.issue} id={`issue-${id}`} />
        <RoomMarks id={id} name={`${from} → ${to}`} />
        <div className="handoff-route">
          <span className="handoff-team from">{from}</span>
          <span aria-hidden="true" className="handoff-arrow">
            →
          </span>
          <span className="handoff-team to">{to}</span>
        </div>
        <p className="handoff-criteria" title={data.criteria}>
          {data.slaHours !== undefined && (
            <span className="handoff-sla" title={`Picked up within ${data.slaHours} h`}>
              <ClockIcon />
              <span className="visually-hidden">within </span>
              {data.slaHours} h
            </span>
          )}
          {data.criteria ?? <span className="handoff-criteria-missing">No entry criteria yet</span>}
        </p>
      </article>
      <Handle type="source" position={Position.Right} />
    </>
  );
});

/** The SLA's mark: a clock drawn inline, so it looks the same in every font. */
function ClockIcon() {
  return (
    <svg className="handoff-sla-icon" viewBox="0 0 16 16" width="0.8em" height="0.8em" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
