import { useMemo } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { DraggedConnection } from './DraggedConnections';

const NOT_MOVING: Edge[] = [];

/**
 * While nodes are dragged: the connections React Flow is given (the dragged nodes' own ones hidden) and the
 * ones DraggedConnections draws instead, following the nodes. Keyed by which nodes are dragged, so React
 * Flow gets new connections when a drag starts and when it ends, not on every pointer move.
 */
export function useDraggedConnections(
  flowNodes: readonly Node[],
  flowEdges: Edge[],
  dragged: ReadonlyMap<string, { x: number; y: number }>,
): { edges: Edge[]; draggedConnections: DraggedConnection[] } {
  const draggedKey = useMemo(() => [...dragged.keys()].join('\n'), [dragged]);
  // Worked out once per drag: which connections move with the dragged nodes.
  const { edges, moving } = useMemo(() => {
    if (!draggedKey) return { edges: flowEdges, moving: NOT_MOVING };
    const ids = new Set(draggedKey.split('\n'));
    const moving = flowEdges.filter((edge) => ids.has(edge.source) || ids.has(edge.target));
    if (moving.length === 0) return { edges: flowEdges, moving };
    const hidden = new Set(moving);
    return { edges: flowEdges.map((edge) => (hidden.has(edge) ? { ...edge, hidden: true } : edge)), moving };
  }, [flowEdges, draggedKey]);
  const nodeById = useMemo(() => new Map(flowNodes.map((node) => [node.id, node])), [flowNodes]);
  // On every move: where those few connections now run.
  const draggedConnections = useMemo(() => {
    // Where a node's connection point is now: its declared handle (flowModel), moved with the node.
    const pointOf = (id: string, type: 'source' | 'target') => {
      const node = nodeById.get(id);
      const handle = node?.handles?.find((h) => h.type === type);
      if (!node || !handle) return undefined;
      const { x, y } = dragged.get(id) ?? node.position;
      return { x: x + handle.x + (type === 'source' ? (handle.width ?? 0) : 0), y: y + handle.y + (handle.height ?? 0) / 2 };
    };
    const drawn: DraggedConnection[] = [];
    for (const edge of moving) {
      const from = pointOf(edge.source, 'source');
      const to = pointOf(edge.target, 'target');
      if (!from || !to) continue;
      drawn.push({ id: edge.id, className: edge.className, selected: edge.selected, label: typeof edge.label === 'string' ? edge.label : undefined, from, to });
    }
    return drawn;
  }, [moving, nodeById, dragged]);
  return { edges, draggedConnections };
}
