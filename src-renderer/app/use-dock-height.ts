import { useCallback, useRef, useState, type PointerEvent } from 'react';

/** A dock's height and the pointer handlers of its top-edge resizer (drag up to grow). */
export function useDockHeight(initial: number, min: number, keepFree: number) {
  const [height, setHeight] = useState(initial);
  const start = useRef<{ y: number; h: number } | null>(null);
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      start.current = { y: e.clientY, h: height };
    },
    [height],
  );
  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      if (!start.current) return;
      const max = window.innerHeight - keepFree;
      setHeight(Math.max(min, Math.min(max, start.current.h - (e.clientY - start.current.y))));
    },
    [min, keepFree],
  );
  const onPointerUp = useCallback(() => {
    start.current = null;
  }, []);
  return { height, resizer: { onPointerDown, onPointerMove, onPointerUp } };
}
