import type { Graph } from '../../src-shared/graph/schema';
import { applyWhatIfEdit, type WhatIfEdit } from '../../src-shared/what-if/edit';
import { moveNodes, NODE_HEIGHT, RANK_GAP, shiftDown } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';

/** The what-if edit, with the layers after an inserted one moved down to make room (positions do not change the prediction). */
export function withWhatIf(graph: Graph, edit: WhatIfEdit): Graph {
  const next = applyWhatIfEdit(graph, edit);
  if (edit.type !== 'insert-after' || next === graph) return next;
  const added = next.nodes.find((n) => n.id === edit.layer.id)!;
  const shifted = shiftDown(next, added.id, NODE_HEIGHT + RANK_GAP);
  return moveNodes(shifted, new Map([[added.id, added.position]]));
}

/** Applies a what-if alternative as one undo step. */
export function applyWhatIf(edit: WhatIfEdit): void {
  useProjectStore.getState().edit((g) => withWhatIf(g, edit));
}
