import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { JourneyMap } from '../../shared/model/journeyMap';

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-test-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The fixture document with every field of the format set. */
export function fullDocument(): { format: string; version: number; exportedAt?: string; map: JourneyMap } {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'full-map.json'), 'utf8'));
}

/** The smallest valid document. */
export function minimalDocument() {
  return { format: 'throughline/journey-map', version: 1, map: { id: 'm1', name: 'Minimal' } };
}
