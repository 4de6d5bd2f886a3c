import * as tf from '@tensorflow/tfjs';

type Pad = 'same' | 'valid' | number;

/** One depthwise convolution: input, filter [kh, kw, channels, multiplier], strides, padding, dilation. */
export interface DepthwiseCase {
  readonly x: [number, number, number, number];
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
  readonly dilations: [number, number];
}

/** Strides, paddings, dilations, multipliers and odd sizes the backprop kernels must all get right. */
export const DEPTHWISE_CASES: readonly DepthwiseCase[] = [
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 1], strides: [1, 1], pad: 'same', dilations: [1, 1] },
  { x: [2, 8, 9, 2], filter: [3, 3, 2, 2], strides: [2, 2], pad: 'same', dilations: [1, 1] },
  { x: [1, 9, 8, 3], filter: [2, 3, 3, 3], strides: [2, 1], pad: 'valid', dilations: [1, 1] },
  { x: [2, 7, 6, 4], filter: [5, 5, 4, 1], strides: [3, 3], pad: 'same', dilations: [1, 1] },
  { x: [2, 6, 7, 2], filter: [3, 2, 2, 2], strides: [1, 2], pad: 'valid', dilations: [1, 1] },
  { x: [1, 6, 7, 2], filter: [3, 2, 2, 2], strides: [1, 1], pad: 1, dilations: [1, 1] },
  // A filter larger than the input, and explicit padding beyond the filter's reach.
  { x: [1, 4, 4, 2], filter: [5, 5, 2, 1], strides: [1, 1], pad: 'same', dilations: [1, 1] },
  { x: [1, 5, 5, 1], filter: [2, 2, 1, 2], strides: [1, 1], pad: 3, dilations: [1, 1] },
  // Dilated: the stock cpu kernels ignore the dilation.
  { x: [2, 9, 9, 2], filter: [3, 3, 2, 2], strides: [1, 1], pad: 'same', dilations: [2, 2] },
  { x: [1, 10, 9, 3], filter: [3, 2, 3, 1], strides: [1, 1], pad: 'valid', dilations: [2, 3] },
  { x: [2, 8, 7, 1], filter: [2, 2, 1, 3], strides: [1, 1], pad: 'same', dilations: [3, 3] },
];

/** The case's output shape. */
export function depthwiseOutShape(c: DepthwiseCase): [number, number, number, number] {
  return tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad, undefined, true).outShape;
}

/** The case's attributes, as the backprop kernels take them. */
export function depthwiseAttrs(c: DepthwiseCase): { strides: [number, number]; pad: Pad; dilations: [number, number] } {
  return { strides: c.strides, pad: c.pad, dilations: c.dilations };
}

const forward = (c: DepthwiseCase, x: tf.Tensor4D, filter: tf.Tensor4D) =>
  tf.depthwiseConv2d(x, filter, c.strides, c.pad, 'NHWC', c.dilations);

/**
 * dx from the forward pass alone: the convolution is linear in x, so d/dx_i Σ y·dy is
 * Σ y(e_i)·dy for the unit input e_i; every unit input goes through as one batch.
 */
export function inputGradientFromForward(c: DepthwiseCase, filter: Float32Array, dy: Float32Array): tf.Tensor {
  const n = c.x.reduce((p, d) => p * d, 1);
  const [b, h, w, ch] = c.x;
  const units = tf.reshape(tf.eye(n), [n * b, h, w, ch]) as tf.Tensor4D;
  const y = tf.reshape(forward(c, units, tf.tensor4d(filter, c.filter)), [n, -1]);
  return tf.reshape(tf.matMul(y, tf.tensor2d(dy, [dy.length, 1])), c.x);
}

/** dW from the forward pass alone, one unit filter at a time (it is linear in the filter too). */
export function filterGradientFromForward(c: DepthwiseCase, x: Float32Array, dy: Float32Array): tf.Tensor {
  const k = c.filter.reduce((p, d) => p * d, 1);
  const xs = tf.tensor4d(x, c.x);
  const dyT = tf.tensor1d(dy);
  const values = Array.from({ length: k }, (_, i) => {
    const unit = tf.reshape(tf.cast(tf.oneHot(tf.tensor1d([i], 'int32'), k), 'float32'), c.filter) as tf.Tensor4D;
    return tf.sum(tf.mul(tf.reshape(forward(c, xs, unit), [-1]), dyT));
  });
  return tf.reshape(tf.stack(values), c.filter);
}
