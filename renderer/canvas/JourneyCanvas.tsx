import { useMemo } from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, type Node } from '@xyflow/react';
import type { JourneyMap } from '../../shared/model/journeyMap';
import { buildFlow } from './flowModel';
import { nodeTypes } from './nodes/nodeTypes';

const FIT_VIEW_OPTIONS = { padding: 0.04 };

function miniMapColor(node: Node): string {
  if (node.type === 'lane') return 'rgba(148, 163, 184, 0.25)';
  if (node.type === 'stageHeader') return 'transparent';
  if (node.type === 'note') return '#fde68a';
  return '#475569';
}

interface JourneyCanvasProps {
  map: JourneyMap;
}

/** The journey grid on a pannable, zoomable canvas: stages as columns, teams as lanes, cards in their cells. */
export function JourneyCanvas({ map }: JourneyCanvasProps) {
  const { nodes, edges } = useMemo(() => buildFlow(map), [map]);
  return (
    <section className="canvas" aria-label="Canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        <Controls showInteractive={false} />
        <MiniMap nodeColor={miniMapColor} pannable zoomable ariaLabel="Minimap" />
      </ReactFlow>
    </section>
  );
}
