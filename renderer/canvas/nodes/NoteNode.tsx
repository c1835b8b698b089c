import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { NoteNodeData } from '../flowModel';

/** A sticky note for the parking lot. */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<Node<NoteNodeData>>) {
  return (
    <aside className={`note${selected ? ' selected' : ''}`} aria-label="Note">
      {data.text}
    </aside>
  );
});
