import type { Rule } from '../types';
import type { MapIndex } from '../mapIndex';
import type { TeamRole } from '../../model/team';
import { quote } from '../fixes';

const key = (promise: string) => promise.trim().toLowerCase();

/** For each promise, the earliest and latest stage index at which a touchpoint led by `role` makes it. */
function promiseSpan(index: MapIndex, role: TeamRole) {
  const span = new Map<string, { first: number; last: number }>();
  for (const t of index.map.touchpoints) {
    if (t.promises.length === 0 || !index.leads(t).some((team) => team.role === role)) continue;
    const at = index.stageIndex.get(t.stageId)!;
    for (const promise of t.promises) {
      const k = key(promise);
      const current = span.get(k);
      if (!current) span.set(k, { first: at, last: at });
      else span.set(k, { first: Math.min(current.first, at), last: Math.max(current.last, at) });
    }
  }
  return span;
}

export const promiseNotSetUp: Rule = {
  id: 'promise-not-set-up',
  defaultSeverity: 'warning',
  title: 'Promise not set up',
  description: 'A promise made at a sales-led touchpoint that no marketing touchpoint makes in the same or an earlier stage.',
  rationale: 'One voice: what sales sells should be what marketing already promised. A promise the buyer first hears from sales is a story only one side tells.',
  check(index, emit) {
    const marketing = promiseSpan(index, 'marketing');
    for (const t of index.map.touchpoints) {
      if (t.promises.length === 0 || !index.leads(t).some((team) => team.role === 'sales')) continue;
      const at = index.stageIndex.get(t.stageId)!;
      for (const promise of t.promises) {
        const made = marketing.get(key(promise));
        if (made && made.first <= at) continue;
        emit({
          message: `${quote(t.title)} promises ${quote(promise)}, but no marketing touchpoint up to ${quote(index.stages.get(t.stageId)!.name)} sets it up.`,
          targetIds: [t.id],
        });
      }
    }
  },
};

export const promiseNotFollowedThrough: Rule = {
  id: 'promise-not-followed-through',
  defaultSeverity: 'info',
  title: 'Promise not followed through',
  description: 'A promise marketing makes that no sales touchpoint carries in the same or a later stage.',
  rationale: 'One voice: a promise marketing makes and sales never repeats leaves the buyer wondering whether it still holds.',
  check(index, emit) {
    const sales = promiseSpan(index, 'sales');
    if (index.teamsWithRole('sales').length === 0) return;
    for (const t of index.map.touchpoints) {
      if (t.promises.length === 0 || !index.leads(t).some((team) => team.role === 'marketing')) continue;
      const at = index.stageIndex.get(t.stageId)!;
      for (const promise of t.promises) {
        const carried = sales.get(key(promise));
        if (carried && carried.last >= at) continue;
        emit({
          message: `Marketing promises ${quote(promise)} at ${quote(t.title)}, but no sales touchpoint from ${quote(index.stages.get(t.stageId)!.name)} on carries it.`,
          targetIds: [t.id],
        });
      }
    }
  },
};
