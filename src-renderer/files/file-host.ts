/** A file the user picked, with its text. */
export interface OpenedFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Where files come from and go to. The browser implementation uses an upload input and
 * downloads; the Electron host plugs native dialogs in through the same interface.
 */
export interface FileHost {
  /** Lets the user pick a file; null when they cancel. `accept` lists extensions such as ".json". */
  open(accept?: readonly string[]): Promise<OpenedFile | null>;
  /**
   * Writes a text file. `target` is where the project already lives (Save) or null to ask
   * (Save As); `suggested` is the name to offer. Returns the name (or path) written, null when cancelled.
   */
  save(target: string | null, text: string, suggested: string): Promise<string | null>;
  /** Hands the user a generated file (an export). */
  download(name: string, data: string | Uint8Array | Blob, mime: string): Promise<void>;
}
