import type { JourneyMap } from '../model/journeyMap';
import type { Touchpoint } from '../model/touchpoint';
import { UNOWNED_COLOR, teamColor } from './teamColors';
import { laneTeamIdOf } from '../model/lanes';

/** Sizes of everything on the journey grid, in canvas units; explicit so nothing is measured at run time. */
export const GRID = {
  laneHeaderWidth: 220,
  stageHeaderHeight: 96,
  columnWidth: 300,
  cardWidth: 260,
  cardHeight: 128,
  /** Room for the route with its SLA and two lines of entry criteria, readable on the shared screen. */
  handoffHeight: 88,
  gap: 14,
  cellPadding: 20,
  minLaneHeight: 152,
} as const;

/** The lane key for touchpoints that no team leads. */
export const UNOWNED_LANE = '__unowned__';

export interface ColumnLayout {
  stageId: string;
  x: number;
  width: number;
}

export interface LaneLayout {
  key: string;
  /** Undefined for the Unowned lane. */
  teamId?: string;
  name: string;
  color: string;
  y: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridLayout {
  columns: ColumnLayout[];
  lanes: LaneLayout[];
  touchpoints: Map<string, Box & { laneKey: string }>;
  handoffs: Map<string, Box & { laneKey: string }>;
  width: number;
  height: number;
}

/** The lane key a touchpoint sits in: its lane team's id (see laneTeamIdOf), or Unowned. */
export function laneOf(touchpoint: Touchpoint, teamIds: ReadonlySet<string>): string {
  return laneTeamIdOf(touchpoint, teamIds) ?? UNOWNED_LANE;
}

/** Within a cell: cards with an explicit order first (ascending), then the rest in map order. */
export function byCellOrder(a: { touchpoint: Touchpoint; index: number }, b: { touchpoint: Touchpoint; index: number }): number {
  const ao = a.touchpoint.order;
  const bo = b.touchpoint.order;
  if (ao !== undefined && bo !== undefined && ao !== bo) return ao - bo;
  if (ao !== undefined && bo === undefined) return -1;
  if (ao === undefined && bo !== undefined) return 1;
  return a.index - b.index;
}

/**
 * Derives the canvas layout from the map: columns are stages in order, lanes are teams in order (plus
 * Unowned when needed), each touchpoint in its (stage × lead team) cell, handoffs after the cards of
 * their from-team's cell. Pure and deterministic, so the canvas and every export draw the same grid.
 */
export function layoutGrid(map: JourneyMap): GridLayout {
  const teamIds = new Set(map.teams.map((t) => t.id));
  const cellKey = (laneKey: string, stageId: string) => `${laneKey}\u0000${stageId}`;

  const cells = new Map<string, { touchpoint: Touchpoint; index: number }[]>();
  map.touchpoints.forEach((touchpoint, index) => {
    const key = cellKey(laneOf(touchpoint, teamIds), touchpoint.stageId);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = []));
    cell.push({ touchpoint, index });
  });
  const handoffCells = new Map<string, string[]>();
  for (const handoff of map.handoffs) {
    const laneKey = teamIds.has(handoff.fromTeamId) ? handoff.fromTeamId : UNOWNED_LANE;
    const key = cellKey(laneKey, handoff.stageId);
    let cell = handoffCells.get(key);
    if (!cell) handoffCells.set(key, (cell = []));
    cell.push(handoff.id);
  }

  const laneDefs: Omit<LaneLayout, 'y' | 'height'>[] = map.teams.map((team, i) => ({
    key: team.id,
    teamId: team.id,
    name: team.name,
    color: teamColor(team, i),
  }));
  const hasUnowned = [...cells.keys(), ...handoffCells.keys()].some((key) => key.startsWith(`${UNOWNED_LANE}\u0000`));
  if (hasUnowned) laneDefs.push({ key: UNOWNED_LANE, name: 'Unowned', color: UNOWNED_COLOR });

  const columns: ColumnLayout[] = map.stages.map((stage, i) => ({
    stageId: stage.id,
    x: GRID.laneHeaderWidth + i * GRID.columnWidth,
    width: GRID.columnWidth,
  }));

  const cellHeight = (laneKey: string, stageId: string) => {
    const cards = cells.get(cellKey(laneKey, stageId))?.length ?? 0;
    const handoffs = handoffCells.get(cellKey(laneKey, stageId))?.length ?? 0;
    const items = cards + handoffs;
    return 2 * GRID.cellPadding + cards * GRID.cardHeight + handoffs * GRID.handoffHeight + Math.max(0, items - 1) * GRID.gap;
  };

  const touchpoints: GridLayout['touchpoints'] = new Map();
  const handoffs: GridLayout['handoffs'] = new Map();
  const lanes: LaneLayout[] = [];
  let y = GRID.stageHeaderHeight;
  const cardInset = (GRID.columnWidth - GRID.cardWidth) / 2;
  for (const lane of laneDefs) {
    const height = Math.max(GRID.minLaneHeight, ...map.stages.map((s) => cellHeight(lane.key, s.id)));
    for (const column of columns) {
      let cursor = y + GRID.cellPadding;
      const cell = cells.get(cellKey(lane.key, column.stageId)) ?? [];
      for (const { touchpoint } of [...cell].sort(byCellOrder)) {
        touchpoints.set(touchpoint.id, { x: column.x + cardInset, y: cursor, width: GRID.cardWidth, height: GRID.cardHeight, laneKey: lane.key });
        cursor += GRID.cardHeight + GRID.gap;
      }
      for (const handoffId of handoffCells.get(cellKey(lane.key, column.stageId)) ?? []) {
        handoffs.set(handoffId, { x: column.x + cardInset, y: cursor, width: GRID.cardWidth, height: GRID.handoffHeight, laneKey: lane.key });
        cursor += GRID.handoffHeight + GRID.gap;
      }
    }
    lanes.push({ ...lane, y, height });
    y += height;
  }
  return {
    columns,
    lanes,
    touchpoints,
    handoffs,
    width: GRID.laneHeaderWidth + columns.length * GRID.columnWidth,
    height: y,
  };
}

/** The stage column under x, or the nearest one when x is left or right of the grid. */
export function columnAt(layout: GridLayout, x: number): ColumnLayout | undefined {
  if (layout.columns.length === 0) return undefined;
  const index = Math.floor((x - GRID.laneHeaderWidth) / GRID.columnWidth);
  return layout.columns[Math.max(0, Math.min(index, layout.columns.length - 1))];
}

/** The lane under y, or the nearest one above or below the grid. */
export function laneAt(layout: GridLayout, y: number): LaneLayout | undefined {
  if (layout.lanes.length === 0) return undefined;
  const inside = layout.lanes.find((lane) => y >= lane.y && y < lane.y + lane.height);
  if (inside) return inside;
  return y < layout.lanes[0]!.y ? layout.lanes[0] : layout.lanes[layout.lanes.length - 1];
}

/** Where a stage dropped at x goes: the column boundary nearest to x. */
export function stageInsertIndexAt(layout: GridLayout, x: number): number {
  const index = Math.round((x - GRID.laneHeaderWidth) / GRID.columnWidth);
  return Math.max(0, Math.min(index, layout.columns.length));
}

/** The slot a dragged column or lane centre falls into, for reordering. */
export function slotAt(start: number, size: number, count: number, centre: number): number {
  return Math.max(0, Math.min(Math.floor((centre - start) / size), count - 1));
}
