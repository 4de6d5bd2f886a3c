import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { conv2dFilterGradient } from '../../../../src-main/engine/kernels/conv2d-backprop-filter';
import { windowGeometry } from '../../../../src-main/engine/kernels/geometry';
import { asWasmBackend } from '../../../../src-main/engine/kernels/wasm-heap';
import { randomValues, relativeError, valuesOn } from './compare';

type Pad = 'same' | 'valid' | number;
interface Case {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
}

// One input channel takes the column-wise patch path, several the row-wise one.
const cases: Case[] = [
  { x: [2, 7, 7, 1], filter: [3, 3, 1, 4], strides: [1, 1], pad: 'same' },
  { x: [3, 9, 8, 1], filter: [3, 3, 1, 2], strides: [2, 2], pad: 'same' },
  { x: [2, 10, 9, 1], filter: [2, 4, 1, 3], strides: [3, 2], pad: 'valid' },
  { x: [2, 8, 9, 3], filter: [3, 2, 3, 5], strides: [2, 2], pad: 'valid' },
  { x: [1, 9, 9, 2], filter: [5, 5, 2, 3], strides: [2, 1], pad: 'same' },
  { x: [2, 6, 7, 4], filter: [3, 3, 4, 6], strides: [1, 1], pad: 1 },
  { x: [2, 5, 5, 3], filter: [1, 1, 3, 2], strides: [1, 1], pad: 'valid' },
  { x: [1, 4, 4, 2], filter: [5, 5, 2, 2], strides: [1, 1], pad: 'same' },
  // The lecture's layer (the SIMD tap kernel: 10 channels, two groups of 4 and two single sums),
  // and one with more output channels than that kernel takes (patch matrices and XNNPACK).
  { x: [3, 28, 28, 1], filter: [3, 3, 1, 10], strides: [1, 1], pad: 'same' },
  { x: [2, 6, 6, 2], filter: [3, 3, 2, 30], strides: [1, 1], pad: 'same' },
];

function outShape(c: Case): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
  return info.outShape;
}

function filterGradient(c: Case, x: Float32Array, dy: Float32Array): tf.Tensor {
  return tf
    .engine()
    .runKernel(
      tf.Conv2DBackpropFilter,
      { x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, outShape(c)) },
      { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter },
    ) as tf.Tensor;
}

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))('matches the cpu backend: %s', async (_, c, i) => {
    const x = randomValues(c.x, 10 + i);
    const dy = randomValues(outShape(c), 100 + i);
    const expected = await valuesOn('cpu', () => filterGradient(c, x, dy));
    const actual = await valuesOn('wasm', () => filterGradient(c, x, dy));
    expect(actual.length).toBe(c.filter.reduce((p, d) => p * d, 1));
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
  });

  it('gives the same sums when cut into blocks of output rows, and tap by tap', async () => {
    for (const c of [cases[0]!, cases[3]!]) {
      await initBackend('wasm');
      const x = tf.tensor4d(randomValues(c.x, 7), c.x);
      const dy = tf.tensor4d(randomValues(outShape(c), 8), outShape(c));
      const g = windowGeometry(tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad));
      const backend = asWasmBackend(tf.backend());
      const read = (maxPatchFloats?: number, taps = false) => {
        const out = conv2dFilterGradient(backend, x, dy, g, c.filter, maxPatchFloats, taps);
        const values = tf.backend().readSync(out.dataId) as Float32Array;
        backend.disposeData(out.dataId);
        return values;
      };
      // A block of one output row at a time versus everything at once.
      expect(relativeError(read(1), read())).toBeLessThanOrEqual(1e-6);
      expect(relativeError(read(undefined, true), read())).toBeLessThanOrEqual(1e-6);
      tf.dispose([x, dy]);
    }
  });

  it('handles dilated filters (checked against the cpu gradient of the equivalent zero-stuffed filter)', async () => {
    const xShape: [number, number, number, number] = [2, 9, 10, 2];
    const [kh, kw, d] = [3, 2, 2];
    const effective: [number, number, number, number] = [(kh - 1) * d + 1, (kw - 1) * d + 1, 2, 3];
    const info = tf.backend_util.computeConv2DInfo(xShape, [kh, kw, 2, 3], 1, d, 'same');
    const x = randomValues(xShape, 3);
    const dy = randomValues(info.outShape, 4);
    const stuffed = await valuesOn(
      'cpu',
      () =>
        tf.engine().runKernel(
          tf.Conv2DBackpropFilter,
          { x: tf.tensor4d(x, xShape), dy: tf.tensor4d(dy, info.outShape) },
          // 'same' padding depends only on the effective filter size, so the padding matches.
          { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: effective },
        ) as tf.Tensor,
    );
    const expected = tf.tidy(
      () => tf.tensor4d(stuffed, effective).stridedSlice([0, 0, 0, 0], effective, [d, d, 1, 1]).dataSync() as Float32Array,
    );
    await initBackend('wasm');
    const backend = asWasmBackend(tf.backend());
    const [xt, dyt] = [tf.tensor4d(x, xShape), tf.tensor4d(dy, info.outShape)];
    const out = conv2dFilterGradient(backend, xt, dyt, windowGeometry(info), [kh, kw, 2, 3]);
    const actual = tf.backend().readSync(out.dataId) as Float32Array;
    backend.disposeData(out.dataId);
    tf.dispose([xt, dyt]);
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
  });

  it('trains a convolution end to end: gradients of a conv layer match the cpu backend', async () => {
    const xs = randomValues([4, 8, 8, 2], 21);
    const w = randomValues([3, 3, 2, 5], 22);
    const grads = (backend: 'cpu' | 'wasm') =>
      valuesOn(backend, () => {
        const f = (x: tf.Tensor, filter: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, 2, 'same')));
        const [, dw] = tf.grads(f)([tf.tensor4d(xs, [4, 8, 8, 2]), tf.tensor4d(w, [3, 3, 2, 5])]);
        return dw!;
      });
    expect(relativeError(await grads('wasm'), await grads('cpu'))).toBeLessThanOrEqual(1e-4);
  });
});
