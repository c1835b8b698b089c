import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { NoteNodeData } from '../flowModel';
import { VoteBadge } from './VoteBadge';

/** A sticky note for the parking lot. */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<Node<NoteNodeData>>) {
  return (
    <aside className={`note${selected ? ' selected' : ''}${data.votes ? ' has-votes' : ''}`} aria-label="Note">
      {data.votes ? (
        <>
          <span className="note-text">{data.text}</span>
          <VoteBadge votes={data.votes} />
        </>
      ) : (
        data.text
      )}
    </aside>
  );
});
