import type { MapIndex } from '../validate/mapIndex';
import { promiseKey } from '../validate/rules/promises';
import type { SharedPromise } from './agreement';

/**
 * "One voice": every promise on the map, the marketing-led touchpoints that make it and the sales-led ones
 * that carry it, in the order the map first makes them. A promise only one side makes is flagged: the
 * buyer hears it from one team and not the other.
 */
export function sharedPromises(index: MapIndex): SharedPromise[] {
  const byKey = new Map<string, SharedPromise & { at: number }>();
  for (const card of index.cardsWithPromises) {
    const leads = index.leads(card);
    const byMarketing = leads.some((team) => team.role === 'marketing');
    const bySales = leads.some((team) => team.role === 'sales');
    const at = index.stageIndex.get(card.stageId) ?? 0;
    for (const promise of card.promises) {
      const key = promiseKey(promise);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { promise: promise.trim(), madeBy: [], carriedBy: [], alsoBy: [], at }));
      entry.at = Math.min(entry.at, at);
      if (byMarketing) entry.madeBy.push(card.title);
      if (bySales) entry.carriedBy.push(card.title);
      if (!byMarketing && !bySales) entry.alsoBy.push(card.title);
    }
  }
  return [...byKey.values()]
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...entry }) => {
      const made = entry.madeBy.length > 0;
      const carried = entry.carriedBy.length > 0;
      const onlyOneSide = made && carried ? undefined : made ? 'marketing' : carried ? 'sales' : 'neither';
      return { ...entry, onlyOneSide };
    });
}
