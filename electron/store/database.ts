import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 build for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  /** Clock for backup file names; tests pin it. */
  now?: () => Date;
  /** The migration list; tests pass a longer one to exercise upgrades. */
  migrations?: readonly Migration[];
}

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/**
 * Opens (creating if needed) the database file and brings its schema to the latest version.
 * An existing database is copied aside with db.backup() before any migration touches it.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const migrations = options.migrations ?? MIGRATIONS;
  try {
    // Checked before anything writes to the file: a database from a newer version is left exactly as it is.
    refuseNewerSchema(db, file, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    await migrate(db, file, migrations, options.now ?? (() => new Date()));
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(`Could not open the database at ${file}: ${(error as Error).message}`);
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
