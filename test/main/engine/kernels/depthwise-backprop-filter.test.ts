import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { depthwiseBackpropFilterConfigs } from '../../../../src-main/engine/kernels/depthwise-backprop-filter';
import { randomValues, relativeError, valuesOn } from './compare';
import { DEPTHWISE_CASES, depthwiseAttrs, depthwiseOutShape, filterGradientFromForward, type DepthwiseCase } from './depthwise-cases';

// Taken before any test registers ours: tfjs-backend-cpu's own kernel.
const stockCpu = tf.getKernel(tf.DepthwiseConv2dNativeBackpropFilter, 'cpu')!;

/** The stock cpu kernel's answer, run directly (ours replaces it in the registry). */
function stockGradient(c: DepthwiseCase, x: Float32Array, dy: Float32Array): Float32Array {
  return tf.tidy(() => {
    const out = stockCpu.kernelFunc({
      inputs: { x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, depthwiseOutShape(c)) },
      backend: tf.backend(),
      attrs: { ...depthwiseAttrs(c), filterShape: c.filter },
    }) as tf.TensorInfo;
    return tf.engine().makeTensorFromTensorInfo(out).dataSync() as Float32Array;
  });
}

function filterGradient(c: DepthwiseCase, x: Float32Array, dy: Float32Array): tf.Tensor {
  return tf
    .engine()
    .runKernel(
      tf.DepthwiseConv2dNativeBackpropFilter,
      { x: tf.tensor4d(x, c.x), dy: tf.tensor4d(dy, depthwiseOutShape(c)) },
      { ...depthwiseAttrs(c), filterShape: c.filter },
    ) as tf.Tensor;
}

describe('DepthwiseConv2dNativeBackpropFilter on wasm and cpu', () => {
  it('provides a kernel the stock wasm backend lacks (runs first: nothing of ours is registered yet)', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    expect(tf.getKernel(tf.DepthwiseConv2dNative, 'wasm')).toBeDefined();
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropFilter, 'wasm')).toBeUndefined();
    await valuesOn('wasm', () => tf.scalar(0));
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropFilter, 'wasm')?.kernelFunc).toBe(depthwiseBackpropFilterConfigs[0]!.kernelFunc);
  });

  it.each(DEPTHWISE_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    'matches the cpu backend, its stock kernel where that is right, and the gradient of the forward pass: %s',
    async (_, c, i) => {
      const x = randomValues(c.x, 800 + i);
      const dy = randomValues(depthwiseOutShape(c), 900 + i);
      const expected = await valuesOn('cpu', () => filterGradientFromForward(c, x, dy));
      const cpu = await valuesOn('cpu', () => filterGradient(c, x, dy));
      const wasm = await valuesOn('wasm', () => filterGradient(c, x, dy));
      expect(wasm.length).toBe(c.filter.reduce((p, d) => p * d, 1));
      expect(relativeError(wasm, cpu)).toBeLessThanOrEqual(1e-4);
      expect(relativeError(cpu, expected)).toBeLessThanOrEqual(1e-4);
      expect(relativeError(wasm, expected)).toBeLessThanOrEqual(1e-4);
      await valuesOn('cpu', () => tf.scalar(0));
      if (c.dilations[0] === 1 && c.dilations[1] === 1) expect(relativeError(wasm, stockGradient(c, x, dy))).toBeLessThanOrEqual(1e-4);
      else expect(relativeError(stockGradient(c, x, dy), expected)).toBeGreaterThan(0.1);
    },
  );

  it('leaves no temporary tensors on the heap', async () => {
    // Same padding and a multiplier of 2: the padded planes and every per-tap temporary are made.
    const c = DEPTHWISE_CASES[1]!;
    await valuesOn('wasm', () => tf.scalar(0));
    const x = tf.tensor4d(randomValues(c.x, 3), c.x);
    const dy = tf.tensor4d(randomValues(depthwiseOutShape(c), 4), depthwiseOutShape(c));
    const before = tf.memory().numDataBuffers;
    const dw = tf
      .engine()
      .runKernel(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { ...depthwiseAttrs(c), filterShape: c.filter }) as tf.Tensor;
    expect(tf.memory().numDataBuffers).toBe(before + 1);
    tf.dispose([dw, x, dy]);
  });
});
