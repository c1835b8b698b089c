import { ApiError } from '../../shared/api/contract';
import type { Actor } from '../api/caller';
import type { Handlers } from '../api/handlerTypes';
import type { RoomService } from './roomService';

type RoomChannel = Extract<keyof Handlers, `room.${string}`>;

function ownerOnly(actor: Actor): void {
  if (!actor.isOwner) throw new ApiError('forbidden', 'Only the facilitator can do that.');
}

/** The room channels: the facilitator runs the session, everyone in it shares presence and votes. */
export function createRoomHandlers(room: RoomService): Pick<Handlers, RoomChannel> {
  return {
    'room.start': ({ mapId }, actor) => (ownerOnly(actor), room.start(mapId)),
    'room.stop': (_input, actor) => (ownerOnly(actor), room.stop()),
    'room.state': (_input, actor) => room.stateFor(actor.personId),
    'room.join': ({ invite, name }, actor) => room.join(invite, name, actor.address),
    'room.setRole': ({ personId, role }, actor) => (ownerOnly(actor), room.setRole(personId, role)),
    'room.presence': ({ selection }, actor) => (room.setSelection(actor.personId, selection), {}),
    'room.present': ({ presenting }, actor) => (ownerOnly(actor), room.present(presenting), {}),
    'room.startVote': ({ dotsEach }, actor) => (ownerOnly(actor), room.startVote(dotsEach)),
    'room.endVote': (_input, actor) => (ownerOnly(actor), room.endVote()),
    'room.vote': ({ targetId, remove }, actor) => room.vote(actor.personId, targetId, remove),
  };
}
