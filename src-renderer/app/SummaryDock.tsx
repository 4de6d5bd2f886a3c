import { SummaryPanel } from '../summary/SummaryPanel';
import { useUiStore } from '../store/ui-store';
import { useDockHeight } from './use-dock-height';

// Its default height is in app.css (a share of the window); this is the least a drag leaves.
const MIN = 140;

/** The summary panel under the canvas, with a handle to resize it. */
export function SummaryDock() {
  const open = useUiStore((s) => s.summaryOpen);
  const { height, resizer } = useDockHeight(MIN);
  if (!open) return null;
  return (
    <div className="summary-dock" style={height === null ? undefined : { height }}>
      <div className="resizer" role="separator" aria-orientation="horizontal" {...resizer} />
      <SummaryPanel />
    </div>
  );
}
