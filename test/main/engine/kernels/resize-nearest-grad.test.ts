import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { resizeNearestGradConfigs } from '../../../../src-main/engine/kernels/resize-nearest-grad';
import { relativeError, valuesOn } from './compare';
import { RESIZE_CASES, expectedGradient, resizeDy, resizeErrors, stockGradient, type ResizeCase } from './resize-cases';

// Taken before any test registers ours: tfjs-backend-cpu's own kernel.
const stockCpu = tf.getKernel(tf.ResizeNearestNeighborGrad, 'cpu')!;

const nearest = (x: tf.Tensor4D, c: ResizeCase) => tf.image.resizeNearestNeighbor(x, c.size, c.alignCorners, c.halfPixelCenters);

describe('ResizeNearestNeighborGrad on wasm and cpu', () => {
  it.each(RESIZE_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    'is the exact gradient of the forward pass on both, which agree: %s',
    async (_, c, i) => {
      const errors = await resizeErrors(nearest, c, 1300 + 2 * i);
      expect(errors.cpu).toBeLessThanOrEqual(1e-4);
      expect(errors.wasm).toBeLessThanOrEqual(1e-4);
      expect(errors.between).toBeLessThanOrEqual(1e-4);
    },
  );

  it('is registered for both backends', async () => {
    await valuesOn('wasm', () => tf.scalar(0));
    await valuesOn('cpu', () => tf.scalar(0));
    for (const c of resizeNearestGradConfigs) expect(tf.getKernel(c.kernelName, c.backendName)?.kernelFunc).toBe(c.kernelFunc);
  });

  it('fixes the stock cpu kernel, which offsets dy by the wrong batch stride', async () => {
    const c = RESIZE_CASES[0]!;
    const dy = resizeDy(c, 5);
    const expected = await expectedGradient(nearest, c, dy);
    const imageSize = expected.length / c.images[0];
    const stock = stockGradient(stockCpu, c, dy).values;
    // The first image is right; the second reads the first's dy.
    expect(relativeError(stock.subarray(0, imageSize), expected.subarray(0, imageSize))).toBeLessThanOrEqual(1e-6);
    expect(relativeError(stock.subarray(imageSize), expected.subarray(imageSize))).toBeGreaterThan(0.1);
  });

  it('fixes the stock cpu kernel, which ignores halfPixelCenters', async () => {
    // One image, so that the batch-stride bug plays no part.
    const c: ResizeCase = { images: [1, 5, 4, 1], size: [7, 9], alignCorners: false, halfPixelCenters: true };
    const dy = resizeDy(c, 6);
    const expected = await expectedGradient(nearest, c, dy);
    expect(relativeError(stockGradient(stockCpu, c, dy).values, expected)).toBeGreaterThan(0.1);
  });
});
