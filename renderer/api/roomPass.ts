/**
 * A participant's window keeps what joining gave it for this tab: its own pass (a room token, never the
 * facilitator's), the shared map and who it is. A join link's invite is taken out of the address bar
 * at once, so it is not shared further by copying the URL.
 */
const PASS_KEY = 'throughline.roomPass';
const INVITE_KEY = 'throughline.invite';

export interface RoomPass {
  token: string;
  mapId: string;
  personId: string;
}

export function roomPass(): RoomPass | undefined {
  try {
    const pass = JSON.parse(sessionStorage.getItem(PASS_KEY) ?? 'null') as Partial<RoomPass> | null;
    return pass && typeof pass.token === 'string' && typeof pass.mapId === 'string' && typeof pass.personId === 'string' ? (pass as RoomPass) : undefined;
  } catch {
    return undefined;
  }
}

export function keepRoomPass(pass: RoomPass): void {
  sessionStorage.setItem(PASS_KEY, JSON.stringify(pass));
  sessionStorage.removeItem(INVITE_KEY);
}

export function forgetRoomPass(): void {
  sessionStorage.removeItem(PASS_KEY);
}

/** The invite of a join link (`#join=…`), kept for this tab until it has joined. */
export function pendingInvite(): string | undefined {
  const match = /(?:^#|&)join=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(INVITE_KEY, match[1]!);
    // A new invite starts a new visit: an old pass in this tab belongs to a session that may be over.
    forgetRoomPass();
    history.replaceState(history.state, '', window.location.pathname);
  }
  return sessionStorage.getItem(INVITE_KEY) ?? undefined;
}

/** Told when the host says this participant's access has ended (Stop sharing). */
export const accessEnded = (() => {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((listener) => listener()),
    listen: (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener)),
  };
})();
