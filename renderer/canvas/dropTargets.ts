import type { Node } from '@xyflow/react';
import type { MapDoc } from '../../shared/document/mapDoc';
import { GRID, columnAt, laneAt, slotAt, type GridLayout } from '../../shared/layout/grid';
import * as commands from '../../shared/document/commands';
import { invoke, type Invocation } from '../editor/editorStore';
import { elementIdOf } from './flowModel';

const centre = (node: Node) => ({ x: node.position.x + (node.width ?? 0) / 2, y: node.position.y + (node.height ?? 0) / 2 });

/**
 * What dropping dragged nodes means: a card moves to the cell under its centre (the drag is the
 * handover), a stage header or lane label moves to the slot under it, a handoff to its new stage and
 * lane, a note to where it was left. All of one drag become one undoable step.
 */
export function dropInvocations(doc: MapDoc, layout: GridLayout, dragged: Node[]): Invocation[] {
  const draggedIds = new Set(dragged.map((n) => n.id));
  const result: Invocation[] = [];
  for (const node of dragged) {
    const at = centre(node);
    if (node.type === 'touchpoint') {
      const column = columnAt(layout, at.x);
      const lane = laneAt(layout, at.y);
      if (!column || !lane) continue;
      const index = [...layout.touchpoints].filter(
        ([id, box]) => !draggedIds.has(id) && box.laneKey === lane.key && doc.touchpoints.get(id)?.stageId === column.stageId && box.y + box.height / 2 < at.y,
      ).length;
      result.push(invoke(commands.moveTouchpoint, { id: node.id, stageId: column.stageId, laneTeamId: lane.teamId ?? null, index }));
    } else if (node.type === 'handoff') {
      const handoff = doc.handoffs.get(node.id);
      const column = columnAt(layout, at.x);
      const lane = laneAt(layout, at.y);
      if (!handoff || !column) continue;
      const fromTeamId = lane?.teamId && lane.teamId !== handoff.toTeamId ? lane.teamId : handoff.fromTeamId;
      result.push(invoke(commands.updateHandoff, { id: node.id, changes: { stageId: column.stageId, fromTeamId } }));
    } else if (node.type === 'note') {
      result.push(invoke(commands.moveNote, { id: node.id, x: node.position.x, y: node.position.y }));
    } else if (node.type === 'stageHeader') {
      const index = slotAt(GRID.laneHeaderWidth, GRID.columnWidth, doc.stageOrder.length, at.x);
      result.push(invoke(commands.moveStage, { id: elementIdOf(node.id), index }));
    } else if (node.type === 'laneLabel') {
      const teamLanes = layout.lanes.filter((l) => l.teamId !== undefined && l.teamId !== elementIdOf(node.id));
      const index = teamLanes.filter((l) => l.y + l.height / 2 < at.y).length;
      result.push(invoke(commands.moveTeam, { id: elementIdOf(node.id), index }));
    }
  }
  return result;
}

/** The cell a dragged card would land in now, or undefined for anything else being dragged. */
export function cardTargetCell(layout: GridLayout, node: Node): { stageId: string; laneKey: string; teamId?: string; box: { x: number; y: number; width: number; height: number } } | undefined {
  if (node.type !== 'touchpoint') return undefined;
  const at = centre(node);
  const column = columnAt(layout, at.x);
  const lane = laneAt(layout, at.y);
  if (!column || !lane) return undefined;
  return { stageId: column.stageId, laneKey: lane.key, teamId: lane.teamId, box: { x: column.x, y: lane.y, width: column.width, height: lane.height } };
}
