import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, DatabaseOpenError } from '../../electron/store/database';
import { startBackups } from '../../electron/store/backups';
import { MapStore } from '../../electron/store/mapStore';
import { runCli } from '../../electron/cli/main';
import { tempDir } from './helpers';
import { damageMiddle, databaseWithMaps, snapshot, steppingClock } from './dataSafetyHelpers';

/** A data folder with maps and one verified backup of them, taken at 2026-11-20 09:00 UTC. */
async function folderWithBackup(mapCount = 30) {
  const dir = tempDir();
  const file = await databaseWithMaps(dir, mapCount);
  const db = await openDatabase(file);
  const keeper = startBackups(db, dir, { now: steppingClock('2026-11-20T09:00:00Z'), log: () => {} });
  const backup = await keeper.atStart;
  keeper.stop();
  db.close();
  if (!backup) throw new Error('no backup was made');
  return { dir, file, backup };
}

async function refusal(file: string): Promise<DatabaseOpenError> {
  const error = await openDatabase(file).then(
    (db) => {
      db.close();
      throw new Error('the database was opened');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return error as DatabaseOpenError;
}

describe('integrity at open', () => {
  it('refuses a damaged database with one line naming it and the newest good backup, and changes nothing', async () => {
    const { dir, file, backup } = await folderWithBackup();
    damageMiddle(file);
    const before = snapshot(dir);

    const error = await refusal(file);
    expect(error.problem).toBe('damaged');
    expect(error.newestBackup?.file).toBe(backup.file);
    expect(error.message).toBe(
      `The database at ${file} is damaged (quick_check: database disk image is malformed). ` +
        `The newest good backup is ${backup.file} (2026-11-20 09:00:00 UTC); restore it with: throughline restore ${backup.file} --data ${dir}`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('names no backup when there is none, and skips a damaged backup for an older good one', async () => {
    const lonely = tempDir();
    const lonelyFile = await databaseWithMaps(lonely, 30);
    damageMiddle(lonelyFile);
    expect((await refusal(lonelyFile)).message).toMatch(/is damaged \(quick_check: .*\)\. There is no backup in .*backups; nothing was changed\.$/);

    const { dir, file, backup } = await folderWithBackup();
    const newer = path.join(dir, 'backups', 'throughline-2026-11-21T09-00-00-000Z.db');
    fs.copyFileSync(backup.file, newer);
    damageMiddle(newer);
    damageMiddle(file);
    const error = await refusal(file);
    expect(error.newestBackup?.file).toBe(backup.file);
    expect(error.message).toContain(`restore it with: throughline restore ${backup.file} --data ${dir}`);
  });

  it('does not start empty when the database is missing or 0 bytes but backups exist', async () => {
    const { dir, file, backup } = await folderWithBackup();
    fs.rmSync(file);
    const missing = await refusal(file);
    expect(missing.problem).toBe('missing');
    expect(missing.message).toMatch(/^The database at .*throughline\.db is missing, but there are backups, so Throughline does not start an empty one\. The newest good backup is /);
    expect(fs.existsSync(file)).toBe(false);

    fs.writeFileSync(file, '');
    const empty = await refusal(file);
    expect(empty.message).toContain('is empty (0 bytes), but there are backups');
    expect(empty.newestBackup?.file).toBe(backup.file);
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'throughline.db']);
  });

  it('still creates a new database in a fresh folder, and accepts a 0-byte file where there are no backups', async () => {
    const fresh = tempDir();
    const db = await openDatabase(path.join(fresh, 'new', 'throughline.db'));
    expect(new MapStore(db).list()).toEqual([]);
    db.close();

    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'throughline.db'), '');
    const fromEmpty = await openDatabase(path.join(dir, 'throughline.db'));
    expect(new MapStore(fromEmpty).list()).toEqual([]);
    fromEmpty.close();
  });

  it('refuses a folder in the database’s place, and a file that is not a database, naming the backup', async () => {
    const { dir, file, backup } = await folderWithBackup(2);
    fs.writeFileSync(file, 'these are my notes, not a database'.repeat(200));
    const notes = await refusal(file);
    expect(notes.message).toMatch(/is damaged \(file is not a database\)\. The newest good backup is /);
    expect(notes.newestBackup?.file).toBe(backup.file);

    const folder = path.join(tempDir(), 'throughline.db');
    fs.mkdirSync(folder);
    expect((await refusal(folder)).message).toBe(`Could not open the database at ${folder}: it is a folder, not a file`);
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'throughline.db']);
  });

  it('serve prints one line and exits 2 for a damaged database', async () => {
    const { dir, file, backup } = await folderWithBackup();
    damageMiddle(file);
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli(['serve', '--port', '0', '--data', dir], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^throughline: The database at .* is damaged \(quick_check: /);
    expect(err[0]).toContain(`throughline restore ${backup.file} --data ${dir}`);
    expect(fs.existsSync(path.join(dir, 'throughline.lock'))).toBe(false);
  });
});
