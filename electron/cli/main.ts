import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from './serve';
import { validateCommand } from './validateCommand';
import { exportCommand } from './exportCommand';
import { backupsCommand } from './backupsCommand';
import { restoreCommand } from './restoreCommand';
import { EXIT, UsageError, type CommandIo } from './io';
import { DatabaseOpenError } from '../store/database';
import { DataFolderInUseError } from '../store/dataFolderLock';
import { RestoreError } from '../store/restore';
import { defaultDataDir } from '../platform/paths';

const HELP = `Usage: throughline <command> [options]

Commands:
  serve [--port N] [--data DIR]   Open Throughline in your browser, served on 127.0.0.1 only.
                                  --port 0 (the default) picks a free port; --data sets the folder
                                  that holds the database (default: the desktop app's data folder).
        [--lan] [--invite-host H] --lan lets "Invite" open one map to the local network for the room
                                  (participants join from their browsers); --invite-host sets the
                                  host named in join links (default: this computer's LAN address).
  validate FILE [--json]          Check a map file: lists gaps and ownership conflicts. Exit code 0
                                  with no error finding, 1 with error findings, 2 if the file is
                                  unreadable or not a valid map. --json prints the findings as JSON.
  export FILE --pdf OUT           Export a map file as a PDF slide deck; also --png OUT and --svg OUT
                                  (the journey grid), in any combination. Same drawing as the app.
  export FILE --pptx OUT          The same slide deck as an editable PowerPoint file (16:9).
  export FILE --csv OUT           One row per touchpoint (opens in Excel; imports back).
  export FILE --agreement OUT     Write the handoff agreement between the teams: OUT.md (Markdown,
                                  for a wiki) or OUT.pdf (A4 pages to sign).
  backups [--data DIR]            List the automatic backups of the data folder, newest first, with
                                  time, size and number of maps.
  restore FILE [--data DIR]       Put a backup in place of the database (checked first; refused
                                  while Throughline runs on the folder). The database it replaces
                                  is kept beside it as throughline.db.before-restore-<time>.
  help                            Show this help.

Every command that reads a map FILE accepts .json or .csv (one row per touchpoint).
`;

const dataDirOf = (data: string | undefined) => path.resolve(data ?? defaultDataDir());

const consoleIo: CommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs one command line; returns the exit code rather than exiting, except for `serve`, which keeps running. */
export async function runCli(argv: string[], io: CommandIo = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({
          args: rest,
          options: { port: { type: 'string' }, data: { type: 'string' }, lan: { type: 'boolean', default: false }, 'invite-host': { type: 'string' } },
          strict: true,
        });
        const staticDir = path.join(__dirname, '..', 'renderer');
        // Listening for Ctrl+C before the address is printed: a signal in between would otherwise end the
        // process by default, skipping the release of the data folder's lock.
        let stop: (() => Promise<void>) | undefined;
        const shutdown = () => void (stop ? stop() : Promise.resolve()).then(() => process.exit(EXIT.ok));
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
        try {
          ({ stop } = await serve({ port: values.port, data: values.data, lan: values.lan, inviteHost: values['invite-host'] }, io, staticDir));
        } catch (error) {
          process.off('SIGINT', shutdown);
          process.off('SIGTERM', shutdown);
          throw error;
        }
        return EXIT.ok;
      }
      case 'validate': {
        const { values, positionals } = parseArgs({ args: rest, options: { json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
        if (positionals.length !== 1) throw new UsageError('validate needs exactly one FILE: throughline validate FILE [--json]');
        return validateCommand(positionals[0]!, { json: values.json ?? false }, io);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { pdf: { type: 'string' }, pptx: { type: 'string' }, agreement: { type: 'string' }, csv: { type: 'string' }, png: { type: 'string' }, svg: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new UsageError('export needs exactly one FILE: throughline export FILE --pdf OUT');
        return await exportCommand(positionals[0]!, values, io);
      }
      case 'backups': {
        const { values } = parseArgs({ args: rest, options: { data: { type: 'string' } }, strict: true });
        return backupsCommand(dataDirOf(values.data), io);
      }
      case 'restore': {
        const { values, positionals } = parseArgs({ args: rest, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
        if (positionals.length !== 1) throw new UsageError('restore needs exactly one FILE: throughline restore FILE [--data DIR]');
        return restoreCommand(positionals[0]!, dataDirOf(values.data), io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}"; run "throughline help" for the list`);
    }
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof DatabaseOpenError ||
      error instanceof DataFolderInUseError ||
      error instanceof RestoreError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`throughline: ${known ? (error as Error).message : `unexpected error: ${(error as Error).message}`}`);
    return EXIT.usage;
  }
}
