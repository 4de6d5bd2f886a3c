// Edit-menu actions shared by the toolbar and the keyboard shortcuts.
import { analysisOf } from '../store/analysis';
import { arrangeChain } from '../store/graph-edit';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { measuredHeights } from '../canvas/measured';

export function undoAction(): void {
  useProjectStore.getState().undo();
}

export function redoAction(): void {
  useProjectStore.getState().redo();
}

export function arrangeAction(): void {
  useProjectStore.getState().edit((g) => arrangeChain(g, analysisOf(g).chain, measuredHeights()));
  useUiStore.getState().requestFit();
}

export function fitAction(): void {
  useUiStore.getState().requestFit();
}
