import type { GridLayout } from '../../shared/layout/grid';

export type Direction = 'left' | 'right' | 'up' | 'down';

interface PlacedCard {
  id: string;
  column: number;
  laneKey: string;
  top: number;
  middle: number;
}

/** Cards and handoffs where the grid draws them, with their stage column. */
function placedCards(layout: GridLayout): PlacedCard[] {
  const columnOf = (x: number) => layout.columns.findIndex((c) => x >= c.x && x < c.x + c.width);
  return [...layout.touchpoints, ...layout.handoffs].map(([id, box]) => ({
    id,
    column: columnOf(box.x),
    laneKey: box.laneKey,
    top: box.y,
    middle: box.y + box.height / 2,
  }));
}

const readingOrder = (a: PlacedCard, b: PlacedCard) => a.column - b.column || a.top - b.top;

/** The first card of the journey: the top one in the leftmost stage that has any. */
export function firstCard(layout: GridLayout): string | undefined {
  return placedCards(layout).sort(readingOrder)[0]?.id;
}

/** Every card and handoff in reading order: stage by stage, top to bottom. */
export function cardsInReadingOrder(layout: GridLayout): string[] {
  return placedCards(layout)
    .sort(readingOrder)
    .map((c) => c.id);
}

/**
 * The card the arrow keys go to from `fromId`, as the grid shows them. Right and Left: the nearest card in
 * the next (previous) stage that has cards, in the same lane when there is one, else the nearest in height.
 * Down and Up: the next card below (above) in the same stage: within the cell first, then the next lane.
 * Undefined at the edge of the map. An id that is not on the grid starts at the first card.
 */
export function nearestCard(layout: GridLayout, fromId: string | undefined, direction: Direction): string | undefined {
  const cards = placedCards(layout);
  const from = cards.find((c) => c.id === fromId);
  if (!from) return firstCard(layout);

  if (direction === 'up' || direction === 'down') {
    const column = cards.filter((c) => c.column === from.column && (direction === 'down' ? c.top > from.top : c.top < from.top));
    column.sort((a, b) => a.top - b.top);
    return (direction === 'down' ? column[0] : column[column.length - 1])?.id;
  }

  const step = direction === 'right' ? 1 : -1;
  for (let index = from.column + step; index >= 0 && index < layout.columns.length; index += step) {
    const inColumn = cards.filter((c) => c.column === index);
    if (inColumn.length === 0) continue;
    const sameLane = inColumn.filter((c) => c.laneKey === from.laneKey);
    const pool = sameLane.length > 0 ? sameLane : inColumn;
    const distance = (c: PlacedCard) => Math.abs(c.middle - from.middle);
    return pool.reduce((best, c) => (distance(c) < distance(best) || (distance(c) === distance(best) && c.top < best.top) ? c : best)).id;
  }
  return undefined;
}

/** Where the arrows start: the most recently selected card or handoff on the grid. */
export function selectionAnchor(layout: GridLayout, selection: ReadonlySet<string>): string | undefined {
  return [...selection].reverse().find((id) => layout.touchpoints.has(id) || layout.handoffs.has(id));
}
