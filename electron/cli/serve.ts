import path from 'node:path';
import { startBackend } from '../api/backend';
import { startHost } from '../host/server';
import { defaultDataDir } from '../platform/paths';
import { loadServeToken } from './serveToken';
import { UsageError, type CommandIo } from './io';

export interface ServeArgs {
  port?: string;
  data?: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks a free port), got "${value}"`);
  return port;
}

/** `throughline serve`: the browser host. Resolves once listening; `stopped` settles when it shuts down. */
export async function serve(args: ServeArgs, io: CommandIo, staticDir: string) {
  const port = parsePort(args.port);
  const dataDir = path.resolve(args.data ?? defaultDataDir());
  // Takes the data folder's lock first: a second instance stops here, naming the first.
  const backend = await startBackend(dataDir, { lockAs: 'serve' });
  let host;
  try {
    host = await startHost({
      dispatch: backend.dispatch,
      staticDir,
      port,
      token: loadServeToken(dataDir),
      watchMap: (mapId, since, send) => backend.sessions.watch(mapId, since, send),
    });
  } catch (error) {
    backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`port ${port} is already in use; choose another with --port, or --port 0 for any free port`);
    }
    throw error;
  }
  backend.lock?.setAddress(`${host.origin}/`);
  io.out(`Throughline is running at ${host.url}`);
  io.out(`Maps are stored in ${backend.databaseFile}`);
  io.out('Open the address above in a browser. Press Ctrl+C to stop.');
  const stop = async () => {
    await host.close();
    backend.close();
  };
  return { host, stop };
}
