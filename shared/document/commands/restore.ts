import { defineCommand } from '../command';
import { RECORD_COLLECTIONS, toMapDoc } from '../mapDoc';
import type { JourneyMap } from '../../model/journeyMap';

/** Deep equality of plain records (key order does not matter; undefined and missing are the same). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * Makes the map what `target` (a saved version of it) says, as one edit: only records that differ are
 * touched, so the step undoes like any other and stores in proportion to the difference.
 */
export const restoreVersion = defineCommand<{ target: JourneyMap; versionName: string }>({
  name: 'restoreVersion',
  label: (_doc, a) => `Restore version “${a.versionName}”`,
  run(draft, { target }) {
    const next = toMapDoc(target);
    if (draft.name !== next.name) draft.name = next.name;
    if (draft.description !== next.description) {
      if (next.description === undefined) delete draft.description;
      else draft.description = next.description;
    }
    if (!same(draft.rules, next.rules)) draft.rules = next.rules;
    for (const collection of RECORD_COLLECTIONS) {
      const current = draft[collection] as Map<string, unknown>;
      const wanted = next[collection] as Map<string, unknown>;
      for (const id of [...current.keys()]) if (!wanted.has(id)) current.delete(id);
      for (const [id, record] of wanted) if (!same(current.get(id), record)) current.set(id, record);
    }
    if (!same(draft.stageOrder, next.stageOrder)) draft.stageOrder = next.stageOrder;
    if (!same(draft.teamOrder, next.teamOrder)) draft.teamOrder = next.teamOrder;
  },
});
