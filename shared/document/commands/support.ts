import type { Draft } from 'immer';
import type { MapDoc } from '../mapDoc';
import type { Touchpoint } from '../../model/touchpoint';
import { CommandError } from '../command';
import { UNOWNED_LANE, byCellOrder } from '../../layout/grid';
import { laneTeamIdOf } from '../../model/lanes';

type AnyMap = MapDoc | Draft<MapDoc>;

/** The record with this id, or a CommandError that names what is missing. */
export function need<T>(collection: ReadonlyMap<string, T>, id: string, what: string): T {
  const record = collection.get(id);
  if (record === undefined) throw new CommandError(`There is no ${what} with id "${id}" in this map.`);
  return record;
}

export function nameOfStage(doc: AnyMap, id: string): string {
  return doc.stages.get(id)?.name ?? 'a removed stage';
}

export function nameOfLane(doc: AnyMap, laneTeamId: string | null): string {
  return laneTeamId ? (doc.teams.get(laneTeamId)?.name ?? 'a removed team') : 'Unowned';
}

/** The lane a card sits in (laneTeamIdOf), with null for Unowned. */
export function laneTeamOf(doc: AnyMap, touchpoint: Pick<Touchpoint, 'ownerTeamIds'>): string | null {
  return laneTeamIdOf(touchpoint, doc.teams) ?? null;
}

export const laneKeyOf = (laneTeamId: string | null) => laneTeamId ?? UNOWNED_LANE;

/** The cards of one cell, top to bottom, as the grid stacks them. */
export function cellCards(doc: AnyMap, stageId: string, laneTeamId: string | null): Touchpoint[] {
  const cards: { touchpoint: Touchpoint; index: number }[] = [];
  let index = 0;
  for (const touchpoint of doc.touchpoints.values()) {
    if (touchpoint.stageId === stageId && laneTeamOf(doc, touchpoint) === laneTeamId) cards.push({ touchpoint: touchpoint as Touchpoint, index });
    index++;
  }
  cards.sort(byCellOrder);
  return cards.map((c) => c.touchpoint);
}

/** Moves an id within an order array to `index` (clamped). */
export function moveInOrder(order: string[], id: string, index: number): void {
  const from = order.indexOf(id);
  if (from === -1) return;
  order.splice(from, 1);
  order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
}

/** Sets an optional text field, removing it when blank, so patches and the stored map stay clean. */
export function setOptionalText<T extends object>(record: T, key: keyof T & string, value: string | undefined): void {
  const trimmed = value?.trim();
  if (trimmed) (record as Record<string, unknown>)[key] = trimmed;
  else delete (record as Record<string, unknown>)[key];
}

/** A required label: trimmed, never empty. */
export function requireLabel(value: string, what: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new CommandError(`${what} cannot be empty.`);
  return trimmed;
}

/**
 * Numbers a cell's cards 0..n-1 in their current stacking order and returns the next free number, so a
 * card added to the cell lands at the bottom even when older cards had no explicit order.
 */
export function pinCellOrder(draft: Draft<MapDoc>, stageId: string, laneTeamId: string | null): number {
  const cards = cellCards(draft, stageId, laneTeamId);
  cards.forEach((card, i) => {
    const record = draft.touchpoints.get(card.id)!;
    if (record.order !== i) record.order = i;
  });
  return cards.length;
}
