import { existsSync } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside } from '../process/confinement';
import { fileURLToPath } from 'node:url';
import {
  DEBIAN_FASHION_MNIST_DIR,
  FILE_ROLES,
  IDX_FILE_NAMES,
  MANIFESTS,
  type DatasetFileRole,
  type DatasetManifest,
  type DownloadableDataset,
} from './catalog';
import { downloadFile, sha256File, type DownloadProgress } from './download';
import { DatasetError, describeError, type DatasetErrorCode } from './errors';

/** Where a dataset's files were found, in the order they are tried. */
export type DataSource = 'directory' | 'debian' | 'cache' | 'download' | 'sample';

/** The order in which sources are tried (a named directory, if any, comes first). */
export const SOURCE_ORDER: readonly DataSource[] = Object.freeze(['directory', 'debian', 'cache', 'download', 'sample']);

/** What can be asked for: a known dataset, the bundled sample, or just a directory of IDX files. */
export type DatasetChoice = DownloadableDataset | 'sample' | 'directory';

/** Paths of the four files of a dataset. */
export type DatasetFiles = Readonly<Record<DatasetFileRole, string>>;

/** The files to read and where they came from; `notes` say why earlier sources were passed over. */
export interface ResolvedSource {
  readonly source: DataSource;
  /** The directory the files are in. */
  readonly location: string;
  readonly files: DatasetFiles;
  readonly notes: readonly string[];
}

/** How to look for a dataset; everything but `dataset` has a default. */
export interface SourceOptions {
  readonly dataset: DatasetChoice;
  /** A directory the user names; searched first, and the only place for 'directory'. */
  readonly directory?: string | null;
  /** Convas's cache root (datasets go in <root>/datasets/<name>); default CONVAS_CACHE_DIR or the OS cache. */
  readonly cacheDir?: string;
  /** Debian's Fashion-MNIST directory; null skips it (tests). */
  readonly debianDir?: string | null;
  /** The bundled sample; default assets/datasets/fashion-mnist-sample found above this module. */
  readonly sampleDir?: string;
  /** False: never touch the network. */
  readonly download?: boolean;
  /** Base URLs to try instead of the standard mirrors (tests point these at a loopback server). */
  readonly mirrors?: readonly string[];
  /** Files and checksums instead of the published ones (tests). */
  readonly manifest?: DatasetManifest;
  /** Use the bundled sample when Fashion-MNIST cannot be found or fetched (default true). */
  readonly fallbackToSample?: boolean;
  readonly onProgress?: (progress: DownloadProgress) => void;
  readonly signal?: AbortSignal;
  readonly env?: NodeJS.ProcessEnv;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

// Raw first (no gunzip needed); the dotted spelling is how Kaggle's MNIST copy names its files.
function candidateNames(base: string): string[] {
  const dotted = base.replace(/-(idx\d)/, '.$1');
  return [base, `${base}.gz`, dotted, `${dotted}.gz`];
}

/** Finds the four IDX files (raw or .gz) in a directory; lists the ones that are missing. */
export async function findIdxFiles(dir: string): Promise<{ files: DatasetFiles } | { missing: string[] }> {
  const found: Partial<Record<DatasetFileRole, string>> = {};
  const missing: string[] = [];
  for (const role of FILE_ROLES) {
    const base = IDX_FILE_NAMES[role];
    let hit: string | undefined;
    for (const name of candidateNames(base)) {
      if (await exists(join(dir, name))) {
        hit = join(dir, name);
        break;
      }
    }
    if (hit === undefined) missing.push(`${base}[.gz]`);
    else found[role] = hit;
  }
  return missing.length > 0 ? { missing } : { files: found as DatasetFiles };
}

/** Convas's cache root: the parameter, else $CONVAS_CACHE_DIR, else the platform's user cache. */
export function cacheRoot(cacheDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (cacheDir) return cacheDir;
  if (env['CONVAS_CACHE_DIR']) return env['CONVAS_CACHE_DIR'];
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return join(env['LOCALAPPDATA'], 'convas', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'convas');
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'convas');
}

/** The directory one dataset is cached in. */
export function datasetCacheDir(dataset: DownloadableDataset | 'cifar10', cacheDir?: string, env?: NodeJS.ProcessEnv): string {
  return join(cacheRoot(cacheDir, env), 'datasets', dataset);
}

/** The bundled sample: assets/datasets/fashion-mnist-sample in the nearest folder above this module (or the working directory). */
export function defaultSampleDir(): string {
  const rel = join('assets', 'datasets', 'fashion-mnist-sample');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, rel);
    // Sync lookup keeps this a plain function; it touches a handful of paths once per load.
    if (existsSync(join(candidate, `${IDX_FILE_NAMES.trainImages}.gz`))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(process.cwd(), rel);
}

async function cachedFiles(dir: string, manifest: DatasetManifest): Promise<{ valid: Set<DatasetFileRole>; notes: string[] }> {
  const valid = new Set<DatasetFileRole>();
  const notes: string[] = [];
  for (const role of FILE_ROLES) {
    const { name, sha256 } = manifest.files[role];
    const path = join(dir, name);
    if (!(await exists(path))) continue;
    // Re-hashing (~0.1 s for the largest file) makes "cache" mean "the published bytes", whoever put them there.
    const actual = await sha256File(path).catch(() => '');
    if (actual === sha256) valid.add(role);
    else notes.push(`cache: ${path} does not match the published SHA-256; it will be downloaded again`);
  }
  return { valid, notes };
}

function mirrorUrl(mirror: string, name: string): string {
  return new URL(name, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
}

/** Downloads the files of a dataset that are not yet in `dir`, each verified by SHA-256; mirrors are tried in order. */
export async function downloadDataset(
  dir: string,
  manifest: DatasetManifest,
  options: {
    mirrors?: readonly string[];
    skip?: ReadonlySet<DatasetFileRole>;
    onProgress?: (p: DownloadProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<DatasetFiles> {
  const mirrors = options.mirrors ?? manifest.mirrors;
  if (mirrors.length === 0) throw new DatasetError('unavailable', 'no download mirror is configured');
  const files: Partial<Record<DatasetFileRole, string>> = {};
  for (const role of FILE_ROLES) {
    const remote = manifest.files[role];
    const dest = join(dir, remote.name);
    files[role] = dest;
    if (options.skip?.has(role)) continue;
    const failures: DatasetError[] = [];
    for (const mirror of mirrors) {
      try {
        await downloadFile({
          url: mirrorUrl(mirror, remote.name),
          dest,
          sha256: remote.sha256,
          bytes: remote.bytes,
          onProgress: options.onProgress,
          signal: options.signal,
        });
        failures.length = 0;
        break;
      } catch (e) {
        if (options.signal?.aborted) throw e;
        failures.push(
          e instanceof DatasetError ? e : new DatasetError('download-failed', `${remote.name}: ${describeError(e)}`, { cause: e }),
        );
      }
    }
    const last = failures.at(-1);
    if (last) {
      if (failures.length === 1) throw last;
      const code: DatasetErrorCode = last.code;
      throw new DatasetError(code, `${remote.name}: no mirror gave a good copy — ${failures.map((f) => f.message).join('; ')}`, {
        cause: last,
      });
    }
  }
  return files as DatasetFiles;
}

async function fromDirectory(dir: string): Promise<ResolvedSource> {
  if (!(await exists(dir))) {
    throw new DatasetError(
      'not-found',
      `${dir}: directory not found — name a directory holding train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]`,
    );
  }
  const found = await findIdxFiles(dir);
  if ('missing' in found) {
    throw new DatasetError(
      'missing-files',
      `${dir}: missing ${found.missing.join(', ')} — the directory must hold the four MNIST-format files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each raw or .gz)`,
    );
  }
  return { source: 'directory', location: dir, files: found.files, notes: [] };
}

async function fromSample(dir: string, notes: string[]): Promise<ResolvedSource> {
  const found = await findIdxFiles(dir);
  if ('missing' in found) {
    throw new DatasetError(
      'unavailable',
      `${dir}: the bundled Fashion-MNIST sample is missing (${found.missing.join(', ')}) — reinstall Convas or run \`npx tsx scripts/make-sample.ts\``,
    );
  }
  return { source: 'sample', location: dir, files: found.files, notes };
}

/** Picks where to read a dataset from, trying directory, Debian, cache, download and the sample in that order. */
export async function resolveSource(options: SourceOptions): Promise<ResolvedSource> {
  const { dataset } = options;
  const sampleDir = options.sampleDir ?? defaultSampleDir();
  if (dataset === 'sample') return fromSample(sampleDir, []);
  if (dataset === 'directory') {
    if (!options.directory)
      throw new DatasetError('not-found', "the 'directory' dataset needs a directory — name one that holds the four MNIST-format files");
    return fromDirectory(options.directory);
  }
  // A directory the user names wins, and a broken one is an error rather than silently skipped.
  if (options.directory) return fromDirectory(options.directory);

  const notes: string[] = [];
  if (dataset === 'fashion-mnist') {
    const debianDir = options.debianDir === undefined ? DEBIAN_FASHION_MNIST_DIR : options.debianDir;
    if (debianDir !== null) {
      const found = await findIdxFiles(debianDir);
      if ('files' in found) return { source: 'debian', location: debianDir, files: found.files, notes };
      notes.push(`debian: ${debianDir} is not installed (sudo apt install dataset-fashion-mnist)`);
    }
  }

  const manifest = options.manifest ?? MANIFESTS[dataset];
  const cache = datasetCacheDir(dataset, options.cacheDir, options.env);
  const cached = await cachedFiles(cache, manifest);
  notes.push(...cached.notes);
  if (cached.valid.size === FILE_ROLES.length) {
    return {
      source: 'cache',
      location: cache,
      files: Object.fromEntries(FILE_ROLES.map((r) => [r, join(cache, manifest.files[r].name)])) as DatasetFiles,
      notes,
    };
  }
  notes.push(`cache: ${cache} does not hold all four files`);

  const fallback = dataset === 'fashion-mnist' && options.fallbackToSample !== false;
  if (options.download === false) {
    notes.push('download: turned off');
    if (fallback) return fromSample(sampleDir, notes);
    throw new DatasetError(
      'unavailable',
      `${dataset} is not available offline: ${notes.join('; ')} — put the four files in a directory and name it, or allow the download`,
    );
  }
  try {
    const files = await downloadDataset(cache, manifest, {
      mirrors: options.mirrors,
      skip: cached.valid,
      onProgress: options.onProgress,
      signal: options.signal,
    });
    return { source: 'download', location: cache, files, notes };
  } catch (e) {
    if (!fallback || options.signal?.aborted) throw e;
    notes.push(`download: ${describeError(e)}`);
    return fromSample(sampleDir, notes);
  }
}

/** Where a confined engine may read datasets besides the folders the user named: Debian's, the cache and the bundled sample. */
export function catalogueDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [DEBIAN_FASHION_MNIST_DIR, join(cacheRoot(undefined, env), 'datasets'), defaultSampleDir()];
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (so a missing folder is judged by where it would be). */
async function realOrNearest(path: string): Promise<string> {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(path);
      rest.push(basename(at));
      at = parent;
    }
  }
}

/** True when `dir`, with symlinks followed, lies inside one of `roots` (a confined engine reads datasets only there). */
export async function mayReadDataDir(dir: string, roots: readonly string[]): Promise<boolean> {
  const real = await realOrNearest(dir);
  const realRoots = await Promise.all(roots.map((r) => realOrNearest(r)));
  return realRoots.some((root) => isInside(root, real));
}
