import type { MapDoc } from '../../shared/document/mapDoc';
import { columnAt, laneAt, stageInsertIndexAt, GRID } from '../../shared/layout/grid';
import { layoutOf } from './derived';
import { newId } from '../../shared/ids';
import { nextTeamColor, teamColor } from '../../shared/layout/teamColors';
import * as commands from '../../shared/document/commands';
import { invoke, type Invocation } from './editorStore';
import { laneTeamOf } from '../../shared/document/commands';
import { defaultHandoffTeams } from '../../shared/validate/roleModel';

export type PaletteKind = 'stage' | 'touchpoint' | 'handoff' | 'note' | 'team';

export interface Placement {
  invocation: Invocation;
  id: string;
  /** The Inspector field to type in first; its first field when absent. */
  focusField?: string;
}

/** Where a palette item lands for a drop at canvas point (x, y); a message when it cannot land. */
export function placeAt(doc: MapDoc, kind: PaletteKind, x: number, y: number): Placement | string {
  const layout = layoutOf(doc);
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
  const teams = doc.teamOrder.map((teamId) => doc.teams.get(teamId)!);
  const phase = doc.stages.get(column.stageId)!.phase;
  // The usual direction for the stage's phase, not just "this lane to the next": a handoff dropped in the
  // Sales lane at Intent is marketing handing the buyer to sales.
  const ends = defaultHandoffTeams(teams, phase, lane?.teamId);
  if (!ends) return 'A handoff passes the buyer between two teams: add a second team first.';
  const id = newId('ho-');
  // What makes the buyer ready is the one thing a new handoff needs: type it first.
  return { id, invocation: invoke(commands.addHandoff, { id, stageId: column.stageId, ...ends }), focusField: 'Criteria' };
}

/**
 * The canvas point where a stage's first touchpoint goes: its cell in the first marketing lane (marketing
 * supports every stage), or in the first lane when the map has no marketing team.
 */
export function firstTouchpointPoint(doc: MapDoc, stageId: string): { x: number; y: number } | undefined {
  const layout = layoutOf(doc);
  const column = layout.columns.find((c) => c.stageId === stageId);
  if (!column) return undefined;
  const marketing = doc.teamOrder.find((teamId) => doc.teams.get(teamId)!.role === 'marketing');
  const lane = layout.lanes.find((l) => l.teamId === marketing) ?? layout.lanes[0];
  return { x: column.x + column.width / 2, y: lane ? lane.y + lane.height / 2 : GRID.stageHeaderHeight + 10 };
}

/**
 * The canvas point the keyboard adds to: the selected card's cell, the selected stage or lane, or
 * else the first cell of the grid.
 */
export function keyboardPoint(doc: MapDoc, selection: ReadonlySet<string>, kind: PaletteKind): { x: number; y: number } {
  const layout = layoutOf(doc);
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
