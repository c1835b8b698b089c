import { useState } from 'react';
import { api, participation } from '../api/client';
import { keepRoomPass } from '../api/roomPass';
import { personNameSchema } from '../../shared/api/room';
import { MapScreen } from '../canvas/MapScreen';
import { useRoom } from './roomStore';
import './room.css';

/**
 * A participant's window: the join page (a name, then in), then the one shared map — no home screen, no
 * other maps. When the facilitator stops sharing, the map goes and a message stays.
 */
export function ParticipantApp() {
  const ended = useRoom((v) => v.ended);
  if (ended) {
    return (
      <main className="join-screen">
        <div className="join-card" role="status">
          <h1>The session has ended</h1>
          <p>{ended}</p>
          <p className="muted">Thank you for taking part. Ask the facilitator for a new link to join again.</p>
        </div>
      </main>
    );
  }
  if (participation?.pass) return <MapScreen mapId={participation.pass.mapId} onClose={() => undefined} />;
  return <JoinScreen invite={participation?.invite ?? ''} />;
}

function JoinScreen({ invite }: { invite: string }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [joining, setJoining] = useState(false);
  const join = async () => {
    const parsed = personNameSchema.safeParse(name);
    if (!parsed.success) return setError(`Your name ${parsed.error.issues[0]!.message}.`);
    setJoining(true);
    setError(undefined);
    try {
      const joined = await api['room.join']({ invite, name: parsed.data });
      keepRoomPass({ token: joined.token, mapId: joined.mapId, personId: joined.personId });
      // The window starts again as this participant, with its pass on every call.
      window.location.reload();
    } catch (failure) {
      setError((failure as Error).message);
      setJoining(false);
    }
  };
  return (
    <main className="join-screen">
      <form
        className="join-card"
        onSubmit={(event) => {
          event.preventDefault();
          void join();
        }}
      >
        <h1>Join the workshop map</h1>
        <p>Type your name so the room knows who adds what. Your name and selection are shown to everyone in the session.</p>
        <label className="field">
          <span className="field-label">Your name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={40} autoFocus autoComplete="name" aria-invalid={error ? true : undefined} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="button primary" disabled={joining}>
          {joining ? 'Joining…' : 'Join'}
        </button>
      </form>
    </main>
  );
}
