import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { resizeBilinearGradCpuConfig } from '../../../../src-main/engine/kernels/resize-bilinear-grad';
import { relativeError, valuesOn } from './compare';
import { RESIZE_CASES, expectedGradient, resizeDy, resizeErrors, stockGradient, type ResizeCase } from './resize-cases';

// Taken before any test registers ours: tfjs-backend-cpu's own kernel.
const stockCpu = tf.getKernel(tf.ResizeBilinearGrad, 'cpu')!;

const bilinear = (x: tf.Tensor4D, c: ResizeCase) => tf.image.resizeBilinear(x, c.size, c.alignCorners, c.halfPixelCenters);

describe('ResizeBilinearGrad on wasm and cpu', () => {
  it.each(RESIZE_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    'is the exact gradient of the forward pass on both, which agree: %s',
    async (_, c, i) => {
      const errors = await resizeErrors(bilinear, c, 1400 + 2 * i);
      expect(errors.cpu).toBeLessThanOrEqual(1e-4);
      expect(errors.wasm).toBeLessThanOrEqual(1e-4);
      expect(errors.between).toBeLessThanOrEqual(1e-4);
    },
  );

  it('replaces the cpu kernel and wraps the wasm one (the stock wasm kernel handles what it gets right)', async () => {
    await valuesOn('cpu', () => tf.scalar(0));
    expect(tf.getKernel(tf.ResizeBilinearGrad, 'cpu')?.kernelFunc).toBe(resizeBilinearGradCpuConfig.kernelFunc);
    await valuesOn('wasm', () => tf.scalar(0));
    expect(tf.getKernel(tf.ResizeBilinearGrad, 'wasm')?.setupFunc).toBeDefined();
  });

  it('fixes the stock cpu kernel, which swaps height and width in the shape of dx', async () => {
    const c = RESIZE_CASES[0]!;
    const dy = resizeDy(c, 7);
    const expected = await expectedGradient(bilinear, c, dy);
    const stock = stockGradient(stockCpu, c, dy);
    expect(stock.shape).toEqual([c.images[0], c.images[2], c.images[1], c.images[3]]);
    // The values themselves are laid out as [batch, height, width, channels] and right.
    expect(relativeError(stock.values, expected)).toBeLessThanOrEqual(1e-5);
  });

  it('fixes the stock cpu kernel, which ignores halfPixelCenters', async () => {
    const c = RESIZE_CASES[7]!;
    const dy = resizeDy(c, 8);
    const expected = await expectedGradient(bilinear, c, dy);
    expect(relativeError(stockGradient(stockCpu, c, dy).values, expected)).toBeGreaterThan(0.1);
  });
});
