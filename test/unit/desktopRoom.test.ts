import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { desktopRoomNetwork } from '../../electron/room/desktopRoomHost';
import type { RoomState } from '../../shared/api/room';
import { tempDir } from './helpers';

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.room.stop();
  backend?.close();
  backend = undefined;
});

const call = async (origin: string, channel: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
};

it('the desktop app hosts the room from its main process: Invite starts a host for participants, the facilitator stays on IPC, Stop sharing closes it', async () => {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Throughline</title>');
  backend = await startBackend(tempDir(), { backups: false });
  backend.room.setNetwork(desktopRoomNetwork({ dispatch: backend.dispatch, sessions: backend.sessions, room: backend.room, staticDir, inviteHost: '127.0.0.1' }));

  // The facilitator's window calls through dispatch, as its IPC handlers do.
  const created = (await backend.dispatch('maps.create', { name: 'Desktop room', template: 'b2b-funnel' })) as { ok: true; value: { id: string } };
  const started = (await backend.dispatch('room.start', { mapId: created.value.id })) as { ok: true; value: RoomState };
  expect(started.ok).toBe(true);
  const link = new URL(started.value.inviteUrl!);
  expect(link.hostname).toBe('127.0.0.1');
  const invite = link.hash.replace('#join=', '');

  // The join page is served to anyone; the API only to those who joined.
  expect((await fetch(`${link.origin}/`)).status).toBe(200);
  expect((await call(link.origin, 'maps.list', {})).status).toBe(401);
  const joined = await call(link.origin, 'room.join', { invite, name: 'Ana' });
  expect(joined.body.ok).toBe(true);
  const pass = { 'x-throughline-participant': joined.body.value.token };
  const opened = await call(link.origin, 'maps.open', { id: created.value.id }, pass);
  expect(opened.body.value.map.name).toBe('Desktop room');
  const people = (await backend.dispatch('room.state', {})) as { ok: true; value: RoomState };
  expect(people.value.people.map((p) => p.name)).toEqual(['Facilitator', 'Ana']);

  await backend.dispatch('room.stop', {});
  await expect(fetch(`${link.origin}/`)).rejects.toThrow();
  expect(((await backend.dispatch('maps.list', {})) as { ok: boolean }).ok).toBe(true);
});
