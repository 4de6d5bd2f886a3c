import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeFiles, loadPictureFolder, type PictureProgress } from '../../../../src-main/engine/data/pictures';
import { scanImageFolder } from '../../../../src-main/engine/data/image-folder';
import type { PictureSize } from '../../../../src-main/engine/data/image-decode';
import { DatasetError } from '../../../../src-main/engine/data/errors';
import { tempDirs } from './helpers';
import { encodePicture, rgbPixels, writeClass, writeSolid } from './picture-helpers';

const temps = tempDirs();
afterEach(() => temps.cleanup());

const RGB8: PictureSize = { height: 8, width: 8, channels: 3 };
const RED = [220, 30, 30] as const;
const BLUE = [30, 30, 220] as const;
const GREEN = [30, 200, 30] as const;

/** The mean colour of each picture of a split. */
function meanColours(set: { images: Uint8Array; count: number; channels: number; height: number; width: number }): number[][] {
  const per = set.height * set.width * set.channels;
  return Array.from({ length: set.count }, (_, n) => {
    const sums = new Array<number>(set.channels).fill(0);
    for (let i = 0; i < per; i++) sums[i % set.channels]! += set.images[n * per + i]!;
    return sums.map((s) => s / (per / set.channels));
  });
}

async function failure(p: Promise<unknown>): Promise<DatasetError> {
  const e = await p.then(
    () => new Error('expected the folder to be refused'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DatasetError);
  return e as DatasetError;
}

describe('decodeFiles', () => {
  it('decodes in file order, closes the gaps of unusable files and lists them with why', async () => {
    const root = await temps.make();
    await writeSolid(join(root, 'a', '0.png'), RED, 'png');
    await writeFile(join(root, 'a', '1.png'), '');
    await writeFile(join(root, 'a', '2.txt'), 'not a picture');
    const png = await encodePicture(
      rgbPixels(16, 16, () => [1, 2, 3]),
      16,
      16,
      'png',
    );
    await writeFile(join(root, 'a', '3.png'), png.subarray(0, 40));
    await writeSolid(join(root, 'a', '4.bmp'), BLUE, 'bmp');
    const scan = await scanImageFolder(root);
    const seen: number[] = [];
    const decoded = await decodeFiles(scan.train, RGB8, { onProgress: (done) => seen.push(done), concurrency: 3 });
    expect(decoded.count).toBe(2);
    expect(Array.from(decoded.from)).toEqual([0, 4]);
    expect(decoded.images.length).toBe(2 * 8 * 8 * 3);
    expect(meanColours({ ...decoded, ...RGB8 })).toEqual([[...RED], [...BLUE]]);
    expect(decoded.skipped).toEqual([
      { file: 'a/1.png', reason: 'empty' },
      { file: 'a/2.txt', reason: 'not-image' },
      { file: 'a/3.png', reason: 'corrupt' },
    ]);
    expect(seen.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('loadPictureFolder', () => {
  it('loads class folders of mixed formats and sizes, holds out a stratified, seeded test part and reports skipped files', async () => {
    const root = await temps.make();
    await writeClass(join(root, 'red'), RED, 10, 1);
    await writeClass(join(root, 'blue'), BLUE, 5, 2);
    await writeFile(join(root, 'blue', 'broken.jpg'), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await writeFile(join(root, 'red', 'labels.csv'), 'a,b\n');
    await writeFile(join(root, 'red', 'empty.png'), '');
    const progress: PictureProgress[] = [];
    const data = await loadPictureFolder(root, RGB8, { seed: 7, onProgress: (p) => progress.push(p) });
    expect(data.layout).toBe('classes');
    expect(data.classNames).toEqual(['blue', 'red']);
    // 20% of each class, at least one: blue 5 → 1, red 10 → 2.
    expect([data.train.count, data.test.count]).toEqual([12, 3]);
    const count = (labels: Uint8Array, c: number) => labels.filter((l) => l === c).length;
    expect([count(data.test.labels, 0), count(data.test.labels, 1)]).toEqual([1, 2]);
    expect([data.train.height, data.train.width, data.train.channels]).toEqual([8, 8, 3]);
    // Every picture kept its own label through the reordering: blue ones are blue, red ones red.
    for (const split of [data.train, data.test]) {
      meanColours(split).forEach(([r, , b], n) => expect(split.labels[n] === 0 ? b! > r! : r! > b!).toBe(true));
    }
    expect(data.skipped).toEqual([
      { file: 'blue/broken.jpg', reason: 'corrupt' },
      { file: 'red/empty.png', reason: 'empty' },
      { file: 'red/labels.csv', reason: 'not-image' },
    ]);
    expect(data.skippedCount).toBe(3);
    expect(data.fromCache).toBe(false);
    expect(progress[0]).toEqual({ phase: 'scan', done: 0, total: null });
    expect(progress.filter((p) => p.phase === 'decode').at(-1)).toEqual({ phase: 'decode', done: 18, total: 18 });

    // Same seed, same split; another seed, another one.
    const again = await loadPictureFolder(root, RGB8, { seed: 7 });
    expect(Array.from(again.test.images)).toEqual(Array.from(data.test.images));
    const other = await loadPictureFolder(root, RGB8, { seed: 8 });
    expect(Array.from(other.test.images)).not.toEqual(Array.from(data.test.images));
  });

  it('keeps train/ and test/ as given, converted to grayscale at the size asked', async () => {
    const root = await temps.make();
    await writeClass(join(root, 'train', 'dark'), [20, 20, 20], 4, 1);
    await writeClass(join(root, 'train', 'light'), [230, 230, 230], 4, 2);
    await writeClass(join(root, 'test', 'dark'), [20, 20, 20], 2, 3);
    await writeClass(join(root, 'test', 'light'), [230, 230, 230], 3, 4);
    const data = await loadPictureFolder(root, { height: 5, width: 7, channels: 1 }, { seed: 1 });
    expect(data.layout).toBe('split');
    expect([data.train.count, data.test.count]).toEqual([8, 5]);
    expect(data.test.images.length).toBe(5 * 5 * 7);
    expect(Array.from(data.test.labels)).toEqual([0, 0, 1, 1, 1]);
    expect(meanColours(data.test).map(([v]) => v! < 128)).toEqual([true, true, false, false, false]);
  });

  it('refuses, by code and with the class named, what cannot train a classifier', async () => {
    const root = await temps.make();
    const empty = join(root, 'empty');
    await mkdir(join(empty, 'a'), { recursive: true });
    await writeFile(join(empty, 'a', 'notes.txt'), 'hi');
    expect(await failure(loadPictureFolder(empty, RGB8, { seed: 1 }))).toMatchObject({ code: 'no-images' });

    const one = join(root, 'one');
    await writeClass(join(one, 'only'), RED, 3);
    expect(await failure(loadPictureFolder(one, RGB8, { seed: 1 }))).toMatchObject({ code: 'one-class', subject: 'only' });

    const hollow = join(root, 'hollow');
    await writeClass(join(hollow, 'a'), RED, 3);
    await mkdir(join(hollow, 'b'), { recursive: true });
    await writeFile(join(hollow, 'b', 'x.png'), 'not really');
    const e = await failure(loadPictureFolder(hollow, RGB8, { seed: 1 }));
    expect(e).toMatchObject({ code: 'empty-class', subject: 'b' });
    expect(e.message).toMatch(/b: holds no picture Convas can read/);

    const single = join(root, 'single');
    await writeClass(join(single, 'a'), RED, 3);
    await writeClass(join(single, 'b'), BLUE, 1);
    expect(await failure(loadPictureFolder(single, RGB8, { seed: 1 }))).toMatchObject({ code: 'empty-test-class', subject: 'b' });

    const split = join(root, 'split');
    await writeClass(join(split, 'train', 'a'), RED, 2);
    await writeClass(join(split, 'train', 'b'), BLUE, 2);
    await writeClass(join(split, 'test', 'a'), RED, 1);
    await mkdir(join(split, 'test', 'b'), { recursive: true });
    const noTest = await failure(loadPictureFolder(split, RGB8, { seed: 1 }));
    expect(noTest).toMatchObject({ code: 'empty-test-class', subject: 'b' });
    expect(noTest.message).toMatch(/put some in test\/b/);
  });

  it('caches a decoded folder by its files and size: the second run reads it, a changed file or size decodes again', async () => {
    const root = await temps.make();
    const cacheRoot = await temps.make();
    const reds = await writeClass(join(root, 'red'), RED, 4);
    await writeClass(join(root, 'green'), GREEN, 4);
    await writeFile(join(root, 'green', 'junk.bin'), 'junk');
    const first = await loadPictureFolder(root, RGB8, { seed: 3, cacheRoot });
    expect(first.fromCache).toBe(false);
    expect(await readdir(join(cacheRoot, 'pictures'))).toHaveLength(1);

    const phases: string[] = [];
    const second = await loadPictureFolder(root, RGB8, { seed: 3, cacheRoot, onProgress: (p) => phases.push(p.phase) });
    expect(second.fromCache).toBe(true);
    expect(phases).not.toContain('decode');
    expect(Array.from(second.train.images)).toEqual(Array.from(first.train.images));
    expect(Array.from(second.test.labels)).toEqual(Array.from(first.test.labels));
    expect(second.skipped).toEqual([{ file: 'green/junk.bin', reason: 'not-image' }]);

    // Another input size is another set.
    expect((await loadPictureFolder(root, { height: 4, width: 4, channels: 1 }, { seed: 3, cacheRoot })).fromCache).toBe(false);
    // A file touched (same bytes, new time) makes the folder's set stale.
    const later = new Date(Date.now() + 5000);
    await utimes(join(root, 'red', reds[0]!), later, later);
    expect((await loadPictureFolder(root, RGB8, { seed: 3, cacheRoot })).fromCache).toBe(false);
    expect((await loadPictureFolder(root, RGB8, { seed: 3, cacheRoot })).fromCache).toBe(true);
  });

  it('decodes again when the cached file is damaged', async () => {
    const root = await temps.make();
    const cacheRoot = await temps.make();
    await writeClass(join(root, 'red'), RED, 3);
    await writeClass(join(root, 'blue'), BLUE, 3);
    await loadPictureFolder(root, RGB8, { seed: 1, cacheRoot });
    const [name] = await readdir(join(cacheRoot, 'pictures'));
    await writeFile(join(cacheRoot, 'pictures', name!), 'CONVASPX and then garbage');
    const again = await loadPictureFolder(root, RGB8, { seed: 1, cacheRoot });
    expect(again.fromCache).toBe(false);
    expect(again.train.count + again.test.count).toBe(6);
  });
});
