import { describe, expect, it } from 'vitest';
import type { Patch } from 'immer';
import { SaveQueue, type SaveState } from '../../renderer/editor/saveQueue';
import { ApiError } from '../../shared/api/contract';

/** A queue with a hand-driven clock, so tests run instantly and in a known order. */
function setup(send: (patches: Patch[]) => Promise<unknown>) {
  const timers: { fn: () => void; ms: number }[] = [];
  const states: SaveState['status'][] = [];
  const rejected: string[] = [];
  const queue = new SaveQueue({
    send,
    onState: (s) => states.push(s.status),
    onRejected: (m) => rejected.push(m),
    setTimer: (fn, ms) => {
      const t = { fn, ms };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  });
  const tick = async () => {
    const t = timers.shift();
    t?.fn();
    await new Promise((r) => setTimeout(r, 0));
    return t?.ms;
  };
  return { queue, timers, states, rejected, tick };
}

const patch = (value: string): Patch => ({ op: 'replace', path: ['name'], value });

describe('save queue', () => {
  it('sends a burst of edits as one call, in order, then reads Saved', async () => {
    const sent: Patch[][] = [];
    const { queue, states, tick } = setup(async (p) => void sent.push(p));
    queue.enqueue([patch('a')]);
    queue.enqueue([patch('b'), patch('c')]);
    await tick();
    expect(sent).toEqual([[patch('a'), patch('b'), patch('c')]]);
    expect(states.at(-1)).toBe('saved');
    expect(queue.busy).toBe(false);
  });

  it('keeps edits made while a save is in flight and sends them next', async () => {
    const sent: string[][] = [];
    let release!: () => void;
    const { queue, tick } = setup((p) => {
      sent.push(p.map((x) => x.value as string));
      return sent.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    queue.enqueue([patch('a')]);
    await tick();
    queue.enqueue([patch('b')]);
    await tick(); // the debounce fires while the first call is still out: nothing is sent twice
    release();
    await new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(sent).toEqual([['a'], ['b']]);
  });

  it('never drops an edit when the store cannot be reached: it retries, says so, and saves later', async () => {
    let failures = 2;
    const sent: string[][] = [];
    const { queue, states, tick } = setup(async (p) => {
      if (failures-- > 0) throw new ApiError('unavailable', 'Throughline is not reachable.');
      sent.push(p.map((x) => x.value as string));
    });
    queue.enqueue([patch('a')]);
    await tick();
    queue.enqueue([patch('b')]);
    expect(states).toContain('retrying');
    const delays: (number | undefined)[] = [];
    while (queue.busy) delays.push(await tick());
    expect(sent).toEqual([['a', 'b']]);
    expect(states.at(-1)).toBe('saved');
  });

  it('reports a refusal by the store and drops only the refused edits', async () => {
    const { queue, rejected, states, tick } = setup(async () => {
      throw new ApiError('conflict', 'The touchpoint refers to a stage that is gone.');
    });
    queue.enqueue([patch('a')]);
    await tick();
    expect(rejected).toEqual(['The touchpoint refers to a stage that is gone.']);
    expect(queue.busy).toBe(false);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush saves at once and resolves when everything is stored', async () => {
    const sent: Patch[][] = [];
    const { queue, timers, tick } = setup(async (p) => void sent.push(p));
    queue.enqueue([patch('a')]);
    const flushed = queue.flush();
    expect(timers.map((t) => t.ms)).toEqual([0]);
    await tick();
    await flushed;
    expect(sent).toHaveLength(1);
  });
});
