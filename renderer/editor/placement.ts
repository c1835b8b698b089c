import type { MapDoc } from '../../shared/document/mapDoc';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { columnAt, laneAt, layoutGrid, stageInsertIndexAt, GRID } from '../../shared/layout/grid';
import { newId } from '../../shared/ids';
import { nextTeamColor, teamColor } from '../../shared/layout/teamColors';
import * as commands from '../../shared/document/commands';
import { invoke, type Invocation } from './editorStore';
import { laneTeamOf } from '../../shared/document/commands';

export type PaletteKind = 'stage' | 'touchpoint' | 'handoff' | 'note' | 'team';

export interface Placement {
  invocation: Invocation;
  id: string;
}

/** Where a palette item lands for a drop at canvas point (x, y); a message when it cannot land. */
export function placeAt(doc: MapDoc, kind: PaletteKind, x: number, y: number): Placement | string {
  const layout = layoutGrid(fromMapDoc(doc));
  if (kind === 'note') {
    const id = newId('note-');
    const stageId = columnAt(layout, x)?.stageId;
    return { id, invocation: invoke(commands.addNote, { id, x: x - 100, y: y - 60, stageId }) };
  }
  if (kind === 'team') {
    const id = newId('team-');
    const index = layout.lanes.filter((l) => l.teamId !== undefined && l.y + l.height / 2 < y).length;
    const color = nextTeamColor([...doc.teams.values()].map((t, i) => teamColor(t, i)));
    return { id, invocation: invoke(commands.addTeam, { id, index, name: 'New team', role: 'other', color }) };
  }
  if (kind === 'stage') {
    const id = newId('stage-');
    return { id, invocation: invoke(commands.addStage, { id, index: stageInsertIndexAt(layout, x), name: 'New stage', phase: 'other' }) };
  }
  const column = columnAt(layout, x);
  if (!column) return 'Add a stage first: touchpoints and handoffs sit in a stage.';
  const lane = laneAt(layout, y);
  if (kind === 'touchpoint') {
    const id = newId('tp-');
    return { id, invocation: invoke(commands.addTouchpoint, { id, stageId: column.stageId, laneTeamId: lane?.teamId ?? null, title: 'New touchpoint' }) };
  }
  if (doc.teamOrder.length < 2) return 'A handoff passes the buyer between two teams: add a second team first.';
  const from = lane?.teamId ?? doc.teamOrder[0]!;
  const index = doc.teamOrder.indexOf(from);
  const to = doc.teamOrder[index + 1] ?? doc.teamOrder[index - 1]!;
  const id = newId('ho-');
  return { id, invocation: invoke(commands.addHandoff, { id, stageId: column.stageId, fromTeamId: from, toTeamId: to }) };
}

/**
 * The canvas point the keyboard adds to: the selected card's cell, the selected stage or lane, or
 * else the first cell of the grid.
 */
export function keyboardPoint(doc: MapDoc, selection: ReadonlySet<string>, kind: PaletteKind): { x: number; y: number } {
  const layout = layoutGrid(fromMapDoc(doc));
  let stageId = doc.stageOrder[0];
  let laneKey: string | undefined = doc.teamOrder[0];
  for (const id of selection) {
    const card = doc.touchpoints.get(id);
    const handoff = doc.handoffs.get(id);
    if (card) [stageId, laneKey] = [card.stageId, laneTeamOf(doc, card) ?? undefined];
    else if (handoff) [stageId, laneKey] = [handoff.stageId, handoff.fromTeamId];
    else if (doc.stages.has(id)) stageId = id;
    else if (doc.teams.has(id)) laneKey = id;
    else continue;
    break;
  }
  const column = layout.columns.find((c) => c.stageId === stageId);
  const lane = layout.lanes.find((l) => l.key === laneKey) ?? layout.lanes[0];
  const x = column ? column.x + column.width / 2 : GRID.laneHeaderWidth + 10;
  const y = lane ? lane.y + lane.height / 2 : GRID.stageHeaderHeight + 10;
  // A stage added from the keyboard goes after the selected (or last) stage.
  if (kind === 'stage') return { x: column ? column.x + column.width : layout.width, y };
  if (kind === 'team') return { x, y: lane ? lane.y + lane.height : layout.height };
  if (kind === 'note') return { x, y: Math.max(0, y) };
  return { x, y };
}
