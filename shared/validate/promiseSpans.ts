import type { Team } from '../model/team';
import type { Touchpoint } from '../model/touchpoint';

/** Where each promise is made, by role: the first and last stage index of the cards that make it. */
export interface PromiseSpans {
  marketing: Map<string, { first: number; last: number }>;
  sales: Map<string, { first: number; last: number }>;
}

/** A promise-making card's promise keys, its stage position, and whether a marketing- or sales-led card makes them. */
export interface PromiseInfo {
  keys: string[];
  at: number;
  byMarketing: boolean;
  bySales: boolean;
}

// Promises repeat across cards ("live in one day"); their comparison keys are worked out once.
const keys = new Map<string, string>();
export function promiseKey(promise: string): string {
  let key = keys.get(promise);
  if (key === undefined) {
    if (keys.size > 10_000) keys.clear();
    keys.set(promise, (key = promise.trim().toLowerCase()));
  }
  return key;
}

/** The one computation of a card's PromiseInfo, for the full and the live validator alike. */
export function promiseInfoOf(touchpoint: Touchpoint, stagePosition: number | undefined, leads: readonly Team[]): PromiseInfo {
  return {
    keys: touchpoint.promises.map(promiseKey),
    at: stagePosition ?? 0,
    byMarketing: leads.some((team) => team.role === 'marketing'),
    bySales: leads.some((team) => team.role === 'sales'),
  };
}

export function widen(spans: Map<string, { first: number; last: number }>, key: string, at: number): void {
  const current = spans.get(key);
  if (!current) spans.set(key, { first: at, last: at });
  else {
    if (at < current.first) current.first = at;
    if (at > current.last) current.last = at;
  }
}

/** One pass over the promise-making cards, for both promise rules. */
export function computePromiseSpans(infos: Iterable<PromiseInfo>): PromiseSpans {
  const spans: PromiseSpans = { marketing: new Map(), sales: new Map() };
  for (const { keys: promiseKeys, at, byMarketing, bySales } of infos) {
    for (const k of promiseKeys) {
      if (byMarketing) widen(spans.marketing, k, at);
      if (bySales) widen(spans.sales, k, at);
    }
  }
  return spans;
}

/** Whether two span tables say the same: the live validator re-judges promise cards only when they differ. */
export function sameSpans(a: PromiseSpans, b: PromiseSpans): boolean {
  for (const role of ['marketing', 'sales'] as const) {
    if (a[role].size !== b[role].size) return false;
    for (const [key, span] of a[role]) {
      const other = b[role].get(key);
      if (!other || other.first !== span.first || other.last !== span.last) return false;
    }
  }
  return true;
}
