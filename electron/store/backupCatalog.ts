import fs from 'node:fs';
import path from 'node:path';
import { openSqlite, type SqliteDatabase } from './sqlite';

/** The folder, inside the data folder, that holds the automatic backups. */
export const BACKUPS_FOLDER = 'backups';

/** `throughline-2026-11-23T14-05-00-000Z.db`: the UTC time it was taken; names sort oldest to newest. */
const BACKUP_NAME = /^throughline-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/** A backup still being written carries this suffix, so it never looks like a finished one. */
export const PARTIAL_SUFFIX = '.partial';

export interface SqliteFileOptions {
  /** Path to a better-sqlite3 build for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
}

export interface BackupFile {
  file: string;
  takenAt: Date;
  size: number;
}

export type FileCheck =
  | { ok: true; schemaVersion: number; mapCount: number }
  | { ok: false; problem: string };

export const backupsFolderOf = (dataDir: string) => path.join(dataDir, BACKUPS_FOLDER);

export function backupFileName(takenAt: Date): string {
  return `throughline-${takenAt.toISOString().replace(/[:.]/g, '-')}.db`;
}

function takenAtOf(name: string): Date | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match) return undefined;
  const [, day, hours, minutes, seconds, millis] = match;
  const date = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "2026-11-23 14:05:00 UTC": how backup times are shown, in the list and in messages. */
export function describeTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The finished backups in the data folder, newest first. A missing folder means no backups. */
export function listBackups(dataDir: string): BackupFile[] {
  const folder = backupsFolderOf(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupFile[] = [];
  for (const name of names) {
    const takenAt = takenAtOf(name);
    if (!takenAt) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.statSync(file);
      if (stat.isFile()) backups.push({ file, takenAt, size: stat.size });
    } catch {
      // Removed while we looked: it is not a backup any more.
    }
  }
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export function openSqliteFile(file: string, options: SqliteFileOptions & { readonly?: boolean } = {}): SqliteDatabase {
  return openSqlite(file, {
    readonly: options.readonly ?? false,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * A copy of a WAL database is marked WAL too, so opening it would leave -wal and -shm files beside it.
 * Switching the copy to a rollback journal makes it one file that opens read-only cleanly and copies as is.
 */
export function makeSelfContained(file: string, options: SqliteFileOptions): void {
  const copy = openSqliteFile(file, options);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * The first line quick_check reports (or the damage it stumbled on), undefined when it says "ok".
 * Throws what SQLite throws for a file that is not a database at all.
 */
export function quickCheckProblem(db: SqliteDatabase): string | undefined {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma('quick_check') as { quick_check: string }[];
  } catch (error) {
    if (!((error as { code?: string }).code ?? '').startsWith('SQLITE_CORRUPT')) throw error;
    return `quick_check: ${(error as Error).message}`;
  }
  const first = rows[0]?.quick_check ?? 'no answer';
  if (rows.length === 1 && first === 'ok') return undefined;
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more)` : '';
  return `quick_check: ${first.replace(/\s+/g, ' ').slice(0, 160)}${more}`;
}

/**
 * Whether a file is a sound Throughline database: SQLite can read it, quick_check passes, and it has the
 * maps table. Opens it read-only, so checking never changes it.
 */
export function checkDatabaseFile(file: string, options: SqliteFileOptions = {}): FileCheck {
  let db: SqliteDatabase | undefined;
  try {
    if (!fs.statSync(file).isFile()) return { ok: false, problem: 'it is not a file' };
    db = openSqliteFile(file, { ...options, readonly: true });
    const problem = quickCheckProblem(db);
    if (problem) return { ok: false, problem };
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const hasMaps = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'maps'").pluck().get() === 1;
    if (schemaVersion < 1 || !hasMaps) return { ok: false, problem: 'it is not a Throughline database' };
    const mapCount = db.prepare('SELECT count(*) FROM maps').pluck().get() as number;
    return { ok: true, schemaVersion, mapCount };
  } catch (error) {
    return { ok: false, problem: describeSqliteError(error) };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes its check, looking no further back than needed. */
export function newestGoodBackup(dataDir: string, options: SqliteFileOptions = {}): BackupFile | undefined {
  return listBackups(dataDir).find((backup) => checkDatabaseFile(backup.file, options).ok);
}

const SQLITE_REASONS: Record<string, string> = {
  SQLITE_NOTADB: 'it is not a database',
  SQLITE_CORRUPT: 'it is damaged (database disk image is malformed)',
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

export function describeSqliteError(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  return SQLITE_REASONS[code] ?? (error as Error).message ?? String(error);
}
