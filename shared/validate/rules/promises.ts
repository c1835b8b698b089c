import type { Rule } from '../types';
import type { MapIndex } from '../mapIndex';
import { quote } from '../fixes';

/** Where each promise is made, by role: the first and last stage index of the cards that make it. */
export interface PromiseSpans {
  marketing: Map<string, { first: number; last: number }>;
  sales: Map<string, { first: number; last: number }>;
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

export function widen(spans: Map<string, { first: number; last: number }>, key: string, at: number): void {
  const current = spans.get(key);
  if (!current) spans.set(key, { first: at, last: at });
  else {
    if (at < current.first) current.first = at;
    if (at > current.last) current.last = at;
  }
}

/** One pass over the cards that make promises, for both promise rules. */
export function computePromiseSpans(index: MapIndex): PromiseSpans {
  const spans: PromiseSpans = { marketing: new Map(), sales: new Map() };
  for (const t of index.cardsWithPromises) {
    const { keys: promiseKeys, at, byMarketing, bySales } = index.promiseInfo(t);
    for (const k of promiseKeys) {
      if (byMarketing) widen(spans.marketing, k, at);
      if (bySales) widen(spans.sales, k, at);
    }
  }
  return spans;
}

export const promiseNotSetUp: Rule = {
  id: 'promise-not-set-up',
  defaultSeverity: 'warning',
  title: 'Promise not set up',
  description: 'A promise made at a sales-led touchpoint that no marketing touchpoint makes in the same or an earlier stage.',
  rationale: 'One voice: what sales sells should be what marketing already promised. A promise the buyer first hears from sales is a story only one side tells.',
  checkPromiseCard(t, info, spans, index, emit) {
    if (!info.bySales) return;
    t.promises.forEach((promise, i) => {
      const made = spans.marketing.get(info.keys[i]!);
      if (made && made.first <= info.at) return;
      emit({
        message: `${quote(t.title)} promises ${quote(promise)}, but no marketing touchpoint up to ${quote(index.stages.get(t.stageId)!.name)} sets it up.`,
        targetIds: [t.id],
      });
    });
  },
};

export const promiseNotFollowedThrough: Rule = {
  id: 'promise-not-followed-through',
  defaultSeverity: 'info',
  title: 'Promise not followed through',
  description: 'A promise marketing makes that no sales touchpoint carries in the same or a later stage.',
  rationale: 'One voice: a promise marketing makes and sales never repeats leaves the buyer wondering whether it still holds.',
  checkPromiseCard(t, info, spans, index, emit) {
    if (!info.byMarketing || index.teamsWithRole('sales').length === 0) return;
    t.promises.forEach((promise, i) => {
      const carried = spans.sales.get(info.keys[i]!);
      if (carried && carried.last >= info.at) return;
      emit({
        message: `Marketing promises ${quote(promise)} at ${quote(t.title)}, but no sales touchpoint from ${quote(index.stages.get(t.stageId)!.name)} on carries it.`,
        targetIds: [t.id],
      });
    });
  },
};
