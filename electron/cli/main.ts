import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from './serve';
import { validateCommand } from './validateCommand';
import { exportCommand } from './exportCommand';
import { EXIT, UsageError, type CommandIo } from './io';
import { DatabaseOpenError } from '../store/database';

const HELP = `Usage: throughline <command> [options]

Commands:
  serve [--port N] [--data DIR]   Open Throughline in your browser, served on 127.0.0.1 only.
                                  --port 0 (the default) picks a free port; --data sets the folder
                                  that holds the database (default: the desktop app's data folder).
  validate FILE [--json]          Check a map file: lists gaps and ownership conflicts. Exit code 0
                                  with no error finding, 1 with error findings, 2 if the file is
                                  unreadable or not a valid map. --json prints the findings as JSON.
  export FILE --pdf OUT           Export a map file as a PDF slide deck; also --png OUT and --svg OUT
                                  (the journey grid), in any combination. Same drawing as the app.
  help                            Show this help.
`;

const consoleIo: CommandIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs one command line; returns the exit code rather than exiting, except for `serve`, which keeps running. */
export async function runCli(argv: string[], io: CommandIo = consoleIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({
          args: rest,
          options: { port: { type: 'string' }, data: { type: 'string' } },
          strict: true,
        });
        const staticDir = path.join(__dirname, '..', 'renderer');
        const { stop } = await serve(values, io, staticDir);
        const shutdown = () => void stop().then(() => process.exit(EXIT.ok));
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
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
          options: { pdf: { type: 'string' }, png: { type: 'string' }, svg: { type: 'string' } },
          allowPositionals: true,
          strict: true,
        });
        if (positionals.length !== 1) throw new UsageError('export needs exactly one FILE: throughline export FILE --pdf OUT');
        return await exportCommand(positionals[0]!, values, io);
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
    const known = error instanceof UsageError || error instanceof DatabaseOpenError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`throughline: ${known ? (error as Error).message : `unexpected error: ${(error as Error).message}`}`);
    return EXIT.usage;
  }
}
