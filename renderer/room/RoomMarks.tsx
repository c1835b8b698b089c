import { memo } from 'react';
import { api } from '../api/client';
import { ApiError } from '../../shared/api/contract';
import { useEditor } from '../editor/EditorContext';
import { useOthersOn, useRoom } from './roomStore';
import './room.css';

/**
 * What the room adds to a card or note: the others who have it selected (a ring in their colour with
 * their name), and while a dot vote is open, the buttons to put a dot on it or take one back.
 */
export const RoomMarks = memo(function RoomMarks({ id, name, votable }: { id: string; name: string; votable?: boolean }) {
  const others = useOthersOn(id);
  const voteOpen = useRoom((v) => v.room?.sharing === true && v.room.vote !== null);
  const left = useRoom((v) => v.room?.vote?.left ?? 0);
  const mine = useRoom((v) => v.room?.vote?.mine[id] ?? 0);
  const editor = useEditor();
  const vote = (remove: boolean) =>
    api['room.vote']({ targetId: id, remove }).catch((error: unknown) => editor.announce(error instanceof ApiError ? error.message : 'The dot could not be placed.'));
  if (others.length === 0 && !(votable && voteOpen)) return null;
  return (
    <>
      {others.length > 0 && (
        <>
          <span className="presence-ring" style={{ '--presence': others[0]!.colour } as React.CSSProperties} aria-hidden="true" />
          <span className="presence-tags">
            {others.map((person) => (
              <span key={person.id} className="presence-tag" style={{ background: person.colour }}>
                {person.name}
              </span>
            ))}
          </span>
        </>
      )}
      {votable && voteOpen && (
        <span className="vote-buttons nodrag nopan">
          {mine > 0 && (
            <button type="button" className="vote-take" aria-label={`Take a dot back from “${name}”`} title={`Take one of your ${mine} dots here back`} onClick={() => void vote(true)}>
              −
            </button>
          )}
          <button type="button" className="vote-add" aria-label={`Add a dot to “${name}”`} title={left > 0 ? 'Put one of your dots here' : 'You have used all your dots'} disabled={left === 0} onClick={() => void vote(false)}>
            +●
          </button>
        </span>
      )}
    </>
  );
});
