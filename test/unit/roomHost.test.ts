import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { startHost, PARTICIPANT_HEADER, TOKEN_HEADER, type RunningHost } from '../../electron/host/server';
import type { RoomEvent, RoomState } from '../../shared/api/room';
import { tempDir } from './helpers';

let running: { host: RunningHost; backend: Backend } | undefined;
afterEach(async () => {
  await running?.backend.room.stop();
  await running?.host.close();
  running?.backend.close();
  running = undefined;
});

/** A host like `serve --lan --invite-host 127.0.0.1`: only loopback is ever contacted. */
async function start({ lan = true } = {}) {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  const backend = await startBackend(tempDir(), { backups: false });
  const host = await startHost({ dispatch: backend.dispatch, staticDir, port: 0, room: backend.room, watchMap: (id, since, send) => backend.sessions.watch(id, since, send) });
  if (lan) backend.room.setNetwork({ open: () => host.openLan('127.0.0.1'), close: () => host.closeLan() });
  running = { host, backend };
  return { host, backend };
}

function post(host: RunningHost, channel: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: `/api/${channel}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Reads a server-sent event stream until it ends or `until` says enough; bounded by a timeout. */
function readStream(host: RunningHost, streamPath: string, headers: Record<string, string>, until: (events: any[]) => boolean, onOpen?: () => void) {
  return new Promise<{ status: number; events: any[]; ended: boolean }>((resolve, reject) => {
    const events: any[] = [];
    const timer = setTimeout(() => (req.destroy(), reject(new Error(`stream ${streamPath}: gave up with ${JSON.stringify(events).slice(0, 400)}`))), 5_000);
    const req = http.get({ host: '127.0.0.1', port: host.port, path: streamPath, headers }, (res) => {
      if (res.statusCode !== 200) {
        clearTimeout(timer);
        res.resume();
        return resolve({ status: res.statusCode!, events, ended: true });
      }
      onOpen?.();
      let buffer = '';
      res.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('data: ')) events.push(JSON.parse(block.slice(6)));
          if (until(events)) {
            clearTimeout(timer);
            req.destroy();
            resolve({ status: 200, events, ended: false });
          }
        }
      });
      res.on('end', () => (clearTimeout(timer), resolve({ status: 200, events, ended: true })));
    });
    req.on('error', () => {});
  });
}

async function sharedMap(host: RunningHost) {
  const owner = { [TOKEN_HEADER]: host.token };
  const map = (await post(host, 'maps.create', { name: 'Room map', template: 'b2b-funnel' }, owner)).body.value;
  const other = (await post(host, 'maps.create', { name: 'Private map', template: 'blank' }, owner)).body.value;
  const started = await post(host, 'room.start', { mapId: map.id }, owner);
  expect(started.body.ok).toBe(true);
  const state = started.body.value as RoomState;
  const invite = /#join=([A-Za-z0-9_-]+)$/.exec(state.inviteUrl!)![1]!;
  return { owner, map, other, state, invite };
}

async function join(host: RunningHost, invite: string, name: string) {
  const joined = await post(host, 'room.join', { invite, name });
  expect(joined.body).toMatchObject({ ok: true });
  return { [PARTICIPANT_HEADER]: joined.body.value.token as string, personId: joined.body.value.personId as string };
}

describe('room session on the host', () => {
  it('Invite is refused unless the host was started to allow the local network', async () => {
    const { host } = await start({ lan: false });
    const owner = { [TOKEN_HEADER]: host.token };
    const map = (await post(host, 'maps.create', { name: 'Room map', template: 'blank' }, owner)).body.value;
    const refused = await post(host, 'room.start', { mapId: map.id }, owner);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('--lan') } });
  });

  it('the join link names the invite host and carries at least 128 random bits, distinct from the token', async () => {
    const { host } = await start();
    const { state, invite } = await sharedMap(host);
    expect(state.inviteUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#join=`));
    expect(Buffer.from(invite, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(invite).not.toContain(host.token);
    expect(state.people).toEqual([expect.objectContaining({ name: 'Facilitator', role: 'facilitator' })]);
  });

  it('accepts requests naming the announced invite host only while sharing', async () => {
    const { host, backend } = await start({ lan: false });
    backend.room.setNetwork({ open: () => host.openLan('facilitator.local'), close: () => host.closeLan() });
    const owner = { [TOKEN_HEADER]: host.token };
    const map = (await post(host, 'maps.create', { name: 'Room map', template: 'blank' }, owner)).body.value;
    const asNamed = (name: string) => post(host, 'room.state', {}, { ...owner, host: `${name}:${host.port}`, origin: `http://${name}:${host.port}` });
    expect((await asNamed('facilitator.local')).status).toBe(403);
    const started = (await post(host, 'room.start', { mapId: map.id }, owner)).body.value as RoomState;
    expect(started.inviteUrl).toMatch(new RegExp(`^http://facilitator\\.local:${host.port}/#join=`));
    expect((await asNamed('facilitator.local')).status).toBe(200);
    expect((await asNamed('evil.example')).status).toBe(403);
    await post(host, 'room.stop', {}, owner);
    expect((await asNamed('facilitator.local')).status).toBe(403);
  });

  it('without a valid invite nothing but joining is answered, and joins are rate-limited', async () => {
    const { host } = await start();
    const { map, invite } = await sharedMap(host);
    expect((await post(host, 'maps.open', { id: map.id })).status).toBe(401);
    expect((await post(host, 'room.state', {})).status).toBe(401);
    expect((await readStream(host, `/api/events/${map.id}?since=0`, {}, () => true)).status).toBe(401);
    expect((await readStream(host, '/api/room/events', {}, () => true)).status).toBe(401);
    expect((await post(host, 'maps.open', { id: map.id }, { [PARTICIPANT_HEADER]: invite })).status).toBe(401);
    const wrong = await post(host, 'room.join', { invite: invite.slice(0, -2) + 'xx', name: 'Mallory' });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('not valid') } });
    const results = [];
    for (let attempt = 0; attempt < 12; attempt++) results.push((await post(host, 'room.join', { invite: 'x'.repeat(43), name: 'Guess' })).body.error?.message);
    expect(results.at(-1)).toContain('Too many attempts');
    // The real invite is refused too from an address that has spent its attempts.
    expect((await post(host, 'room.join', { invite, name: 'Ana' })).body.error.message).toContain('Too many attempts');
  });

  it('a participant reaches the shared map and the room only; a view-only participant’s edit is refused by the host', async () => {
    const { host } = await start();
    const { owner, map, other, invite } = await sharedMap(host);
    const ana = await join(host, invite, 'Ana');
    const { personId, ...anaHeaders } = ana;

    const opened = await post(host, 'maps.open', { id: map.id }, anaHeaders);
    expect(opened.body.ok).toBe(true);
    for (const [channel, input] of [
      ['maps.list', {}],
      ['maps.open', { id: other.id }],
      ['maps.export', { id: map.id }],
      ['versions.list', { mapId: map.id }],
      ['maps.delete', { id: map.id }],
      ['room.setRole', { personId, role: 'edit' }],
      ['room.stop', {}],
    ] as const) {
      const answer = await post(host, channel, input, anaHeaders);
      expect(answer.body, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await readStream(host, `/api/events/${other.id}?since=0`, anaHeaders, () => true)).status).toBe(403);

    const stage = opened.body.value.map.stages[0].id;
    const add = (batchId: string, id: string) =>
      post(host, 'maps.storeChange', { id: map.id, clientId: 'ana', batchId, ops: [{ op: 'add', path: ['touchpoints', id], value: { id, stageId: stage, title: 'Trade show booth', ownerTeamIds: [], supportTeamIds: [], promises: [], order: 0 } }] }, anaHeaders);
    expect((await add('b1', 'tp-ana')).body.ok).toBe(true);
    const rules = await post(host, 'maps.storeChange', { id: map.id, clientId: 'ana', batchId: 'b2', ops: [{ op: 'set', path: ['rules', 'unowned-touchpoint'], value: 'off' }] }, anaHeaders);
    expect(rules.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The facilitator's feed names who did what.
    const state = (await post(host, 'room.state', {}, owner)).body.value as RoomState;
    expect(state.feed[0]).toMatchObject({ name: 'Ana', text: 'added “Trade show booth”' });
    expect((await post(host, 'room.state', {}, anaHeaders)).body.value).toMatchObject({ feed: [], you: personId });
    expect((await post(host, 'room.state', {}, anaHeaders)).body.value.inviteUrl).toBeUndefined();

    await post(host, 'room.setRole', { personId, role: 'view' }, owner);
    const refused = await add('b3', 'tp-ana-2');
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Can view') } });
    const stored = (await post(host, 'maps.get', { id: map.id }, owner)).body.value;
    expect(stored.touchpoints.map((t: { id: string }) => t.id)).toEqual(['tp-ana']);
  });

  it('presence and people reach every window; Stop sharing ends every participant’s access and their streams at once', async () => {
    const { host } = await start();
    const { owner, map, invite } = await sharedMap(host);
    const ana = await join(host, invite, 'Ana');
    const ben = await join(host, invite, 'Ana');
    const { personId: anaId, ...anaHeaders } = ana;
    const { personId: benId, ...benHeaders } = ben;

    // Ben sees Ana's selection in her colour, and both as online.
    const benView = readStream(host, '/api/room/events', benHeaders, (events) =>
      events.some((e: RoomEvent) => e.type === 'room' && e.state.people.find((p) => p.id === anaId)?.selection[0] === 'stage-x' && e.state.people.every((p) => p.online)),
    );
    const anaRoom = readStream(host, '/api/room/events', anaHeaders, (events) => events.some((e) => e.type === 'ended'));
    const anaMap = readStream(host, `/api/events/${map.id}?since=0`, anaHeaders, () => false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await post(host, 'room.presence', { selection: ['stage-x'] }, anaHeaders);
    const seen = (await benView).events.at(-1) as Extract<RoomEvent, { type: 'room' }>;
    const people = seen.state.people;
    expect(people.map((p) => p.name)).toEqual(['Facilitator', 'Ana', 'Ana (2)']);
    expect(new Set(people.map((p) => p.colour)).size).toBe(3);
    expect(seen.state.you).toBe(benId);

    await post(host, 'room.stop', {}, owner);
    const ended = await anaRoom;
    expect(ended.events.at(-1)).toEqual({ type: 'ended', reason: 'The facilitator stopped sharing.' });
    expect((await anaMap).ended).toBe(true);
    expect((await post(host, 'maps.open', { id: map.id }, anaHeaders)).status).toBe(401);
    expect((await post(host, 'room.join', { invite, name: 'Late' })).status).toBe(401);
    // The facilitator's own session goes on.
    expect((await post(host, 'maps.open', { id: map.id }, owner)).body.ok).toBe(true);
  });
});
