import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateMap } from './generateMap';
import { median, sideBySide } from './measure';
import { report, writeResults } from './results';
import { measureCanvas, reportCanvas } from './canvas';
import { measureRoomLoad, reportRoomLoad, ROOM_DURATION_MS, ROOM_QUICK_DURATION_MS } from './roomLoad';
import { measureExportLarge } from './exportLarge';
import { measureLarge } from './large';
import { parseMap, toDocument } from '../shared/format/document';
import { validate } from '../shared/validate/validate';
import { changedCardIds, createIncrementalValidator } from '../shared/validate/incremental';
import { fromMapDoc, toMapDoc } from '../shared/document/mapDoc';
import { execute } from '../shared/document/command';
import { updateTouchpoint } from '../shared/document/commands';
import { openDatabase } from '../electron/store/database';
import { MapStore } from '../electron/store/mapStore';
import type { JourneyMap } from '../shared/model/journeyMap';

const quick = process.argv.includes('--quick');
// Run from the project root (npm run bench); the bundle itself lives in dist/.
const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-'));

function checked(map: JourneyMap): JourneyMap {
  const parsed = parseMap(map);
  if (!parsed.ok) throw new Error(`generated map is invalid: ${parsed.problems[0]!.path} ${parsed.problems[0]!.message}`);
  return parsed.map;
}

async function main() {
  const started = Date.now();
  const maps = { 100: checked(generateMap(100)), 1000: checked(generateMap(1000)), 5000: checked(generateMap(5000)) };
  const files: Record<number, string> = {};
  for (const [size, map] of Object.entries(maps)) {
    files[Number(size)] = path.join(work, `map-${size}.json`);
    fs.writeFileSync(files[Number(size)]!, JSON.stringify(toDocument(map)));
  }
  console.log(`Throughline benchmarks — ${os.cpus().length} cores, Node ${process.version}\n`);

  // 2. Validator, against JSON.parse of the same map's file.
  const text5000 = fs.readFileSync(files[5000]!, 'utf8');
  for (let i = 0; i < 100; i++) validate(maps[5000]); // the same JIT warm-up as the live validator below
  const full = sideBySide(() => validate(maps[5000]), () => JSON.parse(text5000), quick ? 15 : 40);
  report('validator.full_5000_vs_json_parse', full.ratio, '×', 1, `validate ${full.subject.toFixed(1)} ms, JSON.parse ${full.baseline.toFixed(1)} ms`);
  {
    const validator = createIncrementalValidator();
    let doc = toMapDoc(maps[5000]);
    validator(doc);
    // One edit = a card handed to another team, as a drag does. The editor tells the validator which cards
    // an edit changed, as the app does. Blocks of live validations (one per edit) alternate with blocks of
    // full validations of the same document, so both see the same machine; the first block warms up the JIT.
    let n = 0;
    const afterEdit: number[] = [];
    const fullRuns: number[] = [];
    for (let block = 0; block < 8; block++) {
      for (let i = 0; i < 50; i++) {
        const change = execute(doc, updateTouchpoint, { id: 'tp2500', changes: { ownerTeamIds: [['mkt', 'sales', 'cs'][n++ % 3]!] } })!;
        const from = doc;
        doc = change.doc;
        const start = performance.now();
        validator(doc, { from, cardIds: changedCardIds(change.patches)! });
        if (block > 1) afterEdit.push(performance.now() - start);
      }
      const map = fromMapDoc(doc);
      for (let i = 0; i < 15; i++) {
        const start = performance.now();
        validate(map);
        if (block > 1) fullRuns.push(performance.now() - start);
      }
    }
    const incremental = median(afterEdit);
    const fullAfterEdit = median(fullRuns);
    report('validator.after_one_edit_vs_full', incremental / fullAfterEdit, '×', 0.1, `${incremental.toFixed(2)} ms after one edit vs ${fullAfterEdit.toFixed(1)} ms full`);
  }

  // 3. Store: one edit on the big map against one edit on the small map; opening against JSON.parse.
  {
    const db = await openDatabase(path.join(work, 'bench.db'));
    const store = new MapStore(db);
    store.importMap(maps[100]);
    store.importMap(maps[5000]);
    let n = 0;
    const editPatch = (mapId: string) => () =>
      store.storeChange(mapId, { clientId: 'bench', batchId: `b${n}`, ops: [{ op: 'set', path: ['touchpoints', 'tp50', 'title'], value: `Renamed ${n++}` }] });
    const edit = sideBySide(editPatch(maps[5000].id), editPatch(maps[100].id), quick ? 20 : 60);
    report('store.edit_5000_vs_100', edit.ratio, '×', 2, `${edit.subject.toFixed(2)} ms vs ${edit.baseline.toFixed(2)} ms per stored edit`);
    const open = sideBySide(() => store.get(maps[5000].id), () => JSON.parse(text5000), quick ? 5 : 15);
    report('store.open_5000_vs_json_parse', open.ratio, '×', 3, `open ${open.subject.toFixed(1)} ms, JSON.parse ${open.baseline.toFixed(1)} ms`);
    db.close();
  }

  // 3b. The 20,000-card map: opening it from the store, and a full validation of it (bench/large.ts).
  await measureLarge({ work, quick });

  // 4. Export: the 1,000-touchpoint deck, in its own process for an honest memory peak.
  {
    const worker = path.join(root, 'dist', 'bench', 'exportWorker.cjs');
    execFileSync(process.execPath, [path.join(process.cwd(), 'bench', 'bundle.mjs'), path.join(process.cwd(), 'bench', 'exportWorker.ts'), worker], { stdio: 'inherit' });
    const result = JSON.parse(execFileSync(process.execPath, [worker, files[1000]!, path.join(work, 'deck.pdf')], { encoding: 'utf8' })) as { ms: number; pages: number; maxRssMb: number };
    report('export.pdf_1000_ms', result.ms, 'ms', 3000, `${result.pages} pages`);
    report('export.pdf_1000_peak_memory', result.maxRssMb, 'MB', null);
  }

  // 4b. The 20,000-card deck, exported once through a real host (maps.exportStart / maps.exportStatus) while
  // the host answers maps.list: its time, the host's peak memory and the p95 answer time (bench/exportLarge.ts).
  await measureExportLarge({ root, work });

  // 1 and 5. Canvas frame times against a bare React Flow page (also with the CPU throttled), a 5,000-card
  // drag, and start-up time.
  reportCanvas(await measureCanvas(maps[1000], quick ? 2 : 5, maps[5000]), report);

  // 6. The room session under load: 30 participants editing through a served host (bench/roomLoad.ts).
  reportRoomLoad(await measureRoomLoad({ root, work, durationMs: quick ? ROOM_QUICK_DURATION_MS : ROOM_DURATION_MS }));

  const figures = writeResults(path.join(process.cwd(), 'bench', 'results.json'));
  const over = figures.filter((f) => f.ok === false);
  console.log(`\n${figures.length} figures in ${((Date.now() - started) / 1000).toFixed(0)} s; ${over.length ? `over budget: ${over.map((f) => f.name).join(', ')}` : 'every budget met'}.`);
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
