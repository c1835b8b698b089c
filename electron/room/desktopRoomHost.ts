import type { Dispatch } from '../api/dispatch';
import type { MapSessions } from '../api/sessions';
import { startHost, type RunningHost } from '../host/server';
import type { RoomNetwork, RoomService } from './roomService';

export interface DesktopRoomOptions {
  dispatch: Dispatch;
  sessions: MapSessions;
  room: RoomService;
  /** The built renderer: participants' browsers load the same app, which opens as their join page. */
  staticDir: string;
  /** The host named in join links; the machine's first LAN address when left out. */
  inviteHost?: string;
  logError?: (error: unknown, context: string) => void;
}

/**
 * The desktop app hosts the room from its main process with the same host code as `serve`: Invite starts
 * it on loopback and the LAN addresses, Stop sharing closes it. The facilitator's own window stays on
 * IPC; the host's per-run token is never shown anywhere, so over HTTP only participants get in.
 */
export function desktopRoomNetwork(options: DesktopRoomOptions): RoomNetwork {
  let host: RunningHost | undefined;
  return {
    async open() {
      host ??= await startHost({
        dispatch: options.dispatch,
        staticDir: options.staticDir,
        port: 0,
        room: options.room,
        watchMap: (mapId, since, send) => options.sessions.watch(mapId, since, send),
        logError: options.logError,
      });
      return host.openLan(options.inviteHost);
    },
    async close() {
      const closing = host;
      host = undefined;
      await closing?.close();
    },
  };
}
