// `npm run bench -- --room [--quick]`: only the room session under load (bench/roomLoad.ts).
import { runPartial } from './partial';
import { measureRoomLoad, reportRoomLoad, ROOM_DURATION_MS, ROOM_QUICK_DURATION_MS } from './roomLoad';

runPartial('room benchmark', async ({ root, work, quick }) => {
  reportRoomLoad(await measureRoomLoad({ root, work, cli: process.env.THROUGHLINE_BENCH_CLI || undefined, durationMs: quick ? ROOM_QUICK_DURATION_MS : ROOM_DURATION_MS }));
});
