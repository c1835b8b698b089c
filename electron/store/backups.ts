import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database';
import {
  PARTIAL_SUFFIX,
  backupFileName,
  backupsFolderOf,
  checkDatabaseFile,
  describeSqliteError,
  listBackups,
  makeSelfContained,
  openSqliteFile,
  type BackupFile,
  type SqliteFileOptions,
} from './backupCatalog';
import { contentFingerprint } from './fingerprint';

/** Backups kept no matter their age. */
export const KEEP_NEWEST = 10;
/** Besides those, the newest backup of each of this many days (today included). */
export const KEEP_DAYS = 7;
export const DEFAULT_BACKUP_INTERVAL_MS = 10 * 60 * 1000;
const PAGES_PER_STEP = 100;

export interface BackupOptions extends SqliteFileOptions {
  /** How often to look for new writes: a backup is made at most this often while edits arrive. */
  intervalMs?: number;
  /** Clock for backup names and retention; tests pin it. */
  now?: () => Date;
  /** Where failures are reported; a failed backup never stops editing. */
  log?: (line: string) => void;
}

export interface BackupKeeper {
  /** The backup made at start when the database differs from its newest backup, if one was needed. */
  readonly atStart: Promise<BackupFile | undefined>;
  /** Backs up when this connection has written since the last backup; what the timer runs. */
  backUpIfWritten(): Promise<BackupFile | undefined>;
  /** Writes, verifies and keeps one backup, then prunes old ones. Never throws: failures are logged. */
  backUpNow(): Promise<BackupFile | undefined>;
  /** Settles when no backup is being written. */
  idle(): Promise<void>;
  /** Stops the timer and abandons a backup in progress (its partial file is removed). */
  stop(): void;
}

class Abandoned extends Error {}

/**
 * Automatic, verified backups of an open database into `<data folder>/backups/`: one at start when the
 * database changed since its newest backup, then at most every interval while edits arrive. They run
 * beside editing (db.backup copies a few pages at a time between other work), and a full disk or an
 * unwritable folder is logged, never thrown at the editor.
 */
export function startBackups(db: Db, dataDir: string, options: BackupOptions = {}): BackupKeeper {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(`throughline: ${line}`));
  const folder = backupsFolderOf(dataDir);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let backedUpChanges = totalChanges.get() as number;
  let running: Promise<BackupFile | undefined> | undefined;
  let stopped = false;

  removePartialBackups(folder);

  const backUpNow = (): Promise<BackupFile | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    running ??= writeBackup().finally(() => (running = undefined));
    return running;
  };

  async function writeBackup(): Promise<BackupFile | undefined> {
    const takenAt = now();
    const file = path.join(folder, backupFileName(takenAt));
    const partial = file + PARTIAL_SUFFIX;
    const changesCovered = totalChanges.get() as number;
    const expectedSchema = db.pragma('user_version', { simple: true }) as number;
    try {
      fs.mkdirSync(folder, { recursive: true });
      await db.backup(partial, {
        // Called between steps of PAGES_PER_STEP pages; editing runs in between.
        progress: () => {
          if (stopped) throw new Abandoned();
          return PAGES_PER_STEP;
        },
      });
      if (stopped) throw new Abandoned();
      makeSelfContained(partial, options);
      const check = checkDatabaseFile(partial, options);
      const problem = !check.ok
        ? check.problem
        : check.schemaVersion !== expectedSchema
          ? `schema ${check.schemaVersion}, expected ${expectedSchema}`
          : undefined;
      if (problem) {
        removeDatabaseFiles(partial);
        log(`the backup ${file} failed its check (${problem}) and was deleted; editing goes on, the next backup is tried later`);
        return undefined;
      }
      // Only a verified backup gets a finished name, in one rename: a half-written one never looks complete.
      fs.renameSync(partial, file);
      syncFolder(folder);
      backedUpChanges = changesCovered;
      pruneBackups(dataDir, now(), log);
      return { file, takenAt, size: fs.statSync(file).size };
    } catch (error) {
      removeDatabaseFiles(partial);
      if (!(error instanceof Abandoned) && !stopped) {
        log(`could not write a backup to ${folder} (${describeFsError(error)}); editing goes on, the next backup is tried later`);
      }
      return undefined;
    }
  }

  const backUpIfWritten = () => ((totalChanges.get() as number) !== backedUpChanges ? backUpNow() : Promise.resolve(undefined));

  const atStart = (async () => {
    try {
      return differsFromNewestBackup(db, dataDir, options) ? await backUpNow() : undefined;
    } catch (error) {
      if (!stopped) log(`could not compare the database with its newest backup (${describeFsError(error)})`);
      return undefined;
    }
  })();

  const timer = setInterval(() => void backUpIfWritten(), options.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS);
  // Backups never keep the process alive on their own.
  timer.unref();

  return {
    atStart,
    backUpIfWritten,
    backUpNow,
    idle: async () => {
      await atStart;
      await running;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** At start: back up when the content differs from the newest backup; a database with no maps and no backup yet has nothing to keep. */
function differsFromNewestBackup(db: Db, dataDir: string, options: SqliteFileOptions): boolean {
  const [newest] = listBackups(dataDir);
  if (!newest) return (db.prepare('SELECT count(*) FROM maps').pluck().get() as number) > 0;
  let backup: Db | undefined;
  try {
    backup = openSqliteFile(newest.file, { ...options, readonly: true });
    return contentFingerprint(backup) !== contentFingerprint(db);
  } catch {
    return true; // An unreadable newest backup is one more reason to make a good one.
  } finally {
    backup?.close();
  }
}

/**
 * Which backups to delete: all but the newest KEEP_NEWEST, and the newest of each of the last KEEP_DAYS
 * days (UTC, as in the names).
 */
export function backupsToDelete(backups: readonly BackupFile[], now: Date): BackupFile[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set(newestFirst.slice(0, KEEP_NEWEST));
  const firstDayKept = utcDay(new Date(now.getTime() - (KEEP_DAYS - 1) * 24 * 60 * 60 * 1000));
  const daysSeen = new Set<string>();
  for (const backup of newestFirst) {
    const day = utcDay(backup.takenAt);
    if (day < firstDayKept || daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup);
  }
  return newestFirst.filter((backup) => !keep.has(backup));
}

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

function pruneBackups(dataDir: string, now: Date, log: (line: string) => void): void {
  for (const old of backupsToDelete(listBackups(dataDir), now)) {
    try {
      fs.rmSync(old.file, { force: true });
    } catch (error) {
      log(`could not delete the old backup ${old.file} (${describeFsError(error)})`);
    }
  }
}

/** Left by a backup that was interrupted (the app quit, the machine stopped): never finished, never verified. */
function removePartialBackups(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.includes(PARTIAL_SUFFIX)) removeDatabaseFiles(path.join(folder, name));
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      fs.rmSync(file + suffix, { force: true });
    } catch {
      // Nothing more to do: a leftover partial file is removed at the next start.
    }
  }
}

/** So the rename survives a power cut, not only the file's contents. Not every platform can sync a folder. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return describeSqliteError(error);
}
