import { startBackend, type Backend, type BackendOptions } from './backend';
import { DatabaseOpenError } from '../store/database';
import { restoreBackup, type RestoreResult } from '../store/restore';
import type { BackupFile } from '../store/backupCatalog';

/** A database that a restore would fix, with the backup to restore. */
export type RestorableError = DatabaseOpenError & { newestBackup: BackupFile };

export interface RecoveredStart {
  backend: Backend;
  /** Set when the database was replaced by a backup on the way. */
  restored?: RestoreResult;
}

/**
 * The desktop's start: when the database is damaged (or gone, beside backups) and a good backup exists,
 * asks whether to restore it; restores it the way `throughline restore` does, then starts again.
 * Resolves undefined when the answer is no. Every other problem is thrown as it is.
 */
export async function startBackendOrRestore(
  dataDir: string,
  options: BackendOptions,
  askToRestore: (error: RestorableError) => Promise<boolean>,
): Promise<RecoveredStart | undefined> {
  try {
    return { backend: await startBackend(dataDir, options) };
  } catch (error) {
    if (!isRestorable(error)) throw error;
    if (!(await askToRestore(error))) return undefined;
    const restored = restoreBackup(dataDir, error.newestBackup.file, { nativeBinding: options.nativeBinding, now: options.now });
    return { backend: await startBackend(dataDir, options), restored };
  }
}

function isRestorable(error: unknown): error is RestorableError {
  return error instanceof DatabaseOpenError && (error.problem === 'damaged' || error.problem === 'missing') && error.newestBackup !== undefined;
}
