import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { StageColumnNodeData, StageHeaderNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';

/** A stage's header: name, phase (when it differs from the name) and goal. Drag it to reorder stages. */
export const StageHeaderNode = memo(function StageHeaderNode({ id, data, selected }: NodeProps<Node<StageHeaderNodeData>>) {
  return (
    <header className={`stage-header${selected ? ' selected' : ''}${issueClass(data.issue)}`} title={data.goal} aria-describedby={data.issue ? `issue-${id}` : undefined}>
      <IssueBadge issue={data.issue} id={`issue-${id}`} />
      <h2 className="stage-name">{data.name}</h2>
      {data.phase !== data.name && <span className="stage-phase">{data.phase}</span>}
      {data.goal && <span className="stage-goal">{data.goal}</span>}
    </header>
  );
});

/** The divider that runs down a stage's column. */
export const StageColumnNode = memo(function StageColumnNode(_props: NodeProps<Node<StageColumnNodeData>>) {
  return <div className="stage-column" />;
});
