import type { MapDoc } from '../../shared/document/mapDoc';

/** The element to select after an edit that created one, and the Inspector field to type in first. */
export interface CreatedElement {
  id: string;
  /** Absent: the Inspector's first field (a card's or a stage's title). */
  field?: string;
}

const holds = (doc: MapDoc, id: string) => doc.touchpoints.has(id) || doc.handoffs.has(id) || doc.stages.has(id) || doc.teams.has(id) || doc.notes.has(id);

/**
 * What a run of commands created: the first id among their arguments that was not in the map before and
 * is now. Add commands name the new element's id in their arguments, so no command needs to report it.
 */
export function createdElement(steps: readonly { args: unknown }[], before: MapDoc, after: MapDoc): CreatedElement | undefined {
  for (const { args } of steps) {
    const id = typeof args === 'object' && args !== null ? (args as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || holds(before, id) || !holds(after, id)) continue;
    // A handoff has no title: what it needs first is its entry criteria.
    return after.handoffs.has(id) ? { id, field: 'Criteria' } : { id };
  }
  return undefined;
}
