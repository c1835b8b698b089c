import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { startHost, type RunningHost } from '../../electron/host/server';
import { fullDocument, tempDir } from './helpers';
import { callApi, rawRequest } from './rawHttp';

/**
 * Throws random requests at a real host (127.0.0.1 only): odd paths, methods, headers, tokens, lying lengths and
 * bodies. After every batch the host must still answer a normal call, and no answer to a request without the
 * right token may contain anything of the stored map.
 */

/** Text that only the stored map contains: if a response shows it, map data leaked. */
const SECRET = 'Confidential-journey-7f3a9c';
const BATCHES = 150;
const MAX_REQUESTS_PER_BATCH = 8;

let backend: Backend;
let host: RunningHost;
let mapId: string;
let staticDir: string;

beforeAll(async () => {
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  backend = await startBackend(tempDir(), { logError: () => {} });
  host = await startHost({ dispatch: backend.dispatch, staticDir, port: 0, logError: () => {} });
  const document = fullDocument();
  document.map.name = `${SECRET} map`;
  document.map.description = `Notes: ${SECRET}`;
  const imported = await callApi(host.port, host.token, 'maps.import', { document });
  mapId = (imported.envelope.value as { map: { id: string } }).map.id;
});
afterAll(async () => {
  await host.close();
  backend.close();
});

type TokenChoice = 'absent' | 'right' | 'wrong' | 'right-with-junk';
type LengthChoice = 'exact' | 'absent' | 'shorter' | 'longer' | 'junk';

interface FuzzRequest {
  method: string;
  target: string;
  host: 'right' | 'localhost' | 'other' | 'absent' | 'empty';
  origin: 'absent' | 'right' | 'null' | 'other';
  token: TokenChoice;
  length: LengthChoice;
  body: string;
  extraHeaders: [string, string][];
}

const percentBytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const segment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2E%2E%2F', '..%5c', 'api', 'maps.list', 'maps.get', 'maps.export', 'index.html', 'assets', '%00', '%zz', '%', '%E0%A4%A', '~', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  percentBytes,
);
const target = fc.oneof(
  { weight: 3, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`) },
  { weight: 6, arbitrary: fc.constantFrom('/api/maps.list', '/api/maps.get', '/api/maps.export', '/api/maps.exportStatus', '/api/maps.nope', '/api/__proto__', '/api/constructor', '/api/', '/api/maps.list?x=1#y') },
  { weight: 1, arbitrary: fc.constantFrom('/%00', '/%zz', '//[', 'http://[::1', '*', '//', '/\u0000', 'http://127.0.0.1/api/maps.list', '/..%2f..%2fetc%2fpasswd') },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `/${'a'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.constant('/') },
);
const jsonBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.constantFrom('{}', '{"id":"ID"}', '{"id":"ID","format":"json"}', '{"jobId":"export-x"}', '{"id":null}', '[]', 'null', '"x"'),
  fc.integer({ min: 1, max: 100_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.integer({ min: 1_000, max: 2_000_000 }).map((n) => JSON.stringify({ id: 'x'.repeat(n) })),
);
const body = fc.oneof({ weight: 4, arbitrary: jsonBody }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }, { weight: 2, arbitrary: fc.constant('') });
const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
const headerValue = fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/) }, { weight: 1, arbitrary: fc.integer({ min: 100, max: 40_000 }).map((n) => 'v'.repeat(n)) });

const anyRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'BREW', 'get', 'P\u00d6ST'),
  target,
  host: fc.constantFrom('right', 'right', 'right', 'localhost', 'other', 'absent', 'empty'),
  origin: fc.constantFrom('absent', 'absent', 'right', 'null', 'other'),
  token: fc.constantFrom<TokenChoice>('absent', 'right', 'right', 'wrong', 'right-with-junk'),
  length: fc.oneof({ weight: 12, arbitrary: fc.constantFrom<LengthChoice>('exact', 'absent', 'shorter', 'junk') }, { weight: 1, arbitrary: fc.constant<LengthChoice>('longer') }),
  body,
  extraHeaders: fc.array(fc.tuple(headerName, headerValue), { maxLength: 2 }),
});
/** Requests that get past the host's checks, so the API behind them is fuzzed too, with and without the token. */
const apiCall: fc.Arbitrary<FuzzRequest> = fc.record({
  method: fc.constant('POST'),
  target: fc.constantFrom('/api/maps.list', '/api/maps.get', '/api/maps.export', '/api/maps.exportStatus', '/api/maps.versions', '/api/versions.list', '/api/maps.nope'),
  host: fc.constantFrom('right', 'localhost'),
  origin: fc.constantFrom('absent', 'right'),
  token: fc.constantFrom<TokenChoice>('right', 'right', 'absent', 'wrong'),
  length: fc.constant<LengthChoice>('exact'),
  body: jsonBody,
  extraHeaders: fc.constant([]),
});
const fuzzRequest = fc.oneof({ weight: 2, arbitrary: anyRequest }, { weight: 1, arbitrary: apiCall });

function encode(request: FuzzRequest): Buffer {
  const payload = Buffer.from(request.body.replaceAll('ID', mapId), 'utf8');
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  const hosts = { right: `127.0.0.1:${host.port}`, localhost: `localhost:${host.port}`, other: 'attacker.example', empty: '', absent: undefined };
  if (hosts[request.host] !== undefined) lines.push(`Host: ${hosts[request.host]}`);
  const origins = { right: host.origin, null: 'null', other: 'https://attacker.example', absent: undefined };
  if (origins[request.origin]) lines.push(`Origin: ${origins[request.origin]}`);
  const tokens = { right: host.token, wrong: `${host.token.slice(0, -2)}zz`, 'right-with-junk': `${host.token}x`, absent: undefined };
  if (tokens[request.token] !== undefined) lines.push(`x-throughline-token: ${tokens[request.token]}`);
  const lengths = { exact: String(payload.length), shorter: String(Math.max(0, payload.length - 3)), longer: String(payload.length + 50), junk: '12abc', absent: undefined };
  if (lengths[request.length] !== undefined) lines.push(`Content-Length: ${lengths[request.length]}`);
  for (const [name, value] of request.extraHeaders) lines.push(`${name}: ${value}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), payload]);
}

/** What a stack trace looks like in text: "    at fn (file.ts:12:3)". */
const STACK_FRAME = /\n\s+at .+:\d+:\d+/;

async function check(request: FuzzRequest) {
  // A body promised longer than sent gets no answer until the client gives up; do not wait long for it.
  const answer = await rawRequest(host.port, encode(request), { timeoutMs: request.length === 'longer' ? 300 : 5_000 });
  const text = `${JSON.stringify(answer.headers)}\n${answer.body}`;
  if (answer.status !== 0) {
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(600);
  }
  expect(text).not.toMatch(STACK_FRAME);
  if (request.token !== 'right') {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(mapId);
  }
  return answer.status;
}

async function expectHealthy() {
  const list = await callApi(host.port, host.token, 'maps.list', {}, 5_000);
  expect(list.status).toBe(200);
  expect(list.envelope.ok).toBe(true);
  expect(JSON.stringify(list.envelope.value)).toContain(SECRET);
}

describe('browser host under random requests', () => {
  it('answers or refuses every request, keeps serving, and shows map data only to the token', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzRequest, { minLength: 1, maxLength: MAX_REQUESTS_PER_BATCH }), async (batch) => {
        for (const request of batch) {
          const status = await check(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
        await expectHealthy();
      }),
      { numRuns: BATCHES, endOnFailure: true },
    );
    console.log(`host fuzz: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${count}× ${status || 'no answer'}`).join(', ')}`);
    // The fuzzer reached the API itself, not only the doors in front of it.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThan(3);
  }, 60_000);

  it('survives the requests known to have crashed it', async () => {
    for (const target of ['/%00', '//[', '/%zz', `/${'a'.repeat(5_000)}`]) {
      await check({ method: 'GET', target, host: 'right', origin: 'absent', token: 'absent', length: 'absent', body: '', extraHeaders: [] });
      await expectHealthy();
    }
  });
});
