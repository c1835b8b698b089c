import { useCallback, useRef, useState } from 'react';

/** Which sides of a scrolling box have more content beyond them, and how wide its visible part is. */
export interface OverflowEdges {
  left: boolean;
  right: boolean;
  bottom: boolean;
  width: number;
}

const NONE: OverflowEdges = { left: false, right: false, bottom: false, width: 0 };
const same = (a: OverflowEdges, b: OverflowEdges) => a.left === b.left && a.right === b.right && a.bottom === b.bottom && a.width === b.width;

/**
 * Tracks where a scrolling box's content continues, so the panel can fade that edge: a table cut off at
 * the panel's border must say there is more, not look complete. Returns a callback ref for the box.
 */
export function useOverflowEdges<T extends HTMLElement>() {
  const [edges, setEdges] = useState<OverflowEdges>(NONE);
  const detach = useRef<() => void>(undefined);
  const ref = useCallback((box: T | null) => {
    detach.current?.();
    detach.current = undefined;
    if (!box) return;
    const measure = () => {
      const next = {
        left: box.scrollLeft > 1,
        right: box.scrollLeft + box.clientWidth < box.scrollWidth - 1,
        bottom: box.scrollTop + box.clientHeight < box.scrollHeight - 1,
        width: box.clientWidth,
      };
      setEdges((current) => (same(current, next) ? current : next));
    };
    // No measuring here: reading the box's scroll sizes while React commits forces a layout of the whole page,
    // canvas included (about 0.3 s when a 1,000-card map opens). The observer reports the first size itself,
    // after the browser's own layout.
    // The box resizes with the window; its content with the map (stages and teams added or renamed).
    const resized = new ResizeObserver(measure);
    resized.observe(box);
    for (const child of box.children) resized.observe(child);
    box.addEventListener('scroll', measure, { passive: true });
    detach.current = () => {
      resized.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);
  return { ref, edges };
}
