import type { Patch } from 'immer';
import { ApiError } from '../../shared/api/contract';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'retrying'; message: string };

export interface SaveQueueOptions {
  send: (patches: Patch[]) => Promise<unknown>;
  onState: (state: SaveState) => void;
  /** The store refused the edits (they would break the map): the editor must reload what is stored. */
  onRejected: (message: string) => void;
  /** Quiet time before a save, so a burst of edits goes as one call. */
  debounceMs?: number;
  retryDelaysMs?: number[];
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Sends edits to the store in order, at most one call at a time, soon after they happen. A failure to
 * reach the store keeps the edits and retries (with growing pauses) until it succeeds; only a refusal
 * by the store drops them, and says so.
 */
export class SaveQueue {
  private pending: Patch[] = [];
  private inFlight = false;
  private timer: unknown;
  private attempt = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly options: Required<SaveQueueOptions>;

  constructor(options: SaveQueueOptions) {
    this.options = {
      debounceMs: 150,
      retryDelaysMs: [500, 1000, 2000, 5000, 10000],
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** True while some edit is not yet stored. */
  get busy(): boolean {
    return this.pending.length > 0 || this.inFlight;
  }

  enqueue(patches: Patch[]): void {
    if (patches.length === 0) return;
    this.pending.push(...patches);
    this.options.onState({ status: 'saving' });
    this.schedule(this.options.debounceMs);
  }

  /** Saves now rather than after the quiet time (before leaving the map or closing). */
  flush(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    this.schedule(0);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(ms: number): void {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = this.options.setTimer(() => {
      this.timer = undefined;
      void this.send();
    }, ms);
  }

  private async send(): Promise<void> {
    if (this.inFlight || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = true;
    try {
      await this.options.send(batch);
      this.attempt = 0;
    } catch (error) {
      const refused = error instanceof ApiError && error.code !== 'unavailable' && error.code !== 'internal';
      if (refused) {
        this.pending = [];
        this.inFlight = false;
        this.options.onRejected(error.message);
        this.settle();
        return;
      }
      // Not stored: put the batch back in front of newer edits and try again later.
      this.pending = [...batch, ...this.pending];
      const delays = this.options.retryDelaysMs;
      const delay = delays[Math.min(this.attempt, delays.length - 1)]!;
      this.attempt++;
      this.inFlight = false;
      this.options.onState({ status: 'retrying', message: (error as Error).message });
      this.schedule(delay);
      return;
    }
    this.inFlight = false;
    if (this.pending.length > 0) this.schedule(0);
    else this.settle();
  }

  private settle(): void {
    if (this.busy) return;
    this.options.onState({ status: 'saved' });
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
