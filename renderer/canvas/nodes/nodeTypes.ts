import type { NodeTypes } from '@xyflow/react';
import { LaneNode } from './LaneNode';
import { StageHeaderNode } from './StageHeaderNode';
import { TouchpointNode } from './TouchpointNode';
import { HandoffNode } from './HandoffNode';
import { NoteNode } from './NoteNode';

/** At module scope so React Flow never sees a new object and remounts every node. */
export const nodeTypes: NodeTypes = {
  lane: LaneNode,
  stageHeader: StageHeaderNode,
  touchpoint: TouchpointNode,
  handoff: HandoffNode,
  note: NoteNode,
};
