import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderInUseError, runningInstance } from '../../electron/store/dataFolderLock';
import { loadServeToken } from '../../electron/cli/serveToken';
import { tempDir } from './helpers';
import { databaseWithMaps } from './dataSafetyHelpers';

// These tests run the real command line in child processes: locks are about processes, so one process
// pretending to be two would prove nothing. The CLI is bundled here from the sources, so a stale build
// in dist/ can never make them pass or fail.
const root = path.join(__dirname, '..', '..');
let bundleDir: string;
let cli: string;

beforeAll(async () => {
  bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-cli-'));
  fs.chmodSync(bundleDir, 0o755); // readable by the unprivileged user the read-only test runs as
  cli = path.join(bundleDir, 'throughline.cjs');
  await build({
    entryPoints: [path.join(root, 'electron', 'cli', 'entry.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    external: ['electron', 'better-sqlite3', 'better-sqlite3-napi', '@resvg/resvg-js', 'pdfkit', 'fontkit'],
  });
}, 60_000);

afterAll(() => fs.rmSync(bundleDir, { recursive: true, force: true }));

/** True when a user other than the owner may pass through every folder on the way to `file`. */
function othersCanReach(file: string): boolean {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}
const runningAsRoot = process.getuid?.() === 0;
// As root every file is writable, so the read-only cases run as an unprivileged user; that user must be
// able to reach Node and the project's node_modules (a checkout in a private folder cannot).
const canTestReadOnly = !runningAsRoot || (othersCanReach(process.execPath) && othersCanReach(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Launched {
  child: ChildProcess;
  /** Resolves with the printed URL once listening, or with the exit code and stderr if it stopped first. */
  outcome: Promise<{ url: string; token: string } | { code: number | null; stderr: string }>;
  exited: Promise<number | null>;
}

function launchServe(dataDir: string, as?: { uid: number; gid: number }): Launched {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(as ?? {}),
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const outcome = new Promise<{ url: string; token: string } | { code: number | null; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve neither started nor stopped:\n${stdout}\n${stderr}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=(\S+))/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, token: match[2]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  return { child, outcome, exited };
}

async function started(launched: Launched) {
  const outcome = await launched.outcome;
  if (!('url' in outcome)) throw new Error(`serve stopped with ${outcome.code}: ${outcome.stderr}`);
  return outcome;
}

async function refused(launched: Launched) {
  const outcome = await launched.outcome;
  if ('url' in outcome) throw new Error(`serve started at ${outcome.url}`);
  return outcome;
}

const readLock = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'throughline.lock'), 'utf8'));

describe('one writer per data folder', () => {
  it('a second serve on the same folder exits 2 with one line naming the first and its address, never its token', async () => {
    const dir = tempDir();
    const first = launchServe(dir);
    const { url, token } = await started(first);
    const origin = new URL(url).origin;
    expect(readLock(dir)).toEqual({ pid: first.child.pid, kind: 'serve', startedAt: expect.any(String), address: `${origin}/` });

    const second = await refused(launchServe(dir));
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `throughline: another Throughline (serve, pid ${first.child.pid}) is already using ${dir}; open ${origin}/ or stop it first\n`,
    );
    expect(second.stderr).not.toContain(token);
    expect(fs.readFileSync(path.join(dir, 'throughline.lock'), 'utf8')).not.toContain(token);
    expect(readLock(dir).pid).toBe(first.child.pid);
  });

  it('takes over the lock of a serve that was killed with SIGKILL', async () => {
    const dir = tempDir();
    const first = launchServe(dir);
    await started(first);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(readLock(dir).pid).toBe(first.child.pid); // left behind: nothing ran on the way out

    const next = launchServe(dir);
    await started(next);
    expect(readLock(dir).pid).toBe(next.child.pid);
  });

  it('releases the lock when serve is stopped with SIGTERM or Ctrl+C', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dir = tempDir();
      const running = launchServe(dir);
      await started(running);
      running.child.kill(signal);
      expect(await running.exited).toBe(0);
      expect(fs.existsSync(path.join(dir, 'throughline.lock'))).toBe(false);
    }
  });

  it.runIf(canTestReadOnly)('stops at start with one line when the database or its folder is read-only', async () => {
    const as = runningAsRoot ? { uid: 65534, gid: 65534 } : undefined;
    const readOnlyFile = tempDir();
    await databaseWithMaps(readOnlyFile, 1);
    fs.chmodSync(readOnlyFile, 0o755);
    fs.chmodSync(path.join(readOnlyFile, 'throughline.db'), 0o444);
    if (as) fs.chownSync(readOnlyFile, as.uid, as.gid); // the folder is theirs, the database is not
    const fileOutcome = await refused(launchServe(readOnlyFile, as));
    expect(fileOutcome.code).toBe(2);
    expect(fileOutcome.stderr).toBe(
      `throughline: The database at ${path.join(readOnlyFile, 'throughline.db')} is read-only: Throughline needs to write to it and to its folder ${readOnlyFile}. Make both writable (or use another data folder) and start again; nothing was changed.\n`,
    );
    expect(fs.existsSync(path.join(readOnlyFile, 'throughline.lock'))).toBe(false);

    const readOnlyFolder = tempDir();
    await databaseWithMaps(readOnlyFolder, 1);
    fs.chmodSync(path.join(readOnlyFolder, 'throughline.db'), 0o666);
    fs.chmodSync(readOnlyFolder, 0o555);
    const folderOutcome = await refused(launchServe(readOnlyFolder, as));
    fs.chmodSync(readOnlyFolder, 0o755);
    expect(folderOutcome.code).toBe(2);
    expect(folderOutcome.stderr).toMatch(new RegExp(`^throughline: The data folder ${readOnlyFolder} is read-only: Throughline needs to write to it .*\\n$`));
  });
});

describe('the data folder lock', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  it('takes over a lock whose process is gone, and one that is not a lock at all', () => {
    const dir = tempDir();
    const file = path.join(dir, 'throughline.lock');
    fs.writeFileSync(file, JSON.stringify({ pid: deadPid(), kind: 'serve', startedAt: new Date().toISOString(), address: 'http://127.0.0.1:1/' }));
    expect(runningInstance(dir)).toBeUndefined();
    const lock = acquireDataFolderLock(dir, 'desktop');
    expect(readLock(dir)).toEqual({ pid: process.pid, kind: 'desktop', startedAt: lock.owner.startedAt });
    lock.release();
    expect(fs.existsSync(file)).toBe(false);

    fs.writeFileSync(file, 'not json');
    acquireDataFolderLock(dir, 'serve').release();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('never takes a live lock, and never removes a lock that is no longer its own', () => {
    const dir = tempDir();
    const held = acquireDataFolderLock(dir, 'serve');
    expect(() => acquireDataFolderLock(dir, 'restore')).toThrow(DataFolderInUseError);
    expect(runningInstance(dir)).toMatchObject({ pid: process.pid, kind: 'serve' });

    // Someone judged us dead and took over: our release must leave their lock alone.
    const theirs = JSON.stringify({ pid: process.ppid, kind: 'desktop', startedAt: new Date().toISOString() });
    fs.writeFileSync(path.join(dir, 'throughline.lock'), theirs);
    held.release();
    expect(fs.readFileSync(path.join(dir, 'throughline.lock'), 'utf8')).toBe(theirs);
    expect(() => acquireDataFolderLock(dir, 'serve')).toThrow(
      `another Throughline (desktop, pid ${process.ppid}) is already using ${dir}; use that window, or quit it first`,
    );
  });
});

describe('the serve token', () => {
  it('is the same on two runs on one folder, kept in a file only its user can read', async () => {
    const dir = tempDir();
    const tokens: string[] = [];
    for (let run = 0; run < 2; run++) {
      const serve = launchServe(dir);
      tokens.push((await started(serve)).token);
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(tokens[1]).toBe(tokens[0]);
    const file = path.join(dir, 'serve-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(tokens[0]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is replaced when the file is malformed, and narrowed when others could read it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'serve-token');
    fs.writeFileSync(file, 'short', { mode: 0o644 });
    const token = loadServeToken(dir);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.chmodSync(file, 0o644);
    expect(loadServeToken(dir)).toBe(token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
