import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { batchTensors, exampleValues, examplesOf, inputBytes, inputShape, toExamples } from '../../../../src-main/engine/training/examples';
import type { InputAdapter } from '../../../../src-shared/training/compatibility';

/** Two 28×28 images: image n has pixel value n + 1 at (0, 0) and 200 at (27, 27). */
function twoImages(): Uint8Array {
  const px = new Uint8Array(2 * 784);
  for (let n = 0; n < 2; n++) {
    px[n * 784] = n + 1;
    px[n * 784 + 783] = 200;
  }
  return px;
}

describe('examples as bytes', () => {
  it('pads 28×28 images into a larger input and repeats them over its channels, one byte per value', () => {
    const adapter: InputAdapter = { kind: 'image', height: 32, width: 32, channels: 3, padTop: 2, padLeft: 2 };
    const bytes = inputBytes(twoImages(), 'all', adapter);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(2 * 32 * 32 * 3);
    const at = (n: number, r: number, c: number, k: number) => bytes[n * 3072 + (r * 32 + c) * 3 + k];
    expect([at(1, 2, 2, 0), at(1, 2, 2, 1), at(1, 2, 2, 2)]).toEqual([2, 2, 2]);
    expect(at(0, 29, 29, 2)).toBe(200);
    expect(at(0, 0, 0, 0)).toBe(0);
  });

  it('uses pictures already at the input size as they are, without a copy', () => {
    const adapter: InputAdapter = { kind: 'resized', height: 2, width: 2, channels: 3, shape: [2, 2, 3] };
    const px = new Uint8Array(5 * 12);
    expect(inputBytes(px, 'all', adapter)).toBe(px);
    expect(inputShape(adapter)).toEqual([2, 2, 3]);
  });

  it('converts to float per batch: pixels / 255 of the examples asked for, through the split’s index, with one-hot labels', () => {
    const adapter: InputAdapter = { kind: 'resized', height: 1, width: 2, channels: 1, shape: [1, 2] };
    const pixels = Uint8Array.from([0, 255, 51, 102, 153, 204]);
    const labels = Uint8Array.from([0, 1, 2]);
    // A split of records 2 and 0 (training and validation share `pixels`).
    const ex = examplesOf(pixels, labels, [2, 0], inputShape(adapter));
    expect(Array.from(ex.labels)).toEqual([2, 0]);
    const { x, y } = batchTensors(ex, [0, 1], 3);
    expect(x.shape).toEqual([2, 1, 2]);
    expect(Array.from(x.dataSync())).toEqual([0.6, 0.8, 0, 1].map((v) => Math.fround(v)));
    expect(Array.from(y.dataSync())).toEqual([0, 0, 1, 1, 0, 0]);
    tf.dispose([x, y]);
    expect(Array.from(exampleValues(ex, 0))).toEqual([0.6, 0.8].map((v) => Math.fround(v)));
  });

  it('copies only the records asked for when converting a few', () => {
    const ex = toExamples(twoImages(), Uint8Array.from([4, 7]), [1], { kind: 'flat' });
    expect(ex.count).toBe(1);
    expect(ex.pixels.length).toBe(784);
    expect(Array.from(ex.labels)).toEqual([7]);
    expect(exampleValues(ex, 0)[0]).toBeCloseTo(2 / 255, 6);
  });
});
