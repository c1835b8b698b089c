import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { NoteNodeData } from '../flowModel';
import { VoteBadge } from './VoteBadge';
import { RoomMarks } from '../../room/RoomMarks';

/** A sticky note for the parking lot. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<Node<NoteNodeData>>) {
  return (
    <aside className={`note${selected ? ' selected' : ''}${data.votes ? ' has-votes' : ''}`} aria-label="Note">
      <RoomMarks id={id} name={data.text.length > 40 ? `${data.text.slice(0, 39)}…` : data.text} votable />
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
