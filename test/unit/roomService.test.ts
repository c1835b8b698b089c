import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import type { Caller } from '../../electron/api/caller';
import type { RoomState } from '../../shared/api/room';
import { tempDir } from './helpers';

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.room.stop();
  backend?.close();
  backend = undefined;
});

/** A room whose network is only pretended: these tests go through dispatch, as the host does. */
async function sharedRoom() {
  backend = await startBackend(tempDir(), { backups: false });
  backend.room.setNetwork({ open: async () => ({ origin: 'http://127.0.0.1:9', addresses: [] }), close: async () => undefined });
  const b = backend;
  const call = async <T,>(channel: string, input: unknown, caller?: Caller): Promise<T> => {
    const answer = await b.dispatch(channel, input, caller);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value as T;
  };
  const map = await call<{ id: string }>('maps.create', { name: 'Vote map', template: 'b2b-funnel' });
  const { map: opened } = await call<{ map: { stages: { id: string }[] } }>('maps.open', { id: map.id });
  const stageId = opened.stages[0]!.id;
  for (const [id, title] of [
    ['tp-a', 'Trade show booth'],
    ['tp-b', 'Webinar'],
  ]) {
    await call('maps.storeChange', { id: map.id, clientId: 'f', batchId: `add-${id}`, ops: [{ op: 'add', path: ['touchpoints', id], value: { id, stageId, title, ownerTeamIds: [], supportTeamIds: [], promises: [], order: 0 } }] });
  }
  await call('maps.storeChange', { id: map.id, clientId: 'f', batchId: 'note', ops: [{ op: 'add', path: ['notes', 'n-1'], value: { id: 'n-1', text: 'Pricing is unclear', x: 0, y: 900 } }] });
  const state = await call<RoomState>('room.start', { mapId: map.id });
  const invite = new URL(state.inviteUrl!).hash.replace('#join=', '');
  const join = async (name: string): Promise<Caller> => {
    const joined = await call<{ token: string }>('room.join', { invite, name }, { kind: 'guest', address: `127.0.0.${name.length}` });
    return { kind: 'participant', token: joined.token, address: '127.0.0.1' };
  };
  const votesOf = async () => {
    const stored = await call<{ touchpoints: { id: string; votes?: number }[]; notes: { id: string; votes?: number }[] }>('maps.get', { id: map.id });
    return Object.fromEntries([...stored.touchpoints, ...stored.notes].filter((r) => r.votes).map((r) => [r.id, r.votes]));
  };
  return { call, mapId: map.id, join, votesOf };
}

describe('dot voting in the room', () => {
  it('gives each person N dots for touchpoints and notes, stores the counts with the map, and a new vote starts from zero', async () => {
    const { call, join, votesOf } = await sharedRoom();
    const ana = await join('Ana');
    const ben = await join('Ben');
    await expect(call('room.vote', { targetId: 'tp-a' }, ana)).rejects.toThrow('No vote is open');
    await expect(call('room.startVote', { dotsEach: 2 }, ana)).rejects.toMatchObject({ code: 'forbidden' });

    await call('room.startVote', { dotsEach: 2 });
    await call('room.vote', { targetId: 'tp-a' }, ana);
    await call('room.vote', { targetId: 'tp-a' }, ana);
    await expect(call('room.vote', { targetId: 'tp-b' }, ana)).rejects.toThrow('used all 2 of your dots');
    await call('room.vote', { targetId: 'n-1' }, ben);
    await call('room.vote', { targetId: 'tp-a' }); // the facilitator votes too
    await expect(call('room.vote', { targetId: 'stage-nope' }, ben)).rejects.toMatchObject({ code: 'not-found' });
    expect(await votesOf()).toEqual({ 'tp-a': 3, 'n-1': 1 });
    expect((await call<RoomState>('room.state', {}, ana)).vote).toEqual({ dotsEach: 2, left: 0, mine: { 'tp-a': 2 } });

    // A dot taken back can go elsewhere; one never placed cannot be taken.
    await call('room.vote', { targetId: 'tp-a', remove: true }, ana);
    await expect(call('room.vote', { targetId: 'tp-b', remove: true }, ana)).rejects.toThrow('no dot on that');
    await call('room.vote', { targetId: 'tp-b' }, ana);
    expect(await votesOf()).toEqual({ 'tp-a': 2, 'tp-b': 1, 'n-1': 1 });

    // Ending the vote keeps the counts; a new one clears them and gives everyone their dots back.
    await call('room.endVote', {});
    expect(await votesOf()).toEqual({ 'tp-a': 2, 'tp-b': 1, 'n-1': 1 });
    await call('room.startVote', { dotsEach: 1 });
    expect(await votesOf()).toEqual({});
    expect((await call<RoomState>('room.state', {}, ana)).vote).toMatchObject({ left: 1, mine: {} });
  });

  it('a view-only participant still votes; nobody edits dots or rules through a change', async () => {
    const { call, join, mapId, votesOf } = await sharedRoom();
    const ana = await join('Ana');
    const state = await call<RoomState>('room.state', {});
    await call('room.setRole', { personId: state.people.find((p) => p.name === 'Ana')!.id, role: 'view' });
    await call('room.startVote', { dotsEach: 3 });
    await call('room.vote', { targetId: 'tp-b' }, ana);
    const ben = await join('Ben');
    await expect(
      call('maps.storeChange', { id: mapId, clientId: 'ben', batchId: 'cheat', ops: [{ op: 'set', path: ['touchpoints', 'tp-b', 'votes'], value: 99, base: 1 }] }, ben),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await votesOf()).toEqual({ 'tp-b': 1 });
  });

  it('the facilitator’s feed says what participants did, in words', async () => {
    const { call, join, mapId } = await sharedRoom();
    const ana = await join('Ana');
    await call('maps.storeChange', { id: mapId, clientId: 'ana', batchId: 'r1', ops: [{ op: 'set', path: ['touchpoints', 'tp-b', 'title'], value: 'Live webinar', base: 'Webinar' }] }, ana);
    await call('maps.storeChange', { id: mapId, clientId: 'ana', batchId: 'r2', ops: [{ op: 'remove', path: ['notes', 'n-1'] }] }, ana);
    // A batch sent again (its answer was lost) is told once.
    await call('maps.storeChange', { id: mapId, clientId: 'ana', batchId: 'r2', ops: [{ op: 'remove', path: ['notes', 'n-1'] }] }, ana);
    const feed = (await call<RoomState>('room.state', {})).feed.map((entry) => `${entry.name} ${entry.text}`);
    expect(feed).toEqual(['Ana removed the note “Pricing is unclear”', 'Ana renamed “Webinar” to “Live webinar”']);
  });
});
