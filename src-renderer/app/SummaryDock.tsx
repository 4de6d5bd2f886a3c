import { SummaryPanel } from '../summary/SummaryPanel';
import { useUiStore } from '../store/ui-store';
import { useDockHeight } from './use-dock-height';

const MIN = 140;
const DEFAULT = 250;

/** The summary panel under the canvas, with a handle to resize it. */
export function SummaryDock() {
  const open = useUiStore((s) => s.summaryOpen);
  const { height, resizer } = useDockHeight(DEFAULT, MIN, 240);
  if (!open) return null;
  return (
    <div className="summary-dock" style={{ height }}>
      <div className="resizer" role="separator" aria-orientation="horizontal" {...resizer} />
      <SummaryPanel />
    </div>
  );
}
