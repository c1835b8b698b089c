// Only the 20,000-card export figures (bench/exportLarge.ts), in about half a minute, after `npm run build`:
//   node bench/bundle.mjs bench/exportLargeOnly.ts dist/bench/exportLargeOnly.cjs && node dist/bench/exportLargeOnly.cjs
// Its figures replace the same-named figures in bench/results.json; the others stay as the last full run left them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureExportLarge } from './exportLarge';
import { writeResults, type Figure } from './results';

async function main() {
  const root = process.cwd();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-export-'));
  try {
    console.log(`Throughline 20,000-card export benchmark — ${os.cpus().length} cores, Node ${process.version}\n`);
    await measureExportLarge({ root, work });
    const mine = writeResults(path.join(work, 'export-large.json'));
    const file = path.join(root, 'bench', 'results.json');
    const earlier: Figure[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    const names = new Set(mine.map((f) => f.name));
    const merged = [...earlier.filter((f) => !names.has(f.name)), ...mine];
    fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    const over = mine.filter((f) => f.ok === false);
    console.log(`\n${over.length ? `over budget: ${over.map((f) => f.name).join(', ')}` : 'every budget met'}.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
