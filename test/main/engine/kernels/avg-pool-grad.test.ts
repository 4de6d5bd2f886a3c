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
  { x: [2, 6, 6, 2], size: [2, 2], strides: [2, 2], pad: 'valid' },
  { x: [2, 5, 5, 1], size: [3, 3], strides: [2, 2], pad: 'same' },
  { x: [1, 6, 7, 3], size: [3, 3], strides: [1, 1], pad: 'same' },
  { x: [2, 7, 6, 2], size: [2, 3], strides: [2, 1], pad: 'same' },
  { x: [1, 7, 7, 2], size: [3, 2], strides: [3, 2], pad: 'valid' },
];

// Taken before any test registers ours: tfjs-backend-cpu's own kernel.
const stockCpu = tf.getKernel(tf.AvgPoolGrad, 'cpu')!;

function outShape(c: Case): [number, number, number, number] {
  return tf.backend_util.computePool2DInfo(c.x, c.size, c.strides, 1, c.pad).outShape;
}

/**
 * The exact gradient, from the forward pass alone: avgPool is linear, so d/dx_i Σ avgPool(x)·dy
 * is Σ avgPool(e_i)·dy for the unit input e_i. Pooling every unit input at once does it.
 */
function gradientFromForward(c: Case, dy: Float32Array): tf.Tensor {
  const n = c.x.reduce((p, d) => p * d, 1);
  const [b, h, w, ch] = c.x;
  const units = tf.reshape(tf.eye(n), [n * b, h, w, ch]) as tf.Tensor4D;
  const pooled = tf.reshape(tf.avgPool(units, c.size, c.strides, c.pad), [n, -1]);
  return tf.reshape(tf.matMul(pooled, tf.tensor2d(dy, [dy.length, 1])), c.x);
}

function gradient(c: Case, x: Float32Array, dy: Float32Array): tf.Tensor {
  return tf.grad((t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, c.size, c.strides, c.pad))(
    tf.tensor4d(x, c.x),
    tf.tensor4d(dy, outShape(c)),
  );
}

describe('AvgPoolGrad on wasm and cpu', () => {
  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))('is the exact gradient of the forward pass: %s', async (_, c, i) => {
    const x = randomValues(c.x, 40 + i);
    const dy = randomValues(outShape(c), 80 + i);
    const expected = await valuesOn('cpu', () => gradientFromForward(c, dy));
    expect(relativeError(await valuesOn('wasm', () => gradient(c, x, dy)), expected)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(await valuesOn('cpu', () => gradient(c, x, dy)), expected)).toBeLessThanOrEqual(1e-4);
  });

  it('fixes the stock kernels, which divide border windows of same padding by the full window area', async () => {
    const c = cases[1]!;
    const dy = randomValues(outShape(c), 5);
    const expected = await valuesOn('cpu', () => gradientFromForward(c, dy));
    expect(tf.getKernel(tf.AvgPoolGrad, 'cpu')?.kernelFunc).not.toBe(stockCpu.kernelFunc);
    const stock = tf.tidy(() => {
      const out = stockCpu.kernelFunc({
        inputs: { dy: tf.tensor4d(dy, outShape(c)), input: tf.zeros(c.x) },
        backend: tf.backend(),
        attrs: { filterSize: c.size, strides: c.strides, pad: c.pad },
      }) as tf.TensorInfo;
      return tf.engine().makeTensorFromTensorInfo(out).dataSync() as Float32Array;
    });
    expect(relativeError(stock, expected)).toBeGreaterThan(0.1);
  });
});
