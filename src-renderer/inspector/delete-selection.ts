import { removeAndJoin } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';

/** Deletes the selected layers and connections as one undo step, joining the neighbours of a deleted chain layer. */
export function deleteSelection(): void {
  const { selection, edit } = useProjectStore.getState();
  edit((g) => removeAndJoin(g, selection.nodes, selection.edges));
}
