import { createApiClient, mapEventSchema, type ApiEnvelope, type ApiTransport, type MapEvent } from '../../shared/api/contract';
import type { PreloadApi } from '../../shared/api/channels';
import { roomEventSchema, type RoomEvent } from '../../shared/api/room';
import { accessEnded, pendingInvite, roomPass } from './roomPass';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload script exposes the API contract. */
    throughline?: PreloadApi;
  }
}

const TOKEN_KEY = 'throughline.token';
const TOKEN_HEADER = 'x-throughline-token';
const PARTICIPANT_HEADER = 'x-throughline-participant';

/**
 * The browser host prints a URL with `#token=…`. Keep the token for this tab (so a reload works) and
 * take it out of the address bar so it is not shared by copying the URL.
 */
function sessionToken(): string | undefined {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** A room participant's window: its own pass, never the facilitator's token. */
const invite = pendingInvite();
const pass = invite ? undefined : roomPass();
const credentials: Record<string, string> = pass ? { [PARTICIPANT_HEADER]: pass.token } : {};

/** A participant's window: one shared map, no home screen. `invite` when it has a join link but has not joined yet. */
export const participation = pass ? { pass } : invite ? { invite } : undefined;

function unavailable(message: string): ApiEnvelope<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

function isEnvelope(body: unknown): body is ApiEnvelope<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (candidate.ok === true) return 'value' in candidate;
  return candidate.ok === false && typeof candidate.error?.code === 'string' && typeof candidate.error.message === 'string';
}

function httpTransport(token: string | undefined): ApiTransport {
  if (token) credentials[TOKEN_HEADER] = token;
  return async (channel, input) => {
    // Joining is the one call a window may make with no pass at all.
    if (!token && !pass && channel !== 'room.join') return unavailable('This page was opened without its session token. Open the address that `throughline serve` printed.');
    let response: Response;
    try {
      response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credentials },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return unavailable(pass ? 'The facilitator’s computer is not reachable. Still on the same network?' : 'Throughline is not reachable. Is `throughline serve` still running?');
    }
    if (response.status === 401 && pass) {
      accessEnded.notify();
      return { ok: false, error: { code: 'forbidden', message: 'Your access to this map has ended: the facilitator stopped sharing it.' } };
    }
    if (response.status === 401) return unavailable('The session token was refused. Open the address that `throughline serve` printed this time.');
    if (response.status === 413) return { ok: false, error: { code: 'invalid-input', message: 'That is too large to send to Throughline.' } };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (isEnvelope(body)) return body;
    return { ok: false, error: { code: 'internal', message: `Throughline answered with an unexpected response (HTTP ${response.status}).` } };
  };
}

function ipcTransport(preload: PreloadApi): ApiTransport {
  return (channel, input) => preload[channel](input) as Promise<ApiEnvelope<unknown>>;
}

const token = window.throughline || pass ? undefined : sessionToken();

/** The same typed API in both shells; the renderer cannot tell them apart. */
export const api = createApiClient(window.throughline ? ipcTransport(window.throughline) : httpTransport(token));

export interface MapWatchHandlers {
  onEvent(event: MapEvent): void;
  /** True once the stream is open, false while it is down and being re-opened. */
  onConnected?(connected: boolean): void;
}

const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000];
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

function parseWith<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (data: string): T | undefined => {
    try {
      const parsed = schema.safeParse(JSON.parse(data));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
}

interface StreamHandlers<T> {
  onEvent(event: T): void;
  onConnected?(connected: boolean): void;
}

/**
 * Browser host: a server-sent event stream, read with fetch (it carries the token header), re-opened
 * when it drops; `url` is asked again on each reconnect. A participant whose access ended stops here.
 */
function followStream<T>(url: () => string, parse: (data: string) => T | undefined, handlers: StreamHandlers<T>): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  void (async () => {
    for (let attempt = 0; !signal.aborted; attempt++) {
      try {
        const response = await fetch(url(), { headers: credentials, signal });
        if (response.status === 401 && pass) return accessEnded.notify();
        if (response.ok && response.body) {
          handlers.onConnected?.(true);
          attempt = 0;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
              const event = data ? parse(data) : undefined;
              if (event) handlers.onEvent(event);
            }
          }
        }
      } catch {
        // Dropped or refused: try again below.
      }
      if (signal.aborted) return;
      handlers.onConnected?.(false);
      await wait(RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!, signal);
    }
  })();
  return () => controller.abort();
}

const parseMapEvent = parseWith(mapEventSchema);
const parseRoomEvent = parseWith(roomEventSchema);

/** Desktop: the preload's event channel. */
function watchOverIpc(preload: PreloadApi, mapId: string, since: () => number, handlers: MapWatchHandlers): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  const start = (attempt: number) => {
    preload
      .watchMap(mapId, since(), (event) => {
        const parsed = mapEventSchema.safeParse(event);
        if (parsed.success) handlers.onEvent(parsed.data);
      })
      .then(
        (unwatch) => {
          if (stopped) return unwatch();
          stop = unwatch;
          handlers.onConnected?.(true);
        },
        () => !stopped && setTimeout(() => start(attempt + 1), RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]),
      );
  };
  start(0);
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Follows a map's live session: every change stored after the window's revision (`since` is asked
 * again on each reconnect), whichever window stored it. Returns the way to stop.
 */
export function watchMap(mapId: string, since: () => number, handlers: MapWatchHandlers): () => void {
  return window.throughline
    ? watchOverIpc(window.throughline, mapId, since, handlers)
    : followStream(() => `./api/events/${encodeURIComponent(mapId)}?since=${since()}`, parseMapEvent, handlers);
}

/** Follows the room session: this window's view of the room after every change, or that it ended. */
export function watchRoom(handlers: StreamHandlers<RoomEvent>): () => void {
  const preload = window.throughline;
  if (!preload) return followStream(() => './api/room/events', parseRoomEvent, handlers);
  let stopped = false;
  let stop: (() => void) | undefined;
  preload
    .watchRoom((event) => {
      const parsed = roomEventSchema.safeParse(event);
      if (parsed.success) handlers.onEvent(parsed.data);
    })
    .then((unwatch) => (stopped ? unwatch() : (stop = unwatch)), () => undefined);
  return () => {
    stopped = true;
    stop?.();
  };
}
