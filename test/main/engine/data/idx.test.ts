import { afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx, parseIdxImages, parseIdxLabels, readIdxImages, readIdxLabels } from '../../../../src-main/engine/data/idx';
import { DatasetError } from '../../../../src-main/engine/data/errors';
import { tempDirs, tinyDataset } from './helpers';

const temps = tempDirs();
afterEach(() => temps.cleanup());

/** Runs `f` and returns the DatasetError it throws (failing the test if it throws nothing or something else). */
async function datasetError(f: () => unknown): Promise<DatasetError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('expected a DatasetError, but nothing was thrown');
}

async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(await temps.make(), name);
  await writeFile(path, bytes);
  return path;
}

describe('IDX reader', () => {
  const { images, labels } = tinyDataset(12);
  const imageBytes = encodeIdx(images, [12, 28, 28]);
  const labelBytes = encodeIdx(labels, [12]);

  it('reads raw and gzipped files to the same values', async () => {
    const raw = await readIdxImages(await writeTemp('train-images-idx3-ubyte', imageBytes));
    const gz = await readIdxImages(await writeTemp('train-images-idx3-ubyte.gz', gzipSync(imageBytes)));
    for (const set of [raw, gz]) {
      expect([set.count, set.height, set.width]).toEqual([12, 28, 28]);
      expect(set.data).toEqual(images);
      expect(set.data.byteOffset).toBe(0);
    }
    const l = await readIdxLabels(await writeTemp('train-labels-idx1-ubyte.gz', gzipSync(labelBytes)));
    expect(l.count).toBe(12);
    expect(Array.from(l.data)).toEqual(Array.from(labels));
  });

  it('rejects a file that is not IDX (bad magic) and names the file', async () => {
    const bad = imageBytes.slice();
    bad[0] = 0x50; // "P…", e.g. an HTML error page saved under the dataset's name
    const path = await writeTemp('train-images-idx3-ubyte', bad);
    const e = await datasetError(() => readIdxImages(path));
    expect(e.code).toBe('bad-magic');
    expect(e.message).toContain(path);
    expect(e.message).toContain('0x00000803');
  });

  it('rejects value types other than unsigned bytes', async () => {
    const bad = imageBytes.slice();
    bad[2] = 0x0d; // float32
    const e = await datasetError(() => parseIdxImages(bad, 'train-images-idx3-ubyte'));
    expect(e.code).toBe('bad-type');
    expect(e.message).toContain('float32');
  });

  it('rejects a labels file read as images and vice versa (wrong rank)', async () => {
    const asImages = await datasetError(() => parseIdxImages(labelBytes, 'train-labels-idx1-ubyte'));
    expect(asImages.code).toBe('bad-rank');
    expect(asImages.message).toMatch(/rank-1 .* must be rank 3 .* labels file\?/);
    const asLabels = await datasetError(() => parseIdxLabels(imageBytes, 'train-images-idx3-ubyte'));
    expect(asLabels.code).toBe('bad-rank');
  });

  it('rejects a truncated file with the numbers and what to do', async () => {
    const path = await writeTemp('train-images-idx3-ubyte.gz', gzipSync(imageBytes.subarray(0, 16 + 1234)));
    const e = await datasetError(() => readIdxImages(path));
    expect(e.code).toBe('truncated');
    expect(e.message).toBe(
      `${path}: file is truncated: header says 12×28×28 = 9,408 pixels but only 1,234 bytes follow — download it again`,
    );
  });

  it('rejects a file cut inside its header', async () => {
    expect((await datasetError(() => parseIdxImages(imageBytes.subarray(0, 10), 'f'))).code).toBe('truncated');
    expect((await datasetError(() => parseIdxImages(imageBytes.subarray(0, 2), 'f'))).code).toBe('truncated');
  });

  it('rejects trailing bytes after the announced data', async () => {
    const longer = new Uint8Array(labelBytes.length + 3);
    longer.set(labelBytes);
    const e = await datasetError(() => parseIdxLabels(longer, 'train-labels-idx1-ubyte'));
    expect(e.code).toBe('trailing-bytes');
    expect(e.message).toContain('3 unexpected bytes');
  });

  it('rejects wrong dimensions: a header that does not match the data, and empty dimensions', async () => {
    // Header says 12×28×29: the data is 12 pixels short of that.
    const wrong = imageBytes.slice();
    new DataView(wrong.buffer).setUint32(12, 29);
    expect((await datasetError(() => parseIdxImages(wrong, 'f'))).code).toBe('truncated');
    // Header says 12×27×28: 336 bytes too many.
    new DataView(wrong.buffer).setUint32(12, 28);
    new DataView(wrong.buffer).setUint32(8, 27);
    expect((await datasetError(() => parseIdxImages(wrong, 'f'))).code).toBe('trailing-bytes');
    const empty = encodeIdx(new Uint8Array(0), [0, 28, 28]);
    expect((await datasetError(() => parseIdxImages(empty, 'f'))).code).toBe('bad-dimensions');
  });

  it('rejects gzip garbage and a cut-off gzip stream', async () => {
    const garbage = new Uint8Array(200).fill(0xab);
    garbage[0] = 0x1f;
    garbage[1] = 0x8b;
    const path = await writeTemp('t10k-images-idx3-ubyte.gz', garbage);
    const e = await datasetError(() => readIdxImages(path));
    expect(e.code).toBe('bad-gzip');
    expect(e.message).toContain(path);
    expect(e.message).toContain('download it again');

    const gz = gzipSync(imageBytes);
    const cut = await writeTemp('t10k-images-idx3-ubyte.gz', gz.subarray(0, gz.length >> 1));
    expect((await datasetError(() => readIdxImages(cut))).code).toBe('bad-gzip');
  });

  it('says so when the file does not exist', async () => {
    const path = join(await temps.make(), 'nope.gz');
    const e = await datasetError(() => readIdxLabels(path));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain(path);
  });
});
