import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlerTypes';
import { ApiError } from '../../shared/api/contract';

/** Handlers where maps.list fails the way a driver does, with text that must never reach the caller. */
function failingHandlers(failure: unknown): Handlers {
  return new Proxy({} as Handlers, {
    get: (_target, channel) => () => {
      if (channel === 'maps.list') throw failure;
      throw new ApiError('not-found', `No map with id "gone".`);
    },
  });
}

/** Every call is the facilitator's own window's. */
const ownerOnly = () => ({ personId: 'facilitator', isOwner: true, address: 'local' });

describe('dispatch failures', () => {
  it('answers an unexpected failure with a generic internal error and logs the real one', async () => {
    const logged: unknown[][] = [];
    const driverError = Object.assign(new Error('SQLITE_CORRUPT: database disk image is malformed (/home/someone/.config/Throughline/throughline.db)'), { code: 'SQLITE_CORRUPT' });
    const dispatch = createDispatch(failingHandlers(driverError), ownerOnly, { logError: (...args) => logged.push(args) });
    const answer = await dispatch('maps.list', {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'maps.list: internal error — see the log.' } });
    expect(JSON.stringify(answer)).not.toMatch(/SQLITE|malformed|someone/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(driverError);
    expect(String(logged[0]![1])).toContain('maps.list');
  });

  it('does the same for things thrown that are not errors at all', async () => {
    const dispatch = createDispatch(failingHandlers('secret string'), ownerOnly, { logError: () => {} });
    expect(await dispatch('maps.list', {})).toEqual({ ok: false, error: { code: 'internal', message: 'maps.list: internal error — see the log.' } });
  });

  it('keeps the code and message of a deliberate refusal', async () => {
    const dispatch = createDispatch(failingHandlers(new Error('unused')), ownerOnly, { logError: () => {} });
    expect(await dispatch('maps.get', { id: 'gone' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No map with id "gone".' } });
    expect(await dispatch('maps.get', { id: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('never lets a failure escape as a rejected promise, even from the input checks', async () => {
    const dispatch = createDispatch(failingHandlers(new Error('unused')), ownerOnly, { logError: () => {} });
    // A cyclic object makes the schema check itself blow up; the caller still gets an envelope.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    for (const input of [cyclic, deep, { id: deep }]) {
      const answer = await dispatch('maps.get', input);
      expect(answer.ok).toBe(false);
    }
  });
});
