import type { NodeTypes } from '@xyflow/react';
import { LaneBandNode, LaneLabelNode } from './LaneNode';
import { StageColumnNode, StageHeaderNode } from './StageHeaderNode';
import { TouchpointNode } from './TouchpointNode';
import { HandoffNode } from './HandoffNode';
import { NoteNode } from './NoteNode';

/** At module scope so React Flow never sees a new object and remounts every node. */
export const nodeTypes: NodeTypes = {
  laneBand: LaneBandNode,
  laneLabel: LaneLabelNode,
  stageColumn: StageColumnNode,
  stageHeader: StageHeaderNode,
  touchpoint: TouchpointNode,
  handoff: HandoffNode,
  note: NoteNode,
};
