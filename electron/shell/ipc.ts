import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_CHANNEL, ROOM_EVENT_CHANNEL, ROOM_UNWATCH_CHANNEL, ROOM_WATCH_CHANNEL, WATCH_CHANNEL, UNWATCH_CHANNEL, ipcChannel } from '../../shared/api/channels';
import type { Dispatch } from '../api/dispatch';
import type { MapSessions } from '../api/sessions';
import { FACILITATOR_ID, type RoomService } from '../room/roomService';
import { APP_HOST, APP_SCHEME } from './security';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    // Node's URL gives custom schemes an opaque origin ("null"), so compare scheme and host instead.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

const REFUSED = { ok: false, error: { code: 'invalid-input', message: 'Refused: the call did not come from the Throughline window.' } } as const;

/**
 * One handler per contract channel, all through the same sender check and the same validating
 * dispatch; plus the live map sessions' event channel: a window watches a map and is sent its changes.
 */
export function registerIpc(dispatch: Dispatch, sessions?: MapSessions, room?: RoomService): void {
  if (room) registerRoomEvents(room);
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event)) return REFUSED;
      return dispatch(name, input);
    });
  }
  if (!sessions) return;
  const watches = new Map<string, () => void>();
  ipcMain.handle(WATCH_CHANNEL, (event, input: unknown) => {
    if (!isTrustedSender(event)) return REFUSED;
    const { watchId, mapId, since } = (input ?? {}) as { watchId?: unknown; mapId?: unknown; since?: unknown };
    if (typeof watchId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(watchId) || typeof mapId !== 'string' || !Number.isSafeInteger(since) || (since as number) < 0) {
      return { ok: false, error: { code: 'invalid-input', message: 'watch: needs a watch id, a map id and a revision.' } };
    }
    const sender = event.sender;
    const key = `${sender.id}:${watchId}`;
    watches.get(key)?.();
    try {
      const stop = sessions.watch(mapId, since as number, (mapEvent) => {
        if (!sender.isDestroyed()) sender.send(EVENT_CHANNEL, watchId, mapEvent);
      });
      watches.set(key, stop);
      sender.once('destroyed', () => {
        watches.get(key)?.();
        watches.delete(key);
      });
    } catch (error) {
      return { ok: false, error: { code: 'not-found', message: (error as Error).message } };
    }
    return { ok: true, value: { watchId } };
  });
  ipcMain.handle(UNWATCH_CHANNEL, (event, watchId: unknown) => {
    if (!isTrustedSender(event)) return REFUSED;
    const key = `${event.sender.id}:${String(watchId)}`;
    watches.get(key)?.();
    watches.delete(key);
    return { ok: true, value: null };
  });
}

/** The room session's events for the facilitator's window: its view of the room after every change. */
function registerRoomEvents(room: RoomService): void {
  const watches = new Map<number, () => void>();
  ipcMain.handle(ROOM_WATCH_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return REFUSED;
    const sender = event.sender;
    watches.get(sender.id)?.();
    const stop = room.subscribe(FACILITATOR_ID, (roomEvent) => {
      if (!sender.isDestroyed()) sender.send(ROOM_EVENT_CHANNEL, roomEvent);
    });
    watches.set(sender.id, stop);
    sender.once('destroyed', () => {
      watches.get(sender.id)?.();
      watches.delete(sender.id);
    });
    return { ok: true, value: null };
  });
  ipcMain.handle(ROOM_UNWATCH_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return REFUSED;
    watches.get(event.sender.id)?.();
    watches.delete(event.sender.id);
    return { ok: true, value: null };
  });
}
