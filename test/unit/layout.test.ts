import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRID, UNOWNED_LANE, laneOf, layoutGrid } from '../../shared/layout/grid';
import type { Touchpoint } from '../../shared/model/touchpoint';
import type { Handoff } from '../../shared/model/handoff';
import { parseDocument } from '../../shared/format/document';
import { fullDocument } from './helpers';

function fullMap() {
  const result = parseDocument(fullDocument());
  if (!result.ok) throw new Error('fixture is invalid');
  return result.map;
}

describe('journey grid layout', () => {
  it('puts stages left to right and team lanes top to bottom in map order', () => {
    const layout = layoutGrid(fullMap());
    expect(layout.columns.map((c) => c.stageId)).toEqual(['aw', 'in', 'co', 'it', 'pu', 're']);
    expect(layout.columns.map((c) => c.x)).toEqual([0, 1, 2, 3, 4, 5].map((i) => GRID.laneHeaderWidth + i * GRID.columnWidth));
    expect(layout.lanes.map((l) => l.key)).toEqual(['mkt', 'sales', 'cs', UNOWNED_LANE]);
    for (let i = 1; i < layout.lanes.length; i++) {
      expect(layout.lanes[i]!.y).toBe(layout.lanes[i - 1]!.y + layout.lanes[i - 1]!.height);
    }
  });

  it('places each card in its (stage × lead team) cell; unowned cards in the Unowned lane; contested with their first claimant', () => {
    const layout = layoutGrid(fullMap());
    const column = (stageId: string) => layout.columns.find((c) => c.stageId === stageId)!;
    const lane = (key: string) => layout.lanes.find((l) => l.key === key)!;
    const inside = (id: string, stageId: string, laneKey: string) => {
      const box = layout.touchpoints.get(id)!;
      expect(box.laneKey).toBe(laneKey);
      expect(box.x).toBeGreaterThanOrEqual(column(stageId).x);
      expect(box.x + box.width).toBeLessThanOrEqual(column(stageId).x + column(stageId).width);
      expect(box.y).toBeGreaterThanOrEqual(lane(laneKey).y);
      expect(box.y + box.height).toBeLessThanOrEqual(lane(laneKey).y + lane(laneKey).height);
    };
    inside('tp-demo', 'it', 'sales');
    inside('tp-cold', 'in', 'sales');
    inside('tp-compare', 'co', UNOWNED_LANE);
    inside('tp-trial', 'it', 'sales');
    inside('tp-onboard', 're', 'cs');
  });

  it('stacks a cell by order, then map order, and puts handoffs after the cards', () => {
    const map = fullMap();
    // Three Marketing cards in Awareness: the one with an order comes first.
    map.touchpoints.push({ id: 'tp-ads', stageId: 'aw', title: 'Search ads', ownerTeamIds: ['mkt'], supportTeamIds: [], promises: [], order: -5 });
    map.handoffs.push({ id: 'ho-aw', stageId: 'aw', fromTeamId: 'mkt', toTeamId: 'sales' });
    const layout = layoutGrid(map);
    const ys = ['tp-ads', 'tp-webinar', 'tp-linkedin'].map((id) => layout.touchpoints.get(id)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(ys[1]! - ys[0]!).toBe(GRID.cardHeight + GRID.gap);
    expect(layout.handoffs.get('ho-aw')!.y).toBe(ys[2]! + GRID.cardHeight + GRID.gap);
    // The lane grows to hold its tallest cell.
    const marketing = layout.lanes.find((l) => l.key === 'mkt')!;
    expect(marketing.height).toBe(2 * GRID.cellPadding + 3 * GRID.cardHeight + GRID.handoffHeight + 3 * GRID.gap);
  });

  it('has no Unowned lane when every card has a lead', () => {
    const map = fullMap();
    map.touchpoints = map.touchpoints.filter((t) => t.ownerTeamIds.length > 0);
    expect(layoutGrid(map).lanes.map((l) => l.key)).toEqual(['mkt', 'sales', 'cs']);
  });

  it('is deterministic: equal maps built in different orders give the same layout', () => {
    const map = fullMap();
    // More than one card and handoff per cell, so the order within a cell is at stake too.
    map.touchpoints.push(
      { id: 'tp-ads', stageId: 'aw', title: 'Search ads', ownerTeamIds: ['mkt'], supportTeamIds: [], promises: [], order: -5 },
      { id: 'tp-call', stageId: 'in', title: 'Discovery call', ownerTeamIds: ['sales'], supportTeamIds: [], promises: [] },
      { id: 'tp-faq', stageId: 'co', title: 'FAQ', ownerTeamIds: [], supportTeamIds: ['mkt'], promises: [] },
    );
    map.handoffs.push({ id: 'ho-aw', stageId: 'aw', fromTeamId: 'mkt', toTeamId: 'sales' }, { id: 'ho-aw2', stageId: 'aw', fromTeamId: 'mkt', toTeamId: 'cs' });
    const teamIds = new Set(map.teams.map((t) => t.id));
    const expected = layoutGrid(map);
    const sameCell = <T,>(cellOf: (item: T) => string) => (list: T[], picks: number[]) => interleaveByCell(list, cellOf, picks);
    const cards = sameCell<Touchpoint>((t) => `${laneOf(t, teamIds)}/${t.stageId}`);
    const handoffs = sameCell<Handoff>((h) => `${h.fromTeamId}/${h.stageId}`);
    const picks = fc.array(fc.nat(), { minLength: map.touchpoints.length, maxLength: map.touchpoints.length });
    fc.assert(
      fc.property(picks, picks, fc.shuffledSubarray(map.connections, { minLength: map.connections.length }), (cardPicks, handoffPicks, connections) => {
        // The same map: cards and handoffs of different cells interleaved in another order (within a cell, map
        // order is meaningful and kept), the connections in another order, every record's fields in another order.
        const again = withFieldsReversed({ ...map, touchpoints: cards(map.touchpoints, cardPicks), handoffs: handoffs(map.handoffs, handoffPicks), connections });
        const layout = layoutGrid(again);
        expect(layout).toEqual(expected);
        // Maps compare regardless of insertion order; the boxes themselves, by id, must be equal too.
        for (const key of ['touchpoints', 'handoffs'] as const) expect(sortedEntries(layout[key])).toEqual(sortedEntries(expected[key]));
      }),
      { numRuns: 60 },
    );
  });
});

/** The items in another order that keeps each cell's items in their order: `picks` chooses the cell each next item comes from. */
function interleaveByCell<T>(list: T[], cellOf: (item: T) => string, picks: number[]): T[] {
  const cells = new Map<string, T[]>();
  for (const item of list) {
    const cell = cells.get(cellOf(item));
    if (cell) cell.push(item);
    else cells.set(cellOf(item), [item]);
  }
  const queues = [...cells.values()];
  const out: T[] = [];
  for (let i = 0; queues.length > 0; i++) {
    const at = (picks[i] ?? 0) % queues.length;
    out.push(queues[at]!.shift()!);
    if (queues[at]!.length === 0) queues.splice(at, 1);
  }
  return out;
}

function withFieldsReversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withFieldsReversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, field]) => [key, withFieldsReversed(field)])) as T;
}

const sortedEntries = <V,>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
