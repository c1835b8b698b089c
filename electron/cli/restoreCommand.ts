import { restoreBackup } from '../store/restore';
import { EXIT, type CommandIo } from './io';

/** `throughline restore FILE [--data DIR]`: puts a checked backup in place; the replaced database is kept beside it. */
export function restoreCommand(backup: string, dataDir: string, io: CommandIo): number {
  const result = restoreBackup(dataDir, backup);
  io.out(`Restored ${result.databaseFile} from ${result.restoredFrom} (${result.mapCount} map${result.mapCount === 1 ? '' : 's'}).`);
  if (result.replacedKeptAs) {
    const journals = result.keptAside.filter((file) => file !== result.replacedKeptAs).map((file) => file.slice(result.replacedKeptAs!.length));
    const extra = journals.length > 0 ? ` (with its ${journals.join(' and ')} file${journals.length === 1 ? '' : 's'})` : '';
    io.out(`The database it replaced is kept as ${result.replacedKeptAs}${extra}.`);
  } else {
    io.out('There was no database to replace.');
  }
  io.out('Start Throughline again to use it.');
  return EXIT.ok;
}
