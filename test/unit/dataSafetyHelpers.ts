import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/store/database';
import { MapStore } from '../../electron/store/mapStore';

/** A clock that starts at `start` and moves `stepMs` on every reading, so every name it stamps differs. */
export function steppingClock(start: string, stepMs = 1000): () => Date {
  let time = Date.parse(start) - stepMs;
  return () => new Date((time += stepMs));
}

/** A closed database in `dir` holding `mapCount` maps made from the funnel template. */
export async function databaseWithMaps(dir: string, mapCount: number): Promise<string> {
  const file = path.join(dir, 'throughline.db');
  const db = await openDatabase(file);
  const store = new MapStore(db);
  for (let i = 1; i <= mapCount; i++) store.create(`Workshop ${i}`, 'b2b-funnel');
  db.close();
  return file;
}

/** What a disk fault or a stray write does: 16 KB of garbage over the middle of the file. */
export function damageMiddle(file: string): void {
  const size = fs.statSync(file).size;
  const garbage = Buffer.alloc(16 * 1024);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) & 0xff;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, garbage.length, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
}

/** Every file under `dir` with a hash of its bytes, to show that nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return result;
}
