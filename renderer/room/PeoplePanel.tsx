import { useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../../shared/api/contract';
import { MAX_DOTS_EACH, PARTICIPANT_ROLES, ROLE_LABELS, type ParticipantRole } from '../../shared/api/room';
import { useEditor, useEditorState } from '../editor/EditorContext';
import { isParticipantWindow, roomStore, useRoom } from './roomStore';
import { followAgain } from './useRoomSession';
import './room.css';

/**
 * The room, beside the canvas while the map is shared: who is here in their colours, each participant's
 * role (the facilitator sets it), the dot vote, and the facilitator's feed of what participants did.
 */
export function PeoplePanel({ mapId, onInvite }: { mapId: string; onInvite?: () => void }) {
  const room = useRoom((v) => v.room);
  const following = useRoom((v) => v.following);
  const presenting = useEditorState((s) => s.presenting);
  const [open, setOpen] = useState(true);
  const [dots, setDots] = useState(3);
  const editor = useEditor();
  if (!room?.sharing || room.mapId !== mapId) return null;
  const facilitator = !isParticipantWindow;
  const call = (promise: Promise<unknown>) =>
    promise.then(
      (state) => state && typeof state === 'object' && 'people' in state && roomStore.setState({ room: state as typeof room }),
      (error: unknown) => editor.announce(error instanceof ApiError ? error.message : 'That did not reach the room.'),
    );

  const followBanner = !facilitator && room.presenting && !following && (
    <div className="follow-banner" role="status">
      The facilitator is presenting.
      <button type="button" className="button small" onClick={followAgain}>
        Follow the facilitator
      </button>
    </div>
  );
  if (presenting) return followBanner || null;
  if (!open) {
    return (
      <>
        {followBanner}
        <button type="button" className="button people-collapsed" onClick={() => setOpen(true)} aria-label="Show the people in the room">
          People · {room.people.filter((p) => p.online).length}
        </button>
      </>
    );
  }
  return (
    <>
      {followBanner}
      <section className="people-panel" role="region" aria-label="People">
        <div className="people-head">
          <h2>People · {room.people.filter((p) => p.online).length}</h2>
          <span>
            {facilitator && onInvite && (
              <button type="button" className="button ghost small" onClick={onInvite}>
                Invite
              </button>
            )}
            <button type="button" className="button ghost small" onClick={() => setOpen(false)} aria-label="Hide the people in the room">
              ×
            </button>
          </span>
        </div>
        <ul className="people-list">
          {room.people.map((person) => (
            <li key={person.id}>
              <span className="person-swatch" style={{ background: person.colour }} aria-hidden="true" />
              <span className={`person-name${person.online ? '' : ' offline'}`} title={person.online ? person.name : `${person.name} (not connected)`}>
                {person.name}
                {person.id === room.you ? ' (you)' : ''}
                {person.online ? '' : ' · away'}
              </span>
              {facilitator && person.role !== 'facilitator' ? (
                <select
                  aria-label={`Role of ${person.name}`}
                  value={person.role}
                  onChange={(event) => void call(api['room.setRole']({ personId: person.id, role: event.target.value as ParticipantRole }))}
                >
                  {PARTICIPANT_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="muted">{person.role === 'facilitator' ? 'Facilitator' : ROLE_LABELS[person.role]}</span>
              )}
            </li>
          ))}
        </ul>
        <div className="people-section" role="group" aria-label="Dot vote">
          {room.vote ? (
            <>
              <p className="row">
                <strong>Dot vote:</strong> {room.vote.left} of {room.vote.dotsEach} dots left — press “+ ●” on a card or note.
              </p>
              {facilitator && (
                <div className="row">
                  <button type="button" className="button small" onClick={() => void call(api['room.endVote']({}))}>
                    End the vote
                  </button>
                </div>
              )}
            </>
          ) : facilitator ? (
            <div className="row">
              <label>
                Dots each{' '}
                <input type="number" min={1} max={MAX_DOTS_EACH} value={dots} onChange={(event) => setDots(Math.min(MAX_DOTS_EACH, Math.max(1, Number(event.target.value) || 1)))} />
              </label>
              <button type="button" className="button small" onClick={() => void call(api['room.startVote']({ dotsEach: dots }))}>
                Start a dot vote
              </button>
            </div>
          ) : (
            <p className="muted">No vote is open.</p>
          )}
        </div>
        {facilitator && (
          <div className="people-section">
            <h2>Recent edits</h2>
            {room.feed.length === 0 ? (
              <p className="muted">What participants add and change shows here.</p>
            ) : (
              <ol className="room-feed" aria-label="Recent edits">
                {room.feed.slice(0, 8).map((entry) => (
                  <li key={entry.id}>
                    <strong style={{ color: entry.colour }}>{entry.name}</strong> {entry.text}
                  </li>
                ))}
              </ol>
            )}
            <div className="row">
              <button type="button" className="button small" onClick={() => void call(api['room.stop']({}))}>
                Stop sharing
              </button>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
