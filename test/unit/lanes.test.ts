import { describe, expect, it } from 'vitest';
import { laneTeamIdOf } from '../../shared/model/lanes';
import { laneOf, layoutGrid, UNOWNED_LANE } from '../../shared/layout/grid';
import { laneTeamOf } from '../../shared/document/commands';
import { diffMaps } from '../../shared/versions/diff';
import { toMapDoc } from '../../shared/document/mapDoc';
import type { JourneyMap } from '../../shared/model/journeyMap';

/** Two teams and one card per case: led by a team, contested, led by a removed team first, or by nobody. */
function map(): JourneyMap {
  const card = (id: string, ownerTeamIds: string[]) => ({ id, stageId: 's', title: id, ownerTeamIds, supportTeamIds: [], promises: [] });
  return {
    id: 'm',
    name: 'Lanes',
    teams: [
      { id: 'mkt', name: 'Marketing', role: 'marketing' },
      { id: 'sales', name: 'Sales', role: 'sales' },
    ],
    stages: [{ id: 's', name: 'Intent', phase: 'intent' }],
    touchpoints: [card('led', ['sales']), card('contested', ['sales', 'mkt']), card('gone-first', ['gone', 'mkt']), card('unowned', []), card('only-gone', ['gone'])],
    handoffs: [],
    connections: [],
    notes: [],
    rules: {},
  };
}
const EXPECTED: Record<string, string | undefined> = { led: 'sales', contested: 'sales', 'gone-first': 'mkt', unowned: undefined, 'only-gone': undefined };

describe('a card’s lane is its first lead that is a team of the map', () => {
  it('the rule itself: first claimant of a contested card, skipping leads that are not teams, else none', () => {
    const teams = new Set(['mkt', 'sales']);
    for (const card of map().touchpoints) expect(laneTeamIdOf(card, teams)).toBe(EXPECTED[card.id]);
  });

  it('the grid, the commands and the version comparison all place cards by it', () => {
    const m = map();
    const doc = toMapDoc(m);
    const layout = layoutGrid(m);
    for (const card of m.touchpoints) {
      const expected = EXPECTED[card.id];
      expect(laneOf(card, new Set(doc.teams.keys()))).toBe(expected ?? UNOWNED_LANE);
      expect(layout.touchpoints.get(card.id)!.laneKey).toBe(expected ?? UNOWNED_LANE);
      expect(laneTeamOf(doc, card)).toBe(expected ?? null);
    }
    // Removing Sales moves its cards to their next lead's lane (or Unowned): the comparison names both lanes.
    const after = { ...m, teams: m.teams.filter((t) => t.id !== 'sales') };
    const moved = diffMaps(m, after).moved.map((c) => [c.id, c.fromLane, c.toLane]);
    expect(moved).toEqual([
      ['led', 'Sales', 'Unowned'],
      ['contested', 'Sales', 'Marketing'],
    ]);
  });
});
