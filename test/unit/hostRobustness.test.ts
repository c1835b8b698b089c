import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { startHost, type RunningHost } from '../../electron/host/server';
import type { Dispatch } from '../../electron/api/dispatch';
import { tempDir } from './helpers';
import { callApi, rawRequest, request } from './rawHttp';

let running: { host: RunningHost; backend?: Backend } | undefined;
afterEach(async () => {
  await running?.host.close();
  running?.backend?.close();
  running = undefined;
  vi.restoreAllMocks();
});

function staticDir(): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Throughline</title>');
  return dir;
}

async function start(dispatch?: Dispatch) {
  const backend = dispatch ? undefined : await startBackend(tempDir(), { logError: () => {} });
  const host = await startHost({ dispatch: dispatch ?? backend!.dispatch, staticDir: staticDir(), port: 0 });
  running = { host, backend };
  return host;
}

const get = (host: RunningHost, target: string) => rawRequest(host.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);

async function expectStillServing(host: RunningHost) {
  const list = await callApi(host.port, host.token, 'maps.list');
  expect(list.status).toBe(200);
  expect(list.envelope.ok).toBe(true);
}

describe('the browser host survives hostile requests', () => {
  it('answers GET /%00 without the token with 400, and keeps serving', async () => {
    const host = await start();
    const answer = await get(host, '/%00');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Bad request path.' });
    await expectStillServing(host);
  });

  it('answers bad paths with 400: NUL, invalid percent-encoding, escaping the app folder, over-long', async () => {
    const host = await start();
    for (const target of ['/assets/%00.js', '/%zz', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5csecret', `/${'a'.repeat(5_000)}`]) {
      expect((await get(host, target)).status, target).toBe(400);
    }
    // Paths that merely do not exist stay 404.
    expect((await get(host, '/missing.js')).status).toBe(404);
    await expectStillServing(host);
  });

  it('answers a URL that cannot be parsed with 400 instead of crashing', async () => {
    const host = await start();
    for (const target of ['//[', 'http://[::1', '//a b/']) {
      const answer = await get(host, target);
      expect(answer.status, target).toBe(400);
    }
    await expectStillServing(host);
  });

  it('refuses odd methods, huge headers and broken request lines, and keeps serving', async () => {
    const host = await start();
    expect((await rawRequest(host.port, `BREW / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)).status).toBe(400);
    expect((await rawRequest(host.port, `DELETE / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`)).status).toBe(405);
    expect((await rawRequest(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Big: ${'b'.repeat(70_000)}\r\n\r\n`)).status).toBe(431);
    expect((await rawRequest(host.port, 'not http at all\r\n\r\n')).status).toBe(400);
    expect((await rawRequest(host.port, `POST /api/maps.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: -5\r\n\r\n`)).status).toBe(400);
    await expectStillServing(host);
  });

  it('survives a client that drops the connection in the middle of a body, or lies about its length', async () => {
    const host = await start();
    const head = `POST /api/maps.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nx-throughline-token: ${host.token}\r\nContent-Type: application/json\r\n`;
    await rawRequest(host.port, `${head}Content-Length: 1000\r\n\r\n{"par`, { destroyAfterWrite: true });
    // Promises 1000 bytes, sends 2, then waits: the host must not hang on it forever, nor stop answering others.
    const lying = rawRequest(host.port, `${head}Content-Length: 1000\r\n\r\n{}`, { timeoutMs: 300 });
    await expectStillServing(host);
    expect((await lying).status).toBe(0);
    // Says 2, sends more: the rest is read as the next request, which is garbage and closes the connection.
    const extra = await rawRequest(host.port, `${head}Content-Length: 2\r\n\r\n{}garbage garbage\r\n\r\n`);
    expect([200, 400]).toContain(extra.status);
    await expectStillServing(host);
  });

  it('turns an unexpected failure into a 500 with a generic message, and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const host = await start(async (channel) => {
      calls += 1;
      if (calls === 1) throw new Error('SQLITE_CORRUPT: database disk image is malformed at /home/someone/secret.db');
      return { ok: true, value: [channel] };
    });
    const failed = await callApi(host.port, host.token, 'maps.list').catch(() => undefined);
    const raw = await request(host.port, { path: '/api/maps.list', method: 'POST', headers: { 'x-throughline-token': host.token }, body: '{}' });
    expect(raw.status).toBe(200);
    expect(failed).toBeDefined();
    expect(failed!.status).toBe(500);
    expect(JSON.stringify(failed!.envelope)).not.toMatch(/SQLITE|secret|at \//);
    expect(failed!.envelope).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error — see the log.' } });
    expect(errors).toHaveBeenCalled();
  });
});
