import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { RoomPerson, RoomState } from '../../shared/api/room';
import { participation } from '../api/client';

export interface RoomView {
  /** The room as the host last pushed it to this window; undefined until it has. */
  room?: RoomState;
  /** Set in a participant's window when its access ended (Stop sharing), with the reason. */
  ended?: string;
  /** A participant follows the facilitator's presentation unless they chose to look around. */
  following: boolean;
}

/** One room per window: the facilitator's session, or the one this participant joined. */
export const roomStore = createStore<RoomView>(() => ({ following: true }));

export function useRoom<T>(selector: (view: RoomView) => T): T {
  return useStore(roomStore, selector);
}

export const isParticipantWindow = participation?.pass !== undefined;

/** Whether this window may change the map: everyone but a participant the facilitator set to "Can view". */
export function canEdit(view: RoomView): boolean {
  if (!isParticipantWindow) return true;
  const me = view.room?.people.find((p) => p.id === view.room?.you);
  return me?.role === 'edit';
}

const NOBODY: readonly RoomPerson[] = [];
/** The key of who else has an element selected, so a node re-renders only when that changes. */
const othersKey = (view: RoomView, id: string) => {
  const room = view.room;
  if (!room?.sharing) return '';
  let key = '';
  for (const person of room.people) if (person.id !== room.you && person.selection.includes(id)) key += `${person.id},`;
  return key;
};

/** The other people in the room who have this element selected (their colour and name show on it). */
export function useOthersOn(id: string): readonly RoomPerson[] {
  const key = useRoom((view) => othersKey(view, id));
  if (!key) return NOBODY;
  const people = roomStore.getState().room?.people ?? [];
  return key
    .split(',')
    .filter(Boolean)
    .map((personId) => people.find((p) => p.id === personId))
    .filter((p): p is RoomPerson => p !== undefined);
}
