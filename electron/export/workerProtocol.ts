import type { JourneyMap } from '../../shared/model/journeyMap';
import type { ExportFormat, ExportView } from './exporter';

/** One export, as plain data: what the host hands an export worker. */
export interface ExportRequest {
  map: JourneyMap;
  format: ExportFormat;
  view?: ExportView;
  scale?: number;
  /** ISO time: the export date printed on the deck, fixed when the user asked for it. */
  now: string;
}

export interface ExportWorkerData {
  request: ExportRequest;
  /** The export fonts, as the host found them (source tree, dist/ or the packaged app). */
  fontsDir: string;
}

/** What an export worker tells the host, in order: progress (any number), then done or failed, once. */
export type ExportWorkerMessage =
  | { type: 'progress'; fraction: number; stage: string }
  | { type: 'done'; fileName: string; mimeType: string; data: Uint8Array }
  | { type: 'failed'; error: string };
