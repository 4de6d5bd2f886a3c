// Augmentation ops on tiny tensors against results computed by hand, on the wasm backend training
// uses and on the plain cpu backend (their kernels differ).
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adjustBrightness,
  adjustContrast,
  affineResample,
  applyAugmentation,
  augmentBatch,
  batchSeed,
  drawAugmentation,
  flipImages,
  imageLayout,
  rotateImages,
  shiftImages,
} from '../../../../src-main/engine/training/augment';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { augmentationSchema } from '../../../../src-shared/project/training';
import { seededRandom } from '../../../../src-shared/util/random';

/** A batch of `n` h×w images with c channels holding 1, 2, 3 … in NHWC order. */
function counting(n: number, h: number, w: number, c: number): tf.Tensor4D {
  return tf.tensor4d(
    Array.from({ length: n * h * w * c }, (_, i) => i + 1),
    [n, h, w, c],
  );
}

const values = (t: tf.Tensor) => Array.from(t.dataSync());
const close = (a: number[], b: number[], tol: number) => {
  expect(a.length).toBe(b.length);
  const worst = Math.max(0, ...a.map((v, i) => Math.abs(v - b[i]!)));
  expect(worst).toBeLessThan(tol);
};

afterAll(async () => {
  await initBackend('wasm');
});

describe.each(['wasm', 'cpu'] as const)('augmentation ops (%s)', (backend) => {
  it('starts the backend', async () => {
    expect((await initBackend(backend)).name).toBe(backend);
  });

  it('flips exactly the chosen images left to right, every channel alike', () => {
    // Two 2×3 images with two channels: pixel (r, c) of image n holds [v, 10·v].
    const x = tf.tensor4d([1, 10, 2, 20, 3, 30, 4, 40, 5, 50, 6, 60, 7, 70, 8, 80, 9, 90, 10, 100, 11, 110, 12, 120], [2, 2, 3, 2]);
    const out = flipImages(x, [true, false]);
    expect(out.shape).toEqual([2, 2, 3, 2]);
    expect(values(out)).toEqual([3, 30, 2, 20, 1, 10, 6, 60, 5, 50, 4, 40, 7, 70, 8, 80, 9, 90, 10, 100, 11, 110, 12, 120]);
  });

  it('shifts exactly: pad with zeros, crop back at the given offset', () => {
    // One 3×3 image 1…9, padded by 1 to 5×5; crop at (top 0, left 2): rows −1…1, columns 1…3 of the image.
    const x = counting(1, 3, 3, 1);
    expect(values(shiftImages(x, 1, [[0, 2]]))).toEqual([0, 0, 0, 2, 3, 0, 5, 6, 0]);
    // At (pad, pad) the crop is the image itself; at (2, 0) rows 1…3, columns −1…1.
    expect(values(shiftImages(x, 1, [[1, 1]]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(values(shiftImages(x, 1, [[2, 0]]))).toEqual([0, 4, 5, 0, 7, 8, 0, 0, 0]);
    // A shift by the whole pad of 3 on a 3×3 image leaves nothing.
    expect(values(shiftImages(x, 3, [[0, 0]]))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('rotates: 0° is the identity, 90° is a transpose then a flip of the rows (counter-clockwise as seen)', () => {
    const x = counting(2, 4, 4, 3);
    expect(values(rotateImages(x, [0, 0]))).toEqual(values(x));
    const turned = rotateImages(x, [90, 90]);
    // Counter-clockwise: the top row's last pixel (0, 3) comes to the top-left corner.
    const expected = tf.reverse(tf.transpose(x, [0, 2, 1, 3]), 1);
    close(values(turned), values(expected), 1e-5);
    expect(turned.dataSync()[0]).toBeCloseTo(x.dataSync()[3 * 3]!, 5);
    // −90° undoes +90°; 180° reverses both axes.
    close(values(rotateImages(turned, [-90, -90])), values(x), 1e-4);
    close(values(rotateImages(x, [180, 180])), values(tf.reverse(x, [1, 2])), 1e-4);
  });

  it('interpolates bilinearly between pixels and reads 0 outside the image', () => {
    // A half-pixel shift to the right of a 1×3 row [10, 20, 30]: each output reads x + 0.5.
    const x = tf.tensor4d([10, 20, 30], [1, 1, 3, 1]);
    expect(values(affineResample(x, [[1, 0, 0.5, 0, 1, 0]]))).toEqual([15, 25, 15]);
    // 45° on a 3×3 image: the centre stays where it is.
    const y = counting(1, 3, 3, 1);
    const r = values(rotateImages(y, [45]));
    expect(r[4]).toBeCloseTo(5, 5);
    // Corner (0, 0): u = v = −1 reads x = 1 + u·cos − v·sin = 1, y = 1 + u·sin + v·cos = 1 − √2, between row −1 (outside, 0)
    // and row 0 of column 1 (the value 2), with weight 2 − √2 on row 0.
    expect(r[0]).toBeCloseTo((2 - Math.SQRT2) * 2, 5);
  });

  it('brightness adds δ and clips to 0–1; contrast scales about each channel mean and clips', () => {
    const x = tf.tensor4d([0.1, 0.5, 0.9, 0.2, 0.4, 0.6, 0.8, 1.0], [2, 2, 2, 1]);
    close(values(adjustBrightness(x, [0.2, -0.5])), [0.3, 0.7, 1, 0.4, 0, 0.1, 0.3, 0.5], 1e-6);
    // Image 1: mean (0.1 + 0.5 + 0.9 + 0.2) / 4 = 0.425; factor 2 → (v − 0.425)·2 + 0.425.
    // Image 2: mean 0.7; factor 0.5 → (v − 0.7)·0.5 + 0.7.
    const contrast = values(adjustContrast(x, [2, 0.5]));
    close(contrast, [0, 0.575, 1, 0, 0.55, 0.65, 0.75, 0.85], 1e-6);
    // Channels have their own means: [0, 1] and [1, 0] pixels of two channels scaled by 0.5 meet at 0.5 each.
    const two = tf.tensor4d([0, 1, 1, 0], [1, 1, 2, 2]);
    close(values(adjustContrast(two, [0.5])), [0.25, 0.75, 0.75, 0.25], 1e-6);
  });

  it('one draw combines flip, shift and rotation into a single resampling', () => {
    const x = counting(1, 3, 3, 1);
    // Flip, then crop at (1, 0) of the 1-padded image (a shift one pixel right).
    const out = applyAugmentation(x, { flip: [true], crop: { pad: 1, offsets: [[1, 0]] } });
    expect(values(out)).toEqual([0, 3, 2, 0, 6, 5, 0, 9, 8]);
  });
});

describe('seeded augmentation of a batch', () => {
  const all = augmentationSchema.parse({ flip: true, shift: 2, rotation: 15, brightness: 0.2, contrast: 0.3 });

  it('is reproducible: the same seed gives the same batch, another seed another', async () => {
    await initBackend('wasm');
    const x = tf.randomUniform([8, 6, 6, 3], 0, 1, 'float32', 7);
    const a = values(augmentBatch(x, all, 11));
    const b = values(augmentBatch(x, all, 11));
    const c = values(augmentBatch(x, all, 12));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).not.toEqual(values(x));
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
  });

  it('draws each choice within its setting', () => {
    const draw = drawAugmentation(all, 500, seededRandom(3));
    expect(draw.flip!.filter(Boolean).length).toBeGreaterThan(200);
    expect(draw.flip!.filter(Boolean).length).toBeLessThan(300);
    expect(draw.crop!.offsets.flat().every((o) => Number.isInteger(o) && o >= 0 && o <= 4)).toBe(true);
    expect(new Set(draw.crop!.offsets.map(([t]) => t)).size).toBe(5);
    expect(draw.degrees!.every((d) => Math.abs(d) <= 15)).toBe(true);
    expect(draw.brightness!.every((d) => Math.abs(d) <= 0.2)).toBe(true);
    expect(draw.contrast!.every((f) => f >= 0.7 && f <= 1.3)).toBe(true);
    // Nothing drawn for what is off.
    expect(drawAugmentation(augmentationSchema.parse({ flip: true }), 3, seededRandom(3))).toEqual({ flip: expect.any(Array) });
  });

  it('leaves a batch alone when everything is off, and treats a square flat input as a grayscale image', () => {
    const x = tf.randomUniform([2, 16]);
    expect(augmentBatch(x, augmentationSchema.parse({}), 1)).toBe(x);
    expect(imageLayout([16])).toEqual([4, 4, 1]);
    expect(imageLayout([15])).toBeNull();
    expect(imageLayout([28, 28, 3])).toEqual([28, 28, 3]);
    expect(imageLayout([5, 7])).toEqual([5, 7, 1]);
    const flipped = augmentBatch(x, augmentationSchema.parse({ flip: true }), 5);
    expect(flipped.shape).toEqual([2, 16]);
    const layout = values(x.reshape([2, 4, 4, 1]).reverse(2));
    const plain = values(x);
    // Each flat image came out either as it was or mirrored as a 4×4 picture.
    for (let n = 0; n < 2; n++) {
      const got = values(flipped).slice(n * 16, n * 16 + 16);
      expect([plain.slice(n * 16, n * 16 + 16), layout.slice(n * 16, n * 16 + 16)]).toContainEqual(got);
    }
  });

  it('seeds batches apart by epoch and batch', () => {
    const seeds = new Set<number>();
    for (let e = 1; e <= 5; e++) for (let b = 0; b < 100; b++) seeds.add(batchSeed(42, e, b));
    expect(seeds.size).toBe(500);
    expect(batchSeed(42, 1, 0)).toBe(batchSeed(42, 1, 0));
    expect(batchSeed(42, 1, 0)).not.toBe(batchSeed(43, 1, 0));
  });
});
