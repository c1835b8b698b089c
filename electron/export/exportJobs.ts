import { exportFormatName } from '../../shared/exportFormatName';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { exportMap, type ExportedFile, type ExportFormat, type ExportProgress } from './exporter';
import { fontsDir } from './fonts';
import type { ExportRequest, ExportWorkerData, ExportWorkerMessage } from './workerProtocol';

/**
 * Exports as jobs. A slide deck of a big map takes seconds to minutes of pure computation; run in the
 * process that answers the API, it would freeze every other window and request meanwhile. So PDF, PNG and
 * SVG are drawn in a worker thread (one fresh worker per export, so a crash or a huge heap dies with it),
 * one export at a time, the rest queued. JSON is a serialisation of the map and stays inline.
 *
 * The command line (`throughline export`) calls exportMap directly instead: it answers nobody meanwhile,
 * so a worker would only add start-up time and a copy of the map.
 */

export type ExportJobState = 'waiting' | 'running' | 'done' | 'failed';

export interface ExportJobStatus {
  state: ExportJobState;
  progress: ExportProgress;
  file?: ExportedFile;
  /** Why it failed, in words for the user; the details are in the log. */
  failure?: string;
}

/** Refused: too many exports are waiting or uncollected. */
export class ExportQueueFull extends Error {}
/** No such job: never started, already collected, or forgotten after a long time uncollected. */
export class UnknownExportJob extends Error {}
/** The export did not produce a file; the message is for the user. */
export class ExportFailed extends Error {}

export interface ExportJobsOptions {
  /** The bundled worker script; by default found next to the running bundle (see defaultWorkerFile). */
  workerFile?: string;
  /** An export running longer than this is stopped. */
  timeoutMs?: number;
  /** Jobs waiting, running or done but not yet collected, at most. */
  maxJobs?: number;
  /** A finished job nobody collects is forgotten after this long. */
  keepFinishedMs?: number;
  /** The worker's heap limit: an export that needs more fails cleanly instead of taking the process down. */
  maxHeapMb?: number;
  logError?: (error: unknown, context: string) => void;
}

interface Job {
  id: string;
  format: ExportFormat;
  /** Until the export has it: a big map is not kept in memory longer than needed. */
  request?: ExportRequest;
  state: ExportJobState;
  progress: ExportProgress;
  file?: ExportedFile;
  failure?: string;
  finishedAt?: number;
  whenFinished: (() => void)[];
}

const WORKER_FILE_NAME = 'exportWorker.cjs';

/**
 * The worker bundle that scripts/build.mjs writes to dist/worker/. The CLI (dist/cli/) and the desktop app
 * (dist/electron/, also inside the packaged app.asar, which Electron's worker threads read) both sit one
 * folder below dist/. Running from source (unit tests), the last build's bundle is used.
 */
export function defaultWorkerFile(): string {
  const candidates = [path.join(__dirname, '..', 'worker', WORKER_FILE_NAME), path.join(__dirname, '..', '..', 'dist', 'worker', WORKER_FILE_NAME)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The export worker is missing (looked in ${candidates.join(', ')}); run "npm run build".`);
  return found;
}

const label = (format: ExportFormat) => exportFormatName(format);

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running: { job: Job; worker?: Worker; stop: (failure: string) => void } | undefined;
  private options: Required<Omit<ExportJobsOptions, 'workerFile'>> & { workerFile?: string };

  constructor(options: ExportJobsOptions = {}) {
    this.options = {
      timeoutMs: 10 * 60_000,
      maxJobs: 8,
      keepFinishedMs: 10 * 60_000,
      maxHeapMb: 4096,
      logError: (error, context) => console.error(`[throughline] ${context}`, error),
      ...options,
    };
  }

  /** Changes settings for the jobs started from now on (tests point it at a freshly built worker). */
  configure(options: ExportJobsOptions): void {
    this.options = { ...this.options, ...options };
  }

  /** Queues an export and returns its id at once; exportStatus tells how it goes. */
  start(request: ExportRequest): string {
    this.forgetStale();
    if (this.jobs.size >= this.options.maxJobs) throw new ExportQueueFull(`${this.jobs.size} exports are waiting or not yet collected.`);
    const job: Job = { id: `export-${crypto.randomUUID()}`, format: request.format, request, state: 'waiting', progress: { fraction: 0, stage: 'Waiting for another export to finish' }, whenFinished: [] };
    this.jobs.set(job.id, job);
    if (request.format === 'json') this.runInline(job);
    else {
      this.waiting.push(job);
      this.startNext();
    }
    return job.id;
  }

  /** Where a job stands. A finished job is handed over (file or failure) once, then forgotten. */
  status(jobId: string): ExportJobStatus {
    this.forgetStale();
    const job = this.jobs.get(jobId);
    if (!job) throw new UnknownExportJob(`No export job "${jobId}".`);
    if (job.state === 'done' || job.state === 'failed') this.jobs.delete(jobId);
    if (job.state === 'waiting') {
      const ahead = this.waiting.indexOf(job) + (this.running ? 1 : 0);
      job.progress = { fraction: 0, stage: ahead > 1 ? `Waiting for ${ahead} other exports to finish` : 'Waiting for another export to finish' };
    }
    return { state: job.state, progress: job.progress, file: job.file, failure: job.failure };
  }

  /** Runs an export to the end: the file, or ExportFailed with a message for the user. */
  async run(request: ExportRequest): Promise<ExportedFile> {
    const id = this.start(request);
    const job = this.jobs.get(id)!;
    if (job.state !== 'done' && job.state !== 'failed') await new Promise<void>((resolve) => job.whenFinished.push(resolve));
    this.jobs.delete(id);
    if (job.state === 'failed' || !job.file) throw new ExportFailed(job.failure);
    return job.file;
  }

  /** Stops the running export and fails the waiting ones (shutting down). */
  async close(): Promise<void> {
    for (const job of this.waiting.splice(0)) this.finish(job, { failure: `The ${label(job.format)} export was cancelled: Throughline is closing.` });
    const running = this.running;
    if (running) {
      running.stop(`The ${label(running.job.format)} export was cancelled: Throughline is closing.`);
      await running.worker?.terminate();
    }
  }

  private runInline(job: Job): void {
    const request = job.request!;
    job.request = undefined;
    job.state = 'running';
    job.progress = { fraction: 0, stage: 'Writing the file' };
    exportMap(request.map, request.format, { now: new Date(request.now) }).then(
      (file) => this.finish(job, { file }),
      (error: unknown) => this.finish(job, { failure: this.internalFailure(job, error) }),
    );
  }

  private startNext(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    const request = job.request!;
    job.request = undefined;
    job.state = 'running';
    job.progress = { fraction: 0, stage: 'Starting' };
    const format = label(job.format);
    let worker: Worker | undefined;
    let settled = false;
    const stop = (outcome: { file?: ExportedFile; failure?: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.running = undefined;
      this.finish(job, outcome);
      void worker?.terminate();
      this.startNext();
    };
    const minutes = Math.max(1, Math.round(this.options.timeoutMs / 60_000));
    const timer = setTimeout(() => {
      this.options.logError(new Error(`no result after ${this.options.timeoutMs} ms`), `The ${format} export was stopped:`);
      stop({ failure: `The ${format} export took longer than ${minutes} minute${minutes === 1 ? '' : 's'} and was stopped.` });
    }, this.options.timeoutMs);
    this.running = { job, stop: (failure) => stop({ failure }) };

    try {
      const workerData: ExportWorkerData = { request, fontsDir: fontsDir() };
      worker = new Worker(this.options.workerFile ?? defaultWorkerFile(), { workerData, resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } });
    } catch (error) {
      return stop({ failure: this.internalFailure(job, error) });
    }
    this.running.worker = worker;
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') job.progress = { fraction: Math.min(1, Math.max(job.progress.fraction, message.fraction)), stage: message.stage };
      else if (message.type === 'done') {
        const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
        stop({ file: { fileName: message.fileName, mimeType: message.mimeType, data } });
      } else stop({ failure: this.internalFailure(job, message.error) });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.options.logError(error, `The ${format} export ran out of memory:`);
        return stop({ failure: `The ${format} export ran out of memory: the map is too large to export in one piece.` });
      }
      stop({ failure: this.internalFailure(job, error) });
    });
    worker.on('exit', (code) => {
      if (settled) return;
      this.options.logError(new Error(`export worker exited with code ${code}`), `The ${format} export stopped:`);
      stop({ failure: `The ${format} export stopped unexpectedly (its worker quit with code ${code}). Try again; if it keeps happening, see the log.` });
    });
  }

  private internalFailure(job: Job, error: unknown): string {
    this.options.logError(error, `The ${label(job.format)} export failed:`);
    return `The ${label(job.format)} export failed: internal error — see the log.`;
  }

  private finish(job: Job, outcome: { file?: ExportedFile; failure?: string }): void {
    if (outcome.file) {
      job.state = 'done';
      job.file = outcome.file;
      job.progress = { fraction: 1, stage: 'Done' };
    } else {
      job.state = 'failed';
      job.failure = outcome.failure;
    }
    job.finishedAt = Date.now();
    for (const notify of job.whenFinished.splice(0)) notify();
  }

  private forgetStale(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && now - job.finishedAt > this.options.keepFinishedMs) this.jobs.delete(id);
  }
}

/** One queue per process: exports run one at a time, whichever window asked. */
export const exportJobs = new ExportJobs();
