import { z } from 'zod';
import { LIMITS, idSchema, labelSchema } from '../model/fields';
import { TEMPLATE_IDS } from '../templates';
import { journeyMapSchema } from '../model/journeyMap';
import { FORMAT_NAME, FORMAT_VERSION, MAX_DOCUMENT_BYTES } from '../format/document';
import { csvGuessSchema } from '../format/csvColumns';
import type { ChannelName } from './channels';
import { roomChannels } from './room';

/** What the home screen shows of a map. */
export const mapSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stageCount: z.number().int(),
  teamCount: z.number().int(),
  touchpointCount: z.number().int(),
});
export type MapSummary = z.output<typeof mapSummarySchema>;

export const importResultSchema = z.object({
  map: mapSummarySchema,
  /** Set when the file's map id was already taken, so the import became a copy under a new id. */
  copiedFromId: idSchema.optional(),
});
export type ImportResult = z.output<typeof importResultSchema>;

export const versionSummarySchema = z.object({
  id: idSchema,
  mapId: idSchema,
  name: z.string(),
  createdAt: z.string(),
  stageCount: z.number().int(),
  touchpointCount: z.number().int(),
  handoffCount: z.number().int(),
});
export type VersionSummary = z.output<typeof versionSummarySchema>;

const documentSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  exportedAt: z.string().optional(),
  map: journeyMapSchema,
});

const byId = z.object({ id: idSchema });

const opPathSchema = z.array(z.string().max(LIMITS.idLength)).min(1).max(3);

/** One op of a change (see shared/document/ops.ts); the store checks what each names and holds. */
export const mapOpSchema = z.object({
  op: z.enum(['add', 'remove', 'set']),
  path: opPathSchema,
  value: z.unknown().optional(),
  base: z.unknown().optional(),
});

/** A value a change replaced that another window had written. */
export const fieldConflictSchema = z.object({ path: opPathSchema, replaced: z.unknown().optional(), value: z.unknown().optional() });

/** A change as stored, with the map's revision after it: what every window with the map open applies. */
export const storedChangeSchema = z.object({
  mapId: idSchema,
  revision: z.number().int().min(1),
  clientId: z.string(),
  batchId: z.string(),
  ops: z.array(mapOpSchema),
  conflicts: z.array(fieldConflictSchema),
  at: z.string(),
});
export type StoredChangeMessage = z.output<typeof storedChangeSchema>;

/**
 * What the host pushes to every window with a map open (browser: a server-sent event stream; desktop:
 * an event channel): a stored change, the map deleted, or "reload it" when the window fell too far behind.
 */
export const mapEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change'), change: storedChangeSchema }),
  z.object({ type: z.literal('deleted'), mapId: idSchema }),
  z.object({ type: z.literal('reset'), mapId: idSchema }),
]);
export type MapEvent = z.output<typeof mapEventSchema>;

/** A window's own id and a batch's id: at most this long, letters, digits, - and _. */
const clientTokenSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, - and _');

/** The part of the canvas to export as an image, in canvas units. */
const exportViewSchema = z.object({
  x: z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate),
  y: z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate),
  width: z.number().positive().max(LIMITS.coordinate),
  height: z.number().positive().max(LIMITS.coordinate),
});

/** One gesture's worth of ops can be large (a paste, a deleted stage) but never unbounded. */
export const MAX_OPS_PER_CHANGE = 100_000;

/**
 * The one API both shells carry (Electron IPC and the browser host's HTTP): channel → input and result
 * schemas. The main process validates every input before any handler runs; results are checked in tests.
 */
export const apiContract = {
  'maps.list': { input: z.object({}), result: z.array(mapSummarySchema) },
  'maps.get': { input: byId, result: journeyMapSchema },
  /** The map and its revision: where an editor window starts its live session. */
  'maps.open': { input: byId, result: z.object({ map: journeyMapSchema, revision: z.number().int().min(0) }) },
  'maps.create': {
    input: z.object({ name: labelSchema(), template: z.enum(TEMPLATE_IDS) }),
    result: mapSummarySchema,
  },
  'maps.rename': { input: z.object({ id: idSchema, name: labelSchema() }), result: mapSummarySchema },
  'maps.duplicate': { input: byId, result: mapSummarySchema },
  'maps.delete': { input: byId, result: byId },
  /** The document is checked by the format's own gate, which names the path of every problem. */
  'maps.import': { input: z.object({ document: z.unknown() }), result: importResultSchema },
  /**
   * A CSV file (one row per touchpoint), read on the host, where the CSV parser lives; the map it builds passes
   * the same gate as 'maps.import'. The result states what the import had to guess (phases, roles).
   */
  'maps.importCsv': {
    input: z.object({ csv: z.string().max(MAX_DOCUMENT_BYTES), fileName: z.string().max(1000) }),
    result: importResultSchema.extend({ guesses: z.array(csvGuessSchema), ignoredColumns: z.array(z.string()) }),
  },
  'maps.export': { input: byId, result: documentSchema },
  /** A file to save: the slide deck (pdf, pptx), the journey grid or a view of it (png, svg), or the map (json). */
  'maps.exportFile': {
    input: z.object({
      id: idSchema,
      format: z.enum(['pdf', 'pptx', 'agreement-pdf', 'agreement-md', 'png', 'svg', 'json', 'csv']),
      view: exportViewSchema.optional(),
      /** Pixels per canvas unit for PNG; 2 × the on-screen zoom gives a crisp slide image. */
      scale: z.number().min(0.25).max(4).optional(),
    }),
    result: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  },
  /** Starts an export as a job, drawn off the host's event loop; maps.exportStatus reports its progress. */
  'maps.exportStart': {
    input: z.object({
      id: idSchema,
      format: z.enum(['pdf', 'pptx', 'agreement-pdf', 'agreement-md', 'png', 'svg', 'json', 'csv']),
      view: exportViewSchema.optional(),
      scale: z.number().min(0.25).max(4).optional(),
    }),
    result: z.object({ jobId: idSchema }),
  },
  /** How far an export job is. The answer that reports it done carries the file, once; a failed export is an error. */
  'maps.exportStatus': {
    input: z.object({ jobId: idSchema }),
    result: z.object({
      done: z.boolean(),
      /** Share of the work done, 0 to 1. */
      fraction: z.number().min(0).max(1),
      /** What it is doing, for the progress bar's label ("Drawing slide 12 of 169"). */
      stage: z.string(),
      file: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }).optional(),
    }),
  },
  'versions.list': { input: z.object({ mapId: idSchema }), result: z.array(versionSummarySchema) },
  /** Snapshots the map as stored; the editor saves pending edits first. */
  'versions.save': { input: z.object({ mapId: idSchema, name: labelSchema() }), result: versionSummarySchema },
  'versions.get': { input: byId, result: z.object({ version: versionSummarySchema, map: journeyMapSchema }) },
  'versions.delete': { input: byId, result: byId },
  /**
   * Stores one batch of a window's edits, merged with what other windows stored meanwhile, in one
   * transaction or not at all. A batch id sent again returns the change stored the first time.
   */
  'maps.storeChange': {
    input: z.object({ id: idSchema, clientId: clientTokenSchema, batchId: clientTokenSchema, ops: z.array(mapOpSchema).min(1).max(MAX_OPS_PER_CHANGE) }),
    result: storedChangeSchema,
  },
  /** The changes stored after a revision, for a window catching up; `reset` when it must reload the map. */
  'maps.changes': {
    input: z.object({ id: idSchema, since: z.number().int().min(0) }),
    result: z.union([z.object({ changes: z.array(storedChangeSchema) }), z.object({ reset: z.literal(true) })]),
  },
  ...roomChannels,
} as const;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
// Compile-time check that the preload's channel list and the contract name the same channels.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const channelListMatches: SameKeys<Channel, ChannelName> = true;
void channelListMatches;
export type ApiInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ApiResult<C extends Channel> = z.output<ApiContract[C]['result']>;
export const CHANNELS = Object.keys(apiContract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(apiContract, value);
}

export const API_ERROR_CODES = ['invalid-input', 'not-found', 'invalid-document', 'conflict', 'forbidden', 'unavailable', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Both transports carry results in this envelope, so an error keeps its code and message across IPC. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: ApiErrorCode; message: string } };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The typed client the renderer uses; a transport turns it into IPC or HTTP. */
export type ApiTransport = (channel: Channel, input: unknown) => Promise<ApiEnvelope<unknown>>;

export type ApiClient = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiResult<C>> };

export function createApiClient(transport: ApiTransport): ApiClient {
  const client = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    client[channel] = async (input) => {
      const envelope = await transport(channel, input);
      if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
      return envelope.value;
    };
  }
  return client as ApiClient;
}
