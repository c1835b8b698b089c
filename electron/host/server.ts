import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { MAX_DOCUMENT_BYTES } from '../../shared/format/document';
import { contentTypeOf, resolveStaticPath } from './staticFiles';
import { SECURITY_HEADERS, answerClientError, sendJson } from './responses';
import { BodyTooLarge, RequestAborted, readBody } from './requestBody';
import { openEventStream, streamMapEvents, type WatchMap } from './eventStream';
import { lanAddresses, listenOnLan, type LanListeners } from './lanListeners';
import { OWNER, type Caller } from '../api/caller';
import { FACILITATOR_ID, type RoomService } from '../room/roomService';
import { ENDED_MESSAGE } from '../room/roomAccess';

/** Header that carries the per-run token on every API call. */
export const TOKEN_HEADER = 'x-throughline-token';
/** Header that carries a room participant's own token (never the facilitator's). */
export const PARTICIPANT_HEADER = 'x-throughline-participant';
/** Someone without any token may only join the room: a name and an invite code fit in this. */
const MAX_GUEST_BODY_BYTES = 4 * 1024;
/** An import of the largest accepted document, plus room for the JSON envelope around it. */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 1024 * 1024;
/** What a client sees when something failed that should not have: the details go to the log only. */
export const INTERNAL_ERROR_MESSAGE = 'Internal error — see the log.';

export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  port?: number;
  /** Fixed only by tests; a fresh random token otherwise. */
  token?: string;
  /** Live map sessions: where a window's event stream subscribes to a map. */
  watchMap?: WatchMap;
  /** The room session: participants' calls and streams are checked against it. */
  room?: RoomService;
  /** Where failures of the host itself are reported; console.error by default. */
  logError?: (error: unknown, context: string) => void;
}

/** The host opened to the local network for the room: the join link's origin and the addresses listened on. */
export interface LanOpening {
  origin: string;
  addresses: string[];
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  /**
   * Also listens on the LAN addresses, same port, and accepts requests naming them (and `inviteHost`,
   * the host named in join links). The facilitator's token is never accepted from the network.
   */
  openLan(inviteHost?: string): Promise<LanOpening>;
  closeLan(): Promise<void>;
  close(): Promise<void>;
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The path of a request target, or undefined when it is not a URL at all. */
function pathnameOf(target: string | undefined, base: string): string | undefined {
  try {
    return new URL(target ?? '/', base).pathname;
  } catch {
    return undefined;
  }
}

const isLoopback = (address: string | undefined) => !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

const MISSING_FILE_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG']);

/**
 * The browser host: serves the renderer and carries the API over HTTP, on 127.0.0.1 only. Every API
 * call needs the per-run token; requests naming another host or origin (DNS rebinding, other sites) are refused.
 * Any page in the user's browser can send it requests, so no request — however malformed — may take it down:
 * each one is answered (4xx for what the client got wrong, a generic 500 for the rest) and the host keeps serving.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = options.staticDir;
  const logError = options.logError ?? ((error, context) => console.error(`[throughline] ${context}`, error));
  let allowedHosts = new Set<string>();
  let loopbackHosts: string[] = [];
  let origin = '';
  const isAllowedOrigin = (value: string) => allowedHosts.has(value.replace(/^http:\/\//, ''));
  const room = options.room;

  /**
   * Who sends a request: the facilitator (the per-run token, and only over loopback), a participant of
   * the room (their own token, while the session lasts), or a guest; undefined for a participant whose
   * access has ended.
   */
  function callerOf(req: http.IncomingMessage): Caller | undefined {
    const address = req.socket.remoteAddress ?? 'unknown';
    if (isLoopback(req.socket.localAddress) && sameToken(req.headers[TOKEN_HEADER], token)) return OWNER;
    const pass = req.headers[PARTICIPANT_HEADER];
    if (typeof pass === 'string' && pass) return room?.participant(pass) ? { kind: 'participant', token: pass, address } : undefined;
    return { kind: 'guest', address };
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'API calls must use POST.' });
    const caller = callerOf(req);
    if (!caller) return sendJson(res, 401, { error: ENDED_MESSAGE, ended: true });
    if (caller.kind === 'guest' && !(channel === 'room.join' && room?.sharedMapId)) {
      return sendJson(res, 401, { error: 'Missing or wrong session token. Open the URL that `throughline serve` printed.' });
    }
    let body: string;
    try {
      body = await readBody(req, caller.kind === 'guest' ? MAX_GUEST_BODY_BYTES : MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestAborted) return;
      if (error instanceof BodyTooLarge) {
        // Answer, then drop the connection rather than read the rest of an oversized upload.
        res.setHeader('connection', 'close');
        res.once('finish', () => req.socket.destroy());
        return sendJson(res, 413, { error: 'The request body is too large.' });
      }
      throw error;
    }
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
    }
    sendJson(res, 200, await options.dispatch(channel, input, caller));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, mapId: string) {
    const caller = callerOf(req);
    if (!caller || caller.kind === 'guest') return sendJson(res, 401, { error: caller ? 'Missing or wrong session token.' : ENDED_MESSAGE });
    if (!options.watchMap) return sendJson(res, 404, { error: 'Not found.' });
    let id: string;
    try {
      id = decodeURIComponent(mapId);
    } catch {
      return sendJson(res, 400, { error: 'That is not a map id.' });
    }
    if (caller.kind === 'participant' && id !== room?.sharedMapId) return sendJson(res, 403, { error: 'A participant can open the shared map only.' });
    const stream = streamMapEvents(req, res, options.watchMap, id, new URL(req.url ?? '/', origin).searchParams);
    // A participant's stream ends the moment their access does.
    if (stream && caller.kind === 'participant') stream.onClose(room!.onRevoked(room!.participant(caller.token)!.id, () => stream.end()));
  }

  /** The room's state, pushed to the facilitator's and each participant's window after every change. */
  function handleRoomEvents(req: http.IncomingMessage, res: http.ServerResponse) {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'The event stream is read with GET.' });
    const caller = callerOf(req);
    if (!caller || caller.kind === 'guest') return sendJson(res, 401, { error: caller ? 'Missing or wrong session token.' : ENDED_MESSAGE, ended: !caller });
    if (!room) return sendJson(res, 404, { error: 'Not found.' });
    const personId = caller.kind === 'owner' ? FACILITATOR_ID : room.participant(caller.token)!.id;
    const stream = openEventStream(req, res);
    stream.onClose(room.subscribe(personId, (event) => stream.send(event)));
    if (caller.kind === 'participant') stream.onClose(room.onRevoked(personId, () => stream.end()));
  }

  async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed.' });
    const resolved = resolveStaticPath(staticRoot, pathname);
    if (!resolved.ok) return sendJson(res, 400, { error: 'Bad request path.' });
    let data: Buffer;
    try {
      data = await fs.readFile(resolved.file);
    } catch (error) {
      if (MISSING_FILE_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return sendJson(res, 404, { error: 'Not found.' });
      throw error;
    }
    if (res.headersSent || res.destroyed) return;
    const isIndex = path.basename(resolved.file) === 'index.html';
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': contentTypeOf(resolved.file),
      'content-length': data.length,
      'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 403, { error: 'Unexpected Host header.' });
    if (req.headers.origin && !isAllowedOrigin(req.headers.origin)) return sendJson(res, 403, { error: 'Cross-origin requests are refused.' });
    const pathname = pathnameOf(req.url, origin);
    if (pathname === undefined) return sendJson(res, 400, { error: 'Bad request URL.' });
    if (pathname === '/api/room/events') return handleRoomEvents(req, res);
    const events = /^\/api\/events\/([^/]+)$/.exec(pathname);
    if (events) return handleEvents(req, res, events[1]!);
    const api = /^\/api\/([A-Za-z.]+)$/.exec(pathname);
    return api ? handleApi(req, res, api[1]!) : handleStatic(req, res, pathname);
  }

  function failed(req: http.IncomingMessage, res: http.ServerResponse, error: unknown) {
    logError(error, `${req.method} ${String(req.url).slice(0, 200)} failed:`);
    if (res.headersSent) return void res.destroy();
    const isApi = String(req.url).startsWith('/api/');
    sendJson(res, 500, isApi ? { ok: false, error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE } } : { error: INTERNAL_ERROR_MESSAGE });
  }

  const handler: http.RequestListener = (req, res) => {
    // A client that resets mid-request surfaces here; the request is simply over.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      route(req, res).catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  };
  const configure = (listener: http.Server) => {
    listener.on('clientError', answerClientError);
    listener.requestTimeout = 60_000;
    listener.headersTimeout = 20_000;
  };
  const server = http.createServer(handler);
  configure(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a server error (such as running out of file descriptors) is logged, not fatal.
  server.on('error', (error) => logError(error, 'the browser host'));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  loopbackHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  allowedHosts = new Set(loopbackHosts);

  let lan: LanListeners | undefined;
  const closeLan = async () => {
    allowedHosts = new Set(loopbackHosts);
    const closing = lan;
    lan = undefined;
    await closing?.close();
  };
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    openLan: async (inviteHost) => {
      lan ??= await listenOnLan(handler, configure, port, lanAddresses(), logError);
      const announced = inviteHost ?? lan.addresses[0] ?? '127.0.0.1';
      allowedHosts = new Set([...loopbackHosts, ...[...lan.addresses, announced].map((address) => `${urlHost(address)}:${port}`)]);
      return { origin: `http://${urlHost(announced)}:${port}`, addresses: lan.addresses.map((address) => `http://${urlHost(address)}:${port}`) };
    },
    closeLan,
    close: async () => {
      await closeLan();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
