import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { ApiError, createApiClient, type ApiClient } from '../../shared/api/contract';
import { parseDocument } from '../../shared/format/document';
import { toMapDoc, fromMapDoc } from '../../shared/document/mapDoc';
import { execute, type Command } from '../../shared/document/command';
import * as commands from '../../shared/document/commands';
import { newId } from '../../shared/ids';
import { MapSync, type PendingStep, type ReceivedChange, type ReplacedValue, type SaveState, type UnsavedEdits } from '../../renderer/editor/mapSync';
import { fullDocument, tempDir } from './helpers';

const MAP = 'acme-enterprise';
let backend: Backend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

async function startStore() {
  backend = await startBackend(tempDir(), { backups: false });
  const api = createApiClient((channel, input) => backend!.dispatch(channel, input));
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  await api['maps.import']({ document: { format: 'throughline/journey-map', version: 1, map: parsed.map } });
  return api;
}

interface WindowOptions {
  /** Wraps the real send, to delay it, lose its answer or cut the connection. */
  send?: (real: () => Promise<unknown>, attempt: number) => Promise<unknown>;
  unsaved?: UnsavedEdits;
  /** Follow the map's events (default true). */
  live?: boolean;
}

/** One editor window on the map, as the renderer wires it, against the real store and session hub. */
async function openWindow(api: ApiClient, options: WindowOptions = {}) {
  const opened = await api['maps.open']({ id: MAP });
  const clientId = newId('w');
  const refused: { step: PendingStep; message: string }[] = [];
  const replaced: ReplacedValue[] = [];
  const states: SaveState[] = [];
  let persisted: UnsavedEdits | undefined;
  let attempts = 0;
  const sync = new MapSync({
    clientId,
    confirmed: toMapDoc(opened.map),
    revision: opened.revision,
    unsaved: options.unsaved,
    send: async ({ batchId, ops }) => {
      const real = () => api['maps.storeChange']({ id: MAP, clientId, batchId, ops });
      return (options.send ? options.send(real, attempts++) : real()) as ReturnType<typeof real>;
    },
    catchUp: async (since) => {
      const answer = await api['maps.changes']({ id: MAP, since });
      return 'reset' in answer ? 'reset' : answer.changes;
    },
    reload: async () => {
      const fresh = await api['maps.open']({ id: MAP });
      return { doc: toMapDoc(fresh.map), revision: fresh.revision };
    },
    onDoc: () => {},
    onState: (state) => states.push(state),
    onRefused: (step, message) => refused.push({ step, message }),
    onReplaced: (values) => replaced.push(...values),
    persist: (edits) => (persisted = edits),
    debounceMs: 1,
    retryDelaysMs: [5],
    catchUpDelayMs: 5,
  });
  const stopWatching = options.live === false ? () => {} : backend!.sessions.watch(MAP, opened.revision, (event) => event.type === 'change' && sync.receive(event.change));
  return {
    sync,
    refused,
    replaced,
    states,
    persisted: () => persisted,
    stopWatching,
    /** A command run in this window: shown at once, stored soon. */
    edit<A>(command: Command<A>, args: A, label = command.name) {
      const change = execute(sync.doc, command, args)!;
      sync.edit({ id: newId('s'), label, ops: change.ops }, change.doc);
    },
    title: (id: string) => sync.doc.touchpoints.get(id)?.title,
  };
}

const storedCard = async (api: ApiClient, id: string) => (await api['maps.get']({ id: MAP })).touchpoints.find((t) => t.id === id);

describe('a window’s live session', () => {
  it('takes back only the refused edit: edits before and after it, and edits made while it was sent, are stored', async () => {
    const api = await startStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = await openWindow(api, { send: async (real, attempt) => (attempt === 0 ? gate.then(real) : real()) });
    const b = await openWindow(api);
    a.edit(commands.updateTouchpoint, { id: 'tp-webinar', changes: { title: 'Step one' } }, 'Rename the webinar');
    a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Step two' } }, 'Rename the demo');
    a.edit(commands.updateTouchpoint, { id: 'tp-case', changes: { title: 'Step three' } }, 'Rename the case study');
    const flushed = a.sync.flush();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // While A's batch is on its way, B deletes the demo, and A goes on editing.
    b.edit(commands.deleteElements, { ids: ['tp-demo'] });
    await b.sync.flush();
    a.edit(commands.updateTouchpoint, { id: 'tp-report', changes: { title: 'Step four' } }, 'Rename the report');
    release();
    await flushed;

    expect(a.refused.map((r) => r.step.label)).toEqual(['Rename the demo']);
    expect(a.refused[0]!.message).toMatch(/no touchpoint "tp-demo".*deleted in another window/);
    for (const [id, title] of [['tp-webinar', 'Step one'], ['tp-case', 'Step three'], ['tp-report', 'Step four']]) {
      expect((await storedCard(api, id!))?.title).toBe(title);
      expect(a.title(id!)).toBe(title);
    }
    expect(await storedCard(api, 'tp-demo')).toBeUndefined();
    expect(a.sync.doc.touchpoints.has('tp-demo')).toBe(false);
    expect(a.persisted()).toBeUndefined();
  });

  it('re-sends a batch whose answer was lost under the same id, so it is stored once', async () => {
    const api = await startStore();
    const a = await openWindow(api, {
      live: false,
      send: async (real, attempt) => {
        const answer = await real();
        if (attempt === 0) throw new ApiError('unavailable', 'The connection dropped before the answer arrived.');
        return answer;
      },
    });
    a.edit(commands.addNote, { id: 'n-once', x: 0, y: 0, text: 'Stored once' });
    await a.sync.flush();
    expect(a.states.map((s) => s.status)).toContain('retrying');
    expect((await api['maps.get']({ id: MAP })).notes.filter((n) => n.id === 'n-once')).toHaveLength(1);
    expect(a.refused).toEqual([]);
    expect((await api['maps.open']({ id: MAP })).revision).toBe(1);
  });

  it('rebases its unsaved edits onto what another window stored: both show both edits', async () => {
    const api = await startStore();
    const a = await openWindow(api, { send: async (real) => new Promise((resolve) => setTimeout(() => resolve(real()), 30)) });
    const b = await openWindow(api);
    a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'A renamed it' } });
    b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { channel: 'Phone', promises: ['B promised'] } });
    await b.sync.flush();
    expect(a.sync.doc.touchpoints.get('tp-demo')).toMatchObject({ title: 'A renamed it', channel: 'Phone', promises: ['B promised'] });
    await a.sync.flush();
    expect(await storedCard(api, 'tp-demo')).toMatchObject({ title: 'A renamed it', channel: 'Phone', promises: ['B promised'] });
    expect(fromMapDoc(b.sync.doc).touchpoints.find((t) => t.id === 'tp-demo')).toMatchObject({ title: 'A renamed it' });
  });

  it('tells the window whose value another window replaced, and both end on the same value', async () => {
    const api = await startStore();
    const a = await openWindow(api);
    const b = await openWindow(api, { live: false });
    a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'From A' } });
    await a.sync.flush();
    b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'From B' } });
    await b.sync.flush();
    expect(a.replaced).toEqual([{ path: ['touchpoints', 'tp-demo', 'title'], mine: 'From A', theirs: 'From B' }]);
    expect(a.title('tp-demo')).toBe('From B');
    expect(b.replaced).toEqual([]);
  });

  it('fills a gap in the revisions it received from the change log', async () => {
    const api = await startStore();
    const a = await openWindow(api, { live: false });
    const b = await openWindow(api);
    const changes: ReceivedChange[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title } });
      await b.sync.flush();
      changes.push(...((await api['maps.changes']({ id: MAP, since: changes.length })) as { changes: ReceivedChange[] }).changes);
    }
    a.sync.receive(changes[2]!);
    await expect.poll(() => a.sync.storedRevision).toBe(3);
    expect(a.title('tp-demo')).toBe('Three');
  });

  it('sends what a previous session of the tab left unsaved, including its batch in flight, once', async () => {
    const api = await startStore();
    const first = await openWindow(api, {
      live: false,
      send: async (real) => {
        await real();
        throw new ApiError('unavailable', 'The host died before answering.');
      },
    });
    first.edit(commands.addNote, { id: 'n-kept', x: 0, y: 0, text: 'Typed before the crash' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Typed while it was down' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    first.sync.stop();
    const unsaved = first.persisted()!;
    expect(unsaved.steps).toHaveLength(2);
    expect(unsaved.inFlight).toBeDefined();

    const again = await openWindow(api, { unsaved });
    expect(again.sync.doc.notes.has('n-kept')).toBe(true);
    await again.sync.flush();
    const stored = await api['maps.get']({ id: MAP });
    expect(stored.notes.filter((n) => n.id === 'n-kept')).toHaveLength(1);
    expect(stored.touchpoints.find((t) => t.id === 'tp-demo')?.title).toBe('Typed while it was down');
    expect(again.refused).toEqual([]);
  });
});
