import { useCallback, useRef, useState, type PointerEvent } from 'react';
import { SummaryPanel } from '../summary/SummaryPanel';
import { useUiStore } from '../store/ui-store';

const MIN = 140;
const DEFAULT = 250;

/** The summary panel under the canvas, with a handle to resize it. */
export function SummaryDock() {
  const open = useUiStore((s) => s.summaryOpen);
  const [height, setHeight] = useState(DEFAULT);
  const start = useRef<{ y: number; h: number } | null>(null);
  const onDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      start.current = { y: e.clientY, h: height };
    },
    [height],
  );
  const onMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const max = window.innerHeight - 240;
    setHeight(Math.max(MIN, Math.min(max, start.current.h - (e.clientY - start.current.y))));
  }, []);
  const onUp = useCallback(() => {
    start.current = null;
  }, []);
  if (!open) return null;
  return (
    <div className="summary-dock" style={{ height }}>
      <div className="resizer" role="separator" aria-orientation="horizontal" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} />
      <SummaryPanel />
    </div>
  );
}
