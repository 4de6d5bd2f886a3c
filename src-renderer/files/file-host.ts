// Written without DOM-only names (Blob is also a Node global), so Node tests type-check it.
import type { PickedFile } from '../../src-shared/format/trained-model-files';

export type { PickedFile };

/** A file the user picked, with its text. */
export interface OpenedFile {
  readonly name: string;
  readonly text: string;
  /** Where it lives, when the host knows (the desktop app); Save can write back there. */
  readonly path?: string;
}

/** What the user picked to open: a Convas project, or a Keras / TensorFlow.js model to import. */
export type OpenPurpose = 'project' | 'model';

/** Where Save wrote the project: its name, and its path when the host knows it. */
export interface SavedAs {
  readonly name: string;
  readonly path?: string;
  /** True when the host cannot know the file was written (a browser download may be cancelled). */
  readonly unconfirmed?: boolean;
}

/** One file of a multi-file export (a TensorFlow.js model.json with its weights.bin …). */
export interface HostFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** Where a multi-file export went: the folder (when the host chose one) and the names written. */
export interface SavedFiles {
  readonly dir?: string;
  readonly names: readonly string[];
}

/** A recently opened or saved file, as the Open menu lists it. */
export interface RecentFile {
  readonly name: string;
  readonly at: number;
  /** Browser mode keeps the text itself (there is no path to reopen). */
  readonly text?: string;
  /** The desktop app keeps the path and reads the file again. */
  readonly path?: string;
}

/** Where the recent-files list comes from: localStorage in a browser, the main process in the desktop app. */
export interface RecentStore {
  /** The list as last known (synchronous, for menus). */
  list(): readonly RecentFile[];
  /** Called after a file was opened or saved. */
  remember(name: string, text: string): void;
  /** Reloads the list when it lives elsewhere. */
  refresh?(): Promise<void>;
}

/**
 * Where files come from and go to. The browser implementation uses an upload input and
 * downloads; the Electron host plugs native dialogs in through the same interface.
 */
export interface FileHost {
  /**
   * Lets the user pick a file; null when they cancel. `accept` lists extensions such as ".json"
   * (the browser's picker); `purpose` picks the native dialog's title and filter.
   */
  open(accept?: readonly string[], purpose?: OpenPurpose): Promise<OpenedFile | null>;
  /**
   * Writes a project file. `target` is where the project already lives (Save) or null to ask
   * (Save As); `suggested` is the name to offer. Returns where it was written, null when cancelled.
   */
  save(target: string | null, text: string, suggested: string): Promise<SavedAs | null>;
  /** Hands the user a generated file (an export); false when the user cancelled (a native dialog). */
  download(name: string, data: string | Uint8Array | Blob, mime: string): Promise<boolean>;
  /**
   * Hands the user several files that belong together, in one folder (the desktop app asks for
   * it once); null when cancelled. Without it, callers download each file.
   */
  saveFiles?(files: readonly HostFile[]): Promise<SavedFiles | null>;
  /** Reopens a file from the recent list by its path (the desktop app). */
  openRecent?(path: string): Promise<OpenedFile>;
  /**
   * Lets the user pick several files at once with their bytes (a trained model: model.json,
   * weights.bin, convas-dataset.json); null when they cancel. `accept` as for `open`.
   */
  openFiles?(accept: readonly string[]): Promise<PickedFile[] | null>;
}

/** The last part of a path, for either separator: "/home/a/net.convas.json" → "net.convas.json". */
export function baseName(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] || path;
}
