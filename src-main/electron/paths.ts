/** Where the desktop app's pieces are, relative to the directory of the main bundle (dist/electron). */
import { isAbsolute, join, resolve } from 'node:path';
import { WORKER_BUNDLE } from '../engine/parallel/messages';

/** The bundles scripts/build-electron.ts writes into dist/electron. */
export const ELECTRON_BUNDLES = {
  main: 'main.cjs',
  /** CommonJS: a sandboxed preload is not loaded as an ES module. */
  preload: 'preload.cjs',
  engine: 'engine.mjs',
  /** The engine's training worker, which the engine starts from its own folder. */
  worker: WORKER_BUNDLE,
} as const;

export interface AppPaths {
  readonly rendererDir: string;
  readonly preload: string;
  readonly engine: string;
}

export function appPaths(bundleDir: string): AppPaths {
  return {
    rendererDir: join(bundleDir, '..', 'renderer'),
    preload: join(bundleDir, ELECTRON_BUNDLES.preload),
    engine: join(bundleDir, ELECTRON_BUNDLES.engine),
  };
}

/**
 * The project file named on the command line (`convas net.convas.json`, or a file the OS opens
 * with the app), resolved against `cwd`. Switches are skipped; only JSON files are considered.
 * `argv` is Electron's process.argv: [exe, file…] when packaged, [exe, main.cjs, file…] in development.
 */
export function fileArgument(argv: readonly string[], packaged: boolean, cwd: string): string | undefined {
  const file = argv
    .slice(packaged ? 1 : 2)
    .filter((a) => !a.startsWith('-'))
    .find((a) => /\.json$/i.test(a));
  if (!file) return undefined;
  return isAbsolute(file) ? file : resolve(cwd, file);
}

/** The prefix of the switch that names a dataset folder the engine may read (`--data-dir=DIR`, repeatable). */
export const DATA_DIR_SWITCH = '--data-dir=';

/**
 * The dataset folders named on the command line (`npm start -- --data-dir DIR` passes them on as
 * `--data-dir=DIR`), resolved against `cwd`: besides the catalogue locations, the only folders
 * the page-driven engine may read datasets from.
 */
export function dataDirArguments(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((a) => a.startsWith(DATA_DIR_SWITCH) && a.length > DATA_DIR_SWITCH.length)
    .map((a) => a.slice(DATA_DIR_SWITCH.length))
    .map((d) => (isAbsolute(d) ? d : resolve(cwd, d)));
}
