import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { LANE_NODE_PREFIX, STAGE_NODE_PREFIX } from '../canvas/flowModel';

/** Zooms the canvas to elements (cards, handoffs, stage headers, lane labels), or to the whole map. */
export function useZoomTo() {
  const { fitView } = useReactFlow();
  return useCallback(
    (ids: Iterable<string>) => {
      const nodes = [...ids].flatMap((id) => [{ id }, { id: `${STAGE_NODE_PREFIX}${id}` }, { id: `${LANE_NODE_PREFIX}${id}` }]);
      void fitView(nodes.length ? { nodes, padding: 0.3, duration: 300, maxZoom: 1.5 } : { padding: 0.04, duration: 300 });
    },
    [fitView],
  );
}
