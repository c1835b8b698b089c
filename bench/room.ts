// `npm run bench -- --room [--quick]`: only the room session under load (bench/roomLoad.ts). Its figures
// replace the room.* figures in bench/results.json; the others stay as the last full run left them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureRoomLoad, reportRoomLoad, ROOM_DURATION_MS, ROOM_QUICK_DURATION_MS } from './roomLoad';
import { writeResults, type Figure } from './results';

async function main() {
  const quick = process.argv.includes('--quick');
  const root = process.cwd();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-room-'));
  try {
    console.log(`Throughline room benchmark — ${os.cpus().length} cores, Node ${process.version}\n`);
    reportRoomLoad(await measureRoomLoad({ root, work, cli: process.env.THROUGHLINE_BENCH_CLI || undefined, durationMs: quick ? ROOM_QUICK_DURATION_MS : ROOM_DURATION_MS }));
    const mine = writeResults(path.join(work, 'room.json'));
    const file = path.join(root, 'bench', 'results.json');
    const earlier: Figure[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    const merged = [...earlier.filter((f) => !f.name.startsWith('room.')), ...mine];
    fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    const over = mine.filter((f) => f.ok === false);
    console.log(`\n${over.length ? `over budget: ${over.map((f) => f.name).join(', ')}` : 'every room budget met'}.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
