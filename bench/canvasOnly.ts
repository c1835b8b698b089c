// Only the canvas figures (bench/canvas.ts), in about a minute, after `npm run build`:
//   node bench/bundle.mjs bench/canvasOnly.ts dist/bench/canvasOnly.cjs && node dist/bench/canvasOnly.cjs [--quick]
import { runPartial } from './partial';
import { generateMap } from './generateMap';
import { measureCanvas, reportCanvas } from './canvas';
import { report } from './results';
import { parseMap } from '../shared/format/document';

function parsed(size: number) {
  const result = parseMap(generateMap(size));
  if (!result.ok) throw new Error('generated map is invalid');
  return result.map;
}

runPartial('canvas benchmark', async ({ quick }) => reportCanvas(await measureCanvas(parsed(1000), quick ? 2 : 5, parsed(5000)), report));
