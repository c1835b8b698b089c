import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

export interface Served {
  child: ChildProcess;
  port: number;
  token: string;
  origin: string;
  /** The address serve printed, token included. */
  url: string;
}

/**
 * `throughline serve --port 0` on its own data folder (127.0.0.1 only), with any more options; resolves
 * once it prints its address. `log` receives everything it writes.
 */
export async function startServe(cli: string, dataDir: string, more: string[] = [], log?: (text: string) => void): Promise<Served> {
  const child = spawn(process.execPath, [cli, 'serve', ...more, '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    return await new Promise<Served>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        log?.(chunk.toString());
        const match = /running at (http:\/\/127\.0\.0\.1:(\d+))\/#token=(\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve({ child, origin: match[1]!, port: Number(match[2]), token: match[3]!, url: `${match[1]}/#token=${match[3]}` });
        }
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', collect);
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve exited with ${code}:\n${output}`))));
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** SIGTERM, then SIGKILL after 10 s; resolves when it has exited. */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface ApiAnswer {
  status: number;
  /** Whatever the host answered; the caller checks it. */
  body: any;
}

/** One API call to a served host on 127.0.0.1, with its headers (token or participant pass), bounded in time. */
export function postApi(
  to: { port: number; agent: http.Agent; localAddress?: string; headers: Record<string, string>; timeoutMs: number },
  channel: string,
  body: unknown,
): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: to.port,
        localAddress: to.localAddress,
        agent: to.agent,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...to.headers },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (answer += chunk));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode!, body: answer ? JSON.parse(answer) : undefined });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(to.timeoutMs, () => req.destroy(new Error(`${channel}: no answer in ${to.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(text);
  });
}
