import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/database';
import { MapStore } from '../../electron/store/mapStore';
import { VersionStore } from '../../electron/store/versionStore';
import { toMapDoc, fromMapDoc } from '../../shared/document/mapDoc';
import { execute, type Command } from '../../shared/document/command';
import { applyOps, undoOps } from '../../shared/document/ops';
import * as commands from '../../shared/document/commands';
import { diffMaps, isEmptyDiff } from '../../shared/versions/diff';
import { parseDocument } from '../../shared/format/document';
import { fullDocument, storeOps, tempDir } from './helpers';

async function setup() {
  const db = await openDatabase(path.join(tempDir(), 'throughline.db'));
  let tick = Date.parse('2026-11-22T09:00:00Z');
  const now = () => new Date((tick += 60_000));
  const maps = new MapStore(db, now);
  const versions = new VersionStore(db, maps, now);
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  maps.importMap(parsed.map);
  return { db, maps, versions, mapId: 'acme-enterprise' };
}

/** Edits the stored map through a command, as the editor does. */
function edit<A>(maps: MapStore, mapId: string, command: Command<A>, args: A) {
  const change = execute(toMapDoc(maps.get(mapId)), command, args)!;
  storeOps(maps, mapId, change.ops);
  return change;
}

describe('versions', () => {
  it('saves a named snapshot with counts, lists newest first, and reads it back exactly', async () => {
    const { maps, versions, mapId } = await setup();
    const first = versions.save(mapId, 'after workshop 1');
    expect(first).toMatchObject({ mapId, name: 'after workshop 1', stageCount: 6, touchpointCount: 10, handoffCount: 2 });
    edit(maps, mapId, commands.deleteElements, { ids: ['tp-cold'] });
    const second = versions.save(mapId, 'after workshop 2');
    expect(versions.list(mapId).map((v) => v.name)).toEqual(['after workshop 2', 'after workshop 1']);
    expect(second.touchpointCount).toBe(9);
    const parsed = parseDocument(fullDocument());
    expect(parsed.ok && versions.get(first.id).map).toEqual(parsed.ok && parsed.map);
  });

  it('restores as one undoable edit that touches only what differs; undo brings the change back', async () => {
    const { maps, versions, mapId } = await setup();
    const saved = versions.save(mapId, 'before the change');
    edit(maps, mapId, commands.moveTouchpoint, { id: 'tp-demo', stageId: 'pu', laneTeamId: 'mkt', index: 0 });
    edit(maps, mapId, commands.addStage, { id: 'st-x', index: 0, name: 'Advocacy', phase: 'growth' });
    const changed = maps.get(mapId);

    const restore = execute(toMapDoc(changed), commands.restoreVersion, { target: versions.get(saved.id).map, versionName: saved.name })!;
    expect(restore.label).toBe('Restore version “before the change”');
    const touched = new Set(restore.patches.map((p) => p.path.slice(0, 2).join('/')));
    expect(touched).toEqual(new Set(['touchpoints/tp-demo', 'stages/st-x', 'stageOrder']));
    storeOps(maps, mapId, restore.ops);
    expect(maps.get(mapId)).toEqual(versions.get(saved.id).map);

    const undo = undoOps(restore.ops, restore.doc);
    const undone = applyOps(restore.doc, undo, { fixOrders: true }).doc;
    storeOps(maps, mapId, undo);
    expect(maps.get(mapId).touchpoints.find((t) => t.id === 'tp-demo')).toMatchObject({ stageId: 'pu', ownerTeamIds: ['mkt'] });
    expect(fromMapDoc(undone).stages.map((s) => s.name)).toContain('Advocacy');
  });

  it('says what changed since a version: cards added, removed, moved between stages or teams, ownership changed', async () => {
    const { maps, versions, mapId } = await setup();
    const saved = versions.save(mapId, 'v1');
    edit(maps, mapId, commands.addTouchpoint, { id: 'tp-new', stageId: 'aw', laneTeamId: 'mkt', title: 'Podcast' });
    edit(maps, mapId, commands.deleteElements, { ids: ['tp-linkedin'] });
    edit(maps, mapId, commands.moveTouchpoint, { id: 'tp-cold', stageId: 'in', laneTeamId: 'mkt', index: 0 });
    edit(maps, mapId, commands.updateTouchpoint, { id: 'tp-proposal', changes: { supportTeamIds: ['mkt'] } });
    const diff = diffMaps(versions.get(saved.id).map, maps.get(mapId));
    expect(diff.added).toEqual([{ id: 'tp-new', title: 'Podcast' }]);
    expect(diff.removed).toEqual([{ id: 'tp-linkedin', title: 'LinkedIn thought leadership' }]);
    expect(diff.moved).toEqual([{ id: 'tp-cold', title: 'Cold outbound sequence', fromStage: 'Interest', toStage: 'Interest', fromLane: 'Sales', toLane: 'Marketing' }]);
    expect(diff.ownershipChanged.map((c) => [c.title, c.before.join(', '), c.after.join(', ')])).toEqual([
      ['Cold outbound sequence', 'leads: Sales', 'leads: Marketing, supports: Sales'],
      ['Proposal and negotiation', 'leads: Sales', 'leads: Sales, supports: Marketing'],
    ]);
    expect(isEmptyDiff(diffMaps(maps.get(mapId), maps.get(mapId)))).toBe(true);
  });

  it('refuses a missing map or version by name, and versions go with their map', async () => {
    const { maps, versions, mapId, db } = await setup();
    const saved = versions.save(mapId, 'v1');
    expect(() => versions.save('ghost', 'x')).toThrow(/no map with id "ghost"/);
    expect(() => versions.get('ghost')).toThrow(/no version with id "ghost"/);
    versions.delete(saved.id);
    expect(versions.list(mapId)).toEqual([]);
    versions.save(mapId, 'v2');
    maps.delete(mapId);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(0);
  });
});
