import { fromMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { createIncrementalValidator } from '../../shared/validate/incremental';
import type { Finding } from '../../shared/validate/types';

// Derived once per document version: immer gives every edit a new MapDoc, and unchanged versions are reused.
const maps = new WeakMap<MapDoc, JourneyMap>();
const findings = new WeakMap<MapDoc, Finding[]>();
// After an edit only the changed cards are re-checked; findings are the same as a full validation.
const validateLive = createIncrementalValidator();

export function mapOf(doc: MapDoc): JourneyMap {
  let map = maps.get(doc);
  if (!map) maps.set(doc, (map = fromMapDoc(doc)));
  return map;
}

export function findingsOf(doc: MapDoc): Finding[] {
  let list = findings.get(doc);
  if (!list) findings.set(doc, (list = validateLive(doc)));
  return list;
}
