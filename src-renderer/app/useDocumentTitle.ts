import { useEffect } from 'react';
import { isDirty, useProjectStore } from '../store/project-store';

/** "Lecture CNN • — Convas": the window title shows the project and whether it is saved. */
export function useDocumentTitle(): void {
  const name = useProjectStore((s) => s.project.name);
  const dirty = useProjectStore(isDirty);
  useEffect(() => {
    document.title = `${name}${dirty ? ' •' : ''} — Convas`;
  }, [name, dirty]);
}
