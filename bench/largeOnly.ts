// Only the 20,000-card store and validator figures (bench/large.ts), in about 10 seconds:
//   node bench/bundle.mjs bench/largeOnly.ts dist/bench/largeOnly.cjs && node dist/bench/largeOnly.cjs [--quick]
import { runPartial } from './partial';
import { measureLarge } from './large';

runPartial('20,000-card benchmark', ({ work, quick }) => measureLarge({ work, quick }));
