import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../electron/store/sqlite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { startBackend } from '../../electron/api/backend';
import { startBackendOrRestore } from '../../electron/api/recovery';
import { openDatabase } from '../../electron/store/database';
import { startBackups } from '../../electron/store/backups';
import { MapStore } from '../../electron/store/mapStore';
import { tempDir } from './helpers';
import { damageMiddle, databaseWithMaps, snapshot, steppingClock } from './dataSafetyHelpers';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** A data folder with `mapCount` maps and a backup of them; then one more map, which the backup does not have. */
async function folderWithBackup(mapCount = 30) {
  const dir = tempDir();
  const file = await databaseWithMaps(dir, mapCount);
  const db = await openDatabase(file);
  const keeper = startBackups(db, dir, { now: steppingClock('2026-11-20T09:00:00Z'), log: () => {} });
  const backup = (await keeper.atStart)!;
  keeper.stop();
  new MapStore(db).create('After the backup', 'blank');
  db.close();
  return { dir, file, backup };
}

const mapCountOf = (file: string) => {
  const db = openSqlite(file, { readonly: true });
  const count = db.prepare('SELECT count(*) FROM maps').pluck().get();
  db.close();
  return count;
};

describe('throughline backups', () => {
  it('lists the backups newest first with time, size and map count', async () => {
    const { dir, file } = await folderWithBackup(3);
    const db = await openDatabase(file);
    const keeper = startBackups(db, dir, { now: steppingClock('2026-11-21T10:30:00Z'), log: () => {} });
    await keeper.atStart;
    keeper.stop();
    db.close();

    const { io, out, err } = captureIo();
    expect(await runCli(['backups', '--data', dir], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^2026-11-21 10:30:00 UTC +\\d+ KB {2}4 maps +${path.join(dir, 'backups', 'throughline-2026-11-21T10-30-00-000Z.db')}$`));
    expect(out[1]).toMatch(new RegExp(`^2026-11-20 09:00:00 UTC +\\d+ KB {2}3 maps +.*throughline-2026-11-20T09-00-00-000Z\\.db$`));
  });

  it('says when there are no backups yet, and marks a damaged one', async () => {
    const empty = tempDir();
    const none = captureIo();
    expect(await runCli(['backups', '--data', empty], none.io)).toBe(0);
    expect(none.out).toEqual([`No backups yet in ${path.join(empty, 'backups')}`]);

    const { dir, backup } = await folderWithBackup();
    damageMiddle(backup.file);
    const listed = captureIo();
    expect(await runCli(['backups', '--data', dir], listed.io)).toBe(0);
    expect(listed.out).toHaveLength(1);
    expect(listed.out[0]).toMatch(/ DAMAGED: quick_check: .*throughline-2026-11-20T09-00-00-000Z\.db$/);
  });
});

describe('throughline restore', () => {
  it('puts a checked backup in place of a damaged database and keeps the damaged one aside', async () => {
    const { dir, file, backup } = await folderWithBackup();
    damageMiddle(file);
    const damaged = fs.readFileSync(file);

    const { io, out, err } = captureIo();
    expect(await runCli(['restore', backup.file, '--data', dir], io)).toBe(0);
    expect(err).toEqual([]);
    const aside = fs.readdirSync(dir).find((name) => name.startsWith('throughline.db.before-restore-'))!;
    expect(aside).toMatch(/^throughline\.db\.before-restore-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    expect(out).toEqual([
      `Restored ${file} from ${backup.file} (30 maps).`,
      `The database it replaced is kept as ${path.join(dir, aside)}.`,
      'Start Throughline again to use it.',
    ]);
    expect(fs.readFileSync(path.join(dir, aside)).equals(damaged)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'throughline.db', aside].sort());

    const db = await openDatabase(file);
    expect(new MapStore(db).list()).toHaveLength(30);
    db.close();
  });

  it('moves the write-ahead log aside with the database it belongs to, and accepts a backup by its name', async () => {
    const { dir, file, backup } = await folderWithBackup(2);
    // A database left by a process that stopped without closing: its last writes are still in -wal.
    const live = openSqlite(file);
    live.pragma('journal_mode = WAL');
    live.prepare("UPDATE maps SET name = 'Only in the log'").run();
    fs.copyFileSync(file, `${file}.copy`);
    fs.copyFileSync(`${file}-wal`, `${file}.copy-wal`);
    live.close();
    fs.renameSync(`${file}.copy`, file);
    fs.renameSync(`${file}.copy-wal`, `${file}-wal`);

    const { io, out } = captureIo();
    expect(await runCli(['restore', path.basename(backup.file), '--data', dir], io)).toBe(0);
    expect(out[1]).toMatch(/^The database it replaced is kept as .*before-restore-\S+ \(with its -wal file\)\.$/);
    const aside = path.join(dir, fs.readdirSync(dir).find((name) => name.includes('before-restore-') && name.endsWith('Z'))!);
    expect(fs.existsSync(`${aside}-wal`)).toBe(true);
    const kept = openSqlite(aside, { readonly: true });
    expect(kept.prepare('SELECT DISTINCT name FROM maps').pluck().all()).toEqual(['Only in the log']);
    kept.close();
    expect(mapCountOf(file)).toBe(2);
  });

  it('refuses a damaged backup, a file that is not a Throughline database, a newer one or a missing file, changing nothing', async () => {
    const { dir, backup } = await folderWithBackup(2);
    const elsewhere = tempDir();
    const damagedBackup = path.join(elsewhere, 'damaged.db');
    await databaseWithMaps(elsewhere, 40);
    fs.renameSync(path.join(elsewhere, 'throughline.db'), damagedBackup);
    damageMiddle(damagedBackup);
    const notThroughline = path.join(elsewhere, 'other.db');
    const other = openSqlite(notThroughline);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    const newer = path.join(elsewhere, 'newer.db');
    fs.copyFileSync(backup.file, newer);
    const future = openSqlite(newer);
    future.pragma('user_version = 99');
    future.close();
    const notes = path.join(elsewhere, 'notes.txt');
    fs.writeFileSync(notes, 'just notes');

    const cases: [string, RegExp][] = [
      [damagedBackup, /^throughline: cannot restore .*damaged\.db: (quick_check: |it is damaged).*; nothing was changed$/],
      [notThroughline, /^throughline: cannot restore .*other\.db: it is not a Throughline database; nothing was changed$/],
      [newer, /^throughline: cannot restore .*newer\.db: it was written by a newer version of Throughline \(schema 99; this version knows up to \d+\); nothing was changed$/],
      [notes, /^throughline: cannot restore .*notes\.txt: it is not a database; nothing was changed$/],
      [path.join(elsewhere, 'missing.db'), /^throughline: cannot restore .*missing\.db: no such file; "throughline backups --data .*" lists the backups$/],
    ];
    const before = snapshot(dir);
    for (const [file, message] of cases) {
      const { io, out, err } = captureIo();
      expect(await runCli(['restore', file, '--data', dir], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(message);
      expect(snapshot(dir)).toEqual(before);
    }
    const noFile = captureIo();
    expect(await runCli(['restore', '--data', dir], noFile.io)).toBe(2);
    expect(noFile.err).toEqual(['throughline: restore needs exactly one FILE: throughline restore FILE [--data DIR]']);
  });

  it('refuses while another Throughline uses the folder, naming it', async () => {
    const { dir, backup } = await folderWithBackup(2);
    const running = await startBackend(dir, { lockAs: 'serve', backups: false });
    running.lock!.setAddress('http://127.0.0.1:41234/');
    const before = snapshot(dir);
    const { io, err } = captureIo();
    expect(await runCli(['restore', backup.file, '--data', dir], io)).toBe(2);
    expect(err).toEqual([
      `throughline: another Throughline (serve, pid ${process.pid}) is already using ${dir}; open http://127.0.0.1:41234/ or stop it first`,
    ]);
    expect(snapshot(dir)).toEqual(before);
    running.close();
    expect(fs.existsSync(path.join(dir, 'throughline.lock'))).toBe(false);
  });
});

describe('restoring at start (the desktop app)', () => {
  it('offers the newest good backup for a damaged database and starts on it when accepted', async () => {
    const { dir, file, backup } = await folderWithBackup(5);
    damageMiddle(file);
    const offered: string[] = [];
    const started = await startBackendOrRestore(dir, { lockAs: 'desktop', backups: false }, async (error) => {
      offered.push(error.newestBackup.file);
      expect(error.problem).toBe('damaged');
      return true;
    });
    expect(offered).toEqual([backup.file]);
    expect(started!.restored!.restoredFrom).toBe(backup.file);
    expect(fs.existsSync(started!.restored!.replacedKeptAs!)).toBe(true);
    const listed = (await started!.backend.dispatch('maps.list', {})) as { ok: boolean; value: unknown[] };
    expect(listed.value).toHaveLength(5);
    started!.backend.close();
  });

  it('changes nothing when the restore is declined, and asks nothing when there is no backup', async () => {
    const { dir, file } = await folderWithBackup(5);
    damageMiddle(file);
    const before = snapshot(dir);
    expect(await startBackendOrRestore(dir, { lockAs: 'desktop' }, async () => false)).toBeUndefined();
    expect(snapshot(dir)).toEqual(before);

    const lonely = tempDir();
    damageMiddle(await databaseWithMaps(lonely, 30));
    let asked = false;
    await expect(startBackendOrRestore(lonely, {}, async () => (asked = true))).rejects.toThrow(/is damaged .* There is no backup in/);
    expect(asked).toBe(false);
  });
});
