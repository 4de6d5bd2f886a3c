import type { Project } from '../../src-shared/project/schema';
import { useProjectStore } from '../store/project-store';

declare global {
  interface Window {
    /** Read-only access for end-to-end tests. */
    __convas?: { getProject(): Project };
  }
}

/** Lets end-to-end tests read the project the UI holds; nothing else is exposed. */
export function installTestHook(): void {
  window.__convas = { getProject: () => useProjectStore.getState().project };
}
