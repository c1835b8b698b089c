// Only the canvas figures (bench/canvas.ts), in about a minute:
//   node bench/bundle.mjs bench/canvasOnly.ts dist/bench/canvasOnly.cjs && node dist/bench/canvasOnly.cjs [--quick]
// (after `npm run build`). Its figures replace the same-named ones in bench/results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateMap } from './generateMap';
import { measureCanvas, reportCanvas } from './canvas';
import { report, writeResults, type Figure } from './results';
import { parseMap } from '../shared/format/document';

async function main() {
  const quick = process.argv.includes('--quick');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-canvas-'));
  const parsed = (size: number) => {
    const result = parseMap(generateMap(size));
    if (!result.ok) throw new Error('generated map is invalid');
    return result.map;
  };
  try {
    console.log(`Throughline canvas benchmark — ${os.cpus().length} cores, Node ${process.version}\n`);
    reportCanvas(await measureCanvas(parsed(1000), quick ? 2 : 5, parsed(5000)), report);
    const mine = writeResults(path.join(work, 'canvas.json'));
    const file = path.join(process.cwd(), 'bench', 'results.json');
    const earlier: Figure[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
    const names = new Set(mine.map((f) => f.name));
    fs.writeFileSync(file, `${JSON.stringify([...earlier.filter((f) => !names.has(f.name)), ...mine], null, 2)}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
