// A folder of the user's pictures as a dataset: listed, decoded on every core at the model's
// input size into one byte array, checked, cached, and split into training and test parts.
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { MAX_LISTED_SKIPS } from '../../../src-shared/engine/protocol';
import { decodePicture, UnusablePictureError, type PictureSize } from './image-decode';
import { scanImageFolder, type FolderFile, type FolderScan, type SkippedFile } from './image-folder';
import { pictureCacheDir, pictureCacheKey, readPictureCache, writePictureCache, type CachedPictures } from './picture-cache';
import { permuteRecords, stratifiedHoldout, type ImageSet } from './preprocess';
import { DatasetError, formatCount } from './errors';
import { join } from 'node:path';

/** Labels are bytes everywhere downstream (examples, confusion matrix). */
export const MAX_CLASSES = 256;

/** The share of each class held out for testing when the folder has no test/ of its own. */
export const TEST_FRACTION = 0.2;

/** How far loading has got: files decoded (of total), or a decoded set being read from the cache. */
export interface PictureProgress {
  readonly phase: 'scan' | 'decode' | 'read-cache';
  readonly done: number;
  readonly total: number | null;
}

/** Pictures decoded in file order; the files that gave none are listed with why. */
export interface DecodedFiles {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** For each decoded picture, the index of its file in the list given. */
  readonly from: Uint32Array;
  readonly skipped: readonly SkippedFile[];
}

/** How many files are decoded at once: libuv's thread pool runs sharp's work, one picture per thread. */
export function decodeConcurrency(): number {
  const pool = Number(process.env['UV_THREADPOOL_SIZE']) || 4;
  // Two per thread keep every thread busy while the next file is read.
  return Math.max(2, Math.min(pool, availableParallelism()) * 2);
}

/** Runs `task(0)` … `task(total − 1)` with at most `concurrency` of them in flight, reporting each one done. */
export async function runPool(
  total: number,
  task: (i: number) => Promise<void>,
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      options.signal?.throwIfAborted();
      await task(next++);
      options.onProgress?.(++done, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? decodeConcurrency(), Math.max(total, 1)) }, worker));
}

/**
 * Decodes `files` to `size` with several files in flight (sharp decodes off the main thread, on
 * libuv's pool, so this uses every core the pool has); unusable files are skipped and listed.
 */
export async function decodeFiles(
  files: readonly FolderFile[],
  size: PictureSize,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal; concurrency?: number } = {},
): Promise<DecodedFiles> {
  const per = size.height * size.width * size.channels;
  const total = files.length;
  const out = new Uint8Array(total * per);
  const ok = new Uint8Array(total);
  const reasons: (SkippedFile | undefined)[] = new Array(total);
  await runPool(
    total,
    async (i) => {
      const file = files[i]!;
      try {
        if (file.size === 0) throw new UnusablePictureError('empty', 'the file is empty');
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file.path);
        } catch {
          reasons[i] = { file: file.rel, reason: 'unreadable' };
          return;
        }
        out.set(await decodePicture(bytes, size), i * per);
        ok[i] = 1;
      } catch (e) {
        reasons[i] = { file: file.rel, reason: e instanceof UnusablePictureError ? e.reason : 'corrupt' };
      }
    },
    options,
  );

  // Compacted in place: the decoded pictures keep their order, the holes left by skipped files close.
  const from: number[] = [];
  for (let i = 0; i < total; i++) {
    if (!ok[i]) continue;
    const k = from.length;
    if (k !== i) out.copyWithin(k * per, i * per, (i + 1) * per);
    from.push(i);
  }
  const count = from.length;
  const labels = Uint8Array.from(from, (i) => files[i]!.label);
  // A view keeps the whole buffer alive; when many files were skipped, a copy frees the rest.
  const images = count * 10 >= total * 9 ? out.subarray(0, count * per) : out.slice(0, count * per);
  const skipped = reasons.filter((r): r is SkippedFile => r !== undefined);
  return { images, labels, count, from: Uint32Array.from(from), skipped };
}

/** Options for loading a folder of pictures. */
export interface PictureFolderOptions {
  /** Convas's cache root; decoded sets go in <root>/pictures. Without one nothing is cached. */
  readonly cacheRoot?: string;
  /** Seeds the hold-out of the test part (a folder without test/). */
  readonly seed: number;
  readonly onProgress?: (progress: PictureProgress) => void;
  readonly signal?: AbortSignal;
}

/** A folder of pictures ready for training: both splits at the model's input size, the class names and what was left out. */
export interface PictureDataset {
  readonly layout: FolderScan['layout'];
  readonly classNames: readonly string[];
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly skipped: readonly SkippedFile[];
  /** All files that were left out (skipped lists at most MAX_LISTED_SKIPS of them). */
  readonly skippedCount: number;
  readonly fromCache: boolean;
}

function splitOf(pictures: { images: Uint8Array; labels: Uint8Array; count: number }, size: PictureSize): ImageSet {
  return { ...pictures, height: size.height, width: size.width, channels: size.channels };
}

function countByClass(labels: Uint8Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const l of labels) counts[l]! += 1;
  return counts;
}

/** The checks every folder must pass once decoded: pictures at all, two classes or more, each with training pictures. */
function checkClasses(
  root: string,
  scan: { layout: FolderScan['layout']; classNames: readonly string[] },
  train: Uint8Array,
  test: Uint8Array,
): void {
  const { classNames } = scan;
  if (train.length + test.length === 0) {
    throw new DatasetError(
      'no-images',
      `${root}: holds no picture Convas can read — put PNG, JPEG, WebP, GIF or BMP files in one subfolder per class (or in train/ and test/, each with one subfolder per class)`,
      { subject: root },
    );
  }
  if (classNames.length < 2) {
    throw new DatasetError(
      'one-class',
      `${root}: has only one class (${classNames[0]}) — a classifier needs at least two class subfolders`,
      { subject: classNames[0] ?? '' },
    );
  }
  const prefix = scan.layout === 'split' ? 'train/' : '';
  const trainCounts = countByClass(train, classNames.length);
  const empty = trainCounts.findIndex((n) => n === 0);
  if (empty >= 0) {
    const name = classNames[empty]!;
    throw new DatasetError(
      'empty-class',
      `${join(root, prefix + name)}: holds no picture Convas can read — add pictures to it, or remove it`,
      {
        subject: name,
      },
    );
  }
  if (scan.layout === 'split') {
    const testCounts = countByClass(test, classNames.length);
    const missing = testCounts.findIndex((n) => n === 0);
    if (missing >= 0) {
      const name = classNames[missing]!;
      throw new DatasetError(
        'empty-test-class',
        `${join(root, 'test', name)}: the class ${name} has no test picture — put some in test/${name}`,
        { subject: name },
      );
    }
  }
}

/**
 * Loads a folder of pictures (see scanImageFolder for the layouts) at `size`: from the cache when
 * the same files were decoded at the same size before, else decoded and cached. Throws DatasetError
 * when the folder cannot train a classifier.
 */
export async function loadPictureFolder(root: string, size: PictureSize, options: PictureFolderOptions): Promise<PictureDataset> {
  options.onProgress?.({ phase: 'scan', done: 0, total: null });
  const scan = await scanImageFolder(root);
  if (scan.classNames.length > MAX_CLASSES) {
    throw new DatasetError(
      'bad-label',
      `${root}: has ${formatCount(scan.classNames.length)} class folders; Convas trains at most ${MAX_CLASSES} classes`,
    );
  }
  options.onProgress?.({ phase: 'scan', done: scan.train.length + scan.test.length, total: scan.train.length + scan.test.length });
  const key = pictureCacheKey({
    root,
    size,
    layout: scan.layout,
    classNames: scan.classNames,
    files: [...scan.train, ...scan.test].map((f) => [f.rel, f.size, f.mtimeMs]),
  });
  const cachePath = options.cacheRoot ? join(pictureCacheDir(options.cacheRoot), `${key}.bin`) : undefined;
  let decoded: CachedPictures | undefined;
  if (cachePath) {
    options.onProgress?.({ phase: 'read-cache', done: 0, total: scan.train.length + scan.test.length });
    decoded = await readPictureCache(cachePath);
  }
  const fromCache = decoded !== undefined;
  if (!decoded) {
    const files = [...scan.train, ...scan.test];
    const result = await decodeFiles(files, size, {
      onProgress: (done, total) => options.onProgress?.({ phase: 'decode', done, total }),
      signal: options.signal,
    });
    // Train files came first: the decoded pictures from them are the first `trainCount`.
    let trainCount = 0;
    while (trainCount < result.count && result.from[trainCount]! < scan.train.length) trainCount++;
    const per = size.height * size.width * size.channels;
    decoded = {
      classNames: scan.classNames,
      size,
      train: { images: result.images.subarray(0, trainCount * per), labels: result.labels.subarray(0, trainCount), count: trainCount },
      test: {
        images: result.images.subarray(trainCount * per),
        labels: result.labels.subarray(trainCount),
        count: result.count - trainCount,
      },
      skipped: [...scan.skipped, ...result.skipped],
    };
  }
  checkClasses(root, scan, decoded.train.labels, decoded.test.labels);
  if (cachePath && !fromCache) await writePictureCache(cachePath, decoded).catch(() => undefined);

  const skipped = decoded.skipped.slice(0, MAX_LISTED_SKIPS);
  if (scan.layout === 'split') {
    return {
      layout: scan.layout,
      classNames: scan.classNames,
      train: splitOf(decoded.train, size),
      test: splitOf(decoded.test, size),
      skipped,
      skippedCount: decoded.skipped.length,
      fromCache,
    };
  }

  // No test/ folder: a seeded, stratified part of each class is held out. The pictures are
  // reordered in place (training part first) so that both parts are views of one buffer.
  const all = decoded.train;
  const holdout = stratifiedHoldout(all.labels, TEST_FRACTION, options.seed);
  if (holdout.short.length > 0) {
    const name = scan.classNames[holdout.short[0]!]!;
    throw new DatasetError(
      'empty-test-class',
      `${join(root, name)}: the class ${name} has a single picture, which cannot give both a training and a test picture — add pictures to it`,
      { subject: name },
    );
  }
  const order = new Uint32Array(all.count);
  order.set(holdout.train, 0);
  order.set(holdout.test, holdout.train.length);
  const per = size.height * size.width * size.channels;
  // The cached copy (read or just written) is this process's own: reordering it changes no file.
  permuteRecords(all.images, per, order);
  permuteRecords(all.labels, 1, order);
  const n = holdout.train.length;
  return {
    layout: scan.layout,
    classNames: scan.classNames,
    train: splitOf({ images: all.images.subarray(0, n * per), labels: all.labels.subarray(0, n), count: n }, size),
    test: splitOf({ images: all.images.subarray(n * per), labels: all.labels.subarray(n), count: all.count - n }, size),
    skipped,
    skippedCount: decoded.skipped.length,
    fromCache,
  };
}
