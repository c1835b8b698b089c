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
    const boxOf = (id: string) => {
      const node = nodeById.get(id);
      if (!node) return undefined;
      const { x, y } = dragged.get(id) ?? node.position;
      return { x, y, width: node.width ?? 0, height: node.height ?? 0 };
    };
    const drawn: DraggedConnection[] = [];
    for (const edge of moving) {
      const source = boxOf(edge.source);
      const target = boxOf(edge.target);
      if (!source || !target) continue;
      drawn.push({ id: edge.id, className: edge.className, selected: edge.selected, label: typeof edge.label === 'string' ? edge.label : undefined, source, target });
    }
    return drawn;
  }, [moving, nodeById, dragged]);
  return { edges, draggedConnections };
}
