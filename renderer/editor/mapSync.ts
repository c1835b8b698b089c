import { ApiError } from '../../shared/api/contract';
import { applyOps, opKey, valueAt, type FieldConflict, type MapOp } from '../../shared/document/ops';
import { sameValue } from '../../shared/document/merge';
import type { MapDoc } from '../../shared/document/mapDoc';
import { newId } from '../../shared/ids';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'retrying'; message: string };

/** One undoable edit of this window that the store has not acknowledged yet. */
export interface PendingStep {
  id: string;
  label: string;
  ops: MapOp[];
}

/** A change as the store stored it (see the API contract). */
export interface ReceivedChange {
  revision: number;
  clientId: string;
  batchId: string;
  ops: MapOp[];
  conflicts: FieldConflict[];
}

/** What survives a reload or a crash of this window: its unacknowledged edits, and the batch in flight. */
export interface UnsavedEdits {
  steps: PendingStep[];
  inFlight?: { batchId: string; stepCount: number };
}

/** A value this window stored that another window has since replaced. */
export interface ReplacedValue {
  path: string[];
  mine: unknown;
  theirs: unknown;
}

export interface MapSyncOptions {
  clientId: string;
  confirmed: MapDoc;
  revision: number;
  /** Edits a previous session of this window left unsaved; they are sent first. */
  unsaved?: UnsavedEdits;
  send(batch: { batchId: string; ops: MapOp[] }): Promise<ReceivedChange>;
  /** The changes after `since`, or 'reset' when the store no longer has them. */
  catchUp(since: number): Promise<ReceivedChange[] | 'reset'>;
  /** The stored map, fresh: after a reset. */
  reload(): Promise<{ doc: MapDoc; revision: number }>;
  /** The document shown changed because of other windows' changes or a refusal; `touched` names where (all when undefined). */
  onDoc(doc: MapDoc, touched: readonly MapOp[] | undefined): void;
  onState(state: SaveState): void;
  /** The store refused one of this window's edits; it has been taken out of the document. */
  onRefused(step: PendingStep, message: string): void;
  /** Another window replaced values this window had stored. */
  onReplaced(values: ReplacedValue[]): void;
  /** Keep these edits where a reload finds them (undefined: nothing is unsaved). */
  persist(edits: UnsavedEdits | undefined): void;
  debounceMs?: number;
  retryDelaysMs?: number[];
  catchUpDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Batch {
  batchId: string;
  steps: PendingStep[];
}

/** Refusals are final for the edit; 'unavailable' means the store could not be reached and is retried. */
const isRefusal = (error: unknown): error is ApiError => error instanceof ApiError && error.code !== 'unavailable';

/**
 * One window's live session on a map, with the store as the one authority. The window shows its own
 * unacknowledged edits on top of the last stored revision; changes other windows store arrive in
 * revision order and the window's edits are rebased onto them. Edits go to the store in batches; a
 * batch that cannot be sent is kept (here and in `persist`) and re-sent under the same id, so it is
 * stored once; a batch the store refuses is split, and only the refused edit is taken back.
 */
export class MapSync {
  private confirmed: MapDoc;
  private revision: number;
  private shown: MapDoc;
  private inFlight?: Batch;
  private sending = false;
  private queued: PendingStep[] = [];
  /** After a refused batch, its steps go one by one until each is stored or refused. */
  private sendOneByOne = 0;
  private readonly early = new Map<number, ReceivedChange>();
  /** The last value this window stored at each path, to recognise its own value when another window replaces it. */
  private readonly myWrites = new Map<string, unknown>();
  private timer: unknown;
  private catchUpTimer: unknown;
  private attempt = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private readonly options: Required<Omit<MapSyncOptions, 'unsaved'>> & Pick<MapSyncOptions, 'unsaved'>;

  constructor(options: MapSyncOptions) {
    this.options = {
      debounceMs: 150,
      retryDelaysMs: [500, 1000, 2000, 5000],
      catchUpDelayMs: 300,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.confirmed = options.confirmed;
    this.revision = options.revision;
    this.shown = options.confirmed;
    const unsaved = options.unsaved;
    if (unsaved && unsaved.steps.length > 0) {
      const inFlightCount = unsaved.inFlight ? Math.min(unsaved.inFlight.stepCount, unsaved.steps.length) : 0;
      if (unsaved.inFlight && inFlightCount > 0) this.inFlight = { batchId: unsaved.inFlight.batchId, steps: unsaved.steps.slice(0, inFlightCount) };
      this.queued = unsaved.steps.slice(inFlightCount);
      this.shown = this.rebased();
      this.options.onState({ status: 'saving' });
      this.schedule(0);
    }
  }

  /** The document as this window shows it. */
  get doc(): MapDoc {
    return this.shown;
  }

  get storedRevision(): number {
    return this.revision;
  }

  /** True while some edit of this window is not yet stored. */
  get busy(): boolean {
    return this.inFlight !== undefined || this.queued.length > 0;
  }

  /** The steps not yet stored, oldest first. */
  get unsavedSteps(): PendingStep[] {
    return [...(this.inFlight?.steps ?? []), ...this.queued];
  }

  /** A local edit, already applied to the shown document (`doc`), to be stored. */
  edit(step: PendingStep, doc: MapDoc): void {
    this.shown = doc;
    this.queued.push(step);
    this.save();
    this.options.onState({ status: 'saving' });
    this.schedule(this.options.debounceMs);
  }

  /** Stores now rather than after the quiet time (before leaving the map, exporting or closing). */
  flush(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    if (!this.sending) this.schedule(0);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A change from the event stream or from an answer: applied in revision order, once. */
  receive(change: ReceivedChange): void {
    if (this.stopped) return;
    if (change.revision <= this.revision) {
      // Already applied (the stream and the answer both bring it), or stored before a reload.
      // Batch ids are random and never reused, so one names this window's batch even when an earlier
      // session of the tab (another client id) sent it.
      if (this.inFlight && change.batchId === this.inFlight.batchId) this.acknowledge();
      return;
    }
    this.early.set(change.revision, change);
    this.drain();
  }

  /** The store no longer has the changes this window missed: start again from the stored map. */
  async reset(): Promise<void> {
    const { doc, revision } = await this.options.reload();
    if (this.stopped) return;
    this.confirmed = doc;
    this.revision = revision;
    for (const key of [...this.early.keys()]) if (key <= revision) this.early.delete(key);
    this.shown = this.rebased();
    this.options.onDoc(this.shown, undefined);
    this.drain();
  }

  /** Starts again after stop() (an editor shown again); unsaved edits are sent. */
  resume(): void {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.busy) this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    if (this.catchUpTimer !== undefined) this.options.clearTimer(this.catchUpTimer);
  }

  private drain(): void {
    const applied: ReceivedChange[] = [];
    for (let next = this.early.get(this.revision + 1); next; next = this.early.get(this.revision + 1)) {
      this.early.delete(next.revision);
      this.confirmed = applyOps(this.confirmed, next.ops, { fixOrders: true }).doc;
      this.revision = next.revision;
      applied.push(next);
    }
    if (this.early.size > 0) this.scheduleCatchUp();
    if (applied.length === 0) return;

    const replaced: ReplacedValue[] = [];
    let acknowledged = false;
    for (const change of applied) {
      const ours = this.inFlight?.batchId === change.batchId;
      const mine = ours || change.clientId === this.options.clientId;
      if (mine) for (const op of change.ops) this.myWrites.set(opKey(op.path), op.value);
      if (ours) acknowledged = true;
      if (mine) continue;
      for (const conflict of change.conflicts) {
        const key = opKey(conflict.path);
        if (this.myWrites.has(key) && sameValue(this.myWrites.get(key), conflict.replaced)) {
          replaced.push({ path: conflict.path, mine: conflict.replaced, theirs: conflict.value });
          this.myWrites.delete(key);
        }
      }
    }
    if (acknowledged) this.inFlight = undefined;
    this.refreshShown([...applied.flatMap((c) => c.ops), ...this.unsavedSteps.flatMap((s) => s.ops)]);
    if (replaced.length > 0) this.options.onReplaced(replaced);
    if (acknowledged) this.afterBatch();
  }

  /** The stored document with this window's unstored edits merged on top. */
  private rebased(): MapDoc {
    const ops = this.unsavedSteps.flatMap((s) => s.ops);
    return ops.length === 0 ? this.confirmed : applyOps(this.confirmed, ops, { merge: true, fixOrders: true }).doc;
  }

  /** Shows the rebased document, unless nothing at the touched paths differs (then React keeps its objects). */
  private refreshShown(touched: readonly MapOp[]): void {
    const next = this.rebased();
    const differs =
      !sameValue(next.stageOrder, this.shown.stageOrder) ||
      !sameValue(next.teamOrder, this.shown.teamOrder) ||
      touched.some(({ path }) => !sameValue(valueAt(next, path), valueAt(this.shown, path)));
    if (!differs) return;
    this.shown = next;
    this.options.onDoc(next, touched);
  }

  private acknowledge(): void {
    this.inFlight = undefined;
    this.refreshShown(this.unsavedSteps.flatMap((s) => s.ops));
    this.afterBatch();
  }

  private afterBatch(): void {
    this.attempt = 0;
    if (this.sendOneByOne > 0) this.sendOneByOne--;
    this.save();
    if (this.busy) this.schedule(0);
    else this.settle();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = this.options.setTimer(() => {
      this.timer = undefined;
      void this.sendNext();
    }, ms);
  }

  private scheduleCatchUp(): void {
    if (this.catchUpTimer !== undefined) return;
    this.catchUpTimer = this.options.setTimer(() => {
      this.catchUpTimer = undefined;
      void this.catchUp();
    }, this.options.catchUpDelayMs);
  }

  /** Fetches what the stream has not brought (a gap in revisions). */
  async catchUp(): Promise<void> {
    if (this.stopped || this.early.size === 0 && !this.busy) return;
    try {
      const missed = await this.options.catchUp(this.revision);
      if (missed === 'reset') await this.reset();
      else for (const change of missed) this.receive(change);
    } catch {
      if (this.early.size > 0) this.scheduleCatchUp();
    }
  }

  private async sendNext(): Promise<void> {
    if (this.sending || this.stopped) return;
    if (!this.inFlight) {
      if (this.queued.length === 0) return this.settle();
      const steps = this.queued.splice(0, this.sendOneByOne > 0 ? 1 : this.queued.length);
      this.inFlight = { batchId: newId('b'), steps };
      this.save();
    }
    const batch = this.inFlight;
    this.sending = true;
    try {
      const change = await this.options.send({ batchId: batch.batchId, ops: batch.steps.flatMap((s) => s.ops) });
      this.sending = false;
      this.receive(change);
      // The event stream may have acknowledged the batch while this answer was on its way, when a
      // send could not start: send what queued up meanwhile.
      if (!this.inFlight && this.queued.length > 0) this.schedule(0);
    } catch (error) {
      this.sending = false;
      if (this.stopped || this.inFlight !== batch) return;
      if (isRefusal(error)) this.refused(batch, error.message);
      else this.retryLater((error as Error).message);
    }
  }

  private refused(batch: Batch, message: string): void {
    this.inFlight = undefined;
    if (batch.steps.length > 1) {
      // Which edit was refused? Send them one at a time: the good ones are stored, the bad one reported.
      this.queued.unshift(...batch.steps);
      this.sendOneByOne = batch.steps.length;
      this.save();
      this.schedule(0);
      return;
    }
    const [step] = batch.steps;
    this.refreshShown([...step!.ops, ...this.unsavedSteps.flatMap((s) => s.ops)]);
    this.options.onRefused(step!, message);
    this.afterBatch();
  }

  private retryLater(message: string): void {
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.attempt, delays.length - 1)]!;
    this.attempt++;
    this.options.onState({ status: 'retrying', message });
    this.schedule(delay);
  }

  private settle(): void {
    if (this.busy) return;
    this.options.onState({ status: 'saved' });
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private save(): void {
    const steps = this.unsavedSteps;
    this.options.persist(
      steps.length === 0 ? undefined : { steps, ...(this.inFlight ? { inFlight: { batchId: this.inFlight.batchId, stepCount: this.inFlight.steps.length } } : {}) },
    );
  }
}
