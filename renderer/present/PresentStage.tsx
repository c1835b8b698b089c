import { memo, useMemo } from 'react';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { findingsOf, layoutOf, mapOf } from '../editor/derived';
import { teamColor } from '../../shared/layout/teamColors';
import { createIssueSummarizer, type IssueSummary } from '../canvas/issues';
import { IssueBadge, issueClass } from '../canvas/nodes/IssueBadge';
import { TitleEditor } from '../canvas/nodes/TouchpointNode';
import { VoteBadge } from '../canvas/nodes/VoteBadge';
import { cardLabel } from '../canvas/nodes/cardLabel';
import { RoomMarks } from '../room/RoomMarks';
import { presentPages, type PresentLane } from './presentPages';
import type { MapDoc } from '../../shared/document/mapDoc';
import './present.css';

interface Chip {
  id: string;
  name: string;
  color: string;
}

function useTeamChips(doc: MapDoc) {
  return useMemo(() => new Map<string, Chip>(doc.teamOrder.map((id, i) => [id, { id, name: doc.teams.get(id)!.name, color: teamColor(doc.teams.get(id)!, i) }])), [doc.teams, doc.teamOrder]);
}

const PresentCard = memo(function PresentCard({ id, issue, dimmed, chips }: { id: string; issue?: IssueSummary; dimmed: boolean; chips: Map<string, Chip> }) {
  const editor = useEditor();
  const card = useEditorState((s) => s.doc.touchpoints.get(id));
  const stageName = useEditorState((s) => (card ? s.doc.stages.get(card.stageId)?.name : undefined));
  const editing = useEditorState((s) => s.editingId === id);
  if (!card) return null;
  const owners = card.ownerTeamIds.map((t) => chips.get(t)).filter((c): c is Chip => c !== undefined);
  const supporters = card.supportTeamIds.map((t) => chips.get(t)).filter((c): c is Chip => c !== undefined);
  const label = cardLabel(card.title, stageName ?? '', owners.map((o) => o.name), card.votes);
  return (
    <article
      className={`present-card${owners.length > 1 ? ' contested' : ''}${owners.length === 0 ? ' unowned' : ''}${dimmed ? ' dimmed' : ''}${issueClass(issue)}`}
      style={{ '--team-color': owners[0]?.color ?? '#64748b' } as React.CSSProperties}
      aria-label={label}
      aria-describedby={issue ? `present-issue-${id}` : undefined}
      onClick={() => editor.select([id])}
      onDoubleClick={() => editor.store.setState({ editingId: id })}
    >
      <IssueBadge issue={issue} id={`present-issue-${id}`} />
      {/* Who in the room has this card selected, and the dot-vote buttons while a vote is open: the room
          votes stage by stage while the facilitator presents. */}
      <RoomMarks id={id} name={card.title} votable />
      {editing ? <TitleEditor id={id} title={card.title} /> : <h3 className="present-card-title">{card.title}</h3>}
      {(card.channel || card.promises.length > 0) && (
        <p className="present-card-meta">
          {card.channel}
          {card.channel && card.promises.length > 0 && ' · '}
          {card.promises.map((p) => `“${p}”`).join(' ')}
        </p>
      )}
      <p className="present-card-teams">
        {owners.length === 0 && <span className="present-chip warning">No lead</span>}
        {owners.length > 1 && <span className="present-chip warning">Contested</span>}
        {owners.map((team) => (
          <span key={team.id} className="present-chip lead" style={{ '--team-color': team.color } as React.CSSProperties}>
            {team.name}
          </span>
        ))}
        {supporters.map((team) => (
          <span key={team.id} className="present-chip support" style={{ '--team-color': team.color } as React.CSSProperties}>
            + {team.name}
          </span>
        ))}
        <VoteBadge votes={card.votes} />
      </p>
    </article>
  );
});

function PresentHandoff({ id, issue, chips, dimmed }: { id: string; issue?: IssueSummary; chips: Map<string, Chip>; dimmed: boolean }) {
  const handoff = useEditorState((s) => s.doc.handoffs.get(id));
  if (!handoff) return null;
  const from = chips.get(handoff.fromTeamId)?.name ?? 'Unknown team';
  const to = chips.get(handoff.toTeamId)?.name ?? 'Unknown team';
  return (
    <article className={`present-handoff${dimmed ? ' dimmed' : ''}${issueClass(issue)}`} aria-label={`Handoff from ${from} to ${to}`} aria-describedby={issue ? `present-issue-${id}` : undefined}>
      <IssueBadge issue={issue} id={`present-issue-${id}`} />
      <p className="present-handoff-route">
        {from} <span aria-hidden="true">→</span> {to}
      </p>
      <p className={`present-handoff-criteria${handoff.criteria ? '' : ' missing'}`}>{handoff.criteria ?? 'No entry criteria yet'}</p>
      {handoff.slaHours !== undefined && <p className="present-handoff-sla">Picked up within {handoff.slaHours} h</p>}
    </article>
  );
}

function Lane({ lane, issues, chips, focusTeamId }: { lane: PresentLane; issues: Map<string, IssueSummary>; chips: Map<string, Chip>; focusTeamId?: string }) {
  const doc = useEditorState((s) => s.doc);
  const empty = lane.cardIds.length + lane.handoffIds.length === 0;
  const cardDimmed = (id: string) => {
    if (!focusTeamId) return false;
    const card = doc.touchpoints.get(id);
    return !card || (!card.ownerTeamIds.includes(focusTeamId) && !card.supportTeamIds.includes(focusTeamId));
  };
  const handoffDimmed = (id: string) => {
    const handoff = doc.handoffs.get(id);
    return focusTeamId !== undefined && handoff?.fromTeamId !== focusTeamId && handoff?.toTeamId !== focusTeamId;
  };
  return (
    <div className={`present-lane${empty ? ' empty' : ''}${focusTeamId && lane.teamId !== focusTeamId ? ' dimmed' : ''}`} style={{ '--team-color': lane.color } as React.CSSProperties}>
      <h2 className="present-lane-label">{lane.name}</h2>
      <div className="present-lane-cards">
        {lane.cardIds.map((id) => (
          <PresentCard key={id} id={id} issue={issues.get(id)} chips={chips} dimmed={cardDimmed(id)} />
        ))}
        {lane.handoffIds.map((id) => (
          <PresentHandoff key={id} id={id} issue={issues.get(id)} chips={chips} dimmed={handoffDimmed(id)} />
        ))}
        {empty && <p className="present-lane-empty">Nothing here in this stage</p>}
      </div>
    </div>
  );
}

/**
 * Present mode's stage view, made to be read from the back of the room: the spotlit stage alone, every
 * team as a row with its name pinned at the left, cards large (at most eight a page), handoffs with
 * their entry criteria and response time. A text size the facilitator sets holds until the next stage.
 */
export function PresentStage() {
  const doc = useEditorState((s) => s.doc);
  const stageIndex = useEditorState((s) => s.presentStageIndex);
  const page = useEditorState((s) => s.presentPage);
  const scale = useEditorState((s) => s.presentScale);
  const focusTeamId = useEditorState((s) => s.focusTeamId);
  const map = mapOf(doc);
  const layout = layoutOf(doc);
  const stageId = doc.stageOrder[stageIndex];
  const pages = useMemo(() => presentPages(map, layout, stageId), [map, layout, stageId]);
  const summarize = useMemo(createIssueSummarizer, []);
  // Presenting is showing the map as it stands: every finding, as the exports show them (complete mode).
  const issues = useMemo(() => summarize(findingsOf(doc, 'complete')), [summarize, doc]);
  const chips = useTeamChips(doc);
  const current = pages[Math.min(page, pages.length - 1)]!;
  // A stage with a few cards gets them larger still.
  const few = current.lanes.reduce((n, lane) => n + lane.cardIds.length + lane.handoffIds.length, 0) <= 4;
  return (
    <section className={`present-stage-view${few ? ' few' : ''}`} aria-label="Canvas" style={{ '--present-scale': scale } as React.CSSProperties}>
      {current.lanes.map((lane) => (
        <Lane key={lane.key} lane={lane} issues={issues} chips={chips} focusTeamId={focusTeamId} />
      ))}
    </section>
  );
}

/** "cards 1–8 of 12" when a stage has more cards than one page shows. */
export function usePresentPageLabel(): string | undefined {
  const doc = useEditorState((s) => s.doc);
  const stageIndex = useEditorState((s) => s.presentStageIndex);
  const page = useEditorState((s) => s.presentPage);
  const map = mapOf(doc);
  const pages = useMemo(() => presentPages(map, layoutOf(doc), doc.stageOrder[stageIndex]), [map, doc, stageIndex]);
  if (pages.length < 2) return undefined;
  const current = pages[Math.min(page, pages.length - 1)]!;
  return `cards ${current.first}–${current.last} of ${current.total}`;
}
