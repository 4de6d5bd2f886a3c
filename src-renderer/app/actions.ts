// Edit-menu actions shared by the toolbar and the keyboard shortcuts.
import { layoutGraph } from '../store/layout';
import { useProjectStore } from '../store/project-store';
import { useUiStore } from '../store/ui-store';
import { useMeasuredStore } from '../canvas/measured';

export function undoAction(): void {
  useProjectStore.getState().undo();
}

export function redoAction(): void {
  useProjectStore.getState().redo();
}

/** Lays the network out (branches side by side, at the sizes the canvas measured) as one undo step, and fits it in view. */
export function arrangeAction(): void {
  useProjectStore.getState().edit((g) => layoutGraph(g, useMeasuredStore.getState().sizes));
  useUiStore.getState().requestFit();
}

export function fitAction(): void {
  useUiStore.getState().requestFit();
}
