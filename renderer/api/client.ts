import { createApiClient, type ApiEnvelope, type ApiTransport } from '../../shared/api/contract';
import type { PreloadApi } from '../../shared/api/channels';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload script exposes the API contract. */
    throughline?: PreloadApi;
  }
}

const TOKEN_KEY = 'throughline.token';
const TOKEN_HEADER = 'x-throughline-token';

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
  return async (channel, input) => {
    if (!token) return unavailable('This page was opened without its session token. Open the address that `throughline serve` printed.');
    let response: Response;
    try {
      response = await fetch(`./api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return unavailable('Throughline is not reachable. Is `throughline serve` still running?');
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

/** The same typed API in both shells; the renderer cannot tell them apart. */
export const api = createApiClient(window.throughline ? ipcTransport(window.throughline) : httpTransport(sessionToken()));
