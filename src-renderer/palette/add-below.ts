import type { LayerKindId } from '../../src-shared/layers/types';
import { analysisOf } from '../store/analysis';
import { addAfter, addAtEnd } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { measuredHeights } from '../canvas/measured';

/**
 * Adds a layer from the palette without dragging (double-click or Enter): after the selected layer
 * when one is, else at the output — before it when it is a softmax classifier — and connects it.
 */
export function addLayerBelow(kind: LayerKindId): void {
  const store = useProjectStore.getState();
  const selected = store.selection.nodes.length === 1 ? store.selection.nodes[0] : undefined;
  let added: string | undefined;
  store.edit((g) => {
    const heights = measuredHeights();
    const r =
      (selected !== undefined ? addAfter(g, kind, selected, heights) : undefined) ?? addAtEnd(g, kind, analysisOf(g).order, heights);
    added = r.id;
    return r.graph;
  });
  if (added) useProjectStore.getState().select({ nodes: [added], edges: [] });
}
