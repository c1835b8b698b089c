import { UNOWNED_LANE, type GridLayout } from '../../shared/layout/grid';
import type { JourneyMap } from '../../shared/model/journeyMap';

/** At most this many cards on one Present page: big enough to read from the back of the room. */
export const CARDS_PER_PAGE = 8;

export interface PresentLane {
  key: string;
  teamId?: string;
  name: string;
  color: string;
  cardIds: string[];
  handoffIds: string[];
}

export interface PresentPage {
  /** Every lane of the map, in order, with this page's cards of the stage in it (possibly none). */
  lanes: PresentLane[];
  /** 1-based position of the page's first and last card among the stage's cards, and their count. */
  first: number;
  last: number;
  total: number;
}

/**
 * One stage, as Present shows it: each team's lane as a row with its cards (lanes as in the grid, so
 * a card sits where it sits on the canvas), split into pages of at most CARDS_PER_PAGE cards. Handoffs
 * show on the first page, beside the lane they leave from.
 */
export function presentPages(map: JourneyMap, layout: GridLayout, stageId: string | undefined): PresentPage[] {
  const byLane = (entries: [string, { laneKey: string; y: number }][], inStage: Set<string>) => {
    const lanes = new Map<string, string[]>();
    for (const [id, box] of entries.filter(([id]) => inStage.has(id)).sort(([, a], [, b]) => a.y - b.y)) {
      let list = lanes.get(box.laneKey);
      if (!list) lanes.set(box.laneKey, (list = []));
      list.push(id);
    }
    return lanes;
  };
  const cardsByLane = byLane([...layout.touchpoints], new Set(map.touchpoints.filter((t) => t.stageId === stageId).map((t) => t.id)));
  const handoffsByLane = byLane([...layout.handoffs], new Set(map.handoffs.filter((h) => h.stageId === stageId).map((h) => h.id)));
  const lanes = layout.lanes.map((lane) => ({
    key: lane.key,
    teamId: lane.teamId,
    name: lane.name,
    color: lane.color,
    cards: cardsByLane.get(lane.key) ?? [],
    handoffs: handoffsByLane.get(lane.key) ?? [],
  }));
  // Present shows the Unowned lane only when this stage has something in it.
  const shown = lanes.filter((lane) => lane.key !== UNOWNED_LANE || lane.cards.length + lane.handoffs.length > 0);
  const all = shown.flatMap((lane) => lane.cards.map((id) => ({ lane: lane.key, id })));
  const pageCount = Math.max(1, Math.ceil(all.length / CARDS_PER_PAGE));
  const pages: PresentPage[] = [];
  for (let page = 0; page < pageCount; page++) {
    const slice = all.slice(page * CARDS_PER_PAGE, (page + 1) * CARDS_PER_PAGE);
    pages.push({
      lanes: shown.map((lane) => ({
        key: lane.key,
        teamId: lane.teamId,
        name: lane.name,
        color: lane.color,
        cardIds: slice.filter((entry) => entry.lane === lane.key).map((entry) => entry.id),
        handoffIds: page === 0 ? lane.handoffs : [],
      })),
      first: slice.length ? page * CARDS_PER_PAGE + 1 : 0,
      last: page * CARDS_PER_PAGE + slice.length,
      total: all.length,
    });
  }
  return pages;
}
