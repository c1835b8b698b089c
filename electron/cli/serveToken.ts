import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Kept in the data folder so a restarted `serve` accepts the tabs still open from its last run. */
export const SERVE_TOKEN_FILE = 'serve-token';

/** 24 random bytes, base64url: 32 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/**
 * The browser host's token for this data folder: the one stored in `<data folder>/serve-token`, or a new
 * one stored there (readable by this user only) when the file is missing, unreadable or malformed.
 */
export function loadServeToken(dataDir: string): string {
  const file = path.join(dataDir, SERVE_TOKEN_FILE);
  const stored = readToken(file);
  if (stored) {
    keepPrivate(file);
    return stored;
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true }); // the mode below applies only to a file this call creates
  fs.writeFileSync(temp, `${token}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
  return token;
}

function readToken(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return TOKEN_SHAPE.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A token file someone made readable by others is a key left in the door: narrow it again. */
function keepPrivate(file: string): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  } catch {
    // Not fatal: the platform may not have POSIX modes.
  }
}
