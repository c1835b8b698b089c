import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../electron/store/sqlite';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, DatabaseOpenError } from '../../electron/store/database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { MapStore } from '../../electron/store/mapStore';
import { parseDocument, toDocument } from '../../shared/format/document';
import { fullDocument, tempDir } from './helpers';

async function openStore(dir = tempDir()) {
  const file = path.join(dir, 'throughline.db');
  const db = await openDatabase(file);
  let tick = Date.parse('2026-11-01T10:00:00Z');
  const store = new MapStore(db, () => new Date((tick += 1000)));
  return { db, store, file, dir };
}

function parsedFullMap() {
  const result = parseDocument(fullDocument());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.map;
}

describe('database file', () => {
  it('migrates an empty file to the latest schema, in WAL mode with foreign keys on', async () => {
    const { db } = await openStore();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['maps', 'map_changes', 'elements', 'teams', 'stages', 'touchpoints', 'handoffs', 'connections', 'notes', 'versions']));
    expect(tables).not.toContain('touchpoint_teams');
    db.close();
  });

  it('backs the database up before migrating an existing one, and keeps its data', async () => {
    const dir = tempDir();
    const { db, store, file } = await openStore(dir);
    const created = store.create('Before the upgrade', 'b2b-funnel');
    db.close();

    const nextVersion = { version: LATEST_SCHEMA_VERSION + 1, description: 'test column', sql: "ALTER TABLE maps ADD COLUMN colour TEXT NOT NULL DEFAULT 'none'" };
    const upgraded = await openDatabase(file, { migrations: [...MIGRATIONS, nextVersion], now: () => new Date('2026-11-02T00:00:00Z') });
    expect(schemaVersion(upgraded)).toBe(nextVersion.version);
    expect(new MapStore(upgraded).get(created.id).name).toBe('Before the upgrade');
    upgraded.close();

    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual([`throughline.db.schema-${LATEST_SCHEMA_VERSION}.2026-11-02T00-00-00-000Z.bak`]);
    const backup = openSqlite(path.join(dir, backups[0]!), { readonly: true });
    expect(schemaVersion(backup)).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare('SELECT name FROM maps').pluck().all()).toEqual(['Before the upgrade']);
    backup.close();
  });

  it('upgrades a database left by the first release (schema 1), keeping its maps and their cards’ teams', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'throughline.db');
    const old = await openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    // Rows as the first release wrote them, team lists in both places.
    old.exec(`
      INSERT INTO maps (id, name, rules, created_at, updated_at) VALUES ('m-old', 'Made before versions existed', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO elements (map_id, id, kind) VALUES ('m-old', 'mkt', 'team'), ('m-old', 'aw', 'stage'), ('m-old', 'tp1', 'touchpoint');
      INSERT INTO teams (map_id, id, position, name, role) VALUES ('m-old', 'mkt', 0, 'Marketing', 'marketing');
      INSERT INTO stages (map_id, id, position, name, phase) VALUES ('m-old', 'aw', 0, 'Awareness', 'awareness');
      INSERT INTO touchpoints (map_id, id, position, stage_id, title, owner_ids) VALUES ('m-old', 'tp1', 0, 'aw', 'Webinar', '["mkt"]');
      INSERT INTO touchpoint_teams (map_id, touchpoint_id, relation, team_id, position) VALUES ('m-old', 'tp1', 'owner', 'mkt', 0);
    `);
    old.close();
    const upgraded = await openDatabase(file);
    expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION);
    const store = new MapStore(upgraded);
    expect(store.open('m-old')).toMatchObject({ revision: 0, map: { name: 'Made before versions existed', touchpoints: [{ id: 'tp1', ownerTeamIds: ['mkt'], supportTeamIds: [] }] } });
    expect(upgraded.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'versions'").pluck().get()).toBe(1);
    upgraded.close();
    expect(fs.readdirSync(dir).some((f) => f.startsWith('throughline.db.schema-1.'))).toBe(true);
  });

  it('refuses a database from a newer version without changing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'throughline.db');
    const future = openSqlite(file);
    future.pragma('user_version = 99');
    future.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Throughline \(schema 99/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database with a clear error', async () => {
    const file = path.join(tempDir(), 'throughline.db');
    fs.writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase(file)).rejects.toThrow(/not a database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('map store', () => {
  it('creates maps from templates and lists them most recently edited first', async () => {
    const { store } = await openStore();
    const funnel = store.create('Funnel', 'b2b-funnel');
    const blank = store.create('Blank one', 'blank');
    expect(funnel).toMatchObject({ name: 'Funnel', stageCount: 7, teamCount: 3, touchpointCount: 0 });
    expect(blank).toMatchObject({ name: 'Blank one', stageCount: 0, teamCount: 0 });
    expect(store.list().map((m) => m.name)).toEqual(['Blank one', 'Funnel']);
    store.rename(funnel.id, 'Funnel, renamed');
    expect(store.list().map((m) => m.name)).toEqual(['Funnel, renamed', 'Blank one']);

    const map = store.get(funnel.id);
    expect(map.stages.map((s) => s.name)).toEqual(['Awareness', 'Interest', 'Consideration', 'Intent', 'Purchase', 'Retention', 'Growth']);
    expect(map.teams.map((t) => [t.name, t.role])).toEqual([['Marketing', 'marketing'], ['Sales', 'sales'], ['Customer Success', 'other']]);
  });

  it('duplicates a map with all its contents under a new id', async () => {
    const { store } = await openStore();
    const original = store.importMap(parsedFullMap()).map;
    const copy = store.duplicate(original.id);
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe('Acme Analytics — enterprise journey (copy)');
    const { id: _a, name: _b, ...copied } = store.get(copy.id);
    const { id: _c, name: _d, ...source } = store.get(original.id);
    expect(copied).toEqual(source);
  });

  it('deletes a map and everything in it, and says so when a map does not exist', async () => {
    const { store, db } = await openStore();
    const kept = store.create('Kept', 'b2b-funnel');
    const doomed = store.importMap(parsedFullMap()).map;
    store.delete(doomed.id);
    expect(store.list().map((m) => m.id)).toEqual([kept.id]);
    expect(db.prepare('SELECT count(*) FROM elements WHERE map_id = ?').pluck().get(doomed.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM touchpoints WHERE map_id = ?').pluck().get(doomed.id)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM map_changes WHERE map_id = ?').pluck().get(doomed.id)).toBe(0);
    expect(() => store.delete(doomed.id)).toThrow(/no map with id/);
    expect(() => store.get('missing')).toThrow(/no map with id "missing"/);
    expect(() => store.rename('missing', 'x')).toThrow(/no map with id/);
  });

  it('export → import → export is identical, ids included', async () => {
    const first = await openStore();
    const imported = first.store.importMap(parsedFullMap());
    expect(imported.copiedFromId).toBeUndefined();
    const exported = first.store.exportDocument('acme-enterprise');
    const { exportedAt: _, ...expected } = fullDocument();
    const { exportedAt: __, ...actual } = exported;
    expect(actual).toEqual(expected);

    const second = await openStore();
    const reparsed = parseDocument(JSON.parse(JSON.stringify(exported)));
    if (!reparsed.ok) throw new Error('export is not importable');
    second.store.importMap(reparsed.map);
    expect(second.store.exportDocument('acme-enterprise').map).toEqual(exported.map);
  });

  it('imports a map whose id is taken as a copy, never over the stored one', async () => {
    const { store } = await openStore();
    store.importMap(parsedFullMap());
    store.rename('acme-enterprise', 'Edited in the workshop');
    const again = store.importMap(parsedFullMap());
    expect(again.copiedFromId).toBe('acme-enterprise');
    expect(again.map.id).not.toBe('acme-enterprise');
    expect(store.get('acme-enterprise').name).toBe('Edited in the workshop');
    expect(store.get(again.map.id).touchpoints).toEqual(parsedFullMap().touchpoints);
  });

  it('rolls back a write that would break integrity, leaving nothing half-stored', async () => {
    const { store, db } = await openStore();
    const broken = parsedFullMap();
    broken.touchpoints[0]!.stageId = 'not-a-stage'; // bypasses the format gate on purpose
    expect(() => store.importMap(broken)).toThrow(/FOREIGN KEY/);
    expect(store.list()).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM elements').pluck().get()).toBe(0);
  });

  it('keeps maps in the file: a reopened database has them', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    first.store.importMap(parsedFullMap());
    first.db.close();
    const second = await openStore(dir);
    expect(toDocument(second.store.get('acme-enterprise')).map.touchpoints).toHaveLength(10);
  });
});
