import { useCallback, useRef, useState, type PointerEvent } from 'react';

/**
 * A dock's height once the user has dragged its top edge (null before: the stylesheet's default,
 * a share of the window, applies), and the resizer's pointer handlers (drag up to grow).
 */
export function useDockHeight(min: number) {
  const [height, setHeight] = useState<number | null>(null);
  const start = useRef<{ y: number; h: number; max: number } | null>(null);
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      const dock = e.currentTarget.parentElement;
      // Start from the height on screen: on a small window the layout may show the dock smaller than asked.
      const shown = dock?.getBoundingClientRect().height ?? min;
      const room = dock?.parentElement?.clientHeight ?? window.innerHeight;
      start.current = { y: e.clientY, h: shown, max: Math.max(min, room) };
    },
    [min],
  );
  const onPointerMove = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      const s = start.current;
      if (!s) return;
      setHeight(Math.max(min, Math.min(s.max, s.h - (e.clientY - s.y))));
    },
    [min],
  );
  const onPointerUp = useCallback(() => {
    start.current = null;
  }, []);
  return { height, resizer: { onPointerDown, onPointerMove, onPointerUp } };
}
