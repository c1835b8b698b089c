import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { MAX_DOCUMENT_BYTES } from '../../shared/format/document';
import { CONTENT_SECURITY_POLICY } from './contentSecurity';
import { contentTypeOf, resolveStaticFile } from './staticFiles';

/** Header that carries the per-run token on every API call. */
export const TOKEN_HEADER = 'x-throughline-token';
/** An import of the largest accepted document, plus room for the JSON envelope around it. */
export const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 1024 * 1024;


export interface HostOptions {
  dispatch: Dispatch;
  /** The built renderer (index.html and its assets). */
  staticDir: string;
  port?: number;
  /** Fixed only by tests; a fresh random token otherwise. */
  token?: string;
}

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser host: serves the renderer and carries the API over HTTP, on 127.0.0.1 only. Every API
 * call needs the per-run token; requests naming another host or origin (DNS rebinding, other sites) are refused.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = options.staticDir;
  let allowedHosts = new Set<string>();
  let origin = '';
  const isAllowedOrigin = (value: string) => allowedHosts.has(value.replace(/^http:\/\//, ''));

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'API calls must use POST.' });
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendJson(res, 401, { error: 'Missing or wrong session token. Open the URL that `throughline serve` printed.' });
    }
    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (error) {
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

  function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed.' });
    const file = resolveStaticFile(staticRoot, pathname);
    if (!file) return sendJson(res, 404, { error: 'Not found.' });
    fs.readFile(file, (error, data) => {
      if (error) return sendJson(res, 404, { error: 'Not found.' });
      const isIndex = path.basename(file) === 'index.html';
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': contentTypeOf(file),
        'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  }

  const server = http.createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) return sendJson(res, 403, { error: 'Unexpected Host header.' });
    if (req.headers.origin && !isAllowedOrigin(req.headers.origin)) return sendJson(res, 403, { error: 'Cross-origin requests are refused.' });
    const { pathname } = new URL(req.url ?? '/', origin);
    const api = /^\/api\/([A-Za-z.]+)$/.exec(pathname);
    const work = api ? handleApi(req, res, api[1]!) : Promise.resolve(handleStatic(req, res, pathname));
    work.catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error.' });
    });
  });
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
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
