import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The `--data-dir` folders as absolute paths, or the first one that is not a folder (for the caller to report). */
export function checkDataDirs(dirs: readonly string[]): { dirs: string[] } | { notAFolder: string } {
  const out: string[] = [];
  for (const dir of dirs) {
    const full = resolve(dir);
    if (statSync(full, { throwIfNoEntry: false })?.isDirectory() !== true) return { notAFolder: full };
    out.push(full);
  }
  return { dirs: out };
}
