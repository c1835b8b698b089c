import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeResults, type Figure } from './results';

/**
 * Runs one part of the benchmarks on its own (`node dist/bench/<part>.cjs [--quick]`, after `npm run build`):
 * its figures replace the same-named ones in bench/results.json; the others stay as the last full run left them.
 */
export function runPartial(title: string, measure: (context: { root: string; work: string; quick: boolean }) => Promise<void>): void {
  const main = async () => {
    const root = process.cwd();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-part-'));
    try {
      console.log(`Throughline ${title} — ${os.cpus().length} cores, Node ${process.version}\n`);
      await measure({ root, work, quick: process.argv.includes('--quick') });
      const mine = writeResults(path.join(work, 'part.json'));
      const file = path.join(root, 'bench', 'results.json');
      const earlier: Figure[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
      const names = new Set(mine.map((f) => f.name));
      fs.writeFileSync(file, `${JSON.stringify([...earlier.filter((f) => !names.has(f.name)), ...mine], null, 2)}\n`);
      const over = mine.filter((f) => f.ok === false);
      console.log(`\n${over.length ? `over budget: ${over.map((f) => f.name).join(', ')}` : 'every budget met'}.`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
