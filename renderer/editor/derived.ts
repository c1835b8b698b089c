import { fromMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { changedCardIds, createIncrementalValidator, type EditHint } from '../../shared/validate/incremental';
import type { Finding } from '../../shared/validate/types';

// Derived once per document version: immer gives every edit a new MapDoc, and unchanged versions are reused.
const maps = new WeakMap<MapDoc, JourneyMap>();
const findings = new WeakMap<MapDoc, Finding[]>();
// After an edit only the changed cards are re-checked; findings are the same as a full validation.
const validateLive = createIncrementalValidator();
const edits = new WeakMap<MapDoc, EditHint>();

/** Remembers which cards an edit changed, so validating its result looks at those cards only. */
export function recordEdit(from: MapDoc, to: MapDoc, patches: readonly { path: readonly (string | number)[] }[]): void {
  const cardIds = changedCardIds(patches);
  if (cardIds) edits.set(to, { from, cardIds });
}

export function mapOf(doc: MapDoc): JourneyMap {
  let map = maps.get(doc);
  if (!map) maps.set(doc, (map = fromMapDoc(doc)));
  return map;
}

export function findingsOf(doc: MapDoc): Finding[] {
  let list = findings.get(doc);
  if (!list) findings.set(doc, (list = validateLive(doc, edits.get(doc))));
  return list;
}
