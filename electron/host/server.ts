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
import { streamMapEvents, type WatchMap } from './eventStream';

/** Header that carries the per-run token on every API call. */
export const TOKEN_HEADER = 'x-throughline-token';
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
  /** Where failures of the host itself are reported; console.error by default. */
  logError?: (error: unknown, context: string) => void;
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
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
  let origin = '';
  const isAllowedOrigin = (value: string) => allowedHosts.has(value.replace(/^http:\/\//, ''));

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'API calls must use POST.' });
    if (!sameToken(req.headers[TOKEN_HEADER], token)) {
      return sendJson(res, 401, { error: 'Missing or wrong session token. Open the URL that `throughline serve` printed.' });
    }
    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof RequestAborted) return;
      if (error instanceof BodyTooLarge) {
        // Answer, then drop the connection rather than read the rest of an oversized upload.
        res.setHeader('connection', 'close');
        res.once('finish', () => req.socket.destroy());
        return sendJson(res, 413, { error: `Request body is larger than ${MAX_BODY_BYTES} bytes.` });
      }
      throw error;
    }
    let input: unknown;
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request body is not valid JSON.' } });
    }
    sendJson(res, 200, await options.dispatch(channel, input));
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, mapId: string) {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) return sendJson(res, 401, { error: 'Missing or wrong session token.' });
    if (!options.watchMap) return sendJson(res, 404, { error: 'Not found.' });
    let id: string;
    try {
      id = decodeURIComponent(mapId);
    } catch {
      return sendJson(res, 400, { error: 'That is not a map id.' });
    }
    streamMapEvents(req, res, options.watchMap, id, new URL(req.url ?? '/', origin).searchParams);
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

  const server = http.createServer((req, res) => {
    // A client that resets mid-request surfaces here; the request is simply over.
    req.on('error', () => {});
    res.on('error', () => {});
    try {
      route(req, res).catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  });
  server.on('clientError', answerClientError);
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

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
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
