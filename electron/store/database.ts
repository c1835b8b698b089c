import fs from 'node:fs';
import path from 'node:path';
import { openSqlite, type SqliteDatabase } from './sqlite';
import { MIGRATIONS, type Migration } from './migrations';
import {
  backupsFolderOf,
  describeSqliteError,
  describeTime,
  listBackups,
  newestGoodBackup,
  openSqliteFile,
  quickCheckProblem,
  type BackupFile,
} from './backupCatalog';

export type Db = SqliteDatabase;

export interface OpenOptions {
  /** Path to a better-sqlite3 build for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  /** Clock for backup file names; tests pin it. */
  now?: () => Date;
  /** The migration list; tests pass a longer one to exercise upgrades. */
  migrations?: readonly Migration[];
}

/** Why a database was not opened; the desktop app offers a restore for the first two. */
export type DatabaseProblem = 'damaged' | 'missing' | 'read-only' | 'newer' | 'unreadable';

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
  constructor(
    message: string,
    readonly problem: DatabaseProblem = 'unreadable',
    /** The newest backup that passed its check, when the problem is one a restore solves. */
    readonly newestBackup?: BackupFile,
  ) {
    super(message);
  }
}

/**
 * Opens (creating if needed) the database file and brings its schema to the latest version.
 * Nothing writes to the file until it has passed its checks: a damaged, read-only or newer database, or
 * a missing or empty one beside existing backups, is refused with one line that says what to do.
 * An existing database is copied aside with db.backup() before any migration touches it.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  prepareDataFolder(file);
  const state = fileState(file);
  if (state === 'present') {
    refuseReadOnlyFile(file);
    checkBeforeWriting(file, migrations, options);
  } else {
    refuseToStartEmptyBesideBackups(file, state, options);
  }
  let db: Db;
  try {
    db = openSqlite(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    // SQLite quietly falls back to reading when it may not write; editing would then fail on every save.
    if (db.readonly) throw readOnlyError(file, path.dirname(file));
    // Checked again on the writing connection, before anything writes: a newer database stays as it is.
    refuseNewerSchema(db, file, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    await migrate(db, file, migrations, options.now ?? (() => new Date()));
    return db;
  } catch (error) {
    db.close();
    throw openFailure(file, error);
  }
}

function openFailure(file: string, error: unknown): DatabaseOpenError {
  if (error instanceof DatabaseOpenError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return readOnlyError(file, path.dirname(file));
  }
  return new DatabaseOpenError(`Could not open the database at ${file}: ${(error as Error).message}`);
}

function readOnlyError(file: string, folder: string): DatabaseOpenError {
  return new DatabaseOpenError(
    `The database at ${file} is read-only: Throughline needs to write to it and to its folder ${folder}. Make both writable (or use another data folder) and start again; nothing was changed.`,
    'read-only',
  );
}

export function readOnlyFolderError(folder: string): DatabaseOpenError {
  return new DatabaseOpenError(
    `The data folder ${folder} is read-only: Throughline needs to write to it (the database, its journal, backups and lock). Make it writable (or use another data folder) and start again.`,
    'read-only',
  );
}

function prepareDataFolder(file: string): void {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
    // SQLite writes its journal and lock files beside the database, so the folder must be writable too.
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw readOnlyFolderError(folder);
    throw new DatabaseOpenError(`Could not use the data folder ${folder}: ${(error as Error).message}`);
  }
}

function fileState(file: string): 'missing' | 'empty' | 'present' {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new DatabaseOpenError(`Could not open the database at ${file}: ${describeSqliteError(error)}`);
  }
  if (!stat.isFile()) throw new DatabaseOpenError(`Could not open the database at ${file}: it is a folder, not a file`);
  return stat.size === 0 ? 'empty' : 'present';
}

function refuseReadOnlyFile(file: string): void {
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw readOnlyError(file, path.dirname(file));
  }
}

/** One line saying which backup to restore and how, or that there is none. */
function restoreAdvice(dataDir: string, options: OpenOptions): { text: string; backup?: BackupFile } {
  const backup = newestGoodBackup(dataDir, options);
  if (backup) {
    return {
      backup,
      text: `The newest good backup is ${backup.file} (${describeTime(backup.takenAt)}); restore it with: throughline restore ${backup.file} --data ${dataDir}`,
    };
  }
  const folder = backupsFolderOf(dataDir);
  return listBackups(dataDir).length > 0
    ? { text: `None of the backups in ${folder} passes its check either; nothing was changed.` }
    : { text: `There is no backup in ${folder}; nothing was changed.` };
}

/**
 * A database that vanished or was truncated beside existing backups is a loss, not a first start:
 * starting empty would hide it (and the next backups would push the good ones out).
 */
function refuseToStartEmptyBesideBackups(file: string, state: 'missing' | 'empty', options: OpenOptions): void {
  const dataDir = path.dirname(file);
  if (listBackups(dataDir).length === 0) return;
  const what = state === 'missing' ? 'is missing' : 'is empty (0 bytes)';
  const advice = restoreAdvice(dataDir, options);
  const text = advice.backup
    ? advice.text
    : `None of the backups in ${backupsFolderOf(dataDir)} passes its check; to start with an empty database, move that folder aside.`;
  throw new DatabaseOpenError(
    `The database at ${file} ${what}, but there are backups, so Throughline does not start an empty one. ${text}`,
    'missing',
    advice.backup,
  );
}

/**
 * quick_check and the schema version, read through a read-only connection: a read-write connection would
 * checkpoint its log into the file when it closes, and a damaged file must not be written to.
 */
function checkBeforeWriting(file: string, migrations: readonly Migration[], options: OpenOptions): void {
  const logFiles = [`${file}-wal`, `${file}-shm`];
  const logFilesBefore = logFiles.filter((f) => fs.existsSync(f));
  let problem: string | undefined;
  let refusal: DatabaseOpenError | undefined;
  let reader: Db | undefined;
  try {
    reader = openSqliteFile(file, { readonly: true, nativeBinding: options.nativeBinding });
    problem = quickCheckProblem(reader);
    if (!problem) refuseNewerSchema(reader, file, migrations);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (error instanceof DatabaseOpenError) refusal = error;
    else if (code === 'SQLITE_NOTADB') problem = 'file is not a database';
    else if (code.startsWith('SQLITE_CORRUPT')) problem = `quick_check: ${(error as Error).message}`; // damage met before the check ran
    // Anything else (say, a rollback journal only a writer may replay) is for the normal open to settle.
  } finally {
    reader?.close();
  }
  if (!problem && !refusal) return;
  // A reader of a WAL database makes an empty log and index beside it; a refused open leaves the folder as it found it.
  for (const made of logFiles.filter((f) => !logFilesBefore.includes(f))) removeIfEmptyLog(made);
  if (refusal) throw refusal;
  const dataDir = path.dirname(file);
  const advice = restoreAdvice(dataDir, options);
  throw new DatabaseOpenError(`The database at ${file} is damaged (${problem}). ${advice.text}`, 'damaged', advice.backup);
}

function removeIfEmptyLog(file: string): void {
  try {
    if (file.endsWith('-shm') || fs.statSync(file).size === 0) fs.rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const latestVersion = (migrations: readonly Migration[]) => migrations[migrations.length - 1]?.version ?? 0;

function refuseNewerSchema(db: Db, file: string, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new DatabaseOpenError(
      `The database at ${file} was written by a newer version of Throughline (schema ${current}; this version knows up to ${latest}). Update Throughline to open it; nothing was changed.`,
      'newer',
    );
  }
}

async function migrate(db: Db, file: string, migrations: readonly Migration[], now: () => Date): Promise<void> {
  const current = schemaVersion(db);
  if (current === latestVersion(migrations)) return;
  if (current > 0) {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    await db.backup(`${file}.schema-${current}.${stamp}.bak`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
