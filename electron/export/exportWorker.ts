import * as workerThreads from 'node:worker_threads';
import { exportMap } from './exporter';
import { useFontsDir } from './fonts';
import type { ExportWorkerData, ExportWorkerMessage } from './workerProtocol';

/** Node 21+ says which memory may not be moved to another thread; Node 20 cannot tell and moves anything. */
const isUntransferable = (buffer: ArrayBufferLike): boolean =>
  (workerThreads as { isMarkedAsUntransferable?: (value: unknown) => boolean }).isMarkedAsUntransferable?.(buffer) ?? false;

/**
 * An export worker thread: draws one file from the map it was given and posts progress, then the file.
 * It runs the same exportMap as everything else; it only keeps that work off the host's event loop.
 */
const { parentPort, workerData } = workerThreads;
const { request, fontsDir } = workerData as ExportWorkerData;
const post = (message: ExportWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

/** A few progress messages a second are plenty for a progress bar. */
const PROGRESS_INTERVAL_MS = 100;
let lastProgressAt = 0;

useFontsDir(fontsDir);
exportMap(request.map, request.format, {
  view: request.view,
  scale: request.scale,
  now: new Date(request.now),
  onProgress: ({ fraction, stage }) => {
    const now = Date.now();
    if (now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    post({ type: 'progress', fraction, stage });
  },
}).then(
  (file) => {
    // Hand a big file over without a copy when it owns its memory; small ones may sit in Node's shared pool, so copy those.
    // Memory a native module allocated (resvg's PNG) cannot be transferred on Node 21 and later: copy it too.
    const owned =
      file.data.byteLength >= 64 * 1024 &&
      file.data.byteOffset === 0 &&
      file.data.byteLength === file.data.buffer.byteLength &&
      !isUntransferable(file.data.buffer);
    const data = owned ? new Uint8Array(file.data.buffer, 0, file.data.byteLength) : new Uint8Array(file.data);
    post({ type: 'done', fileName: file.fileName, mimeType: file.mimeType, data }, [data.buffer as ArrayBuffer]);
  },
  (error: unknown) => post({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
