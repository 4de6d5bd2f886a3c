// Decoded pictures on disk, so a second run on the same folder starts at once: one file per
// (files, input size) — a header, then each split's labels and pixels as they are held in memory.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import type { PictureSize } from './image-decode';
import type { SkippedFile } from './image-folder';

const MAGIC = new TextEncoder().encode('CONVASPX');
/** Raised whenever what is stored or how pictures are decoded changes: older files are then simply not found. */
const FORMAT = 1;
/** Decoded sets kept at once; the least recently used go first (each can be 150 MB). */
const KEEP = 4;

/** One split as stored: labels and count × height × width × channels pixels. */
export interface CachedSplit {
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** A decoded dataset as the cache holds it. */
export interface CachedPictures {
  readonly classNames: readonly string[];
  readonly size: PictureSize;
  readonly train: CachedSplit;
  readonly test: CachedSplit;
  readonly skipped: readonly SkippedFile[];
}

interface Header {
  readonly format: number;
  readonly classNames: readonly string[];
  readonly size: PictureSize;
  readonly train: number;
  readonly test: number;
  readonly skipped: readonly SkippedFile[];
}

/** The folder decoded sets live in, under Convas's cache root. */
export function pictureCacheDir(cacheRoot: string): string {
  return join(cacheRoot, 'pictures');
}

/** A file name for what was decoded: anything JSON-serialisable that changes when the inputs change (files, sizes, times, target size). */
export function pictureCacheKey(inputs: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ format: FORMAT, inputs }))
    .digest('hex')
    .slice(0, 32);
}

/** Reads a decoded set; undefined when there is none or it does not hold what its header says (then it is decoded again). */
export async function readPictureCache(path: string): Promise<CachedPictures | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  try {
    if (bytes.length < MAGIC.length + 4 || !MAGIC.every((b, i) => bytes[i] === b)) return undefined;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    let at = MAGIC.length + 4;
    const header = JSON.parse(bytes.subarray(at, at + headerLength).toString('utf8')) as Header;
    at += headerLength;
    if (header.format !== FORMAT) return undefined;
    const per = header.size.height * header.size.width * header.size.channels;
    if (bytes.length !== at + (header.train + header.test) * (per + 1)) return undefined;
    const split = (count: number): CachedSplit => {
      const labels = new Uint8Array(bytes.buffer, bytes.byteOffset + at, count);
      const images = new Uint8Array(bytes.buffer, bytes.byteOffset + at + count, count * per);
      at += count * (per + 1);
      return { images, labels, count };
    };
    const train = split(header.train);
    const test = split(header.test);
    // Touched, so that the least recently used sets are the ones pruned.
    await utimes(path, new Date(), new Date()).catch(() => undefined);
    return { classNames: header.classNames, size: header.size, train, test, skipped: header.skipped };
  } catch {
    return undefined;
  }
}

/** Stores a decoded set (atomically), then removes the oldest sets beyond the few kept. Failing to write only costs the next run its head start. */
export async function writePictureCache(path: string, pictures: CachedPictures): Promise<void> {
  const header: Header = {
    format: FORMAT,
    classNames: pictures.classNames,
    size: pictures.size,
    train: pictures.train.count,
    test: pictures.test.count,
    skipped: pictures.skipped,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, json.length, true);
  await writeFileAtomic(path, [
    MAGIC,
    length,
    json,
    pictures.train.labels,
    pictures.train.images,
    pictures.test.labels,
    pictures.test.images,
  ]);
  await prune(join(path, '..'), path);
}

async function prune(dir: string, keep: string): Promise<void> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.bin'));
  if (names.length <= KEEP) return;
  const used = await Promise.all(
    names.map(async (n) => ({
      n,
      t: await stat(join(dir, n)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    })),
  );
  used.sort((a, b) => b.t - a.t);
  for (const { n } of used.slice(KEEP)) if (join(dir, n) !== keep) await rm(join(dir, n), { force: true });
}
