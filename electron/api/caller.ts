/**
 * Who is calling the API, as the shell established it: the facilitator's own window (IPC, or the browser
 * host's per-run token), a participant of the room session (their room token), or a guest from the network
 * who has neither and may only join. `address` is where the call came from, for the join rate limit.
 */
export type Caller =
  | { kind: 'owner' }
  | { kind: 'participant'; token: string; address: string }
  | { kind: 'guest'; address: string };

export const OWNER: Caller = { kind: 'owner' };

/** The person a call acts for, once it is allowed: the facilitator, or one participant. */
export interface Actor {
  personId: string;
  isOwner: boolean;
  address: string;
}
