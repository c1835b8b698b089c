import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/database';
import { MapStore } from '../../electron/store/mapStore';
import { fromMapDoc, toMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import { execute, type Command } from '../../shared/document/command';
import * as commands from '../../shared/document/commands';
import { parseDocument } from '../../shared/format/document';
import { fullDocument, tempDir } from './helpers';

async function storeWithFullMap() {
  const dir = tempDir();
  const file = path.join(dir, 'throughline.db');
  const db = await openDatabase(file);
  const store = new MapStore(db);
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  store.importMap(parsed.map);
  return { store, db, file, doc: toMapDoc(store.get('acme-enterprise')) };
}

/** What the store holds, compared the way the editor's document is: collections by id, orders as given. */
function sortedById(map: ReturnType<typeof fromMapDoc>) {
  const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { ...map, touchpoints: sort(map.touchpoints), handoffs: sort(map.handoffs), connections: sort(map.connections), notes: sort(map.notes) };
}

describe('storing edits as patches', () => {
  it('a session of edits, undos and redos stored patch by patch equals the editor’s document', async () => {
    const { store } = await storeWithFullMap();
    let doc: MapDoc = toMapDoc(store.get('acme-enterprise'));
    const history: { patches: unknown[]; inversePatches: unknown[] }[] = [];
    const step = <A>(command: Command<A>, args: A) => {
      const change = execute(doc, command, args)!;
      store.applyPatches('acme-enterprise', change.patches);
      history.push(change);
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
    step(commands.deleteElements, { ids: ['it', 'mkt'] });
    step(commands.updateMapInfo, { name: 'After the workshop', description: '' });
    expect(sortedById(store.get('acme-enterprise'))).toEqual(sortedById(fromMapDoc(doc)));

    // Undo everything, storing each inverse, and the stored map is the original again.
    for (const change of [...history].reverse()) {
      const { applyPatches } = await import('immer');
      doc = applyPatches(doc, change.inversePatches as never);
      store.applyPatches('acme-enterprise', change.inversePatches as never);
    }
    const original = parseDocument(fullDocument());
    if (!original.ok) throw new Error('fixture invalid');
    expect(sortedById(store.get('acme-enterprise'))).toEqual(sortedById(original.map));
  });

  it('refuses a patch that would break integrity, names the problem, and stores nothing of the batch', async () => {
    const { store, file, db } = await storeWithFullMap();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fs.readFileSync(file);
    const refusals: [unknown[], RegExp][] = [
      [[{ op: 'replace', path: ['touchpoints', 'tp-demo', 'stageId'], value: 'nowhere' }], /touchpoint "tp-demo" refers to stage "nowhere", which is not in the map/],
      [[{ op: 'add', path: ['notes', 'tp-demo'], value: { id: 'tp-demo', text: 'x', x: 0, y: 0 } }], /"tp-demo" is already used by a touchpoint/],
      [[{ op: 'remove', path: ['stages', 'aw'] }, { op: 'remove', path: ['stageOrder', 0] }], /pointing at an element that is gone/],
      [[{ op: 'replace', path: ['touchpoints', 'tp-demo', 'title'], value: '' }], /touchpoints\["tp-demo"\].title: is empty/],
      [[{ op: 'replace', path: ['handoffs', 'ho-mql', 'slaHours'], value: -3 }], /slaHours: must be at least 0/],
      [[{ op: 'add', path: ['touchpoints', 'tp-x'], value: { id: 'tp-y', stageId: 'aw', title: 'x' } }], /must be "tp-x"/],
      [[{ op: 'replace', path: ['id'], value: 'other' }], /id: is not a part of a map that can be changed/],
      [[{ op: 'add', path: ['stageOrder', 0], value: 'aw' }], /order of stages does not match/],
      [[{ op: 'replace', path: ['touchpoints', 'ghost', 'title'], value: 'x' }], /no touchpoint "ghost"/],
      [[{ op: 'add', path: ['rules', 'no-such-rule'], value: 'error' }], /rules: no-such-rule is not a known rule id/],
    ];
    for (const [patches, message] of refusals) {
      const valid = { op: 'replace', path: ['name'], value: 'Should not be stored' };
      expect(() => store.applyPatches('acme-enterprise', [valid, ...patches] as never)).toThrow(message);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(store.get('acme-enterprise').name).toBe('Acme Analytics — enterprise journey');
  });

  it('reports a missing map as not found', async () => {
    const { store } = await storeWithFullMap();
    expect(() => store.applyPatches('gone', [{ op: 'replace', path: ['name'], value: 'x' }])).toThrow(/no map with id "gone"/);
  });
});
