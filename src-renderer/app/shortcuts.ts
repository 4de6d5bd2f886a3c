import { useEffect } from 'react';
import { newProjectAction, openAction, saveAction, saveAsAction } from '../files/file-actions';
import { useUiStore } from '../store/ui-store';
import { redoAction, undoAction } from './actions';

/**
 * The app's keyboard shortcuts: Ctrl/Cmd + N, O, S, Shift+S, Z, Shift+Z, Y. Undo and redo act on
 * the graph even inside a form field, since fields commit every keystroke to it.
 * (Delete and Backspace are React Flow's, on the canvas.)
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (useUiStore.getState().dialog) return;
      const key = e.key.toLowerCase();
      let action: (() => unknown) | undefined;
      if (key === 'z') action = e.shiftKey ? redoAction : undoAction;
      else if (key === 'y' && !e.shiftKey) action = redoAction;
      else if (key === 'n' && !e.shiftKey) action = newProjectAction;
      else if (key === 'o' && !e.shiftKey) action = openAction;
      else if (key === 's') action = e.shiftKey ? saveAsAction : saveAction;
      if (!action) return;
      e.preventDefault();
      void action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
