import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { StageHeaderNode as StageHeaderNodeType } from '../flowModel';

/** A stage column: its header (name, phase, goal) on top and a divider down the whole grid. */
export const StageHeaderNode = memo(function StageHeaderNode({ data }: NodeProps<StageHeaderNodeType>) {
  return (
    <div className="stage-column">
      <header className="stage-header" style={{ height: data.height }} title={data.goal}>
        <h2 className="stage-name">{data.name}</h2>
        {data.phase !== data.name && <span className="stage-phase">{data.phase}</span>}
        {data.goal && <span className="stage-goal">{data.goal}</span>}
      </header>
    </div>
  );
});
