// CIFAR-10's binary version: each record is one label byte and 3,072 pixel bytes, the 32×32 red
// plane, then green, then blue (https://www.cs.toronto.edu/~kriz/cifar.html). Found, like
// Fashion-MNIST, in a folder the user names, else the cache, else downloaded and verified.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from 'tar';
import {
  CIFAR10_FOLDER,
  CIFAR10_MANIFEST,
  CIFAR10_META_FILE,
  CIFAR10_TEST_FILE,
  CIFAR10_TRAIN_FILES,
  type ArchiveManifest,
} from './catalog';
import { downloadFile, type DownloadProgress } from './download';
import { DatasetError, describeError, formatCount } from './errors';
import { resizePixels, type PictureSize } from './image-decode';
import { pictureCacheDir, pictureCacheKey, readPictureCache, writePictureCache } from './picture-cache';
import { runPool } from './pictures';
import type { ImageSet } from './preprocess';
import { cacheRoot, datasetCacheDir, type DataSource } from './sources';

/** CIFAR-10's images: 32×32 RGB. */
export const CIFAR_SIZE: PictureSize = Object.freeze({ height: 32, width: 32, channels: 3 });
const PIXELS = 32 * 32;
const RECORD = 1 + 3 * PIXELS;
const CLASSES = 10;

/** The files of CIFAR-10's binary version in one folder. */
export interface CifarFiles {
  readonly dir: string;
  readonly train: readonly string[];
  readonly test: string;
  readonly meta: string;
}

/** How loading CIFAR-10 goes: downloading, unpacking, resizing to the Input, reading a resized set from the cache. */
export type CifarProgress =
  | { readonly phase: 'download'; readonly done: number; readonly total: number | null; readonly file: string }
  | { readonly phase: 'unpack'; readonly done: number; readonly total: number | null; readonly file: string }
  | { readonly phase: 'decode' | 'read-cache'; readonly done: number; readonly total: number | null };

/** Where to look for CIFAR-10 and what to bring it to. */
export interface CifarOptions {
  /** A folder the user names: it holds the batch files, or cifar-10-batches-bin/ with them. Searched alone when given. */
  readonly directory?: string | null;
  /** Convas's cache root; default CONVAS_CACHE_DIR or the OS cache. */
  readonly cacheDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** False: never touch the network. */
  readonly download?: boolean;
  /** Base URLs to try instead of the standard one (tests point these at a loopback server). */
  readonly mirrors?: readonly string[];
  /** The archive's name, size and checksum instead of the published ones (tests). */
  readonly manifest?: ArchiveManifest;
  /** The model's input size: the 32×32×3 images are resized and converted to it as pictures are. */
  readonly size: PictureSize;
  readonly onProgress?: (progress: CifarProgress) => void;
  readonly signal?: AbortSignal;
}

/** CIFAR-10 ready for training, and where it came from. */
export interface CifarDataset {
  readonly source: DataSource;
  readonly location: string;
  readonly notes: readonly string[];
  readonly classNames: readonly string[];
  readonly train: ImageSet;
  readonly test: ImageSet;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Finds the seven files in `dir` or in its cifar-10-batches-bin/; lists what is missing from `dir` otherwise. */
export async function findCifarFiles(dir: string): Promise<CifarFiles | { missing: string[] }> {
  const names = [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE, CIFAR10_META_FILE];
  let firstMissing: string[] | undefined;
  for (const candidate of [dir, join(dir, CIFAR10_FOLDER)]) {
    const missing: string[] = [];
    for (const n of names) if (!(await isFile(join(candidate, n)))) missing.push(n);
    if (missing.length === 0) {
      return {
        dir: candidate,
        train: CIFAR10_TRAIN_FILES.map((n) => join(candidate, n)),
        test: join(candidate, CIFAR10_TEST_FILE),
        meta: join(candidate, CIFAR10_META_FILE),
      };
    }
    firstMissing ??= missing;
  }
  return { missing: firstMissing! };
}

/** The class names in batches.meta.txt, one a line (blank lines ignored); there must be ten. */
export async function readCifarMeta(path: string): Promise<string[]> {
  const names = (await readFile(path, 'utf8'))
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (names.length !== CLASSES) {
    throw new DatasetError(
      'bad-label',
      `${path}: names ${names.length} classes, not CIFAR-10's ${CLASSES} — use the batches.meta.txt of the binary version`,
    );
  }
  return names;
}

async function recordsIn(path: string): Promise<number> {
  const { size } = await stat(path);
  if (size === 0 || size % RECORD !== 0) {
    throw new DatasetError(
      'truncated',
      `${path}: ${formatCount(size)} bytes is not a whole number of CIFAR-10 records (${formatCount(RECORD)} bytes each: a label and 32×32×3 pixels) — the file is cut short or not from CIFAR-10's binary version; download it again`,
    );
  }
  return size / RECORD;
}

/**
 * Reads batch files into one split: pixels 32×32×3 with the channels interleaved (as a model's
 * input takes them; the files hold them as planes) and the label bytes, checked to be below 10.
 */
export async function readCifarBatches(paths: readonly string[]): Promise<ImageSet> {
  const counts = await Promise.all(paths.map(recordsIn));
  const count = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(count * 3 * PIXELS);
  const labels = new Uint8Array(count);
  let n = 0;
  for (const path of paths) {
    const bytes = await readFile(path);
    for (let r = 0; r * RECORD < bytes.length; r++, n++) {
      const at = r * RECORD;
      const label = bytes[at]!;
      if (label >= CLASSES) {
        throw new DatasetError(
          'bad-label',
          `${path}: record ${formatCount(r)} has label ${label}, outside CIFAR-10's 0–9 — the file is damaged`,
        );
      }
      labels[n] = label;
      const out = n * 3 * PIXELS;
      for (let p = 0; p < PIXELS; p++) {
        images[out + p * 3] = bytes[at + 1 + p]!;
        images[out + p * 3 + 1] = bytes[at + 1 + PIXELS + p]!;
        images[out + p * 3 + 2] = bytes[at + 1 + 2 * PIXELS + p]!;
      }
    }
  }
  return { images, labels, count, height: 32, width: 32, channels: 3 };
}

async function unpack(archive: string, dest: string, onProgress?: CifarOptions['onProgress']): Promise<void> {
  const wanted = new Set([...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE, CIFAR10_META_FILE].map((n) => `${CIFAR10_FOLDER}/${n}`));
  const temp = `${dest}.${process.pid}.unpack`;
  const file = archive.split(/[\\/]/).pop()!;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  let done = 0;
  try {
    // Only the seven known files are written, so a hostile archive can place nothing else anywhere.
    await extract({
      file: archive,
      cwd: temp,
      strict: true,
      filter: (path) => wanted.has(path.replace(/^\.\//, '')),
      onReadEntry: () => onProgress?.({ phase: 'unpack', done: ++done, total: wanted.size, file }),
    });
    const found = await findCifarFiles(join(temp, CIFAR10_FOLDER));
    if ('missing' in found) throw new Error(`the archive lacks ${found.missing.join(', ')}`);
    await rm(dest, { recursive: true, force: true });
    await rename(join(temp, CIFAR10_FOLDER), dest);
  } catch (e) {
    throw new DatasetError(
      'bad-archive',
      `${archive}: cannot be unpacked (${describeError(e)}) — the download is damaged; it will be fetched again`,
      {
        cause: e,
      },
    );
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function mirrorUrl(mirror: string, name: string): string {
  return new URL(name, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
}

async function downloadArchive(cache: string, options: CifarOptions): Promise<void> {
  const manifest = options.manifest ?? CIFAR10_MANIFEST;
  const mirrors = options.mirrors ?? manifest.mirrors;
  const archive = join(cache, manifest.file.name);
  const failures: string[] = [];
  let last: unknown;
  for (const mirror of mirrors) {
    try {
      await downloadFile({
        url: mirrorUrl(mirror, manifest.file.name),
        dest: archive,
        sha256: manifest.file.sha256,
        bytes: manifest.file.bytes,
        signal: options.signal,
        onProgress: (p: DownloadProgress) =>
          options.onProgress?.({ phase: 'download', done: p.received, total: p.total ?? null, file: p.file }),
      });
      last = undefined;
      break;
    } catch (e) {
      if (options.signal?.aborted) throw e;
      last = e;
      failures.push(describeError(e));
    }
  }
  if (last !== undefined) {
    if (failures.length === 1) throw last;
    const code = last instanceof DatasetError ? last.code : 'download-failed';
    throw new DatasetError(code, `${manifest.file.name}: no mirror gave a good copy — ${failures.join('; ')}`, { cause: last });
  }
  try {
    await unpack(archive, join(cache, CIFAR10_FOLDER), options.onProgress);
  } finally {
    // The seven files are what is kept; the 170 MB archive has served its purpose either way.
    await rm(archive, { force: true });
  }
}

/** Finds CIFAR-10: the named folder, else the cache, else a verified download unpacked into the cache. */
export async function resolveCifar(options: CifarOptions): Promise<{ files: CifarFiles; source: DataSource; notes: string[] }> {
  if (options.directory) {
    const found = await findCifarFiles(options.directory);
    if ('missing' in found) {
      throw new DatasetError(
        'missing-cifar-files',
        `${options.directory}: missing ${found.missing.join(', ')} — name the folder of CIFAR-10's binary version (cifar-10-batches-bin, from cifar-10-binary.tar.gz)`,
      );
    }
    return { files: found, source: 'directory', notes: [] };
  }
  const cache = datasetCacheDir('cifar10', options.cacheDir, options.env);
  const cached = await findCifarFiles(join(cache, CIFAR10_FOLDER));
  if (!('missing' in cached)) return { files: cached, source: 'cache', notes: [] };
  const notes = [`cache: ${join(cache, CIFAR10_FOLDER)} does not hold CIFAR-10`];
  if (options.download === false) {
    throw new DatasetError(
      'unavailable',
      `CIFAR-10 is not available offline: ${notes.join('; ')} — put its binary version in a folder and name it, or allow the download`,
    );
  }
  await downloadArchive(cache, options);
  const fetched = await findCifarFiles(join(cache, CIFAR10_FOLDER));
  if ('missing' in fetched) throw new DatasetError('bad-archive', `${cache}: the unpacked archive lacks ${fetched.missing.join(', ')}`);
  return { files: fetched, source: 'download', notes };
}

/** Brings a split to the model's input size, several images at a time. */
async function resized(set: ImageSet, size: PictureSize, onProgress: (done: number) => void, signal?: AbortSignal): Promise<ImageSet> {
  const per = size.height * size.width * size.channels;
  const images = new Uint8Array(set.count * per);
  const from = 3 * PIXELS;
  await runPool(
    set.count,
    async (i) => {
      images.set(await resizePixels(set.images.subarray(i * from, (i + 1) * from), CIFAR_SIZE, size), i * per);
    },
    { onProgress: (done) => onProgress(done), signal },
  );
  return { images, labels: set.labels, count: set.count, height: size.height, width: size.width, channels: size.channels };
}

async function fileStamps(files: CifarFiles): Promise<unknown[]> {
  return Promise.all(
    [...files.train, files.test, files.meta].map(async (f) => {
      const s = await stat(f);
      return [f, s.size, s.mtimeMs];
    }),
  );
}

/** Loads CIFAR-10 at the model's input size (resized and cached when that is not 32×32×3); throws DatasetError when it cannot. */
export async function loadCifar10(options: CifarOptions): Promise<CifarDataset> {
  const { files, source, notes } = await resolveCifar(options);
  const classNames = await readCifarMeta(files.meta);
  const { size } = options;
  const same = size.height === 32 && size.width === 32 && size.channels === 3;
  const cachePath = same
    ? undefined
    : join(pictureCacheDir(cacheRoot(options.cacheDir, options.env)), `${pictureCacheKey({ cifar10: await fileStamps(files), size })}.bin`);
  if (cachePath) {
    const cached = await readPictureCache(cachePath);
    if (cached) {
      const at = (s: typeof cached.train): ImageSet => ({ ...s, height: size.height, width: size.width, channels: size.channels });
      return { source, location: files.dir, notes, classNames, train: at(cached.train), test: at(cached.test) };
    }
  }
  let train = await readCifarBatches(files.train);
  let test = await readCifarBatches([files.test]);
  if (cachePath) {
    const total = train.count + test.count;
    const progress = (offset: number) => (done: number) => options.onProgress?.({ phase: 'decode', done: offset + done, total });
    train = await resized(train, size, progress(0), options.signal);
    test = await resized(test, size, progress(train.count), options.signal);
    await writePictureCache(cachePath, { classNames, size, train, test, skipped: [] }).catch(() => undefined);
  }
  return { source, location: files.dir, notes, classNames, train, test };
}

/** Writes records in CIFAR-10's binary layout (label, then the R, G and B planes) from interleaved 32×32×3 pixels: for tests and tools. */
export function encodeCifarRecords(images: Uint8Array, labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(labels.length * RECORD);
  for (let n = 0; n < labels.length; n++) {
    out[n * RECORD] = labels[n]!;
    for (let p = 0; p < PIXELS; p++) {
      for (let c = 0; c < 3; c++) out[n * RECORD + 1 + c * PIXELS + p] = images[n * 3 * PIXELS + p * 3 + c]!;
    }
  }
  return out;
}
