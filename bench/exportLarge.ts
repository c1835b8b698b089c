/**
 * The 20,000-card slide deck, exported as the app exports it: through a real host (`throughline serve` on
 * 127.0.0.1, its own process, as in real use), started with maps.exportStart and followed with
 * maps.exportStatus every 250 ms as the export toolbar does, while a window keeps asking the host for
 * maps.list. It is run once (it takes seconds); the figures are
 *   - export.pdf_20000_ms: from maps.exportStart until maps.exportStatus hands over the file,
 *   - export.pdf_20000_peak_mb: the host process's peak memory while it exported (host and export worker:
 *     the worker is a thread of the host), with the host's memory before the export beside it,
 *   - host.p95_during_export_ms: the p95 of maps.list answer times meanwhile, beside the same request loop
 *     on the idle host just before (the baseline).
 * Only loopback is contacted. The request loop is bounded: one request at a time, a pause between requests,
 * at most MAX_LIST_REQUESTS of them and at most EXPORT_TIMEOUT_MS in all.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateMap } from './generateMap';
import { median, percentile } from './measure';
import { report } from './results';
import { postApi, startServe, stopServe, type ApiAnswer } from './serve';
import { parseMap, toDocument } from '../shared/format/document';

export const LARGE_EXPORT_CARDS = 20_000;
const TOKEN_HEADER = 'x-throughline-token';
/** The export toolbar asks how an export goes every 250 ms (renderer/canvas/ExportButtons.tsx). */
const STATUS_INTERVAL_MS = 250;
/** The window's maps.list requests: one at a time, this far apart. */
const LIST_PAUSE_MS = 20;
const BASELINE_REQUESTS = 100;
const MAX_LIST_REQUESTS = 5_000;
const EXPORT_TIMEOUT_MS = 120_000;
const REQUEST_TIMEOUT_MS = 30_000;

function post(port: number, token: string, agent: http.Agent, channel: string, body: unknown): Promise<ApiAnswer> {
  return postApi({ port, agent, headers: { [TOKEN_HEADER]: token }, timeoutMs: REQUEST_TIMEOUT_MS }, channel, body);
}

async function call(port: number, token: string, agent: http.Agent, channel: string, body: unknown): Promise<any> {
  const answer = await post(port, token, agent, channel, body);
  if (!answer.body?.ok) throw new Error(`${channel}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body.value;
}

/** A process's memory now and its peak, in MB, from /proc (Linux); undefined elsewhere. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Starts the process's peak memory afresh (Linux: writing 5 to clear_refs), so it covers the export alone. */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** maps.list, one request at a time, until `until()` says stop (or the bounds are reached): each answer time in ms. */
async function listLoop(port: number, token: string, agent: http.Agent, until: () => boolean, maxRequests: number): Promise<number[]> {
  const times: number[] = [];
  while (!until() && times.length < maxRequests) {
    const start = performance.now();
    const list = await call(port, token, agent, 'maps.list', {});
    times.push(performance.now() - start);
    if (!Array.isArray(list)) throw new Error('maps.list did not answer a list');
    await sleep(LIST_PAUSE_MS);
  }
  return times;
}

export interface ExportLargeOptions {
  /** The project root: runs its bin/throughline.cjs (the built dist/cli and dist/worker). */
  root: string;
  /** A folder for the host's data folder; removed again at the end. */
  work: string;
}

export async function measureExportLarge(options: ExportLargeOptions): Promise<void> {
  const parsed = parseMap(generateMap(LARGE_EXPORT_CARDS));
  if (!parsed.ok) throw new Error(`generated map is invalid: ${parsed.problems[0]!.path} ${parsed.problems[0]!.message}`);
  const dataDir = fs.mkdtempSync(path.join(options.work, 'export-large-'));
  const agent = new http.Agent({ keepAlive: true });
  const statusAgent = new http.Agent({ keepAlive: true });
  const { child, port, token } = await startServe(path.join(options.root, 'bin', 'throughline.cjs'), dataDir);
  try {
    const imported = await call(port, token, agent, 'maps.import', { document: toDocument(parsed.map) });
    const mapId = imported.map.id as string;

    // The baseline: the same request loop on the idle host, just before the export.
    const idle = await listLoop(port, token, agent, () => false, BASELINE_REQUESTS);
    const before = memoryOf(child.pid!);
    const peakReset = resetPeak(child.pid!);

    let finished = false;
    let peakSampled = before?.rssMb ?? NaN;
    const started = performance.now();
    const exported = (async () => {
      const { jobId } = await call(port, token, statusAgent, 'maps.exportStart', { id: mapId, format: 'pdf' });
      try {
        while (performance.now() - started < EXPORT_TIMEOUT_MS) {
          const status = await call(port, token, statusAgent, 'maps.exportStatus', { jobId });
          peakSampled = Math.max(peakSampled, memoryOf(child.pid!)?.rssMb ?? NaN);
          if (status.done) return { ms: performance.now() - started, data: Buffer.from(status.file.base64 as string, 'base64') };
          await sleep(STATUS_INTERVAL_MS);
        }
        throw new Error(`the export did not finish in ${EXPORT_TIMEOUT_MS} ms`);
      } finally {
        finished = true;
      }
    })();
    const during = listLoop(port, token, agent, () => finished, MAX_LIST_REQUESTS);
    const [file, times] = await Promise.all([exported, during]);
    const after = memoryOf(child.pid!);

    const pages = (file.data.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    if (!file.data.subarray(0, 5).toString('latin1').startsWith('%PDF-') || pages < 100) throw new Error(`the export is not the deck (${pages} pages)`);
    report('export.pdf_20000_ms', file.ms, 'ms', 15_000, `${pages} pages, ${(file.data.length / 1048576).toFixed(1)} MB; one run, through the host (maps.exportStart → maps.exportStatus every ${STATUS_INTERVAL_MS} ms)`);
    const peak = peakReset && after ? after.peakMb : Math.max(peakSampled, after?.rssMb ?? NaN);
    report('export.pdf_20000_peak_mb', peak, 'MB', 400, `the host process (host + export worker) at its peak during the export; ${before ? before.rssMb.toFixed(0) : '?'} MB before it started${peakReset ? '' : ' (sampled)'}`);
    report(
      'host.p95_during_export_ms',
      percentile(times, 95),
      'ms',
      100,
      `maps.list, ${times.length} requests one at a time during the export: p50 ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms; idle host before it: p95 ${percentile(idle, 95).toFixed(1)} ms, p50 ${median(idle).toFixed(1)} ms (${idle.length} requests)`,
    );
  } finally {
    agent.destroy();
    statusAgent.destroy();
    await stopServe(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
