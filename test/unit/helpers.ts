import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { MapStore } from '../../electron/store/mapStore';
import type { MapOp } from '../../shared/document/ops';
import { newId } from '../../shared/ids';

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

/** Stores ops as an editor window would: one change under a fresh batch id. */
export function storeOps(store: MapStore, mapId: string, ops: MapOp[], clientId = 'test-window') {
  return store.storeChange(mapId, { clientId, batchId: newId('batch-'), ops });
}
