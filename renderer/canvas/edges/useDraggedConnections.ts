import { useMemo } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { DraggedConnection } from './DraggedConnections';

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
  const edges = useMemo(() => {
    if (!draggedKey) return flowEdges;
    const ids = new Set(draggedKey.split('\n'));
    const moves = (edge: Edge) => ids.has(edge.source) || ids.has(edge.target);
    return flowEdges.some(moves) ? flowEdges.map((edge) => (moves(edge) ? { ...edge, hidden: true } : edge)) : flowEdges;
  }, [flowEdges, draggedKey]);
  const nodeById = useMemo(() => new Map(flowNodes.map((node) => [node.id, node])), [flowNodes]);
  const draggedConnections = useMemo(() => {
    const drawn: DraggedConnection[] = [];
    if (edges === flowEdges) return drawn;
    const boxOf = (id: string) => {
      const node = nodeById.get(id);
      if (!node) return undefined;
      const { x, y } = dragged.get(id) ?? node.position;
      return { x, y, width: node.width ?? 0, height: node.height ?? 0 };
    };
    for (const edge of edges) {
      if (!edge.hidden) continue;
      const source = boxOf(edge.source);
      const target = boxOf(edge.target);
      if (!source || !target) continue;
      drawn.push({ id: edge.id, className: edge.className, selected: edge.selected, label: typeof edge.label === 'string' ? edge.label : undefined, source, target });
    }
    return drawn;
  }, [edges, flowEdges, nodeById, dragged]);
  return { edges, draggedConnections };
}
