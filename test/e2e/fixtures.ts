import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServedApp {
  /** The URL `throughline serve` printed, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
}

/** Starts the real CLI (`throughline serve --port N --data <temp> [more]`) and reads the URL it prints. */
export async function startServe(dataDir: string, port = 0, more: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'throughline.cjs'), 'serve', '--port', String(port), '--data', dataDir, ...more], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

export const test = base.extend<{ app: ServedApp }>({
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-e2e-'));
    const { child, url } = await startServe(dataDir);
    const parsed = new URL(url);
    await use({ url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), dataDir });
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
