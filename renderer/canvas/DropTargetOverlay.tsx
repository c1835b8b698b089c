import { memo } from 'react';

export interface DropTarget {
  box: { x: number; y: number; width: number; height: number };
  label: string;
  /** The drop changes who leads the card: shown in amber. */
  changesHands: boolean;
}

/** While a card is dragged: the cell it will land in, named, so a drop never changes a lead by surprise. */
export const DropTargetOverlay = memo(function DropTargetOverlay({ target }: { target: DropTarget }) {
  const { x, y, width, height } = target.box;
  return (
    <div className={`drop-target${target.changesHands ? ' changes-hands' : ''}`} style={{ transform: `translate(${x}px, ${y}px)`, width, height }}>
      <span className="drop-target-label">{target.label}</span>
    </div>
  );
});
