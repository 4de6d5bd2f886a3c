import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../src-shared/electron/ipc-schemas';
import { newProject } from '../../../src-renderer/store/new-project';
import { useProjectStore } from '../../../src-renderer/store/project-store';
import { desktopBridge, windowTitle } from '../../../src-renderer/app/bridge';
import { connectDesktop, documentStateOf, watchStore, type DesktopLinkOptions, type Watched } from '../../../src-renderer/app/desktop-link';
import type { MenuCommandActions } from '../../../src-renderer/app/menu-commands';
import type { FileHost, RecentStore } from '../../../src-renderer/files/file-host';
import { FakeBridge } from '../fake-bridge';

/** A watched value the test changes by hand. */
class Value<T> implements Watched<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  get(): T {
    return this.value;
  }
  set(value: T): void {
    this.value = value;
    for (const l of [...this.listeners]) l();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}

function recordingActions(ran: string[]): MenuCommandActions {
  const did = (name: string) => (arg?: unknown) => void ran.push(arg === undefined ? name : `${name}:${String(arg)}`);
  return {
    newProject: did('new'),
    open: did('open'),
    openRecent: did('openRecent'),
    save: did('save'),
    saveAs: did('saveAs'),
    importModel: did('importModel'),
    openTrainedModel: did('openTrainedModel'),
    exportDesign: did('export'),
    undo: did('undo'),
    redo: did('redo'),
    fitView: did('fitView'),
    arrange: did('arrange'),
    setLanguage: did('language'),
  };
}

function setup(overrides: Partial<DesktopLinkOptions> = {}) {
  const bridge = new FakeBridge();
  const ran: string[] = [];
  const reports: string[] = [];
  const installed: { host?: FileHost; recent?: RecentStore } = {};
  const doc = new Value({ title: 'Lecture CNN', dirty: false });
  const language = new Value<Language>('ko');
  const disconnect = connectDesktop(bridge, {
    actions: recordingActions(ran),
    document: doc,
    language,
    useFiles: (host, recent) => {
      installed.host = host;
      installed.recent = recent;
    },
    report: (m) => reports.push(m),
    ...overrides,
  });
  return { bridge, ran, reports, installed, doc, language, disconnect };
}

describe('desktop link', () => {
  it('installs a file host and recent list that go through the bridge', async () => {
    const { bridge, installed } = setup();
    bridge.answer('files.open', { path: '/n/a.convas.json', name: 'a.convas.json', text: '{}' });
    expect(await installed.host?.open()).toEqual({ name: 'a.convas.json', text: '{}', path: '/n/a.convas.json' });
    expect(bridge.args('files.open')).toEqual([{ kind: 'project' }]);
    // The recent list is loaded at once.
    expect(bridge.args('files.recent')).toHaveLength(1);
    expect(typeof installed.recent?.refresh).toBe('function');
  });

  it('runs valid menu commands and ignores (and reports) invalid ones', async () => {
    const { bridge, ran, reports } = setup();
    bridge.sendMenu({ type: 'save' });
    bridge.sendMenu({ type: 'export', format: 'png' });
    bridge.sendMenu({ type: 'open-recent', path: '/n/a.convas.json' });
    bridge.sendMenu({ type: 'rm-rf' });
    bridge.sendMenu({ type: 'save', extra: true });
    bridge.sendMenu(null);
    await vi.waitFor(() => expect(ran).toEqual(['save', 'export:png', 'openRecent:/n/a.convas.json']));
    expect(reports).toHaveLength(3);
    expect(reports.every((r) => r.startsWith('ignored an invalid menu command'))).toBe(true);
  });

  it('reports an action that fails instead of leaving the rejection unhandled', async () => {
    const bridge = new FakeBridge();
    const reports: string[] = [];
    connectDesktop(bridge, {
      actions: { ...recordingActions([]), save: () => Promise.reject(new Error('disk full')) },
      document: new Value({ title: 'x', dirty: false }),
      language: new Value<Language>('en'),
      useFiles: () => {},
      report: (m) => reports.push(m),
    });
    bridge.sendMenu({ type: 'save' });
    await vi.waitFor(() => expect(reports).toEqual(['menu command save: disk full']));
  });

  it('holds document commands while the page asks a question, but not the language', async () => {
    const held: (() => void)[] = [];
    const { bridge, ran } = setup({ whenIdle: (run) => void held.push(run) });
    bridge.sendMenu({ type: 'new' });
    bridge.sendMenu({ type: 'set-language', language: 'en' });
    bridge.sendMenu({ type: 'fit-view' });
    await vi.waitFor(() => expect(ran).toEqual(['language:en', 'fitView']));
    // 'new' is held, not lost: it runs once the page is idle.
    expect(held).toHaveLength(1);
    for (const run of held) run();
    await vi.waitFor(() => expect(ran).toEqual(['language:en', 'fitView', 'new']));
  });

  it('pushes the document state at once and again only when it changes', async () => {
    const { bridge, doc } = setup();
    doc.set({ title: 'Lecture CNN', dirty: false }); // no change
    doc.set({ title: 'Lecture CNN', dirty: true });
    doc.set({ title: 'Lecture CNN', dirty: true }); // no change
    doc.set({ title: 'VGG', dirty: true });
    doc.set({ title: 'x'.repeat(400), dirty: false });
    await vi.waitFor(() => expect(bridge.args('app.setDocumentState')).toHaveLength(4));
    const states = bridge.args('app.setDocumentState') as { title: string; dirty: boolean }[];
    expect(states.slice(0, 3)).toEqual([
      { title: 'Lecture CNN', dirty: false },
      { title: 'Lecture CNN', dirty: true },
      { title: 'VGG', dirty: true },
    ]);
    // Main accepts titles of at most 300 characters.
    expect(states[3]?.title).toHaveLength(300);
    expect(states).toHaveLength(4);
  });

  it('tells main the language at once and on every change, so the native menus follow', async () => {
    const { bridge, language } = setup();
    language.set('ko');
    language.set('en');
    await vi.waitFor(() => expect(bridge.args('app.setLanguage')).toEqual(['ko', 'en']));
  });

  it('reports a refused document state instead of throwing', async () => {
    const { bridge, doc, reports } = setup();
    bridge.answer('app.setDocumentState', new Error('refused'));
    doc.set({ title: 'New', dirty: true });
    await vi.waitFor(() => expect(reports).toEqual(['document state: refused']));
  });

  it('disconnects from the menu and the stores', () => {
    const { bridge, doc, language, disconnect } = setup();
    expect(bridge.menuSubscribers).toBe(1);
    disconnect();
    expect(bridge.menuSubscribers).toBe(0);
    expect(doc.subscribers).toBe(0);
    expect(language.subscribers).toBe(0);
  });
});

describe('desktop link with the project store', () => {
  beforeEach(() => {
    useProjectStore.getState().load(newProject('Lecture CNN'), 'lecture.convas.json', { path: '/n/lecture.convas.json' });
  });

  it('pushes the unsaved flag as the project is edited, saved and renamed', async () => {
    const bridge = new FakeBridge();
    const disconnect = connectDesktop(bridge, {
      actions: recordingActions([]),
      document: watchStore(useProjectStore, documentStateOf),
      language: new Value<Language>('en'),
      useFiles: () => {},
    });
    const store = useProjectStore.getState();
    store.rename('VGG-ish');
    useProjectStore.getState().markSaved('vgg.convas.json', '/n/vgg.convas.json');
    useProjectStore.getState().select({ nodes: [], edges: [] }); // no change of title or flag
    useProjectStore.getState().load(newProject('Untitled'), null);
    useProjectStore.getState().rename('Untitled 2');
    await vi.waitFor(() => expect(bridge.args('app.setDocumentState')).toHaveLength(5));
    expect(bridge.args('app.setDocumentState')).toEqual([
      { title: 'Lecture CNN', dirty: false },
      { title: 'VGG-ish', dirty: true },
      { title: 'VGG-ish', dirty: false },
      { title: 'Untitled', dirty: false },
      { title: 'Untitled 2', dirty: true },
    ]);
    expect(useProjectStore.getState().filePath).toBeNull();
    disconnect();
  });

  it('keeps the file path of an opened or saved project, and forgets it for a new one', () => {
    expect(useProjectStore.getState().filePath).toBe('/n/lecture.convas.json');
    useProjectStore.getState().markSaved('b.convas.json', '/n/b.convas.json');
    expect(useProjectStore.getState()).toMatchObject({ fileName: 'b.convas.json', filePath: '/n/b.convas.json' });
    useProjectStore.getState().markSaved('c.convas.json');
    expect(useProjectStore.getState().filePath).toBeNull();
    useProjectStore.getState().load(newProject('x'), null, { path: '/ignored' });
    expect(useProjectStore.getState().filePath).toBeNull();
  });
});

describe('bridge lookup', () => {
  it('finds window.convas only when it looks like the bridge', () => {
    const bridge = new FakeBridge();
    expect(desktopBridge({})).toBeUndefined();
    expect(desktopBridge({ convas: 'x' })).toBeUndefined();
    expect(desktopBridge({ convas: { files: {} } })).toBeUndefined();
    expect(desktopBridge({ convas: bridge })).toBe(bridge);
    expect(desktopBridge()).toBeUndefined();
  });

  it('titles the window like main does', () => {
    expect(windowTitle({ title: 'Lecture CNN', dirty: true })).toBe('• Lecture CNN — Convas');
    expect(windowTitle({ title: 'Lecture CNN', dirty: false })).toBe('Lecture CNN — Convas');
    expect(windowTitle({ title: '  ', dirty: false })).toBe('Convas');
  });
});
