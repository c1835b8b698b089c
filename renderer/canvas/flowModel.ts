import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { MapDoc } from '../../shared/document/mapDoc';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { fromMapDoc } from '../../shared/document/mapDoc';
import { GRID, UNOWNED_LANE, layoutGrid, type GridLayout } from '../../shared/layout/grid';
import { teamColor } from '../../shared/layout/teamColors';
import type { Touchpoint } from '../../shared/model/touchpoint';
import type { Handoff } from '../../shared/model/handoff';
import type { Note } from '../../shared/model/note';
import { PHASE_LABELS } from '../../shared/model/stage';
import type { IssueSummary } from './issues';

export interface TeamChip {
  id: string;
  name: string;
  color: string;
}

export type LaneBandNodeData = { color: string; unowned: boolean };
export type LaneLabelNodeData = { name: string; color: string; unowned: boolean; teamId?: string; issue?: IssueSummary };
export type StageColumnNodeData = Record<string, never>;
export type StageHeaderNodeData = { name: string; phase: string; goal?: string; issue?: IssueSummary };
export type TouchpointNodeData = {
  id: string;
  title: string;
  channel?: string;
  owners: TeamChip[];
  supporters: TeamChip[];
  promises: string[];
  stageName: string;
  issue?: IssueSummary;
  votes?: number;
};
export type HandoffNodeData = { from?: TeamChip; to?: TeamChip; criteria?: string; slaHours?: number; issue?: IssueSummary };
export type NoteNodeData = { text: string; votes?: number };

export type JourneyNode =
  | Node<LaneBandNodeData, 'laneBand'>
  | Node<LaneLabelNodeData, 'laneLabel'>
  | Node<StageColumnNodeData, 'stageColumn'>
  | Node<StageHeaderNodeData, 'stageHeader'>
  | Node<TouchpointNodeData, 'touchpoint'>
  | Node<HandoffNodeData, 'handoff'>
  | Node<NoteNodeData, 'note'>;

export const NOTE_SIZE = { width: 200, height: 120 };
export const STAGE_NODE_PREFIX = 'stage:';
export const LANE_NODE_PREFIX = 'lane:';

/** Node id → the element id it stands for (stage and lane nodes carry a prefix). */
export function elementIdOf(nodeId: string): string {
  if (nodeId.startsWith(STAGE_NODE_PREFIX)) return nodeId.slice(STAGE_NODE_PREFIX.length);
  if (nodeId.startsWith(LANE_NODE_PREFIX)) return nodeId.slice(LANE_NODE_PREFIX.length);
  return nodeId;
}

const NO_HANDLES: NodeHandle[] = [];

/**
 * Where a node's connection points are: cards and handoffs take connections on the middle of their left
 * side and give them from the middle of their right side (their Handle elements sit there); the rest has none.
 */
function handlesOf(node: JourneyNode): NodeHandle[] {
  if (node.type !== 'touchpoint' && node.type !== 'handoff') return NO_HANDLES;
  const { width = 0, height = 0 } = node;
  return [
    { id: null, type: 'target', position: Position.Left, x: 0, y: height / 2, width: 0, height: 0 },
    { id: null, type: 'source', position: Position.Right, x: width, y: height / 2, width: 0, height: 0 },
  ];
}

/** Grid furniture is drawn by nodes too, so it pans and zooms with the cards; it never takes the pointer. */
const FURNITURE = { draggable: false, selectable: false, connectable: false, focusable: false } as const;

/** What the facilitator spotlights: one team (Focus team); the rest is dimmed. */
export interface Emphasis {
  teamId?: string;
}

export interface Flow {
  nodes: JourneyNode[];
  edges: Edge[];
  layout: GridLayout;
}

/**
 * Builds React Flow nodes and edges from the map, reusing each card's data object while its record and
 * its teams are unchanged, so memoised cards do not re-render when something else is edited.
 */
export function createFlowBuilder() {
  const cardData = new Map<string, { record: Touchpoint; teamsKey: unknown; stageName: string; issue?: IssueSummary; data: TouchpointNodeData }>();
  const handoffData = new Map<string, { record: Handoff; teamsKey: unknown; issue?: IssueSummary; data: HandoffNodeData }>();
  const noteData = new Map<string, { record: Note; data: NoteNodeData }>();
  // The previous build's node and edge objects: an unchanged one is handed back as the same object, so
  // React Flow skips it entirely instead of re-measuring and re-rendering every node after each edit.
  let previousNodes = new Map<string, JourneyNode>();
  let previousEdges = new Map<string, Edge>();
  const sameNode = (a: JourneyNode, b: JourneyNode) =>
    a.data === b.data &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.className === b.className &&
    a.draggable === b.draggable &&
    a.selectable === b.selectable &&
    a.type === b.type;
  const sameEdge = (a: Edge, b: Edge) =>
    a.source === b.source && a.target === b.target && a.label === b.label && a.selected === b.selected && a.className === b.className;

  return function build(
    doc: MapDoc,
    selection: ReadonlySet<string>,
    issues: ReadonlyMap<string, IssueSummary>,
    map: JourneyMap = fromMapDoc(doc),
    emphasis: Emphasis = {},
    layout: GridLayout = layoutGrid(map),
  ): Flow {
    const dimmed = new Set<string>();
    const dim = (id: string, isDimmed: boolean) => {
      if (isDimmed) dimmed.add(id);
      return isDimmed ? 'dimmed' : undefined;
    };
    const { teamId: spotTeam } = emphasis;
    const teams = new Map<string, TeamChip>(map.teams.map((t, i) => [t.id, { id: t.id, name: t.name, color: teamColor(t, i) }]));
    const teamsKey = doc.teams; // immer keeps this identity until a team changes
    const chips = (ids: string[]) => ids.map((id) => teams.get(id)).filter((chip): chip is TeamChip => chip !== undefined);
    const nodes: JourneyNode[] = [];

    for (const lane of layout.lanes) {
      const unowned = lane.key === UNOWNED_LANE;
      nodes.push({
        id: `band:${lane.key}`,
        type: 'laneBand',
        position: { x: GRID.laneHeaderWidth, y: lane.y },
        width: Math.max(0, layout.width - GRID.laneHeaderWidth),
        height: lane.height,
        zIndex: 0,
        ...FURNITURE,
        className: dim(`band:${lane.key}`, spotTeam !== undefined && lane.teamId !== spotTeam),
        data: { color: lane.color, unowned },
      });
      nodes.push({
        id: `${LANE_NODE_PREFIX}${lane.key}`,
        type: 'laneLabel',
        position: { x: 0, y: lane.y },
        width: GRID.laneHeaderWidth,
        height: lane.height,
        zIndex: 1,
        draggable: !unowned,
        selectable: !unowned,
        connectable: false,
        selected: lane.teamId !== undefined && selection.has(lane.teamId),
        className: dim(`${LANE_NODE_PREFIX}${lane.key}`, spotTeam !== undefined && lane.teamId !== spotTeam),
        data: { name: lane.name, color: lane.color, unowned, teamId: lane.teamId, issue: lane.teamId ? issues.get(lane.teamId) : undefined },
      });
    }
    map.stages.forEach((stage, i) => {
      const column = layout.columns[i]!;
      nodes.push({
        id: `column:${stage.id}`,
        type: 'stageColumn',
        position: { x: column.x, y: GRID.stageHeaderHeight },
        width: column.width,
        height: Math.max(0, layout.height - GRID.stageHeaderHeight),
        zIndex: 0,
        ...FURNITURE,
        data: {},
      });
      nodes.push({
        id: `${STAGE_NODE_PREFIX}${stage.id}`,
        type: 'stageHeader',
        position: { x: column.x, y: 0 },
        width: column.width,
        height: GRID.stageHeaderHeight,
        zIndex: 1,
        connectable: false,
        selected: selection.has(stage.id),
        data: { name: stage.name, phase: PHASE_LABELS[stage.phase], goal: stage.goal, issue: issues.get(stage.id) },
      });
    });

    const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
    for (const touchpoint of map.touchpoints) {
      const box = layout.touchpoints.get(touchpoint.id);
      if (!box) continue;
      const stageName = stageNames.get(touchpoint.stageId) ?? '';
      const issue = issues.get(touchpoint.id);
      let cached = cardData.get(touchpoint.id);
      if (!cached || cached.record !== touchpoint || cached.teamsKey !== teamsKey || cached.stageName !== stageName || cached.issue !== issue) {
        cached = {
          record: touchpoint,
          teamsKey,
          stageName,
          issue,
          data: {
            id: touchpoint.id,
            title: touchpoint.title,
            channel: touchpoint.channel,
            owners: chips(touchpoint.ownerTeamIds),
            supporters: chips(touchpoint.supportTeamIds),
            promises: touchpoint.promises,
            stageName,
            issue,
            votes: touchpoint.votes,
          },
        };
        cardData.set(touchpoint.id, cached);
      }
      nodes.push({
        id: touchpoint.id,
        type: 'touchpoint',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        zIndex: 3,
        selected: selection.has(touchpoint.id),
        className: dim(touchpoint.id, spotTeam !== undefined && !touchpoint.ownerTeamIds.includes(spotTeam) && !touchpoint.supportTeamIds.includes(spotTeam)),
        data: cached.data,
      });
    }
    for (const handoff of map.handoffs) {
      const box = layout.handoffs.get(handoff.id);
      if (!box) continue;
      const issue = issues.get(handoff.id);
      let cached = handoffData.get(handoff.id);
      if (!cached || cached.record !== handoff || cached.teamsKey !== teamsKey || cached.issue !== issue) {
        cached = {
          record: handoff,
          teamsKey,
          issue,
          data: { from: teams.get(handoff.fromTeamId), to: teams.get(handoff.toTeamId), criteria: handoff.criteria, slaHours: handoff.slaHours, issue },
        };
        handoffData.set(handoff.id, cached);
      }
      nodes.push({
        id: handoff.id,
        type: 'handoff',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        zIndex: 3,
        selected: selection.has(handoff.id),
        className: dim(handoff.id, spotTeam !== undefined && handoff.fromTeamId !== spotTeam && handoff.toTeamId !== spotTeam),
        data: cached.data,
      });
    }
    for (const note of map.notes) {
      let cached = noteData.get(note.id);
      if (!cached || cached.record !== note) noteData.set(note.id, (cached = { record: note, data: { text: note.text, votes: note.votes } }));
      nodes.push({
        id: note.id,
        type: 'note',
        position: { x: note.x, y: note.y },
        ...NOTE_SIZE,
        zIndex: 4,
        connectable: false,
        selected: selection.has(note.id),
        data: cached.data,
      });
    }

    const reusedNodes = nodes.map((node) => {
      const before = previousNodes.get(node.id);
      if (before && sameNode(before, node)) return before;
      // Every node's size and handles are known, so they are given, not measured in the page: a node object
      // React Flow has not seen (moved, selected, retitled) is not measured again — a forced layout and a
      // second store update on every frame of a drag — and on opening a large map React Flow no longer
      // draws every one of its cards once, off screen too, just to find their handles.
      node.measured = { width: node.width, height: node.height };
      node.handles = handlesOf(node);
      return node;
    });
    previousNodes = new Map(reusedNodes.map((n) => [n.id, n]));

    const builtEdges: Edge[] = map.connections.map((connection) => ({
      id: connection.id,
      source: connection.source,
      target: connection.target,
      label: connection.label,
      type: 'journey',
      zIndex: 2,
      selected: selection.has(connection.id),
      className: dimmed.has(connection.source) || dimmed.has(connection.target) ? 'journey-edge dimmed' : 'journey-edge',
      ariaLabel: `Connection${connection.label ? ` “${connection.label}”` : ''}`,
    }));
    const edges = builtEdges.map((edge) => {
      const before = previousEdges.get(edge.id);
      return before && sameEdge(before, edge) ? before : edge;
    });
    previousEdges = new Map(edges.map((e) => [e.id, e]));
    return { nodes: reusedNodes, edges, layout };
  };
}
