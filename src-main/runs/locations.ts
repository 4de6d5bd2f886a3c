import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { RunsLocation } from '../../src-shared/runs/manifest';

/** The environment variable that moves Convas's data folder (tests, portable installs). */
export const DATA_DIR_ENV = 'CONVAS_DATA_DIR';

/** The folder suffix of a saved project's runs: `lecture.convas.json` keeps them in `lecture.convas-runs/`. */
export const RUNS_SUFFIX = '.convas-runs';

/** Convas's own data folder: $CONVAS_DATA_DIR, else the platform's per-user application data (runs are data, not cache). */
export function dataRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV]);
  if (process.platform === 'win32' && env['APPDATA']) return join(env['APPDATA'], 'Convas');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Convas');
  return join(env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'convas');
}

/** The runs folder beside a project file: its name without `.convas.json` (or `.json`) and with `.convas-runs`. */
export function runsBeside(projectFile: string): string {
  const name = basename(projectFile).replace(/(\.convas)?\.json$/i, '');
  return join(dirname(projectFile), `${name || 'project'}${RUNS_SUFFIX}`);
}

/**
 * The folder of a collection (a project's title) in the data folder: a readable part made of
 * letters and digits only, then a hash of the whole title, so every title maps to one folder and
 * no title ('..', '/etc', 'a\\b') names one outside.
 */
export function collectionFolder(collection: string): string {
  const readable = collection
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(collection, 'utf8').digest('hex').slice(0, 10);
  return `${readable || 'project'}-${hash}`;
}

/** Why a location cannot be used here. */
export type LocationRefusal = 'outside-root';

/**
 * The folder a location's runs live in, or why it is refused: a confined engine (driven by an
 * untrusted page) keeps runs only in its own data folder, never beside a file the page names.
 */
export function runsFolder(location: RunsLocation, options: { confined: boolean; env?: NodeJS.ProcessEnv }): string | LocationRefusal {
  if (location.kind === 'data') return join(dataRoot(options.env), 'runs', collectionFolder(location.collection));
  if (options.confined || !isAbsolute(location.projectFile)) return 'outside-root';
  return runsBeside(resolve(location.projectFile));
}
