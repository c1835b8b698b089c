import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LaneNode as LaneNodeType } from '../flowModel';

/** A team's swimlane: a tinted band across the map with the team's name and colour at its left. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<LaneNodeType>) {
  return (
    <div className={`lane${data.unowned ? ' lane-unowned' : ''}`} style={{ '--team-color': data.color } as React.CSSProperties}>
      <div className="lane-label">
        <span className="lane-swatch" aria-hidden="true" />
        <h3 className="lane-name">{data.name}</h3>
      </div>
    </div>
  );
});
