import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../electron/store/sqlite';
import { describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/api/backend';
import { openDatabase, schemaVersion } from '../../electron/store/database';
import { backupsToDelete, startBackups } from '../../electron/store/backups';
import { listBackups, type BackupFile } from '../../electron/store/backupCatalog';
import { MapStore } from '../../electron/store/mapStore';
import { tempDir } from './helpers';
import { databaseWithMaps, steppingClock } from './dataSafetyHelpers';

function recordingLog() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
}

async function call(backend: Backend, channel: string, input: unknown) {
  const result = (await backend.dispatch(channel, input)) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as { id: string };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const backupNames = (dir: string) => fs.readdirSync(path.join(dir, 'backups')).sort();

describe('automatic backups', () => {
  it('backs up at start only when the database differs from its newest backup', async () => {
    const dir = tempDir();
    await databaseWithMaps(dir, 3);
    const options = { backups: { now: steppingClock('2026-11-20T09:00:00Z', 60_000), log: recordingLog().log } };

    const first = await startBackend(dir, options);
    const made = await first.backups!.atStart;
    expect(path.basename(made!.file)).toBe('throughline-2026-11-20T09-00-00-000Z.db');
    first.close();

    const unchanged = await startBackend(dir, options);
    expect(await unchanged.backups!.atStart).toBeUndefined();
    const map = await call(unchanged, 'maps.create', { name: 'Added later', template: 'blank' });
    unchanged.close();

    const changed = await startBackend(dir, options);
    expect(await changed.backups!.atStart).toBeDefined();
    changed.close();
    expect(backupNames(dir)).toHaveLength(2);
    const newest = openSqlite(listBackups(dir)[0]!.file, { readonly: true });
    expect(newest.prepare('SELECT name FROM maps WHERE id = ?').pluck().get(map.id)).toBe('Added later');
    newest.close();
  });

  it('notices a change that leaves every count and timestamp as it was', async () => {
    const dir = tempDir();
    const file = await databaseWithMaps(dir, 2);
    const options = { backups: { now: steppingClock('2026-11-20T09:00:00Z', 60_000), log: recordingLog().log } };
    const first = await startBackend(dir, options);
    await first.backups!.idle();
    first.close();

    const direct = openSqlite(file);
    direct.prepare("UPDATE maps SET description = 'Changed behind the app''s back' WHERE id = (SELECT min(id) FROM maps)").run();
    direct.close();
    const next = await startBackend(dir, options);
    expect(await next.backups!.atStart).toBeDefined();
    next.close();
  });

  it('writes each backup verified, self-contained, and under a finished name only once complete', async () => {
    const dir = tempDir();
    const file = await databaseWithMaps(dir, 400); // large enough to be copied in several steps
    const db = await openDatabase(file);
    const keeper = startBackups(db, dir, { now: steppingClock('2026-11-20T09:00:00Z'), log: recordingLog().log });

    // Between two steps of the copy, only the partial file exists.
    const partial = 'throughline-2026-11-20T09-00-00-000Z.db.partial';
    for (let look = 0; look < 10_000 && !fs.existsSync(path.join(dir, 'backups', partial)); look++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(backupNames(dir)).toEqual([partial]);
    expect(listBackups(dir)).toEqual([]);

    const made = await keeper.atStart;
    keeper.stop();
    expect(backupNames(dir)).toEqual(['throughline-2026-11-20T09-00-00-000Z.db']);
    expect(made!.size).toBe(fs.statSync(made!.file).size);
    const copy = openSqlite(made!.file, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(schemaVersion(copy)).toBe(schemaVersion(db));
    expect(copy.prepare('SELECT count(*) FROM maps').pluck().get()).toBe(400);
    copy.close();
    db.close();
    expect(backupNames(dir)).toEqual(['throughline-2026-11-20T09-00-00-000Z.db']); // no -wal or -shm beside it
  });

  it('backs up after new writes, at most once per interval, and not at all without writes', async () => {
    const dir = tempDir();
    const backend = await startBackend(dir, { backups: { intervalMs: 150, log: recordingLog().log } });
    expect(await backend.backups!.atStart).toBeUndefined(); // a new, empty database has nothing to keep
    expect(await backend.backups!.backUpIfWritten()).toBeUndefined();

    const map = await call(backend, 'maps.create', { name: 'Workshop', template: 'b2b-funnel' });
    await until(() => listBackups(dir).length === 1);

    // Edits every 20 ms for a second: backups keep coming, but no more than one per interval.
    const started = Date.now();
    for (let i = 0; Date.now() - started < 1000; i++) {
      await call(backend, 'maps.rename', { id: map.id, name: `Workshop ${i}` });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await backend.backups!.idle();
    const duringEdits = listBackups(dir).length;
    expect(duringEdits).toBeGreaterThanOrEqual(3);
    expect(duringEdits).toBeLessThanOrEqual(1 + Math.ceil(1000 / 150) + 1);

    // The last edits are backed up within an interval; after that, quiet time adds nothing.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await backend.backups!.idle();
    const settled = listBackups(dir).length;
    expect(settled - duringEdits).toBeLessThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(listBackups(dir).length).toBe(settled);
    backend.close();
  });

  it('keeps the newest 10 and the newest of each of the last 7 days, deleting the rest', async () => {
    const dir = tempDir();
    const file = await databaseWithMaps(dir, 1);
    const db = await openDatabase(file);
    let now = new Date('2026-11-01T00:00:00Z');
    const keeper = startBackups(db, dir, { now: () => now, log: recordingLog().log });
    await keeper.atStart;
    // 30 backups, six hours apart: 2026-11-01 00:00 to 2026-11-08 06:00.
    for (let i = 1; i < 30; i++) {
      now = new Date(Date.parse('2026-11-01T00:00:00Z') + i * 6 * 3600_000);
      expect(await keeper.backUpNow()).toBeDefined();
    }
    keeper.stop();
    db.close();
    const kept = backupNames(dir).map((name) => name.slice('throughline-'.length, -'-00-000Z.db'.length));
    expect(kept).toEqual([
      '2026-11-02T18-00', // newest of each day from 2 November on
      '2026-11-03T18-00',
      '2026-11-04T18-00',
      '2026-11-05T18-00',
      '2026-11-06T00-00', // and the newest ten
      '2026-11-06T06-00',
      '2026-11-06T12-00',
      '2026-11-06T18-00',
      '2026-11-07T00-00',
      '2026-11-07T06-00',
      '2026-11-07T12-00',
      '2026-11-07T18-00',
      '2026-11-08T00-00',
      '2026-11-08T06-00',
    ]);
  });

  it('retention keeps everything while there are ten or fewer, and a lone old day only within the week', () => {
    const at = (iso: string): BackupFile => ({ file: iso, takenAt: new Date(iso), size: 1 });
    const few = ['2026-10-01T00:00:00Z', '2026-11-20T00:00:00Z'].map(at);
    expect(backupsToDelete(few, new Date('2026-11-20T12:00:00Z'))).toEqual([]);

    const recent = Array.from({ length: 10 }, (_, i) => at(`2026-11-20T0${i}:00:00Z`));
    const withinWeek = at('2026-11-14T08:00:00Z');
    const olderSameDay = at('2026-11-14T07:00:00Z');
    const tooOld = at('2026-11-13T23:00:00Z');
    const deleted = backupsToDelete([...recent, withinWeek, olderSameDay, tooOld], new Date('2026-11-20T12:00:00Z'));
    expect(deleted.map((b) => b.file).sort()).toEqual([olderSameDay.file, tooOld.file].sort());
  });

  it('deletes a backup that fails its check and says so, leaving no partial file', async () => {
    const dir = tempDir();
    const plain = openSqlite(path.join(dir, 'throughline.db'));
    plain.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not a Throughline database')");
    const { lines, log } = recordingLog();
    const keeper = startBackups(plain, dir, { log });
    await keeper.atStart;
    lines.length = 0;
    expect(await keeper.backUpNow()).toBeUndefined();
    keeper.stop();
    plain.close();
    expect(backupNames(dir)).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^the backup .*throughline-.*\.db failed its check \(it is not a Throughline database\) and was deleted; editing goes on/);
  });

  it('logs an unwritable backups folder and carries on editing', async () => {
    const dir = tempDir();
    await databaseWithMaps(dir, 2);
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    const { lines, log } = recordingLog();
    const backend = await startBackend(dir, { backups: { log } });
    expect(await backend.backups!.atStart).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^could not write a backup to ${path.join(dir, 'backups')} \\(.*\\); editing goes on`));

    const created = await call(backend, 'maps.create', { name: 'Still editing', template: 'blank' });
    expect(await backend.backups!.backUpNow()).toBeUndefined();
    backend.close();
    const db = await openDatabase(path.join(dir, 'throughline.db'));
    expect(new MapStore(db).get(created.id).name).toBe('Still editing');
    db.close();
  });

  it('closing in the middle of a backup loses nothing and leaves no partial file', async () => {
    const dir = tempDir();
    await databaseWithMaps(dir, 400);
    const { lines, log } = recordingLog();
    const backend = await startBackend(dir, { backups: { now: steppingClock('2026-11-20T09:00:00Z'), log } });
    const partial = path.join(dir, 'backups', 'throughline-2026-11-20T09-00-00-000Z.db.partial');
    for (let look = 0; look < 10_000 && !fs.existsSync(partial); look++) await new Promise((resolve) => setImmediate(resolve));
    expect(fs.existsSync(partial)).toBe(true);
    backend.close();
    expect(await backend.backups!.atStart).toBeUndefined();
    expect(backupNames(dir)).toEqual([]);
    expect(lines).toEqual([]);
    const db = await openDatabase(path.join(dir, 'throughline.db'));
    expect(new MapStore(db).list()).toHaveLength(400);
    db.close();
  });

  it('removes a partial backup left by an interrupted run', async () => {
    const dir = tempDir();
    await databaseWithMaps(dir, 1);
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'throughline-2026-11-19T09-00-00-000Z.db.partial'), 'half a copy');
    const backend = await startBackend(dir, { backups: { now: steppingClock('2026-11-20T09:00:00Z'), log: () => {} } });
    await backend.backups!.idle();
    backend.close();
    expect(backupNames(dir)).toEqual(['throughline-2026-11-20T09-00-00-000Z.db']);
  });
});
