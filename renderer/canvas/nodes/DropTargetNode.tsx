import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';

export type DropTargetNodeData = { label: string; changesHands: boolean };

/** While a card is dragged: the cell it will land in, named, so a drop never changes a lead by surprise. */
export const DropTargetNode = memo(function DropTargetNode({ data }: NodeProps<Node<DropTargetNodeData>>) {
  return (
    <div className={`drop-target${data.changesHands ? ' changes-hands' : ''}`}>
      <span className="drop-target-label">{data.label}</span>
    </div>
  );
});
