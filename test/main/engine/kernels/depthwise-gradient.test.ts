import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { depthwiseConv2dGradConfig } from '../../../../src-main/engine/kernels/depthwise-gradient';
import { randomValues, relativeError, valuesOn } from './compare';
import { DEPTHWISE_CASES, depthwiseOutShape, filterGradientFromForward, inputGradientFromForward } from './depthwise-cases';

// Taken before any test registers ours: tfjs-core's own gradient.
const stockGradient = tf.getGradient(tf.DepthwiseConv2dNative);

describe('the gradient of DepthwiseConv2dNative', () => {
  it("replaces tfjs-core's, which refuses dilated filters", async () => {
    const x = tf.zeros([1, 5, 5, 1]);
    const filter = tf.zeros([2, 2, 1, 1]);
    const dy = tf.zeros([1, 5, 5, 1]);
    expect(() => stockGradient.gradFunc(dy, [x, filter], { strides: 1, pad: 'same', dilations: [2, 2] })).toThrow(
      /dilation rates greater than 1/,
    );
    await valuesOn('cpu', () => tf.scalar(0));
    expect(tf.getGradient(tf.DepthwiseConv2dNative)).toBe(depthwiseConv2dGradConfig);
  });

  // Two undilated cases (as before) and every dilated one.
  const cases = [DEPTHWISE_CASES[1]!, DEPTHWISE_CASES[2]!, ...DEPTHWISE_CASES.filter((c) => c.dilations.some((d) => d > 1))];
  const table = cases.flatMap((c, i) => (['cpu', 'wasm'] as const).map((b) => [`${b} ${JSON.stringify(c)}`, c, b, i] as const));

  it.each(table)('is the gradient of the forward pass through tf.grads: %s', async (_, c, backend, i) => {
    const x = randomValues(c.x, 1000 + i);
    const filter = randomValues(c.filter, 1100 + i);
    const dy = randomValues(depthwiseOutShape(c), 1200 + i);
    const expectedX = await valuesOn('cpu', () => inputGradientFromForward(c, filter, dy));
    const expectedFilter = await valuesOn('cpu', () => filterGradientFromForward(c, x, dy));
    const grads = (which: 0 | 1) =>
      valuesOn(backend, () => {
        const f = (xs: tf.Tensor, w: tf.Tensor) =>
          tf.sum(
            tf.mul(
              tf.depthwiseConv2d(xs as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations),
              tf.tensor(dy, depthwiseOutShape(c)),
            ),
          );
        return tf.grads(f)([tf.tensor4d(x, c.x), tf.tensor4d(filter, c.filter)])[which]!;
      });
    expect(relativeError(await grads(0), expectedX)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(await grads(1), expectedFilter)).toBeLessThanOrEqual(1e-4);
  });
});
