import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { GRID, UNOWNED_LANE, layoutGrid } from '../../shared/layout/grid';
import { teamColor } from '../../shared/layout/teamColors';
import { STAGE_LABELS } from './phaseLabels';

export interface TeamChip {
  id: string;
  name: string;
  color: string;
}

export type LaneNodeData = { name: string; color: string; width: number; unowned: boolean };
export type StageHeaderNodeData = { name: string; phase: string; goal?: string; height: number };
export type TouchpointNodeData = {
  title: string;
  channel?: string;
  owners: TeamChip[];
  supporters: TeamChip[];
  promises: string[];
  stageName: string;
};
export type HandoffNodeData = { from?: TeamChip; to?: TeamChip; criteria?: string; slaHours?: number };
export type NoteNodeData = { text: string };

export type LaneNode = Node<LaneNodeData, 'lane'>;
export type StageHeaderNode = Node<StageHeaderNodeData, 'stageHeader'>;
export type TouchpointNode = Node<TouchpointNodeData, 'touchpoint'>;
export type HandoffNode = Node<HandoffNodeData, 'handoff'>;
export type NoteNode = Node<NoteNodeData, 'note'>;
export type JourneyNode = LaneNode | StageHeaderNode | TouchpointNode | HandoffNode | NoteNode;

const NOTE_SIZE = { width: 200, height: 120 };

/** Grid furniture (lanes, headers) is drawn by nodes too, so it pans and zooms with the cards. */
const FIXED = { draggable: false, selectable: false, connectable: false, focusable: false } as const;

/** The React Flow nodes and edges for a map, positioned by the shared grid layout. */
export function buildFlow(map: JourneyMap): { nodes: JourneyNode[]; edges: Edge[] } {
  const layout = layoutGrid(map);
  const teams = new Map<string, TeamChip>(map.teams.map((t, i) => [t.id, { id: t.id, name: t.name, color: teamColor(t, i) }]));
  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
  const chips = (ids: string[]) => ids.map((id) => teams.get(id)).filter((chip): chip is TeamChip => chip !== undefined);
  const nodes: JourneyNode[] = [];

  for (const lane of layout.lanes) {
    nodes.push({
      id: `lane:${lane.key}`,
      type: 'lane',
      position: { x: 0, y: lane.y },
      width: layout.width,
      height: lane.height,
      zIndex: 0,
      ...FIXED,
      data: { name: lane.name, color: lane.color, width: layout.width, unowned: lane.key === UNOWNED_LANE },
    });
  }
  map.stages.forEach((stage, i) => {
    const column = layout.columns[i]!;
    nodes.push({
      id: `stage:${stage.id}`,
      type: 'stageHeader',
      position: { x: column.x, y: 0 },
      width: column.width,
      height: layout.height,
      zIndex: 0,
      ...FIXED,
      data: { name: stage.name, phase: STAGE_LABELS[stage.phase], goal: stage.goal, height: GRID.stageHeaderHeight },
    });
  });
  for (const touchpoint of map.touchpoints) {
    const box = layout.touchpoints.get(touchpoint.id);
    if (!box) continue;
    nodes.push({
      id: touchpoint.id,
      type: 'touchpoint',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      zIndex: 2,
      draggable: false,
      connectable: false,
      data: {
        title: touchpoint.title,
        channel: touchpoint.channel,
        owners: chips(touchpoint.ownerTeamIds),
        supporters: chips(touchpoint.supportTeamIds),
        promises: touchpoint.promises,
        stageName: stageNames.get(touchpoint.stageId) ?? '',
      },
    });
  }
  for (const handoff of map.handoffs) {
    const box = layout.handoffs.get(handoff.id);
    if (!box) continue;
    nodes.push({
      id: handoff.id,
      type: 'handoff',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      zIndex: 2,
      draggable: false,
      connectable: false,
      data: { from: teams.get(handoff.fromTeamId), to: teams.get(handoff.toTeamId), criteria: handoff.criteria, slaHours: handoff.slaHours },
    });
  }
  for (const note of map.notes) {
    nodes.push({
      id: note.id,
      type: 'note',
      position: { x: note.x, y: note.y },
      ...NOTE_SIZE,
      zIndex: 3,
      draggable: false,
      connectable: false,
      data: { text: note.text },
    });
  }

  const edges: Edge[] = map.connections.map((connection) => ({
    id: connection.id,
    source: connection.source,
    target: connection.target,
    label: connection.label,
    type: 'smoothstep',
    zIndex: 1,
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    className: 'journey-edge',
  }));
  return { nodes, edges };
}
