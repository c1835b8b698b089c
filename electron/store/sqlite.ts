import Sqlite12 from 'better-sqlite3';
import Sqlite13 from 'better-sqlite3-napi';

export type SqliteDatabase = Sqlite12.Database;
export type SqliteOptions = Sqlite12.Options;

const nodeMajor = Number(process.versions.node.split('.')[0]);

/**
 * better-sqlite3 for the runtime we are in. On Node 22 and later (Node 24 LTS is the supported one), its
 * major version 13: a Node-API build that ships prebuilt in the package, so it loads on any such Node with
 * no compiler, and does not crash the process at exit as 12's addon does on Node 24. On Node 20, where
 * 13 cannot load, and wherever a build for another runtime is given (Electron's, see scripts/electron-native.mjs),
 * 12 as compiled at install. Both have the same API.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDatabase {
  const Database = options.nativeBinding || nodeMajor < 22 ? Sqlite12 : (Sqlite13 as unknown as typeof Sqlite12);
  return new Database(file, options);
}
