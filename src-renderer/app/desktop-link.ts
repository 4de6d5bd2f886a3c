/**
 * What makes the page a good citizen of the desktop app, given the preload bridge: files go
 * through native dialogs, native menu choices run the page's actions, and main learns the
 * document's title, whether it is saved (closing asks first) and the UI language (for its menus).
 * Pure: the bridge, the actions and the stores are passed in, so Node tests drive it with fakes;
 * desktop-host.ts wires in the real ones.
 */
import type { ConvasBridge, DocumentState, Language, MenuCommand } from '../../src-shared/electron/bridge-api';
import type { FileHost, RecentStore } from '../files/file-host';
import { electronFileHost, electronRecentStore } from '../files/electron-file-host';
import { isDirty, type ProjectState } from '../store/project-store';
import { changesDocument, parseMenuCommand, runMenuCommand, type MenuCommandActions } from './menu-commands';

/** A value that can be read and watched (a zustand store fits through a small adapter). */
export interface Watched<T> {
  get(): T;
  /** Calls the listener after any change (it may be called when the value did not change); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A zustand store (anything with getState and subscribe) seen through a selector. */
export function watchStore<S, T>(
  store: { getState(): S; subscribe(listener: () => void): () => void },
  select: (state: S) => T,
): Watched<T> {
  return { get: () => select(store.getState()), subscribe: (listener) => store.subscribe(() => listener()) };
}

/** What main is told about the project: its name (the window title) and whether it has unsaved changes. */
export function documentStateOf(state: Pick<ProjectState, 'project' | 'saved'>): DocumentState {
  return { title: state.project.name, dirty: isDirty(state) };
}

export interface DesktopLinkOptions {
  readonly actions: MenuCommandActions;
  /** The project's name and unsaved flag. */
  readonly document: Watched<DocumentState>;
  readonly language: Watched<Language>;
  /** Puts the desktop file host and recent-files list in place of the browser's. */
  readonly useFiles: (host: FileHost, recent: RecentStore) => void;
  /**
   * Runs `run` now, or once the page's own question (a confirm dialog) is answered: a menu
   * command that changes the document waits, like the page's shortcuts do. Default: now.
   */
  readonly whenIdle?: (run: () => void) => void;
  /** Where problems go (a refused command, a failed call); default: nowhere. */
  readonly report?: (message: string) => void;
}

/** Longest title main accepts (documentStateSchema). */
const MAX_TITLE = 300;

/** Connects the page to the desktop app; returns the function that disconnects it (tests). */
export function connectDesktop(bridge: ConvasBridge, options: DesktopLinkOptions): () => void {
  const report = options.report ?? (() => {});
  const whenIdle = options.whenIdle ?? ((run: () => void) => run());
  const failed = (what: string) => (e: unknown) => report(`${what}: ${e instanceof Error ? e.message : String(e)}`);

  // Files: native dialogs, and the recent list main keeps.
  const recent = electronRecentStore(bridge.files, (message) => report(`recent files: ${message}`));
  options.useFiles(electronFileHost(bridge.files), recent);
  void recent.refresh();

  // Native menu choices.
  const run = (command: MenuCommand) => {
    runMenuCommand(command, options.actions).catch(failed(`menu command ${command.type}`));
  };
  const offMenu = bridge.menu.onCommand((raw: unknown) => {
    const parsed = parseMenuCommand(raw);
    if (!parsed.ok) {
      report(`ignored an invalid menu command: ${parsed.error}`);
      return;
    }
    const command = parsed.command;
    if (changesDocument(command)) whenIdle(() => run(command));
    else run(command);
  });

  // The window title and the unsaved flag.
  let sent: DocumentState | undefined;
  const pushDocument = () => {
    const { title, dirty } = options.document.get();
    const state: DocumentState = { title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title, dirty };
    if (sent && sent.title === state.title && sent.dirty === state.dirty) return;
    sent = state;
    bridge.app.setDocumentState(state).catch(failed('document state'));
  };
  const offDocument = options.document.subscribe(pushDocument);
  pushDocument();

  // The native menus follow the page's language (which may be a stored choice, not the system's).
  let language: Language | undefined;
  const pushLanguage = () => {
    const next = options.language.get();
    if (next === language) return;
    language = next;
    bridge.app.setLanguage(next).catch(failed('language'));
  };
  const offLanguage = options.language.subscribe(pushLanguage);
  pushLanguage();

  return () => {
    offMenu();
    offDocument();
    offLanguage();
  };
}
