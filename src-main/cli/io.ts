import { resolve } from 'node:path';

/** Where a CLI invocation writes and what it needs from its process, so it can run inside a test. */
export interface CliIo {
  /** Writes one line of results (stdout). */
  readonly out: (text: string) => void;
  /** Writes one line of diagnostics (stderr). */
  readonly err: (text: string) => void;
  /** The directory relative paths are resolved against (the process's cwd by default). */
  readonly cwd?: string;
  /** Rewrites a live progress line (no newline); absent when nobody watches a terminal. */
  readonly progress?: (text: string) => void;
  /** Calls `stop` on Ctrl+C until the returned function is called; absent when there is no Ctrl+C. */
  readonly onInterrupt?: (stop: () => void) => () => void;
}

/** `path` as the user meant it: relative to the invocation's working directory. */
export function resolveFrom(io: CliIo, path: string): string {
  return resolve(io.cwd ?? process.cwd(), path);
}
