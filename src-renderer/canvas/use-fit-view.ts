import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { getNodesBounds, useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { fitViewport, READABLE_ZOOM, type Viewport } from './fit';
import type { LayerFlowNode, ShapeFlowEdge } from './flow-model';
import { useMeasuredStore } from './measured';
import { overlaysOf } from './overlays';

/** Screen pixels kept free around a fitted network. */
const FIT_PADDING = 24;

const same = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;

/**
 * Fits the network into the canvas on start and on every request (Arrange, open, template, Fit
 * view) once its nodes are measured; and again when the canvas changes size (a dock opens, the
 * window is resized) as long as the user has not moved the view since.
 */
export function useFitView(container: RefObject<HTMLDivElement | null>): void {
  const fitRequest = useUiStore((s) => s.fitRequest);
  const measured = useMeasuredStore((s) => s.sizes);
  const graph = useProjectStore((s) => s.project.graph);
  const nodesInitialized = useNodesInitialized();
  const { getNodes, getViewport, setViewport } = useReactFlow<LayerFlowNode, ShapeFlowEdge>();
  const fitted = useRef<number | null>(null);
  /** The viewport the last fit chose (the view is still "fitted" while it is unchanged). */
  const placed = useRef<Viewport | null>(null);

  /** Fits now; false when the nodes are not measured yet. */
  const fit = useCallback(
    (duration: number): boolean => {
      const el = container.current;
      const all = getNodes();
      if (!el || all.length === 0 || all.some((n) => n.measured?.width === undefined)) return false;
      const viewport = fitViewport({
        bounds: getNodesBounds(all),
        width: el.clientWidth,
        height: el.clientHeight,
        obstacles: overlaysOf(el),
        padding: FIT_PADDING,
        minZoom: READABLE_ZOOM,
        maxZoom: 1,
      });
      placed.current = viewport;
      void setViewport(viewport, { duration });
      return true;
    },
    [container, getNodes, setViewport],
  );

  useEffect(() => {
    if (!nodesInitialized || fitted.current === fitRequest.seq) return;
    const id = requestAnimationFrame(() => {
      // Retried when sizes arrive (the effect depends on them).
      if (fit(fitted.current === null ? 0 : 250)) fitted.current = fitRequest.seq;
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequest, nodesInitialized, measured, graph, fit]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (placed.current && same(getViewport(), placed.current)) fit(0);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, fit, getViewport]);
}
