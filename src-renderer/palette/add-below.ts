import type { LayerKindId } from '../../src-shared/layers/types';
import { analysisOf } from '../store/analysis';
import { addAtEnd } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { measuredHeights } from '../canvas/measured';

/**
 * Adds a layer at the end of the chain and connects it (palette double-click or Enter): before
 * the output layer when the chain ends in a softmax classifier, else below the last layer.
 */
export function addLayerBelow(kind: LayerKindId): void {
  const store = useProjectStore.getState();
  let added: string | undefined;
  store.edit((g) => {
    const r = addAtEnd(g, kind, analysisOf(g).chain, measuredHeights());
    added = r.id;
    return r.graph;
  });
  if (added) useProjectStore.getState().select({ nodes: [added], edges: [] });
}
