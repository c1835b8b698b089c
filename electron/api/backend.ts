import path from 'node:path';
import { openDatabase, type OpenOptions } from '../store/database';
import { MapStore } from '../store/mapStore';
import { VersionStore } from '../store/versionStore';
import { startBackups, type BackupKeeper, type BackupOptions } from '../store/backups';
import { acquireDataFolderLock, type DataFolderLock, type InstanceKind } from '../store/dataFolderLock';
import { DATABASE_FILE } from '../platform/paths';
import { createHandlers } from './handlers';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch';
import { MapSessions } from './sessions';
import { RoomService } from '../room/roomService';
import { authorize } from '../room/roomAccess';

export interface BackendOptions extends OpenOptions, DispatchOptions {
  /**
   * Take the data folder's lock as this kind of instance, so no second Throughline writes it; throws
   * DataFolderInUseError naming the one that does. Left out (tests, tools), no lock is taken.
   */
  lockAs?: Exclude<InstanceKind, 'restore'>;
  /** Automatic verified backups into `<data folder>/backups/` (on unless false); tests set the interval and clock. */
  backups?: BackupOptions | false;
}

export interface Backend {
  dispatch: Dispatch;
  /** Live map sessions: windows watch a map here and receive every change stored to it. */
  sessions: MapSessions;
  /** The room session (co-editing with participants' browsers); the shell gives it a network to open. */
  room: RoomService;
  dataDir: string;
  databaseFile: string;
  /** The data folder's lock, when lockAs was given; serve records its address in it. */
  lock?: DataFolderLock;
  backups?: BackupKeeper;
  /** Closes the database and releases the lock. A backup in progress is abandoned: it only ever copies. */
  close(): void;
}

/** Everything behind the API, without a shell: the Electron main process and the browser host both start one. */
export async function startBackend(dataDir: string, options: BackendOptions = {}): Promise<Backend> {
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const lock = options.lockAs ? acquireDataFolderLock(dataDir, options.lockAs) : undefined;
  let db;
  try {
    db = await openDatabase(databaseFile, options);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const store = new MapStore(db, options.now);
  const versions = new VersionStore(db, store, options.now);
  const sessions = new MapSessions(store);
  store.events = {
    changed: (change) => sessions.publish({ type: 'change', change }),
    deleted: (mapId) => sessions.publish({ type: 'deleted', mapId }),
  };
  const room = new RoomService(store, sessions);
  const backups =
    options.backups === false
      ? undefined
      : startBackups(db, dataDir, { nativeBinding: options.nativeBinding, now: options.now, ...options.backups });
  let closed = false;
  return {
    dispatch: createDispatch(createHandlers(store, versions, room), (caller, channel, input) => authorize(room, caller, channel, input), options),
    sessions,
    room,
    dataDir,
    databaseFile,
    lock,
    backups,
    close: () => {
      if (closed) return;
      closed = true;
      backups?.stop();
      db.close();
      lock?.release();
    },
  };
}
