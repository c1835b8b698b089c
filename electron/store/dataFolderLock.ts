import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseOpenError, readOnlyFolderError } from './database';

/** One writer per data folder: the process holding this file is the one that writes the database. */
export const LOCK_FILE = 'throughline.lock';

export type InstanceKind = 'serve' | 'desktop' | 'restore';

/** What the lock file holds (JSON). Never the serve token: the file may be read by anyone who can see the folder. */
export interface LockOwner {
  pid: number;
  kind: InstanceKind;
  startedAt: string;
  /** Where a running `serve` can be opened, once it listens. */
  address?: string;
}

export interface DataFolderLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** Records where this instance can be opened, for the message a second instance prints. */
  setAddress(address: string): void;
  /** Removes the lock if it is still ours. Safe to call more than once. */
  release(): void;
}

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(describeInUse(dataDir, owner));
  }
}

function describeInUse(dataDir: string, owner: LockOwner): string {
  const who = `another Throughline (${owner.kind}, pid ${owner.pid})`;
  if (owner.kind === 'restore') return `${who} is restoring a backup into ${dataDir}; wait for it to finish`;
  if (owner.address) return `${who} is already using ${dataDir}; open ${owner.address} or stop it first`;
  if (owner.kind === 'desktop') return `${who} is already using ${dataDir}; use that window, or quit it first`;
  return `${who} is already using ${dataDir}; stop it first`;
}

export const lockFileOf = (dataDir: string) => path.join(dataDir, LOCK_FILE);

/**
 * Takes the data folder for this process, or throws DataFolderInUseError naming the instance that has it.
 * The file is created exclusively ('wx'), so of two instances starting together exactly one wins; a lock
 * left by a process that is gone (killed, crashed, or from before a restart) is taken over.
 */
export function acquireDataFolderLock(dataDir: string, kind: InstanceKind): DataFolderLock {
  const file = lockFileOf(dataDir);
  const owner: LockOwner = { pid: process.pid, kind, startedAt: new Date().toISOString() };
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw folderError(dataDir, error);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, owner, dataDir)) return heldLock(file, owner);
    const current = readLock(file);
    if (current === 'gone') continue;
    if (current.owner && isRunning(current.owner)) throw new DataFolderInUseError(dataDir, current.owner);
    takeOverStale(file, current.text);
  }
  throw new DatabaseOpenError(`Could not take the lock ${file}: other instances kept starting at the same moment; try again`);
}

/** The live instance holding the data folder, if any. */
export function runningInstance(dataDir: string): LockOwner | undefined {
  const current = readLock(lockFileOf(dataDir));
  return current !== 'gone' && current.owner && isRunning(current.owner) ? current.owner : undefined;
}

function tryCreate(file: string, owner: LockOwner, dataDir: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw folderError(dataDir, error);
  }
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw folderError(dataDir, error);
  }
  fs.closeSync(fd);
  return true;
}

function heldLock(file: string, owner: LockOwner): DataFolderLock {
  let written = JSON.stringify(owner);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: had it been taken over (we looked dead), removing it would free someone else's folder.
    if (readText(file) === written) fs.rmSync(file, { force: true });
  };
  // process.exit() (Ctrl+C in serve, a fatal error) skips close(); the lock must not outlive us anyway.
  process.on('exit', release);
  return {
    file,
    owner,
    setAddress(address: string) {
      if (released || readText(file) !== written) return;
      owner.address = address;
      const next = JSON.stringify(owner);
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, next, { mode: 0o644 });
      fs.renameSync(temp, file); // replaced in one step: a reader never sees half a lock
      written = next;
    },
    release,
  };
}

type LockRead = 'gone' | { text: string; owner?: LockOwner };

/** The lock's text and owner; a lock that stays unreadable (not JSON, no pid) has no owner and counts as stale. */
function readLock(file: string): LockRead {
  // A lock created this instant may not have its contents yet: look again briefly before judging it.
  for (let look = 0; ; look++) {
    const text = readText(file);
    if (text === undefined) return 'gone';
    const owner = parseOwner(text);
    if (owner || look >= 10) return owner ? { text, owner } : { text };
    sleep(20);
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || value.pid! <= 0) return undefined;
    if (value.kind !== 'serve' && value.kind !== 'desktop' && value.kind !== 'restore') return undefined;
    return {
      pid: value.pid!,
      kind: value.kind,
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      ...(typeof value.address === 'string' ? { address: value.address } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A process that still exists, and started after this machine did (a pid from before a restart may now be anything). */
function isRunning(owner: LockOwner): boolean {
  const bootedAt = Date.now() - os.uptime() * 1000;
  const startedAt = Date.parse(owner.startedAt);
  if (Number.isFinite(startedAt) && startedAt < bootedAt - 60_000) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, it is just not ours to signal
  }
}

/**
 * Moves the stale lock aside under a name of our own, then checks it is the one we judged: if another
 * instance replaced it in between, theirs is put back and the next attempt sees it running.
 */
function takeOverStale(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) !== staleText) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds it already; the next attempt reads theirs.
    }
  }
  fs.rmSync(aside, { force: true });
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function folderError(dataDir: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnlyFolderError(dataDir);
  return new DatabaseOpenError(`Could not take the lock in ${dataDir}: ${(error as Error).message}`);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
