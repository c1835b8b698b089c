import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { elementIdOf, type StageColumnNodeData, type StageHeaderNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';
import { RoomMarks } from '../../room/RoomMarks';
import { useEditor, useEditorState } from '../../editor/EditorContext';
import { cardsPerStage } from '../../editor/derived';
import { firstTouchpointPoint } from '../../editor/placement';
import { useAddFromPalette } from '../usePaletteActions';
import './stageHeader.css';

/** A stage's header: name, phase (when it differs from the name) and goal. Drag it to reorder stages. */
export const StageHeaderNode = memo(function StageHeaderNode({ id, data, selected }: NodeProps<Node<StageHeaderNodeData>>) {
  const stageId = elementIdOf(id);
  const inviting = useEditorState((s) => !s.viewing && !s.presenting && !cardsPerStage(s.doc).has(stageId));
  return (
    <header className={`stage-header${selected ? ' selected' : ''}${issueClass(data.issue)}`} title={data.goal} aria-describedby={data.issue ? `issue-${id}` : undefined}>
      <IssueBadge issue={data.issue} id={`issue-${id}`} />
      <RoomMarks id={stageId} name={data.name} />
      <h2 className="stage-name">{data.name}</h2>
      {data.phase !== data.name && <span className="stage-phase">{data.phase}</span>}
      {/* An empty stage invites its first card rather than (or before) being flagged; its goal stays on hover. */}
      {inviting ? <AddFirstTouchpoint stageId={stageId} stageName={data.name} /> : data.goal && <span className="stage-goal">{data.goal}</span>}
    </header>
  );
});

/** "+ Add the first touchpoint": the same add as the palette's, in the stage's first marketing lane. */
function AddFirstTouchpoint({ stageId, stageName }: { stageId: string; stageName: string }) {
  const editor = useEditor();
  const add = useAddFromPalette();
  return (
    <button
      type="button"
      // nodrag/nopan: a press on the button is a click, never the start of dragging the stage or the canvas.
      className="stage-invite nodrag nopan"
      aria-label={`Add the first touchpoint to ${stageName}`}
      onClick={(event) => {
        event.stopPropagation();
        const point = firstTouchpointPoint(editor.store.getState().doc, stageId);
        if (point) add('touchpoint', point);
      }}
    >
      <span aria-hidden="true">+</span> Add the first touchpoint
    </button>
  );
}

/** The divider that runs down a stage's column. */
export const StageColumnNode = memo(function StageColumnNode(_props: NodeProps<Node<StageColumnNodeData>>) {
  return <div className="stage-column" />;
});
