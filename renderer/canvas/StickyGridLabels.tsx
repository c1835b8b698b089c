import { memo } from 'react';
import { useStore } from '@xyflow/react';
import { GRID, type GridLayout } from '../../shared/layout/grid';
import type { MapDoc } from '../../shared/document/mapDoc';

/**
 * Stage names and lane names that stay in view: when the grid's own header row is scrolled above the
 * canvas, the stage names ride along its top edge; when the lane labels are scrolled off to the left,
 * the team names ride along its left edge. Drawn over the canvas, never taking the pointer.
 */
export const StickyGridLabels = memo(function StickyGridLabels({ layout, doc }: { layout: GridLayout; doc: MapDoc }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const headersHidden = ty + (GRID.stageHeaderHeight * zoom) / 2 < 0;
  const lanesHidden = tx + (GRID.laneHeaderWidth * zoom) / 2 < 0;
  if (!headersHidden && !lanesHidden) return null;
  return (
    <div className="sticky-grid-labels" aria-hidden="true">
      {headersHidden && (
        <div className="sticky-stages">
          {layout.columns.map((column) => (
            <span key={column.stageId} className="sticky-stage" style={{ left: tx + column.x * zoom, width: column.width * zoom }}>
              {doc.stages.get(column.stageId)?.name}
            </span>
          ))}
        </div>
      )}
      {lanesHidden &&
        layout.lanes.map((lane) => (
          <span
            key={lane.key}
            className="sticky-lane"
            style={{ top: ty + lane.y * zoom, height: lane.height * zoom, '--team-color': lane.color } as React.CSSProperties}
          >
            {lane.name}
          </span>
        ))}
    </div>
  );
});
