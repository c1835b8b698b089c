import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, EVENT_CHANNEL, ROOM_EVENT_CHANNEL, ROOM_UNWATCH_CHANNEL, ROOM_WATCH_CHANNEL, UNWATCH_CHANNEL, WATCH_CHANNEL, ipcChannel, type PreloadApi } from '../../shared/api/channels';

const listeners = new Map<string, (event: unknown) => void>();
ipcRenderer.on(EVENT_CHANNEL, (_event, watchId: string, mapEvent: unknown) => listeners.get(watchId)?.(mapEvent));

/** Watches a map's live changes; the returned function stops it. The page never sees ipcRenderer. */
async function watchMap(mapId: string, since: number, listener: (event: unknown) => void): Promise<() => void> {
  const watchId = `w${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  listeners.set(watchId, listener);
  const answer = (await ipcRenderer.invoke(WATCH_CHANNEL, { watchId, mapId, since })) as { ok: boolean; error?: { message: string } };
  if (!answer.ok) {
    listeners.delete(watchId);
    throw new Error(answer.error?.message ?? 'Could not follow the map.');
  }
  return () => {
    listeners.delete(watchId);
    void ipcRenderer.invoke(UNWATCH_CHANNEL, watchId);
  };
}

let roomListener: ((event: unknown) => void) | undefined;
ipcRenderer.on(ROOM_EVENT_CHANNEL, (_event, roomEvent: unknown) => roomListener?.(roomEvent));

/** Follows the room session (one listener per window); the returned function stops it. */
async function watchRoom(listener: (event: unknown) => void): Promise<() => void> {
  roomListener = listener;
  await ipcRenderer.invoke(ROOM_WATCH_CHANNEL);
  return () => {
    if (roomListener === listener) roomListener = undefined;
    void ipcRenderer.invoke(ROOM_UNWATCH_CHANNEL);
  };
}

// Exactly the API contract, one function per channel, and the map event channel; no ipcRenderer, no Node, nothing else.
const api = {
  ...Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)])),
  watchMap,
  watchRoom,
} as PreloadApi;

contextBridge.exposeInMainWorld('throughline', Object.freeze(api));
