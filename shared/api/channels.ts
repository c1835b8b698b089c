/**
 * The channel names alone, for the preload script: it exposes exactly these and nothing else,
 * without pulling the schemas into the sandboxed preload bundle. contract.ts checks it stays in step.
 */
export const CHANNEL_NAMES = [
  'maps.list',
  'maps.get',
  'maps.open',
  'maps.create',
  'maps.rename',
  'maps.duplicate',
  'maps.delete',
  'maps.import',
  'maps.importCsv',
  'maps.export',
  'maps.storeChange',
  'maps.changes',
  'maps.exportFile',
  'maps.exportStart',
  'maps.exportStatus',
  'versions.list',
  'versions.save',
  'versions.get',
  'versions.delete',
  'room.start',
  'room.stop',
  'room.state',
  'room.join',
  'room.setRole',
  'room.presence',
  'room.present',
  'room.startVote',
  'room.endVote',
  'room.vote',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The IPC channel that carries one API channel. */
export const ipcChannel = (name: ChannelName) => `api:${name}`;

/** Live map sessions over IPC: a window asks to watch a map and receives its events on EVENT_CHANNEL. */
export const WATCH_CHANNEL = 'events:watch';
export const UNWATCH_CHANNEL = 'events:unwatch';
export const EVENT_CHANNEL = 'events:map';
/** The room session over IPC: the facilitator's window watches the room and receives its state on ROOM_EVENT_CHANNEL. */
export const ROOM_WATCH_CHANNEL = 'room:watch';
export const ROOM_UNWATCH_CHANNEL = 'room:unwatch';
export const ROOM_EVENT_CHANNEL = 'room:event';

/**
 * What the preload exposes on window.throughline: one function per channel, returning a result
 * envelope, and `watchMap`, which delivers a map's events (see mapEventSchema) until stopped.
 */
export type PreloadApi = Record<ChannelName, (input: unknown) => Promise<unknown>> & {
  watchMap(mapId: string, since: number, listener: (event: unknown) => void): Promise<() => void>;
  /** The room session's events (see roomEventSchema) until stopped. */
  watchRoom(listener: (event: unknown) => void): Promise<() => void>;
};
