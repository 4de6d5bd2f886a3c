import { useEffect } from 'react';
import { isDirty, useProjectStore } from '../store/project-store';
import { desktopBridge, windowTitle } from './bridge';

/**
 * "Lecture CNN • — Convas": the window title shows the project and whether it is saved. In the
 * desktop app main sets the window's title from the document state; the page's title is the same
 * text, so whichever Electron shows last agrees.
 */
export function useDocumentTitle(): void {
  const name = useProjectStore((s) => s.project.name);
  const dirty = useProjectStore(isDirty);
  useEffect(() => {
    document.title = desktopBridge() ? windowTitle({ title: name, dirty }) : `${name}${dirty ? ' •' : ''} — Convas`;
  }, [name, dirty]);
}
