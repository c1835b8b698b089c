import type http from 'node:http';
import type { MapEvent } from '../../shared/api/contract';
import { SECURITY_HEADERS, sendJson } from './responses';

/** Starts sending one map's events to a listener from a revision on; returns how to stop. */
export type WatchMap = (mapId: string, since: number, send: (event: MapEvent) => void) => () => void;

/** A comment line now and then keeps proxies and idle timers from closing a quiet stream. */
const KEEP_ALIVE_MS = 20_000;

export interface EventStream {
  send(event: unknown): void;
  /** Ends the stream from this side (the session ended for this window). */
  end(): void;
  /** Runs once when the stream is over, whichever side ended it. */
  onClose(cleanup: () => void): void;
}

/** Answers a request with a server-sent event stream that the caller writes JSON events to. */
export function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): EventStream {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  const cleanups: (() => void)[] = [];
  let closed = false;
  const keepAlive = setInterval(() => !res.destroyed && res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepAlive);
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  res.once('close', close);
  req.once('close', close);
  return {
    send: (event) => {
      if (!res.destroyed && !res.writableEnded) res.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    end: () => {
      if (!res.writableEnded) res.end();
      close();
    },
    onClose: (cleanup) => (closed ? cleanup() : cleanups.push(cleanup)),
  };
}

/**
 * A map's live changes as server-sent events (`GET /api/events/MAP?since=REV`, token in the header as
 * for every API call): the changes after `since` first, then each one as it is stored. The browser
 * reads it with fetch (EventSource cannot send the token header) and reconnects from its revision.
 * Returns the stream, or undefined when the request was answered with an error instead.
 */
export function streamMapEvents(req: http.IncomingMessage, res: http.ServerResponse, watch: WatchMap, mapId: string, query: URLSearchParams): EventStream | undefined {
  if (req.method !== 'GET') return void sendJson(res, 405, { error: 'The event stream is read with GET.' });
  const sinceText = query.get('since') ?? '0';
  const since = Number(sinceText);
  if (!/^\d{1,15}$/.test(sinceText) || !Number.isSafeInteger(since)) return void sendJson(res, 400, { error: '"since" must be a revision number.' });
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(mapId)) return void sendJson(res, 400, { error: 'That is not a map id.' });

  const stream = openEventStream(req, res);
  try {
    stream.onClose(watch(mapId, since, (event) => stream.send(event)));
  } catch (error) {
    // A map that is not there (any more): say so in the stream, then end it.
    if ((error as { code?: string }).code === 'not-found') stream.send({ type: 'deleted', mapId });
    else throw error;
    stream.end();
  }
  return stream;
}
