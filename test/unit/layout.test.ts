import { describe, expect, it } from 'vitest';
import { GRID, UNOWNED_LANE, layoutGrid } from '../../shared/layout/grid';
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

  it('has no Unowned lane when every card has a lead, and is deterministic', () => {
    const map = fullMap();
    map.touchpoints = map.touchpoints.filter((t) => t.ownerTeamIds.length > 0);
    expect(layoutGrid(map).lanes.map((l) => l.key)).toEqual(['mkt', 'sales', 'cs']);
    expect(layoutGrid(map)).toEqual(layoutGrid(map));
  });
});
