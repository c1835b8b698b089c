import { useEffect, useState } from 'react';
import { api, watchRoom } from '../api/client';
import type { RoomState } from '../../shared/api/room';
import './room.css';

/**
 * On the home screen: a map stays shared with the room after its window is left, so say which, how many are
 * in, and offer to go back to it or to stop sharing.
 */
export function SharingBanner({ mapName, onOpen }: { mapName: (mapId: string) => string | undefined; onOpen: (mapId: string) => void }) {
  const [room, setRoom] = useState<RoomState>();
  useEffect(() => watchRoom({ onEvent: (event) => event.type === 'room' && setRoom(event.state) }), []);
  if (!room?.sharing || !room.mapId) return null;
  const mapId = room.mapId;
  const inRoom = room.people.filter((p) => p.role !== 'facilitator' && p.online).length;
  return (
    <div className="sharing-banner" role="status">
      <span>
        <strong>“{mapName(mapId) ?? 'A map'}”</strong> is shared with the room
        {inRoom ? ` — ${inRoom} ${inRoom === 1 ? 'person' : 'people'} in it` : ''}.
      </span>
      <button type="button" className="button small primary" onClick={() => onOpen(mapId)}>
        Go to the shared map
      </button>
      <button type="button" className="button small" onClick={() => void api['room.stop']({}).then(setRoom)}>
        Stop sharing
      </button>
    </div>
  );
}
