import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randomValues, relativeError, valuesOn } from './compare';

interface Case {
  readonly x: [number, number, number, number];
  readonly size: [number, number];
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid';
}

const cases: Case[] = [
  { x: [2, 8, 8, 3], size: [2, 2], strides: [2, 2], pad: 'valid' },
  { x: [2, 7, 9, 2], size: [2, 2], strides: [2, 2], pad: 'same' },
  { x: [1, 9, 9, 4], size: [3, 3], strides: [2, 2], pad: 'same' },
  { x: [2, 6, 6, 2], size: [3, 3], strides: [1, 1], pad: 'same' },
  { x: [2, 6, 7, 1], size: [2, 2], strides: [1, 1], pad: 'valid' },
  { x: [1, 8, 9, 3], size: [2, 3], strides: [1, 2], pad: 'same' },
  // Plain 2×2 windows with 4 channels or more take the SIMD kernel: 10 channels end on an
  // overlapping group of 4, odd sizes leave a row and a column no window covers.
  { x: [2, 8, 8, 10], size: [2, 2], strides: [2, 2], pad: 'valid' },
  { x: [1, 9, 7, 4], size: [2, 2], strides: [2, 2], pad: 'valid' },
  { x: [2, 6, 6, 8], size: [2, 2], strides: [2, 2], pad: 'same' },
];

/** Inputs that stress the cases the stock wasm kernel gets wrong: all-negative windows and ties. */
const inputs: Record<string, (shape: number[], seed: number) => Float32Array> = {
  normal: (shape, seed) => randomValues(shape, seed),
  negative: (shape, seed) => randomValues(shape, seed).map((v) => -1 - Math.abs(v)),
  ties: (shape, seed) => randomValues(shape, seed).map((v) => Math.round(v)),
};

function gradient(c: Case, x: Float32Array, dy: Float32Array): tf.Tensor {
  const pool = (t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.size, c.strides, c.pad);
  return tf.grad(pool)(tf.tensor4d(x, c.x), tf.tensor(dy, pool(tf.zeros(c.x)).shape));
}

describe('MaxPoolGrad on wasm', () => {
  const table = cases.flatMap((c, i) => Object.keys(inputs).map((kind) => [`${JSON.stringify(c)} ${kind}`, c, kind, i] as const));

  it.each(table)('matches the cpu backend: %s', async (_, c, kind, i) => {
    const x = inputs[kind]!(c.x, 30 + i);
    const outShape = tf.backend_util.computePool2DInfo(c.x, c.size, c.strides, 1, c.pad).outShape;
    const dy = randomValues(outShape, 60 + i);
    const expected = await valuesOn('cpu', () => gradient(c, x, dy));
    const actual = await valuesOn('wasm', () => gradient(c, x, dy));
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
  });

  it("routes each window's gradient to its first maximum only", async () => {
    // One 2×2 window holding 5, 5, 1, 5: only the first 5 gets the gradient.
    const dx = await valuesOn('wasm', () =>
      tf.grad((t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'))(
        tf.tensor4d([5, 5, 1, 5], [1, 2, 2, 1]),
        tf.tensor4d([3], [1, 1, 1, 1]),
      ),
    );
    expect(Array.from(dx)).toEqual([3, 0, 0, 0]);
  });
});
