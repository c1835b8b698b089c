import path from 'node:path';
import { generateMap } from './generateMap';
import { sideBySide } from './measure';
import { report } from './results';
import { parseMap, toDocument } from '../shared/format/document';
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
    const start = performance.now();
    let opened = store.open(parsed.map.id).map;
    const first = performance.now() - start;
    if (opened.touchpoints.length !== LARGE_CARDS) throw new Error(`opened ${opened.touchpoints.length} cards`);
    // Each figure alternates with JSON.parse of the map's exported file, so a reader can tell a slow figure
    // from a busy machine (the figure itself is the absolute median).
    const text = JSON.stringify(toDocument(parsed.map));
    const parse = () => JSON.parse(text);
    const open = sideBySide(() => (opened = store.open(parsed.map.id).map), parse, options.quick ? 5 : 11);
    report('store.open_20000_ms', open.subject, 'ms', 300, `median of ${options.quick ? 5 : 11} opens (first after reconnecting ${first.toFixed(0)} ms); JSON.parse of the file meanwhile ${open.baseline.toFixed(0)} ms`);

    for (let i = 0; i < 20; i++) validate(opened); // JIT warm-up, as the live app has validated many times
    const full = sideBySide(() => validate(opened), parse, options.quick ? 15 : 41);
    report('validator.full_20000_ms', full.subject, 'ms', 40, `median of ${options.quick ? 15 : 41} full validations of the opened map (${validate(opened).length} findings); JSON.parse of the file meanwhile ${full.baseline.toFixed(0)} ms`);
  } finally {
    db.close();
  }
}
