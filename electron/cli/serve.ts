import path from 'node:path';
import { startBackend } from '../api/backend';
import { startHost } from '../host/server';
import { defaultDataDir } from '../platform/paths';
import { loadServeToken } from './serveToken';
import { UsageError, type CommandIo } from './io';

export interface ServeArgs {
  port?: string;
  data?: string;
  /** Let "Invite" open the room session to the local network. */
  lan?: boolean;
  /** The host named in join links (tests: 127.0.0.1); the first LAN address otherwise. */
  inviteHost?: string;
}

/** A host name or an IP address, as it may appear in a URL. */
function parseInviteHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(value) && !/^\[?[0-9A-Fa-f:.]{2,45}\]?$/.test(value)) {
    throw new UsageError(`--invite-host must be a host name or an IP address, got "${value}"`);
  }
  return value.replace(/^\[|\]$/g, '');
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
  const inviteHost = parseInviteHost(args.inviteHost);
  if (inviteHost && !args.lan) throw new UsageError('--invite-host names the host in join links; it needs --lan');
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
      room: backend.room,
    });
  } catch (error) {
    backend.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`port ${port} is already in use; choose another with --port, or --port 0 for any free port`);
    }
    throw error;
  }
  backend.lock?.setAddress(`${host.origin}/`);
  const running = host;
  if (args.lan) backend.room.setNetwork({ open: () => running.openLan(inviteHost), close: () => running.closeLan() });
  io.out(`Throughline is running at ${host.url}`);
  io.out(`Maps are stored in ${backend.databaseFile}`);
  if (args.lan) io.out('"Invite" in a map opens it to the local network for the room (your firewall may ask to allow Throughline).');
  io.out('Open the address above in a browser. Press Ctrl+C to stop.');
  const stop = async () => {
    await backend.room.stop('Throughline was stopped.');
    await host.close();
    backend.close();
  };
  return { host, stop };
}
