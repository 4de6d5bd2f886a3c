import { removeElements } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';

/** Deletes the selected layers and connections as one undo step. */
export function deleteSelection(): void {
  const { selection, edit } = useProjectStore.getState();
  edit((g) => removeElements(g, selection.nodes, selection.edges));
}
