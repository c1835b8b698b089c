import { ApiError, type Channel } from '../../shared/api/contract';
import type { MapOp } from '../../shared/document/ops';
import type { Actor, Caller } from '../api/caller';
import { FACILITATOR_ID, type RoomService } from './roomService';

/** What a participant's window may call: its one map, and the room. Nothing else exists for it. */
const PARTICIPANT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['maps.open', 'maps.changes', 'maps.storeChange', 'room.state', 'room.presence', 'room.vote']);
/** Fields no participant edit may touch: the rule settings, and dots (cast through room.vote only). */
const isOffLimits = (op: MapOp) => op.path[0] === 'rules' || op.path[2] === 'votes';

export const ENDED_MESSAGE = 'Your access to this map has ended: the facilitator stopped sharing it.';

/**
 * The host's check of every call against the caller's rights, after its input is validated and before
 * any handler runs. A view-only participant's edit is refused here, whatever its window shows.
 */
export function authorize(room: RoomService, caller: Caller, channel: Channel, input: Record<string, unknown>): Actor {
  if (caller.kind === 'owner') return { personId: FACILITATOR_ID, isOwner: true, address: 'local' };
  if (caller.kind === 'guest') {
    if (channel === 'room.join') return { personId: '', isOwner: false, address: caller.address };
    throw new ApiError('forbidden', 'Join the room with the link the facilitator shared.');
  }
  const person = room.participant(caller.token);
  if (!person) throw new ApiError('forbidden', ENDED_MESSAGE);
  if (!PARTICIPANT_CHANNELS.has(channel)) throw new ApiError('forbidden', 'A participant can open the shared map only.');
  if ('id' in input && input.id !== room.sharedMapId) throw new ApiError('forbidden', 'A participant can open the shared map only.');
  if (channel === 'maps.storeChange') {
    if (person.role !== 'edit') throw new ApiError('forbidden', 'Your role is “Can view”: the facilitator has not let you edit this map.');
    if ((input.ops as MapOp[]).some(isOffLimits)) throw new ApiError('forbidden', 'Rule settings and dots are not edited by participants.');
  }
  return { personId: person.id, isOwner: false, address: caller.address };
}
