import { createRoot } from 'react-dom/client';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

// The baseline for the canvas benchmark: @xyflow/react with default nodes and edges, nothing else,
// laid out on a grid of the same size and density as the journey grid.
const params = new URLSearchParams(location.search);
const nodeCount = Number(params.get('nodes') ?? 1000);
const edgeCount = Number(params.get('edges') ?? 800);
const columns = Number(params.get('columns') ?? 7);
const perColumn = Math.ceil(nodeCount / columns);
const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => ({
  id: `n${i}`,
  position: { x: 220 + Math.floor(i / perColumn) * 300 + 20, y: 96 + (i % perColumn) * 142 },
  data: { label: `Node ${i}` },
  style: { width: 260, height: 128 },
}));
const edges: Edge[] = Array.from({ length: Math.min(edgeCount, nodeCount - 1) }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }));

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100%', height: '100%' }}>
    <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.1} maxZoom={2} />
  </div>,
);
