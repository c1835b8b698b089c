import http from 'node:http';
import os from 'node:os';

/** The machine's addresses on its local networks (IPv4, not loopback): where participants' laptops reach it. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.')) found.push(entry.address);
    }
  }
  return found;
}

export interface LanListeners {
  /** The addresses actually listened on (one that could not be bound is left out and logged). */
  addresses: string[];
  close(): Promise<void>;
}

/**
 * Listens with the host's own request handler on each LAN address, on the host's port: the loopback
 * listener stays as it is, and closing these takes the host off the network again.
 */
export async function listenOnLan(
  handler: http.RequestListener,
  configure: (server: http.Server) => void,
  port: number,
  addresses: string[],
  logError: (error: unknown, context: string) => void,
): Promise<LanListeners> {
  const servers: http.Server[] = [];
  const listened: string[] = [];
  for (const address of addresses) {
    const server = http.createServer(handler);
    configure(server);
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => (server.off('error', reject), resolve()));
      });
      server.on('error', (error) => logError(error, `the room listener on ${address}`));
      servers.push(server);
      listened.push(address);
    } catch (error) {
      logError(error, `could not listen on ${address}:${port}`);
    }
  }
  return {
    addresses: listened,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
