import type http from 'node:http';

export class BodyTooLarge extends Error {}
/** The client went away before sending the whole body: nobody is left to answer. */
export class RequestAborted extends Error {}

/** Reads a request body up to limit bytes; settles exactly once, also when the client lies about the length or leaves. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      settle(() => reject(new BodyTooLarge()));
    };
    req.on('data', onData);
    req.on('end', () => settle(() => resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', () => settle(() => reject(new RequestAborted())));
    req.on('close', () => settle(() => reject(new RequestAborted())));
  });
}
