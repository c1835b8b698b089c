import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { startHost, MAX_BODY_BYTES, type RunningHost } from '../../electron/host/server';
import { tempDir } from './helpers';

let running: { host: RunningHost; backend: Backend } | undefined;
afterEach(async () => {
  await running?.host.close();
  running?.backend.close();
  running = undefined;
});

async function start() {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
  const backend = await startBackend(tempDir());
  const host = await startHost({ dispatch: backend.dispatch, staticDir, port: 0 });
  running = { host, backend };
  return host;
}

/** A raw request, so tests can send any Host header or path, as a hostile page or tool could. */
function request(host: RunningHost, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries a long random token', async () => {
    const host = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    const other = await startHost({ dispatch: running!.backend.dispatch, staticDir: tempDir(), port: 0 });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('answers API calls only with the token', async () => {
    const host = await start();
    const call = (headers: Record<string, string>) =>
      request(host, { path: '/api/maps.list', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    const refused = await call({});
    expect(refused.status).toBe(401);
    expect(refused.body).not.toContain('value');
    expect((await call({ 'x-throughline-token': host.token.slice(0, -1) + 'x' })).status).toBe(401);
    const ok = await call({ 'x-throughline-token': host.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] });
    // Every contract channel is reachable, camelCase names included.
    const patched = await request(host, {
      path: '/api/maps.storeChange',
      method: 'POST',
      headers: { 'x-throughline-token': host.token },
      body: JSON.stringify({ id: 'missing', clientId: 'w1', batchId: 'b1', ops: [{ op: 'set', path: ['name'], value: 'x' }] }),
    });
    expect(JSON.parse(patched.body)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses other Host headers (DNS rebinding) and other origins', async () => {
    const host = await start();
    expect((await request(host, { path: '/', headers: { host: 'attacker.example' } })).status).toBe(403);
    const crossOrigin = await request(host, {
      path: '/api/maps.list',
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'x-throughline-token': host.token },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
    expect((await request(host, { path: '/', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('caps request bodies and rejects malformed JSON with a message', async () => {
    const host = await start();
    const tooLarge = await request(host, {
      path: '/api/maps.import',
      method: 'POST',
      headers: { 'x-throughline-token': host.token },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(tooLarge.status).toBe(413);
    const malformed = await request(host, { path: '/api/maps.list', method: 'POST', headers: { 'x-throughline-token': host.token }, body: '{nope' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe('The request body is not valid JSON.');
    expect((await request(host, { path: '/api/maps.list', method: 'GET', headers: { 'x-throughline-token': host.token } })).status).toBe(405);
  });

  it('serves the renderer with a strict Content-Security-Policy, and nothing outside it', async () => {
    const host = await start();
    const index = await request(host, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("object-src 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(host, { path: '/assets/app.js' })).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await request(host, { path: '/../secret.txt' })).status).toBe(404);
    expect((await request(host, { path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
    expect((await request(host, { path: '/missing.js' })).status).toBe(404);
  });
});

describe('live map event stream', () => {
  it('needs the token, refuses a bad id or revision, and streams a map’s stored changes from a revision on', async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const backend = await startBackend(tempDir(), { backups: false });
    const host = await startHost({ dispatch: backend.dispatch, staticDir, port: 0, watchMap: (id, since, send) => backend.sessions.watch(id, since, send) });
    running = { host, backend };
    const created = (await backend.dispatch('maps.create', { name: 'Streamed', template: 'blank' })) as { ok: true; value: { id: string } };
    const mapId = created.value.id;
    await backend.dispatch('maps.storeChange', { id: mapId, clientId: 'w1', batchId: 'b1', ops: [{ op: 'set', path: ['name'], value: 'First' }] });
    const token = { 'x-throughline-token': host.token };
    expect((await request(host, { path: `/api/events/${mapId}?since=0` })).status).toBe(401);
    expect((await request(host, { path: `/api/events/%E0%A4%A?since=0`, headers: token })).status).toBe(400);
    expect((await request(host, { path: `/api/events/${mapId}?since=-1`, headers: token })).status).toBe(400);

    const events: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events/${mapId}?since=0`, headers: token }, (res) => {
        expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
        let buffer = '';
        res.on('data', (chunk) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
            events.push(JSON.parse(buffer.slice(6, end)));
            buffer = buffer.slice(end + 2);
            if (events.length === 1) void backend.dispatch('maps.storeChange', { id: mapId, clientId: 'w2', batchId: 'b2', ops: [{ op: 'set', path: ['name'], value: 'Second' }] });
            if (events.length === 2) {
              req.destroy();
              resolve();
            }
          }
        });
      });
      req.on('error', (error) => (events.length === 2 ? resolve() : reject(error)));
    });
    expect(events).toEqual([
      { type: 'change', change: expect.objectContaining({ revision: 1, clientId: 'w1', ops: [{ op: 'set', path: ['name'], value: 'First' }] }) },
      { type: 'change', change: expect.objectContaining({ revision: 2, clientId: 'w2', ops: [{ op: 'set', path: ['name'], value: 'Second' }] }) },
    ]);
    await expect.poll(() => backend.sessions.watcherCount(mapId)).toBe(0);
  });
});
