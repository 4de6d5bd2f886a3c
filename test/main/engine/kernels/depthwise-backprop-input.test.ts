import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { depthwiseBackpropInputConfigs } from '../../../../src-main/engine/kernels/depthwise-backprop-input';
import { randomValues, relativeError, valuesOn } from './compare';
import { DEPTHWISE_CASES, depthwiseAttrs, depthwiseOutShape, inputGradientFromForward, type DepthwiseCase } from './depthwise-cases';

// Taken before any test registers ours: tfjs-backend-cpu's own kernel.
const stockCpu = tf.getKernel(tf.DepthwiseConv2dNativeBackpropInput, 'cpu')!;

/** The stock cpu kernel's answer, run directly (ours replaces it in the registry). */
function stockGradient(c: DepthwiseCase, dy: Float32Array, filter: Float32Array): Float32Array {
  return tf.tidy(() => {
    const out = stockCpu.kernelFunc({
      inputs: { dy: tf.tensor4d(dy, depthwiseOutShape(c)), filter: tf.tensor4d(filter, c.filter) },
      backend: tf.backend(),
      attrs: { ...depthwiseAttrs(c), inputShape: c.x },
    }) as tf.TensorInfo;
    return tf.engine().makeTensorFromTensorInfo(out).dataSync() as Float32Array;
  });
}

function inputGradient(c: DepthwiseCase, dy: Float32Array, filter: Float32Array): tf.Tensor {
  return tf
    .engine()
    .runKernel(
      tf.DepthwiseConv2dNativeBackpropInput,
      { dy: tf.tensor4d(dy, depthwiseOutShape(c)), filter: tf.tensor4d(filter, c.filter) },
      { ...depthwiseAttrs(c), inputShape: c.x },
    ) as tf.Tensor;
}

describe('DepthwiseConv2dNativeBackpropInput on wasm and cpu', () => {
  it('provides a kernel the stock wasm backend lacks (runs first: nothing of ours is registered yet)', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    expect(tf.getKernel(tf.DepthwiseConv2dNative, 'wasm')).toBeDefined();
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropInput, 'wasm')).toBeUndefined();
    await valuesOn('wasm', () => tf.scalar(0));
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropInput, 'wasm')?.kernelFunc).toBe(depthwiseBackpropInputConfigs[0]!.kernelFunc);
  });

  it.each(DEPTHWISE_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    'matches the cpu backend, its stock kernel where that is right, and the gradient of the forward pass: %s',
    async (_, c, i) => {
      const dy = randomValues(depthwiseOutShape(c), 600 + i);
      const filter = randomValues(c.filter, 700 + i);
      const expected = await valuesOn('cpu', () => inputGradientFromForward(c, filter, dy));
      const cpu = await valuesOn('cpu', () => inputGradient(c, dy, filter));
      const wasm = await valuesOn('wasm', () => inputGradient(c, dy, filter));
      expect(wasm.length).toBe(c.x.reduce((p, d) => p * d, 1));
      expect(relativeError(wasm, cpu)).toBeLessThanOrEqual(1e-4);
      expect(relativeError(cpu, expected)).toBeLessThanOrEqual(1e-4);
      expect(relativeError(wasm, expected)).toBeLessThanOrEqual(1e-4);
      await valuesOn('cpu', () => tf.scalar(0));
      if (c.dilations[0] === 1 && c.dilations[1] === 1) expect(relativeError(wasm, stockGradient(c, dy, filter))).toBeLessThanOrEqual(1e-4);
      else expect(relativeError(stockGradient(c, dy, filter), expected)).toBeGreaterThan(0.1);
    },
  );

  it('leaves no temporary tensors on the heap', async () => {
    // Multiplier 3 and padding beyond the filter: every temporary (reverse, sum, crop) is made.
    const c = DEPTHWISE_CASES[7]!;
    await valuesOn('wasm', () => tf.scalar(0));
    const dy = tf.tensor4d(randomValues(depthwiseOutShape(c), 3), depthwiseOutShape(c));
    const filter = tf.tensor4d(randomValues(c.filter, 4), c.filter);
    const before = tf.memory().numDataBuffers;
    const dx = tf
      .engine()
      .runKernel(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter }, { ...depthwiseAttrs(c), inputShape: c.x }) as tf.Tensor;
    expect(tf.memory().numDataBuffers).toBe(before + 1);
    tf.dispose([dx, dy, filter]);
  });
});
