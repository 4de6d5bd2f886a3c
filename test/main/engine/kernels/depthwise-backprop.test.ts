import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { depthwiseFilterGradient, depthwiseInputGradient } from '../../../../src-main/engine/kernels/depthwise-backprop';
import { windowGeometry } from '../../../../src-main/engine/kernels/geometry';
import { randomValues, relativeError, valuesOn } from './compare';

type Pad = 'same' | 'valid' | number;
interface Case {
  readonly x: [number, number, number, number];
  /** [kh, kw, channels, depth multiplier] */
  readonly filter: [number, number, number, number];
  readonly strides: [number, number];
  readonly pad: Pad;
  readonly dilations: [number, number];
}

const cases: Case[] = [
  { x: [2, 7, 7, 3], filter: [3, 3, 3, 1], strides: [1, 1], pad: 'same', dilations: [1, 1] },
  { x: [2, 9, 8, 2], filter: [3, 3, 2, 3], strides: [2, 2], pad: 'same', dilations: [1, 1] },
  { x: [1, 10, 9, 4], filter: [2, 4, 4, 2], strides: [3, 2], pad: 'valid', dilations: [1, 1] },
  { x: [2, 6, 7, 1], filter: [3, 3, 1, 4], strides: [1, 1], pad: 1, dilations: [1, 1] },
  { x: [1, 4, 4, 2], filter: [5, 5, 2, 1], strides: [1, 1], pad: 'same', dilations: [1, 1] },
];

const info = (c: Case) => tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, c.dilations, c.pad, undefined, true);
const attrs = (c: Case) => ({ strides: c.strides, pad: c.pad, dilations: c.dilations });

function filterGradient(c: Case, x: Float32Array, dy: Float32Array): tf.Tensor {
  const inputs = { x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, info(c).outShape) };
  return tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropFilter, inputs, { ...attrs(c), filterShape: c.filter }) as tf.Tensor;
}

function inputGradient(c: Case, dy: Float32Array, filter: Float32Array): tf.Tensor {
  const inputs = { dy: tf.tensor4d(dy, info(c).outShape), filter: tf.tensor4d(filter, c.filter) };
  return tf.engine().runKernel(tf.DepthwiseConv2dNativeBackpropInput, inputs, { ...attrs(c), inputShape: c.x }) as tf.Tensor;
}

describe('the depthwise convolution gradients on wasm', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))('match the cpu backend: %s', async (_, c, i) => {
    const x = randomValues(c.x, 10 + i);
    const dy = randomValues(info(c).outShape, 100 + i);
    const filter = randomValues(c.filter, 200 + i);
    const dwCpu = await valuesOn('cpu', () => filterGradient(c, x, dy));
    const dwWasm = await valuesOn('wasm', () => filterGradient(c, x, dy));
    expect(dwWasm.length).toBe(c.filter.reduce((p, d) => p * d, 1));
    expect(relativeError(dwWasm, dwCpu)).toBeLessThanOrEqual(1e-4);
    const dxCpu = await valuesOn('cpu', () => inputGradient(c, dy, filter));
    const dxWasm = await valuesOn('wasm', () => inputGradient(c, dy, filter));
    expect(dxWasm.length).toBe(c.x.reduce((p, d) => p * d, 1));
    expect(relativeError(dxWasm, dxCpu)).toBeLessThanOrEqual(1e-4);
  });

  // tfjs's cpu kernels ignore dilation (its gradient refuses it before they run), so the dilated
  // reference is the undilated gradient of the same kernel with zeros between its taps.
  it('with dilation, equal the gradients of the zero-stuffed kernel without dilation', async () => {
    const c: Case = { x: [1, 9, 10, 2], filter: [3, 2, 2, 2], strides: [1, 1], pad: 'same', dilations: [2, 3] };
    const [kh, kw, C, M] = c.filter;
    const [eh, ew] = [(kh - 1) * 2 + 1, (kw - 1) * 3 + 1];
    const stuffed: Case = { ...c, filter: [eh, ew, C, M], dilations: [1, 1] };
    const x = randomValues(c.x, 5);
    const dy = randomValues(info(c).outShape, 6);
    const filter = randomValues(c.filter, 7);
    const tap = (i: number, j: number) => (i * 2 * ew + j * 3) * C * M;
    const wide = new Float32Array(eh * ew * C * M);
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++) wide.set(filter.subarray((i * kw + j) * C * M, (i * kw + j + 1) * C * M), tap(i, j));
    const dwWide = await valuesOn('cpu', () => filterGradient(stuffed, x, dy));
    const expectedDw = new Float32Array(filter.length);
    for (let i = 0; i < kh; i++)
      for (let j = 0; j < kw; j++) expectedDw.set(dwWide.subarray(tap(i, j), tap(i, j) + C * M), (i * kw + j) * C * M);
    expect(relativeError(await valuesOn('wasm', () => filterGradient(c, x, dy)), expectedDw)).toBeLessThanOrEqual(1e-4);
    const expectedDx = await valuesOn('cpu', () => inputGradient(stuffed, dy, wide));
    expect(relativeError(await valuesOn('wasm', () => inputGradient(c, dy, filter)), expectedDx)).toBeLessThanOrEqual(1e-4);
  });

  it('are the gradients of tf.depthwiseConv2d on wasm itself', async () => {
    const c = cases[1]!;
    const x = tf.tensor4d(randomValues(c.x, 1), c.x);
    const w = tf.tensor4d(randomValues(c.filter, 2), c.filter);
    const loss = (a: tf.Tensor, b: tf.Tensor) =>
      tf
        .depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, 'same')
        .square()
        .sum();
    const [dx, dw] = tf.grads(loss)([x, w]);
    const onCpu = await (async () => {
      await initBackend('cpu');
      const [cx, cw] = tf.grads(loss)([tf.tensor4d(randomValues(c.x, 1), c.x), tf.tensor4d(randomValues(c.filter, 2), c.filter)]);
      return [await cx!.data(), await cw!.data()];
    })();
    await initBackend('wasm');
    expect(relativeError(await dx!.data(), onCpu[0]!)).toBeLessThanOrEqual(1e-4);
    expect(relativeError(await dw!.data(), onCpu[1]!)).toBeLessThanOrEqual(1e-4);
  });

  it('route each output channel c·M + m to input channel c and filter [:, :, c, m] (a 1×1 filter by hand)', () => {
    // x: one pixel, channels [2, 3]; M = 2; dy for output channels [c0m0, c0m1, c1m0, c1m1] = [1, 10, 100, 1000].
    const g = windowGeometry(tf.backend_util.computeConv2DInfo([1, 1, 1, 2], [1, 1, 2, 2], 1, 1, 'valid', undefined, true));
    const dw = new Float32Array(4);
    depthwiseFilterGradient(Float32Array.from([2, 3]), Float32Array.from([1, 10, 100, 1000]), dw, g, 2);
    expect([...dw]).toEqual([2, 20, 300, 3000]);
    const dx = new Float32Array(2);
    depthwiseInputGradient(Float32Array.from([1, 10, 100, 1000]), Float32Array.from([1, 2, 3, 4]), dx, g, 2);
    expect([...dx]).toEqual([1 * 1 + 10 * 2, 100 * 3 + 1000 * 4]);
  });
});
