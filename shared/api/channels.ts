/**
 * The channel names alone, for the preload script: it exposes exactly these and nothing else,
 * without pulling the schemas into the sandboxed preload bundle. contract.ts checks it stays in step.
 */
export const CHANNEL_NAMES = [
  'maps.list',
  'maps.get',
  'maps.create',
  'maps.rename',
  'maps.duplicate',
  'maps.delete',
  'maps.import',
  'maps.export',
  'maps.applyPatches',
  'maps.exportFile',
  'versions.list',
  'versions.save',
  'versions.get',
  'versions.delete',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** The IPC channel that carries one API channel. */
export const ipcChannel = (name: ChannelName) => `api:${name}`;

/** What the preload exposes on window.throughline: one function per channel, returning a result envelope. */
export type PreloadApi = Record<ChannelName, (input: unknown) => Promise<unknown>>;
