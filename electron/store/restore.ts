import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../platform/paths';
import { LATEST_SCHEMA_VERSION } from './migrations';
import {
  backupsFolderOf,
  checkDatabaseFile,
  describeSqliteError,
  makeSelfContained,
  type FileCheck,
  type SqliteFileOptions,
} from './backupCatalog';
import { acquireDataFolderLock } from './dataFolderLock';

export interface RestoreOptions extends SqliteFileOptions {
  /** Clock for the name the replaced database is kept under; tests pin it. */
  now?: () => Date;
}

export interface RestoreResult {
  databaseFile: string;
  restoredFrom: string;
  mapCount: number;
  /** The replaced database under its new name, when there was one. */
  replacedKeptAs?: string;
  /** Every file moved aside: the database and its journal files. */
  keptAside: string[];
}

/** A backup that cannot be restored, or a restore that could not finish; nothing in the data folder changed. */
export class RestoreError extends Error {
  override name = 'RestoreError';
}

/** The replaced database travels with its journal files, so the set stays openable under its new name. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Puts a backup in place of the data folder's database. The backup is copied into the folder and checked
 * there first (quick_check, a Throughline database, a schema this version knows); only then is the current
 * database moved aside as `throughline.db.before-restore-<time>` and the checked copy renamed into place.
 * Refused while another Throughline uses the folder. Any failure leaves the folder as it was.
 */
export function restoreBackup(dataDir: string, backup: string, options: RestoreOptions = {}): RestoreResult {
  const source = locateBackup(dataDir, backup);
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const lock = acquireDataFolderLock(dataDir, 'restore');
  const incoming = `${databaseFile}.restoring-${stamp}`;
  try {
    const mapCount = prepareCopy(source, incoming, options);
    const aside = `${databaseFile}.before-restore-${stamp}`;
    const keptAside = moveAside(databaseFile, aside);
    try {
      fs.renameSync(incoming, databaseFile);
    } catch (error) {
      moveBack(databaseFile, aside, keptAside);
      throw new RestoreError(`could not put ${source} in place of ${databaseFile} (${describeSqliteError(error)}); nothing was changed`);
    }
    const replacedKeptAs = keptAside.includes(aside) ? aside : undefined;
    return { databaseFile, restoredFrom: source, mapCount, keptAside, ...(replacedKeptAs ? { replacedKeptAs } : {}) };
  } finally {
    for (const suffix of COMPANIONS) fs.rmSync(incoming + suffix, { force: true });
    lock.release();
  }
}

/** FILE as given, or by its name in the data folder's backups folder (as `throughline backups` lists them). */
function locateBackup(dataDir: string, backup: string): string {
  const candidates = [path.resolve(backup), path.join(backupsFolderOf(dataDir), path.basename(backup))];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new RestoreError(`cannot restore ${backup}: no such file; "throughline backups --data ${dataDir}" lists the backups`);
  if (!fs.statSync(found).isFile()) throw new RestoreError(`cannot restore ${found}: it is a folder, not a file`);
  return found;
}

/** Copies the backup next to the database and checks the copy: what is checked is exactly what goes in place. */
function prepareCopy(source: string, incoming: string, options: SqliteFileOptions): number {
  try {
    fs.copyFileSync(source, incoming);
  } catch (error) {
    throw new RestoreError(`could not copy ${source} into ${path.dirname(incoming)} (${describeSqliteError(error)}); nothing was changed`);
  }
  let check: FileCheck;
  try {
    makeSelfContained(incoming, options); // a copy of a live (WAL) database must not need files it left behind
    check = checkDatabaseFile(incoming, options);
  } catch (error) {
    check = { ok: false, problem: describeSqliteError(error) };
  }
  if (!check.ok) throw new RestoreError(`cannot restore ${source}: ${check.problem}; nothing was changed`);
  if (check.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new RestoreError(
      `cannot restore ${source}: it was written by a newer version of Throughline (schema ${check.schemaVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}); nothing was changed`,
    );
  }
  return check.mapCount;
}

function moveAside(databaseFile: string, aside: string): string[] {
  const moved: string[] = [];
  try {
    for (const suffix of COMPANIONS) {
      if (!fs.existsSync(databaseFile + suffix)) continue;
      fs.renameSync(databaseFile + suffix, aside + suffix);
      moved.push(aside + suffix);
    }
  } catch (error) {
    moveBack(databaseFile, aside, moved);
    throw new RestoreError(`could not move ${databaseFile} aside (${describeSqliteError(error)}); nothing was changed`);
  }
  return moved;
}

function moveBack(databaseFile: string, aside: string, moved: string[]): void {
  for (const file of moved) fs.renameSync(file, databaseFile + file.slice(aside.length));
}
