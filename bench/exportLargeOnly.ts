// Only the 20,000-card export figures (bench/exportLarge.ts), in about half a minute, after `npm run build`:
//   node bench/bundle.mjs bench/exportLargeOnly.ts dist/bench/exportLargeOnly.cjs && node dist/bench/exportLargeOnly.cjs
import { runPartial } from './partial';
import { measureExportLarge } from './exportLarge';

runPartial('20,000-card export benchmark', ({ root, work }) => measureExportLarge({ root, work }));
