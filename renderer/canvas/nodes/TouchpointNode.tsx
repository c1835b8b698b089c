import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { Node } from '@xyflow/react';
import type { TeamChip, TouchpointNodeData } from '../flowModel';
import { IssueBadge, issueClass } from './IssueBadge';
import { VoteBadge } from './VoteBadge';
import { cardLabel } from './cardLabel';
import { RoomMarks } from '../../room/RoomMarks';
import { useEditor, useEditorState } from '../../editor/EditorContext';
import { invoke } from '../../editor/editorStore';
import { updateTouchpoint } from '../../../shared/document/commands';
import { LIMITS } from '../../../shared/model/fields';

function Chip({ team, kind }: { team: TeamChip; kind: 'lead' | 'support' }) {
  return (
    <span className={`chip chip-${kind}`} style={{ '--team-color': team.color } as React.CSSProperties}>
      {kind === 'support' ? '+ ' : ''}
      {team.name}
    </span>
  );
}

/**
 * A touchpoint card. Its colour edge is the lead team's; no lead or several leads are shown in words,
 * not only by colour, so the room can read the problem from afar.
 */
/** The title being edited in place (double-click): Enter or leaving the field stores it, Escape cancels. */
export function TitleEditor({ id, title }: { id: string; title: string }) {
  const editor = useEditor();
  const stop = () => editor.store.setState({ editingId: undefined });
  const commit = (value: string) => {
    if (value.trim() && value.trim() !== title) editor.run(undefined, invoke(updateTouchpoint, { id, changes: { title: value } }));
    stop();
  };
  return (
    <input
      className="title-editor nodrag nopan"
      aria-label="Title"
      defaultValue={title}
      autoFocus
      maxLength={LIMITS.nameLength}
      onFocus={(event) => event.currentTarget.select()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') commit(event.currentTarget.value);
        if (event.key === 'Escape') stop();
      }}
      onBlur={(event) => commit(event.currentTarget.value)}
    />
  );
}

export const TouchpointNode = memo(function TouchpointNode({ data, selected }: NodeProps<Node<TouchpointNodeData>>) {
  const editing = useEditorState((s) => s.editingId === data.id);
  const lead = data.owners[0];
  const contested = data.owners.length > 1;
  const label = cardLabel(data.title, data.stageName, data.owners.map((o) => o.name), data.votes);
  // The handles are the node's, not the card's: placed on the node's sides, whatever border the card has.
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <article
        className={`card touchpoint${selected ? ' selected' : ''}${contested ? ' contested' : ''}${lead ? '' : ' unowned'}${issueClass(data.issue)}`}
        style={{ '--team-color': lead?.color ?? '#64748b' } as React.CSSProperties}
        aria-label={label}
        aria-describedby={data.issue ? `issue-${data.id}` : undefined}
      >
        <IssueBadge issue={data.issue} id={`issue-${data.id}`} />
        <RoomMarks id={data.id} name={data.title} votable />
        {editing ? (
          <TitleEditor id={data.id} title={data.title} />
        ) : (
          <div className="card-title" title={data.title}>
            {data.title}
          </div>
        )}
        {(data.channel || data.promises.length > 0) && (
          <div className="card-meta" title={[data.channel, ...data.promises.map((p) => `“${p}”`)].filter(Boolean).join(' · ')}>
            {data.channel && <span className="card-channel">{data.channel}</span>}
            {data.channel && data.promises.length > 0 && ' · '}
            {data.promises.map((p) => `“${p}”`).join(' ')}
          </div>
        )}
        <div className="card-teams">
          <VoteBadge votes={data.votes} />
          {data.owners.length === 0 && <span className="chip chip-warning">No lead</span>}
          {contested && <span className="chip chip-warning">Contested</span>}
          {data.owners.map((team) => (
            <Chip key={team.id} team={team} kind="lead" />
          ))}
          {data.supporters.map((team) => (
            <Chip key={team.id} team={team} kind="support" />
          ))}
        </div>
      </article>
      <Handle type="source" position={Position.Right} />
    </>
  );
});
