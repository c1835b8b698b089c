import path from 'node:path';
import { openDatabase, type OpenOptions } from '../store/database';
import { MapStore } from '../store/mapStore';
import { VersionStore } from '../store/versionStore';
import { DATABASE_FILE } from '../platform/paths';
import { createHandlers } from './handlers';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch';

export interface Backend {
  dispatch: Dispatch;
  databaseFile: string;
  close(): void;
}

/** Everything behind the API, without a shell: the Electron main process and the browser host both start one. */
export async function startBackend(
  dataDir: string,
  options: OpenOptions & DispatchOptions = {},
): Promise<Backend> {
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const db = await openDatabase(databaseFile, options);
  const store = new MapStore(db, options.now);
  const versions = new VersionStore(db, store, options.now);
  return {
    dispatch: createDispatch(createHandlers(store, versions), options),
    databaseFile,
    close: () => db.close(),
  };
}
