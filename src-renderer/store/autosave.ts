// Keeps unsaved work in localStorage so a crash or a reload loses nothing.
import { parseProject, serializeProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { isDirty, useProjectStore } from './project-store';

const KEY = 'convas.autosave';
const DELAY_MS = 600;

export interface Autosaved {
  readonly project: Project;
  readonly fileName: string | null;
  readonly savedAt: number;
  /** The project file text, to compare with what is open. */
  readonly text: string;
}

/** The autosaved work, if any and readable. */
export function readAutosave(): Autosaved | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const doc = JSON.parse(raw) as { text?: unknown; fileName?: unknown; savedAt?: unknown };
    if (typeof doc.text !== 'string') return null;
    const read = parseProject(doc.text);
    if (!read.ok) return null;
    return {
      project: read.project,
      fileName: typeof doc.fileName === 'string' ? doc.fileName : null,
      savedAt: typeof doc.savedAt === 'number' ? doc.savedAt : Date.now(),
      text: doc.text,
    };
  } catch {
    return null;
  }
}

export function clearAutosave(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

/** Set after a save the host cannot confirm (a browser download): the copy stays until the next confirmed save. */
let keepAfterSave = false;

/** Keeps the autosaved copy through the next save, which may not really have written a file. */
export function keepAutosave(): void {
  keepAfterSave = true;
}

/** Writes the current state now: the project when it has unsaved changes (or an unconfirmed save), nothing otherwise. */
function flush(): void {
  const state = useProjectStore.getState();
  if (!isDirty(state) && !keepAfterSave) {
    clearAutosave();
    return;
  }
  try {
    const text = serializeProject(state.project);
    localStorage.setItem(KEY, JSON.stringify({ text, fileName: state.fileName, savedAt: Date.now() }));
  } catch {
    // A project that cannot be serialised right now (or full storage) is retried on the next change.
  }
}

/** Starts autosaving (debounced) on every project change; returns a function that stops it. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useProjectStore.subscribe((state, prev) => {
    if (state.project === prev.project && state.saved === prev.saved) return;
    clearTimeout(timer);
    timer = setTimeout(flush, DELAY_MS);
  });
  const onUnload = () => {
    clearTimeout(timer);
    flush();
  };
  window.addEventListener('pagehide', onUnload);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('pagehide', onUnload);
  };
}
