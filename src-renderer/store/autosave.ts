// Keeps a copy of the work in the page's storage so a crash or a reload loses nothing.
import { parseProject, serializeProject } from '../../src-shared/project/io';
import type { Project } from '../../src-shared/project/schema';
import { isDirty, useProjectStore, type ProjectState } from './project-store';

const KEY = 'convas.autosave';
const DELAY_MS = 600;

/** The part of the Web Storage API autosave uses (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Autosaved {
  readonly project: Project;
  readonly fileName: string | null;
  readonly savedAt: number;
  /** The project file text, to compare with what is open. */
  readonly text: string;
  /**
   * True when the copy is the design exactly as last saved, kept only because that save could
   * not be confirmed (a browser download the user may have cancelled); false for unsaved work.
   */
  readonly asSaved: boolean;
}

/** The autosaved copy, if any and readable. */
export function readAutosave(storage: KeyValueStorage): Autosaved | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const doc = JSON.parse(raw) as { text?: unknown; fileName?: unknown; savedAt?: unknown; asSaved?: unknown };
    if (typeof doc.text !== 'string') return null;
    const read = parseProject(doc.text);
    if (!read.ok) return null;
    return {
      project: read.project,
      fileName: typeof doc.fileName === 'string' ? doc.fileName : null,
      savedAt: typeof doc.savedAt === 'number' ? doc.savedAt : Date.now(),
      text: doc.text,
      // Copies written before this flag existed were unsaved work.
      asSaved: doc.asSaved === true,
    };
  } catch {
    return null;
  }
}

/** Removes the autosaved copy. */
export function clearAutosave(storage: KeyValueStorage): void {
  try {
    storage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

/**
 * Writes the copy for `state` now: the project when it has unsaved changes or its last save was
 * unconfirmed (marked `asSaved` when it equals that save); otherwise removes the copy.
 */
export function writeAutosave(storage: KeyValueStorage, state: ProjectState, now: number): void {
  const dirty = isDirty(state);
  if (!dirty && !state.savedUnconfirmed) {
    clearAutosave(storage);
    return;
  }
  try {
    const text = serializeProject(state.project);
    storage.setItem(KEY, JSON.stringify({ text, fileName: state.fileName, savedAt: now, asSaved: !dirty }));
  } catch {
    // A project that cannot be serialised right now (or full storage) is retried on the next change.
  }
}

/** What to do at startup with an autosaved copy. */
export type RestoreChoice =
  /** Nothing to restore: no copy, or the copy is what was opened. */
  | { readonly kind: 'none' }
  /** The copy is the design as last saved: open it again without asking (a plain reload). */
  | { readonly kind: 'reopen'; readonly copy: Autosaved }
  /** The copy is the design as last saved, but the page asked for something else: ask. */
  | { readonly kind: 'offer-reopen'; readonly copy: Autosaved }
  /** The copy holds unsaved work: ask whether to restore it. */
  | { readonly kind: 'offer-unsaved'; readonly copy: Autosaved };

/**
 * Decides what to do with `copy` when the app starts with the project text `openedText`;
 * `asked` is true when the page asked for a particular project (a template in its address).
 */
export function restoreChoice(copy: Autosaved | null, openedText: string, asked: boolean): RestoreChoice {
  if (!copy || copy.text === openedText) return { kind: 'none' };
  if (!copy.asSaved) return { kind: 'offer-unsaved', copy };
  return asked ? { kind: 'offer-reopen', copy } : { kind: 'reopen', copy };
}

/** Opens an autosaved copy: unsaved work stays marked unsaved; a saved copy is as saved, and its copy is kept. */
export function loadAutosaved(copy: Autosaved): void {
  useProjectStore.getState().load(copy.project, copy.fileName, copy.asSaved ? { unconfirmed: true } : { dirty: true });
}

/**
 * Starts autosaving into `storage` (debounced) on every change of the project, and at once when
 * the page is left (`onLeave` subscribes a listener and returns its unsubscribe). Returns stop.
 */
export function startAutosave(storage: KeyValueStorage, onLeave: (listener: () => void) => () => void, delayMs = DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => writeAutosave(storage, useProjectStore.getState(), Date.now());
  const unsubscribe = useProjectStore.subscribe((state, prev) => {
    if (state.project === prev.project && state.saved === prev.saved && state.savedUnconfirmed === prev.savedUnconfirmed) return;
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const stopLeave = onLeave(() => {
    clearTimeout(timer);
    flush();
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
    stopLeave();
  };
}
