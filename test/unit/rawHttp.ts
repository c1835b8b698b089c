import net from 'node:net';
import http from 'node:http';

export interface RawResponse {
  /** 0 when the host closed the connection without an HTTP answer. */
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given to 127.0.0.1:port — a request line a real client would never send, a lying
 * content-length, a dropped connection — and reads whatever comes back. Never waits longer than timeoutMs.
 */
export function rawRequest(port: number, bytes: string | Buffer, options: { timeoutMs?: number; destroyAfterWrite?: boolean } = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseResponse(Buffer.concat(chunks).toString('utf8')));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 2_000);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // One response is all a test needs; stop as soon as it is complete.
      const parsed = parseResponse(Buffer.concat(chunks).toString('utf8'));
      if (parsed.status && parsed.headers['content-length'] !== undefined && Buffer.byteLength(parsed.body) >= Number(parsed.headers['content-length'])) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(bytes, () => {
      if (options.destroyAfterWrite) finish();
    });
  });
}

function parseResponse(text: string): RawResponse {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end < 0) return { status: 0, headers: {}, body: '' };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/** A well-formed request through Node's client, for the calls a real page makes. */
export function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(new Error(`no answer to ${options.method ?? 'GET'} ${options.path.slice(0, 80)} within ${options.timeoutMs ?? 10_000} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A tokened API call, the way the renderer makes it. */
export async function callApi(port: number, token: string, channel: string, input: unknown = {}, timeoutMs?: number) {
  const answer = await request(port, {
    path: `/api/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-throughline-token': token },
    body: JSON.stringify(input),
    timeoutMs,
  });
  return { status: answer.status, envelope: JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}
