import { describe, expect, it } from 'vitest';
import { presentPages, CARDS_PER_PAGE } from '../../renderer/present/presentPages';
import { layoutGrid } from '../../shared/layout/grid';
import { parseDocument } from '../../shared/format/document';
import { fullDocument } from './helpers';

function fixture() {
  const parsed = parseDocument(fullDocument());
  if (!parsed.ok) throw new Error('fixture invalid');
  return parsed.map;
}

describe('Present pages', () => {
  it('shows every team lane for a stage, its cards where the grid puts them, and its handoffs', () => {
    const map = fixture();
    const [page, ...more] = presentPages(map, layoutGrid(map), 'it');
    expect(more).toEqual([]);
    expect(page!.lanes.map((l) => l.name)).toEqual(map.teams.map((t) => t.name));
    const cardsInStage = map.touchpoints.filter((t) => t.stageId === 'it').map((t) => t.id).sort();
    expect(page!.lanes.flatMap((l) => l.cardIds).sort()).toEqual(cardsInStage);
    const layout = layoutGrid(map);
    for (const lane of page!.lanes) for (const id of lane.cardIds) expect(layout.touchpoints.get(id)!.laneKey).toBe(lane.key);
    expect(page!.lanes.flatMap((l) => l.handoffIds)).toEqual(map.handoffs.filter((h) => h.stageId === 'it').map((h) => h.id));
    expect(page).toMatchObject({ first: 1, last: cardsInStage.length, total: cardsInStage.length });
  });

  it(`splits a stage of more than ${CARDS_PER_PAGE} cards into pages, in grid order, handoffs on the first`, () => {
    const map = fixture();
    for (let i = 0; i < 11; i++) map.touchpoints.push({ id: `x${i}`, stageId: 'co', title: `Extra ${i}`, ownerTeamIds: ['sales'], supportTeamIds: [], promises: [], order: 100 + i });
    const total = map.touchpoints.filter((t) => t.stageId === 'co').length;
    const pages = presentPages(map, layoutGrid(map), 'co');
    expect(pages).toHaveLength(Math.ceil(total / CARDS_PER_PAGE));
    expect(pages.map((p) => [p.first, p.last, p.total])).toEqual(pages.map((_, i) => [i * CARDS_PER_PAGE + 1, Math.min(total, (i + 1) * CARDS_PER_PAGE), total]));
    const all = pages.flatMap((p) => p.lanes.flatMap((l) => l.cardIds));
    expect(new Set(all).size).toBe(total);
    expect(pages.slice(1).every((p) => p.lanes.every((l) => l.handoffIds.length === 0))).toBe(true);
  });

  it('an empty stage is one page with every lane and nothing in it', () => {
    const map = fixture();
    map.stages.push({ id: 'new', name: 'Advocacy', phase: 'growth' });
    const pages = presentPages(map, layoutGrid(map), 'new');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.lanes.every((l) => l.cardIds.length === 0)).toBe(true);
    expect(pages[0]).toMatchObject({ first: 0, last: 0, total: 0 });
  });
});
