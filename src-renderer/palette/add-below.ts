import type { LayerKindId } from '../../src-shared/layers/types';
import { analysisOf } from '../store/analysis';
import { addLayer, placeBelow } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { measuredHeights } from '../canvas/measured';

/** Adds a layer under the end of the chain and connects it (palette double-click or Enter). */
export function addLayerBelow(kind: LayerKindId): void {
  const store = useProjectStore.getState();
  let added: string | undefined;
  store.edit((g) => {
    const { position, from } = placeBelow(g, analysisOf(g).chain, measuredHeights());
    const r = addLayer(g, kind, position, from);
    added = r.id;
    return r.graph;
  });
  if (added) useProjectStore.getState().select({ nodes: [added], edges: [] });
}
