import { fromMapDoc, type MapDoc } from '../../shared/document/mapDoc';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { changedCardIds, createIncrementalValidator, type EditHint } from '../../shared/validate/incremental';
import type { Finding, ValidationMode } from '../../shared/validate/types';
import { layoutGrid, type GridLayout } from '../../shared/layout/grid';

// Derived once per document version: immer gives every edit a new MapDoc, and unchanged versions are reused.
const maps = new WeakMap<MapDoc, JourneyMap>();
const findings: Record<ValidationMode, WeakMap<MapDoc, Finding[]>> = { workshop: new WeakMap(), complete: new WeakMap() };
const cardCounts = new WeakMap<MapDoc, Map<string, number>>();
// After an edit only the changed cards are re-checked; findings are the same as a full validation.
const validateLive = createIncrementalValidator();
const edits = new WeakMap<MapDoc, EditHint>();

/** Remembers which cards an edit changed, so validating its result looks at those cards only. */
export function recordEdit(from: MapDoc, to: MapDoc, patches: readonly { path: readonly (string | number)[] }[]): void {
  const cardIds = changedCardIds(patches);
  if (cardIds) edits.set(to, { from, cardIds });
}

const layouts = new WeakMap<MapDoc, GridLayout>();

/** The grid layout of a document version, computed once: the canvas, Present, the keyboard and placing all read it. */
export function layoutOf(doc: MapDoc): GridLayout {
  let layout = layouts.get(doc);
  if (!layout) layouts.set(doc, (layout = layoutGrid(mapOf(doc))));
  return layout;
}

export function mapOf(doc: MapDoc): JourneyMap {
  let map = maps.get(doc);
  if (!map) maps.set(doc, (map = fromMapDoc(doc)));
  return map;
}

/**
 * The live findings. The canvas and the Problems panel validate in `workshop` mode while the room maps
 * (stages not started yet invite instead of alarming); Present asks for `complete`: the map as the
 * exports will show it.
 */
export function findingsOf(doc: MapDoc, mode: ValidationMode = 'workshop'): Finding[] {
  let list = findings[mode].get(doc);
  if (!list) findings[mode].set(doc, (list = validateLive(doc, edits.get(doc), mode)));
  return list;
}

/** How many cards each stage holds (stages without cards are absent), counted once per document version. */
export function cardsPerStage(doc: MapDoc): ReadonlyMap<string, number> {
  let counts = cardCounts.get(doc);
  if (!counts) {
    counts = new Map();
    for (const card of doc.touchpoints.values()) counts.set(card.stageId, (counts.get(card.stageId) ?? 0) + 1);
    cardCounts.set(doc, counts);
  }
  return counts;
}
