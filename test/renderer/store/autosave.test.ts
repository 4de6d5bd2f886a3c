import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeProject } from '../../../src-shared/project/io';
import {
  clearAutosave,
  loadAutosaved,
  readAutosave,
  restoreChoice,
  startAutosave,
  writeAutosave,
  type Autosaved,
  type KeyValueStorage,
} from '../../../src-renderer/store/autosave';
import { addLayer } from '../../../src-renderer/store/graph-edit';
import { newProject } from '../../../src-renderer/store/new-project';
import { isDirty, useProjectStore } from '../../../src-renderer/store/project-store';

/** Web Storage semantics over a Map (what localStorage is to the page). */
class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const KEY = 'convas.autosave';

function addDense(): void {
  useProjectStore.getState().edit((g) => addLayer(g, 'Dense', { x: 0, y: 200 }, 'n1').graph);
}

/** The page's `pagehide`, as a listener list the test can fire. */
function leaveEvents(): { fire: () => void; subscribe: (l: () => void) => () => void; count: () => number } {
  const listeners = new Set<() => void>();
  return {
    fire: () => listeners.forEach((l) => l()),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    count: () => listeners.size,
  };
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  useProjectStore.getState().load(newProject('Mine'), null);
});

describe('writeAutosave', () => {
  it('keeps no copy of a project that is saved and confirmed', () => {
    storage.setItem(KEY, 'old');
    useProjectStore.getState().markSaved('mine.convas.json', '/home/me/mine.convas.json');
    writeAutosave(storage, useProjectStore.getState(), 1);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('keeps unsaved work, marked as unsaved', () => {
    addDense();
    writeAutosave(storage, useProjectStore.getState(), 42);
    const copy = readAutosave(storage)!;
    expect(copy).toMatchObject({ fileName: null, savedAt: 42, asSaved: false });
    expect(copy.project.graph.nodes.map((n) => n.kind)).toEqual(['InputLayer', 'Dense']);
    expect(copy.text).toBe(serializeProject(useProjectStore.getState().project));
  });

  it('keeps the copy after an unconfirmed save (a browser download), marked as saved', () => {
    addDense();
    useProjectStore.getState().markSaved('mine.convas.json', undefined, true);
    expect(isDirty(useProjectStore.getState())).toBe(false);
    writeAutosave(storage, useProjectStore.getState(), 7);
    expect(readAutosave(storage)).toMatchObject({ fileName: 'mine.convas.json', asSaved: true });
    // A change after that save is unsaved work again.
    addDense();
    writeAutosave(storage, useProjectStore.getState(), 8);
    expect(readAutosave(storage)!.asSaved).toBe(false);
  });
});

describe('readAutosave and clearAutosave', () => {
  it('reads nothing from an empty, unreadable or invalid copy', () => {
    expect(readAutosave(storage)).toBeNull();
    storage.setItem(KEY, '{not json');
    expect(readAutosave(storage)).toBeNull();
    storage.setItem(KEY, JSON.stringify({ text: '{"formatVersion": 99}' }));
    expect(readAutosave(storage)).toBeNull();
  });

  it('reads a copy written before the saved flag existed as unsaved work', () => {
    storage.setItem(KEY, JSON.stringify({ text: serializeProject(newProject('Old')), fileName: 3, savedAt: 5 }));
    expect(readAutosave(storage)).toMatchObject({ fileName: null, savedAt: 5, asSaved: false, project: { name: 'Old' } });
    clearAutosave(storage);
    expect(storage.items.size).toBe(0);
  });
});

describe('restoreChoice', () => {
  const copy = (asSaved: boolean): Autosaved => {
    const project = newProject('Copy');
    return { project, fileName: 'copy.convas.json', savedAt: 1, text: serializeProject(project), asSaved };
  };

  it('does nothing without a copy or when the copy is what was opened', () => {
    expect(restoreChoice(null, 'x', false)).toEqual({ kind: 'none' });
    const c = copy(false);
    expect(restoreChoice(c, c.text, false)).toEqual({ kind: 'none' });
  });

  it('offers unsaved work as unsaved, and reopens a saved copy without asking unless a template was asked for', () => {
    expect(restoreChoice(copy(false), 'other', false).kind).toBe('offer-unsaved');
    expect(restoreChoice(copy(false), 'other', true).kind).toBe('offer-unsaved');
    expect(restoreChoice(copy(true), 'other', false).kind).toBe('reopen');
    expect(restoreChoice(copy(true), 'other', true).kind).toBe('offer-reopen');
  });
});

describe('startAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes shortly after a change, at once when the page is left, and not after it is stopped', () => {
    const leave = leaveEvents();
    const stop = startAutosave(storage, leave.subscribe, 600);
    addDense();
    expect(storage.getItem(KEY)).toBeNull();
    vi.advanceTimersByTime(600);
    expect(readAutosave(storage)!.project.graph.nodes).toHaveLength(2);

    addDense();
    leave.fire();
    expect(readAutosave(storage)!.project.graph.nodes).toHaveLength(3);

    stop();
    expect(leave.count()).toBe(0);
    addDense();
    vi.advanceTimersByTime(600);
    expect(readAutosave(storage)!.project.graph.nodes).toHaveLength(3);
  });

  it('after a browser Save, a reload reopens the design as saved and keeps its copy', () => {
    const stop = startAutosave(storage, leaveEvents().subscribe, 600);
    addDense();
    useProjectStore.getState().markSaved('mine.convas.json', undefined, true);
    vi.advanceTimersByTime(600);
    stop();

    // The reload: a fresh project is opened, then the copy is looked at.
    const fresh = newProject('Untitled');
    useProjectStore.getState().load(fresh, null);
    const choice = restoreChoice(readAutosave(storage), serializeProject(fresh), false);
    expect(choice.kind).toBe('reopen');
    if (choice.kind !== 'reopen') return;
    loadAutosaved(choice.copy);
    const state = useProjectStore.getState();
    expect(state.project.graph.nodes).toHaveLength(2);
    expect(state.fileName).toBe('mine.convas.json');
    expect(isDirty(state)).toBe(false);
    expect(state.savedUnconfirmed).toBe(true);

    // The download may still have been cancelled: autosaving on keeps the copy.
    const again = startAutosave(storage, leaveEvents().subscribe, 600);
    useProjectStore.getState().rename('Mine, renamed');
    useProjectStore.getState().markSaved('mine.convas.json', undefined, true);
    vi.advanceTimersByTime(600);
    expect(readAutosave(storage)).toMatchObject({ asSaved: true, project: { name: 'Mine, renamed' } });
    again();
  });

  it('restores unsaved work as unsaved', () => {
    addDense();
    writeAutosave(storage, useProjectStore.getState(), 1);
    useProjectStore.getState().load(newProject('Untitled'), null);
    loadAutosaved(readAutosave(storage)!);
    expect(isDirty(useProjectStore.getState())).toBe(true);
    expect(useProjectStore.getState().savedUnconfirmed).toBe(false);
  });
});
