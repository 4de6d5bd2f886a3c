import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randomValues, relativeError, valuesOn } from './compare';

type Pad = 'same' | 'valid' | number;
interface Case {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
}

const cases: Case[] = [
  { x: [2, 7, 7, 1], filter: [3, 3, 1, 4], strides: [1, 1], pad: 'same' },
  { x: [2, 8, 9, 3], filter: [3, 2, 3, 5], strides: [1, 1], pad: 'valid' },
  { x: [3, 9, 8, 2], filter: [3, 3, 2, 2], strides: [2, 2], pad: 'same' },
  { x: [2, 10, 9, 2], filter: [2, 4, 2, 3], strides: [3, 2], pad: 'valid' },
  { x: [1, 9, 9, 2], filter: [5, 5, 2, 3], strides: [2, 1], pad: 'same' },
  { x: [2, 6, 7, 4], filter: [3, 3, 4, 6], strides: [1, 1], pad: 1 },
  { x: [2, 8, 8, 3], filter: [3, 3, 3, 2], strides: [2, 2], pad: 2 },
  { x: [1, 4, 4, 2], filter: [5, 5, 2, 2], strides: [1, 1], pad: 'same' },
  // Padding wider than the filter reaches: handed to the stock kernel.
  { x: [1, 5, 5, 1], filter: [2, 2, 1, 2], strides: [1, 1], pad: 3 },
];

function outShape(c: Case): [number, number, number, number] {
  return tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad).outShape;
}

function inputGradient(c: Case, dy: Float32Array, filter: Float32Array): tf.Tensor {
  return tf
    .engine()
    .runKernel(
      tf.Conv2DBackpropInput,
      { dy: tf.tensor4d(dy, outShape(c)), filter: tf.tensor4d(filter, c.filter) },
      { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x },
    ) as tf.Tensor;
}

describe('Conv2DBackpropInput on wasm', () => {
  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))('matches the cpu backend: %s', async (_, c, i) => {
    const dy = randomValues(outShape(c), 400 + i);
    const filter = randomValues(c.filter, 500 + i);
    const expected = await valuesOn('cpu', () => inputGradient(c, dy, filter));
    const actual = await valuesOn('wasm', () => inputGradient(c, dy, filter));
    expect(actual.length).toBe(c.x.reduce((p, d) => p * d, 1));
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
  });

  it('leaves no temporary tensors on the heap', async () => {
    const c = cases[2]!;
    await valuesOn('wasm', () => tf.scalar(0));
    const [dy, filter] = [tf.tensor4d(randomValues(outShape(c), 1), outShape(c)), tf.tensor4d(randomValues(c.filter, 2), c.filter)];
    const before = tf.memory().numDataBuffers;
    const dx = tf
      .engine()
      .runKernel(
        tf.Conv2DBackpropInput,
        { dy, filter },
        { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x },
      ) as tf.Tensor;
    expect(tf.memory().numDataBuffers).toBe(before + 1);
    tf.dispose([dx, dy, filter]);
  });
});
