import path from 'node:path';
import { generateMap } from './generateMap';
import { median } from './measure';
import { report } from './results';
import { parseMap } from '../shared/format/document';
import { validate } from '../shared/validate/validate';
import { openDatabase } from '../electron/store/database';
import { MapStore } from '../electron/store/mapStore';

export const LARGE_CARDS = 20_000;

/**
 * The absolute figures for a 20,000-card map: opening it from the store (MapStore.open on a real SQLite
 * file, as an editor window does) and one full validation of what was opened. Each is the median of
 * several runs, since the build machine has two cores and other work runs beside the benchmark.
 */
export async function measureLarge(options: { work: string; quick: boolean }): Promise<void> {
  const parsed = parseMap(generateMap(LARGE_CARDS));
  if (!parsed.ok) throw new Error(`generated map is invalid: ${parsed.problems[0]!.path} ${parsed.problems[0]!.message}`);
  const file = path.join(options.work, 'large.db');
  {
    const db = await openDatabase(file);
    new MapStore(db).importMap(parsed.map);
    db.close();
  }
  // A fresh connection to the file, as after a restart: the first open reads the rows from the file.
  const db = await openDatabase(file);
  try {
    const store = new MapStore(db);
    let start = performance.now();
    let opened = store.open(parsed.map.id).map;
    const first = performance.now() - start;
    if (opened.touchpoints.length !== LARGE_CARDS) throw new Error(`opened ${opened.touchpoints.length} cards`);
    const opens: number[] = [];
    for (let i = 0; i < (options.quick ? 5 : 11); i++) {
      start = performance.now();
      opened = store.open(parsed.map.id).map;
      opens.push(performance.now() - start);
    }
    const openMs = median(opens);
    report('store.open_20000_ms', openMs, 'ms', 300, `median of ${opens.length} opens (first after reconnecting ${first.toFixed(0)} ms)`);

    for (let i = 0; i < 20; i++) validate(opened); // JIT warm-up, as the live app has validated many times
    const runs: number[] = [];
    for (let i = 0; i < (options.quick ? 15 : 41); i++) {
      start = performance.now();
      validate(opened);
      runs.push(performance.now() - start);
    }
    report('validator.full_20000_ms', median(runs), 'ms', 40, `median of ${runs.length} full validations of the opened map, ${validate(opened).length} findings`);
  } finally {
    db.close();
  }
}
