import { memo } from 'react';
import { journeyPath } from './journeyPath';

interface Point {
  x: number;
  y: number;
}

export interface DraggedConnection {
  id: string;
  className?: string;
  selected?: boolean;
  label?: string;
  /** Where it leaves its source and reaches its target, on the map. */
  from: Point;
  to: Point;
}

/**
 * The connections of the cards being dragged, drawn in one SVG of their own while React Flow hides its
 * copies. React Flow draws each connection in an SVG of its own, all in one container: a connection that
 * changed on every pointer move had the browser lay out all of them again (hundreds on a large map) and
 * repaint everything its long line crossed. Drawn here, a move lays out and repaints a few paths.
 */
export const DraggedConnections = memo(function DraggedConnections({ connections }: { connections: readonly DraggedConnection[] }) {
  return (
    <svg className="dragged-connections" aria-hidden="true">
      {connections.map(({ id, className, selected, label, from, to }) => {
        const path = journeyPath(from.x, from.y, to.x, to.y);
        return (
          <g key={id} className={`react-flow__edge ${className ?? ''}${selected ? ' selected' : ''}`} data-connection={id}>
            <path className="react-flow__edge-path" d={path.line} fill="none" />
            <path className="journey-arrow" d={path.arrow} />
            {label && (
              <text className="dragged-connection-label" x={path.labelX} y={path.labelY}>
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
});
