import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/database';
import { MapStore } from '../../electron/store/mapStore';
import { CHANGE_LOG_LENGTH } from '../../electron/store/changeWriter';
import { fromMapDoc, toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, type Command } from '../../shared/document/command';
import { applyOps, undoOps, type MapOp } from '../../shared/document/ops';
import * as commands from '../../shared/document/commands';
import { parseDocument } from '../../shared/format/document';
import { ApiError } from '../../shared/api/contract';
import { fullDocument, storeOps, tempDir } from './helpers';

const MAP = 'acme-enterprise';

async function storeWithFullMap() {
  const dir = tempDir();
  const file = path.join(dir, 'throughline.db');
  const db = await openDatabase(file);
  const store = new MapStore(db);
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  store.importMap(parsed.map);
  return { store, db, file };
}

/** What the store holds, compared the way the editor's document is: collections by id, orders as given. */
function sortedById(map: ReturnType<typeof fromMapDoc>) {
  const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...map, touchpoints: sort(map.touchpoints), handoffs: sort(map.handoffs), connections: sort(map.connections), notes: sort(map.notes) };
}

/** One editor window: its own document, commands run on it, their ops stored as that window. */
function windowOn(store: MapStore, clientId: string) {
  let doc: MapDoc = toMapDoc(store.get(MAP));
  return {
    get doc() {
      return doc;
    },
    /** Runs a command locally and returns its ops without storing them (an edit not yet sent). */
    edit<A>(command: Command<A>, args: A): MapOp[] {
      const change = execute(doc, command, args)!;
      doc = change.doc;
      return change.ops;
    },
    send(ops: MapOp[]) {
      return storeOps(store, MAP, ops, clientId);
    },
    reload() {
      doc = toMapDoc(store.get(MAP));
    },
  };
}

const card = (store: MapStore, id: string) => store.get(MAP).touchpoints.find((t) => t.id === id)!;

describe('storing changes', () => {
  it('a session of edits and undos stored change by change equals the editor’s document', async () => {
    const { store } = await storeWithFullMap();
    let doc: MapDoc = toMapDoc(store.get(MAP));
    const steps: { ops: MapOp[]; doc: MapDoc }[] = [];
    const step = <A>(command: Command<A>, args: A) => {
      const change = execute(doc, command, args)!;
      storeOps(store, MAP, change.ops);
      steps.push(change);
      doc = change.doc;
    };
    step(commands.addTouchpoint, { id: 'tp-new', stageId: 'it', laneTeamId: 'sales', title: 'Pricing call' });
    step(commands.updateTouchpoint, { id: 'tp-new', changes: { channel: 'Phone', supportTeamIds: ['mkt'], promises: ['live in one day'] } });
    step(commands.moveTouchpoint, { id: 'tp-new', stageId: 'pu', laneTeamId: 'mkt', index: 0 });
    step(commands.addStage, { id: 'st-eval', index: 3, name: 'Evaluation', phase: 'consideration' });
    step(commands.moveTeam, { id: 'cs', index: 0 });
    step(commands.updateTeam, { id: 'sales', changes: { color: '#000000' } });
    step(commands.connect, { id: 'c-new', source: 'tp-new', target: 'tp-onboard' });
    step(commands.updateHandoff, { id: 'ho-mql', changes: { slaHours: 4, criteria: '' } });
    step(commands.addNote, { id: 'n-new', x: 5, y: 5 });
    step(commands.setRuleSetting, { ruleId: 'touchpoint-contested', setting: 'warning' });
    step(commands.deleteElements, { ids: ['it', 'mkt'] });
    step(commands.updateMapInfo, { name: 'After the workshop', description: '' });
    expect(sortedById(store.get(MAP))).toEqual(sortedById(fromMapDoc(doc)));

    // Undo everything, storing each undo, and the stored map is the original again.
    for (const change of [...steps].reverse()) {
      const undo = undoOps(change.ops, doc);
      doc = applyOps(doc, undo, { fixOrders: true }).doc;
      storeOps(store, MAP, undo);
    }
    const original = parseDocument(fullDocument());
    if (!original.ok) throw new Error('fixture invalid');
    expect(sortedById(store.get(MAP))).toEqual(sortedById(original.map));
    expect(store.open(MAP).revision).toBe(steps.length * 2);
  });

  it('refuses a change that would break the map, names the problem, and stores nothing of it', async () => {
    const { store, file, db } = await storeWithFullMap();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.readFileSync(file);
    const refusals: [MapOp[], RegExp, string][] = [
      [[{ op: 'set', path: ['touchpoints', 'tp-demo', 'stageId'], value: 'nowhere' }], /touchpoint "tp-demo" refers to stage "nowhere", which is not in the map/, 'conflict'],
      [[{ op: 'add', path: ['notes', 'tp-demo'], value: { id: 'tp-demo', text: 'x', x: 0, y: 0 } }], /"tp-demo" is already used by a touchpoint/, 'conflict'],
      [[{ op: 'remove', path: ['stages', 'aw'] }], /pointing at an element that is gone/, 'conflict'],
      [[{ op: 'set', path: ['touchpoints', 'tp-demo', 'title'], value: '' }], /touchpoint's title is empty/, 'invalid-input'],
      [[{ op: 'set', path: ['touchpoints', 'tp-demo', 'title'], value: 'x'.repeat(201) }], /title is longer than 200 characters/, 'invalid-input'],
      [[{ op: 'set', path: ['touchpoints', 'tp-demo', 'title'], value: 'half \ud83d pair' }], /broken character/, 'invalid-input'],
      [[{ op: 'set', path: ['handoffs', 'ho-mql', 'slaHours'], value: -3 }], /SLA hours must be at least 0/, 'invalid-input'],
      [[{ op: 'add', path: ['touchpoints', 'tp-x'], value: { id: 'tp-y', stageId: 'aw', title: 'x' } }], /must be "tp-x"/, 'invalid-input'],
      [[{ op: 'set', path: ['id'], value: 'other' }], /is not a part of a map that can be changed/, 'invalid-input'],
      [[{ op: 'set', path: ['stageOrder', 'length'], value: 4294967295 }], /is not a part of a map that can be changed/, 'invalid-input'],
      [[{ op: 'set', path: ['stageOrder'], value: Array.from({ length: 1_000_000 }, (_, i) => `s${i}`) }], /list of at most 100 ids/, 'invalid-input'],
      [[{ op: 'set', path: ['touchpoints', 'tp-demo', '__proto__'], value: { polluted: true } }], /has no field "__proto__"/, 'invalid-input'],
      [[{ op: 'set', path: ['rules', '__proto__'], value: 'error' }], /"__proto__" is not a known rule id/, 'invalid-input'],
      [[{ op: 'set', path: ['touchpoints', 'ghost', 'title'], value: 'x' }], /no touchpoint "ghost"/, 'conflict'],
      [[{ op: 'set', path: ['rules', 'touchpoint-contested'], value: 'loud' }], /rules.touchpoint-contested/, 'invalid-input'],
      [[{ op: 'set', path: ['teams', 'sales', 'color'], value: 'red' }], /colour must be a colour written as #rrggbb/, 'invalid-input'],
    ];
    for (const [ops, message, code] of refusals) {
      const valid: MapOp = { op: 'set', path: ['name'], value: 'Should not be stored' };
      let error: unknown;
      try {
        storeOps(store, MAP, [valid, ...ops]);
      } catch (caught) {
        error = caught;
      }
      expect(error, String(message)).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toMatch(message);
      expect((error as ApiError).code).toBe(code);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(store.get(MAP).name).toBe('Acme Analytics — enterprise journey');
  });

  it('stores a re-sent batch once and answers with the change stored the first time', async () => {
    const { store } = await storeWithFullMap();
    const request = { clientId: 'w1', batchId: 'b-1', ops: [{ op: 'add', path: ['notes', 'n-once'], value: { id: 'n-once', text: 'Once', x: 0, y: 0 } }] as MapOp[] };
    const first = store.storeChange(MAP, request);
    const again = store.storeChange(MAP, request);
    expect(again).toEqual(first);
    expect(store.get(MAP).notes.filter((n) => n.id === 'n-once')).toHaveLength(1);
    expect(store.open(MAP).revision).toBe(1);
  });

  it('reports a missing map as not found', async () => {
    const { store } = await storeWithFullMap();
    expect(() => storeOps(store, 'gone', [{ op: 'set', path: ['name'], value: 'x' }])).toThrow(/no map with id "gone"/);
  });
});

describe('two windows on one map', () => {
  it('merges edits to different fields of the same card', async () => {
    const { store } = await storeWithFullMap();
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    const fromA = a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Live demo' } });
    const fromB = b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { channel: 'Phone' } });
    expect(a.send(fromA).conflicts).toEqual([]);
    expect(b.send(fromB).conflicts).toEqual([]);
    expect(card(store, 'tp-demo')).toMatchObject({ title: 'Live demo', channel: 'Phone' });
  });

  it('merges lists by element: a promise added in each window keeps both, a removal stays removed', async () => {
    const { store } = await storeWithFullMap();
    const start = card(store, 'tp-demo').promises;
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    a.send(a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { promises: [...start, 'Promise A'] } }));
    b.send(b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { promises: [...start.slice(1), 'Promise B'] } }));
    // B's promise lands after the one it follows in B's list; A's stays where A put it.
    expect(card(store, 'tp-demo').promises).toEqual([start[1], 'Promise B', 'Promise A']);
  });

  it('merges stage moves made in two windows', async () => {
    const { store } = await storeWithFullMap();
    const order = store.get(MAP).stages.map((s) => s.id);
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    a.send(a.edit(commands.moveStage, { id: order[order.length - 1]!, index: 0 }));
    b.send(b.edit(commands.addStage, { id: 'st-new', index: 2, name: 'Evaluation', phase: 'consideration' }));
    const stored = store.get(MAP).stages.map((s) => s.id);
    expect(stored[0]).toBe(order[order.length - 1]);
    expect(stored).toContain('st-new');
    expect(stored.indexOf('st-new')).toBe(stored.indexOf(order[1]!) + 1);
    expect(new Set(stored).size).toBe(order.length + 1);
  });

  it('a same-field conflict keeps the later value and reports the one it replaced', async () => {
    const { store } = await storeWithFullMap();
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    const original = card(store, 'tp-demo').title;
    a.send(a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Title from A' } }));
    const change = b.send(b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Title from B' } }));
    expect(card(store, 'tp-demo').title).toBe('Title from B');
    expect(change.conflicts).toEqual([{ path: ['touchpoints', 'tp-demo', 'title'], replaced: 'Title from A', value: 'Title from B' }]);
    expect(original).not.toBe('Title from A');
  });

  it('refuses to delete a team another window has just given a card, rather than leave a dangling lead', async () => {
    const { store } = await storeWithFullMap();
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    const loner = store.get(MAP).touchpoints.find((t) => !t.ownerTeamIds.includes('cs') && !t.supportTeamIds.includes('cs'))!;
    b.send(b.edit(commands.updateTouchpoint, { id: loner.id, changes: { supportTeamIds: [...loner.supportTeamIds, 'cs'] } }));
    expect(() => a.send(a.edit(commands.deleteElements, { ids: ['cs'] }))).toThrow(/still lead or supporter of “/);
    a.reload();
    expect(() => a.send(a.edit(commands.deleteElements, { ids: ['cs'] }))).not.toThrow();
    expect(store.get(MAP).teams.map((t) => t.id)).not.toContain('cs');
  });

  it('refuses an edit to a card another window deleted', async () => {
    const { store } = await storeWithFullMap();
    const a = windowOn(store, 'a');
    const b = windowOn(store, 'b');
    a.send(a.edit(commands.deleteElements, { ids: ['tp-demo'] }));
    expect(() => b.send(b.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Too late' } }))).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/no touchpoint "tp-demo".*deleted in another window/) }),
    );
  });

  it('keeps a log of changes for windows catching up, and asks for a reload once it no longer reaches back', async () => {
    const { store } = await storeWithFullMap();
    const a = windowOn(store, 'a');
    const first = a.send(a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'One' } }));
    const second = a.send(a.edit(commands.updateTouchpoint, { id: 'tp-demo', changes: { title: 'Two' } }));
    expect(store.changesSince(MAP, 0)).toEqual([first, second]);
    expect(store.changesSince(MAP, 1)).toEqual([second]);
    expect(store.changesSince(MAP, 2)).toEqual([]);
    for (let i = 0; i < CHANGE_LOG_LENGTH; i++) a.send([{ op: 'set', path: ['touchpoints', 'tp-demo', 'title'], value: `Title ${i}` }]);
    expect(store.changesSince(MAP, 0)).toBeUndefined();
    expect(store.changesSince(MAP, 2 + CHANGE_LOG_LENGTH - 1)).toHaveLength(1);
  });

  it('a rename from the home screen is a change open windows receive', async () => {
    const { store } = await storeWithFullMap();
    const seen: unknown[] = [];
    store.events = { changed: (change) => seen.push(change), deleted: () => {} };
    store.rename(MAP, 'Renamed at home');
    expect(seen).toEqual([expect.objectContaining({ revision: 1, ops: [{ op: 'set', path: ['name'], value: 'Renamed at home' }] })]);
  });
});
