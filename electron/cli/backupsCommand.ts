import { backupsFolderOf, checkDatabaseFile, describeTime, listBackups } from '../store/backupCatalog';
import { EXIT, type CommandIo } from './io';

/** `throughline backups [--data DIR]`: one line per backup, newest first, each checked as it is listed. */
export function backupsCommand(dataDir: string, io: CommandIo): number {
  const backups = listBackups(dataDir);
  if (backups.length === 0) {
    io.out(`No backups yet in ${backupsFolderOf(dataDir)}`);
    return EXIT.ok;
  }
  for (const backup of backups) {
    const check = checkDatabaseFile(backup.file);
    const contents = check.ok ? plural(check.mapCount, 'map') : `DAMAGED: ${check.problem}`;
    io.out(`${describeTime(backup.takenAt)}  ${formatSize(backup.size).padStart(8)}  ${contents.padEnd(8)}  ${backup.file}`);
  }
  return EXIT.ok;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
