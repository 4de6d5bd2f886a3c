import * as tf from '@tensorflow/tfjs';
import { randomValues, relativeError, valuesOn } from './compare';

/** One resize: images [batch, height, width, channels] to `size`, with tfjs's two coordinate options. */
export interface ResizeCase {
  readonly images: [number, number, number, number];
  readonly size: [number, number];
  readonly alignCorners: boolean;
  readonly halfPixelCenters: boolean;
}

/** Batches of several images, non-square inputs, UpSampling2D's integer factors, fractional and shrinking sizes, both options. */
export const RESIZE_CASES: readonly ResizeCase[] = [
  { images: [2, 4, 5, 2], size: [8, 15], alignCorners: false, halfPixelCenters: false },
  { images: [1, 4, 4, 1], size: [8, 8], alignCorners: false, halfPixelCenters: false },
  { images: [3, 3, 5, 2], size: [9, 10], alignCorners: false, halfPixelCenters: false },
  { images: [2, 5, 4, 1], size: [7, 9], alignCorners: false, halfPixelCenters: false },
  { images: [1, 6, 6, 2], size: [4, 3], alignCorners: false, halfPixelCenters: false },
  { images: [2, 5, 4, 3], size: [7, 9], alignCorners: true, halfPixelCenters: false },
  { images: [2, 5, 4, 1], size: [7, 9], alignCorners: false, halfPixelCenters: true },
  { images: [2, 3, 4, 2], size: [6, 8], alignCorners: false, halfPixelCenters: true },
];

type Resize = (images: tf.Tensor4D, c: ResizeCase) => tf.Tensor4D;

function outShape(c: ResizeCase): number[] {
  return [c.images[0], ...c.size, c.images[3]];
}

/**
 * The exact gradient from the forward pass alone: a resize is linear, so d/dx_i Σ resize(x)·dy
 * is Σ resize(e_i)·dy for the unit image e_i; every unit goes through as one batch.
 */
function gradientFromForward(resize: Resize, c: ResizeCase, dy: Float32Array): tf.Tensor {
  const n = c.images.reduce((p, d) => p * d, 1);
  const [b, h, w, ch] = c.images;
  const units = tf.reshape(tf.eye(n), [n * b, h, w, ch]) as tf.Tensor4D;
  const y = tf.reshape(resize(units, c), [n, -1]);
  return tf.reshape(tf.matMul(y, tf.tensor2d(dy, [dy.length, 1])), c.images);
}

function gradient(resize: Resize, c: ResizeCase, x: Float32Array, dy: Float32Array): tf.Tensor {
  return tf.grad((t: tf.Tensor) => resize(t as tf.Tensor4D, c))(tf.tensor4d(x, c.images), tf.tensor(dy, outShape(c)));
}

/** How far each backend's gradient is from its own forward pass's, and wasm's from cpu's. */
export async function resizeErrors(resize: Resize, c: ResizeCase, seed: number): Promise<{ cpu: number; wasm: number; between: number }> {
  const x = randomValues(c.images, seed);
  const dy = randomValues(outShape(c), seed + 1);
  const cpu = await valuesOn('cpu', () => gradient(resize, c, x, dy));
  const cpuExpected = await valuesOn('cpu', () => gradientFromForward(resize, c, dy));
  const wasm = await valuesOn('wasm', () => gradient(resize, c, x, dy));
  const wasmExpected = await valuesOn('wasm', () => gradientFromForward(resize, c, dy));
  return { cpu: relativeError(cpu, cpuExpected), wasm: relativeError(wasm, wasmExpected), between: relativeError(wasm, cpu) };
}

/** A stock kernel's dx for the case, run directly on the active backend, with the shape it claims. */
export function stockGradient(kernel: tf.KernelConfig, c: ResizeCase, dy: Float32Array): { values: Float32Array; shape: number[] } {
  return tf.tidy(() => {
    const out = kernel.kernelFunc({
      inputs: { images: tf.zeros(c.images), dy: tf.tensor(dy, outShape(c)) },
      backend: tf.backend(),
      attrs: { alignCorners: c.alignCorners, halfPixelCenters: c.halfPixelCenters, size: c.size },
    }) as tf.TensorInfo;
    const t = tf.engine().makeTensorFromTensorInfo(out);
    return { values: t.dataSync() as Float32Array, shape: t.shape };
  });
}

/** The case's exact input gradient (from the forward pass on cpu) for `dy`. */
export function expectedGradient(resize: Resize, c: ResizeCase, dy: Float32Array): Promise<Float32Array> {
  return valuesOn('cpu', () => gradientFromForward(resize, c, dy));
}

/** Seeded dy for the case. */
export function resizeDy(c: ResizeCase, seed: number): Float32Array {
  return randomValues(outShape(c), seed);
}
