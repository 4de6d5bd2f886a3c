import * as tf from '@tensorflow/tfjs';
import { nearestSources } from './resize-axes';
import { asWasmBackend, heapF32, type KernelArgs } from './wasm-heap';
import { asCpuBackend, cpuF32 } from './cpu-data';

/** The resize's geometry: images [batch, inHeight, inWidth, channels] to [batch, outHeight, outWidth, channels]. */
export interface ResizeGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly channels: number;
  readonly alignCorners: boolean;
  readonly halfPixelCenters: boolean;
}

/** Adds each dy pixel's channels into the input pixel the forward pass copied it from. */
export function resizeNearestGradient(dy: Float32Array, dx: Float32Array, g: ResizeGeometry): void {
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, channels: C } = g;
  const rows = nearestSources(H, OH, g.alignCorners, g.halfPixelCenters);
  const cols = nearestSources(W, OW, g.alignCorners, g.halfPixelCenters);
  dx.fill(0);
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let r = 0; r < OH; r++) {
      const rowAt = (b * H + rows[r]!) * W;
      for (let c = 0; c < OW; c++, at += C) {
        const to = (rowAt + cols[c]!) * C;
        for (let d = 0; d < C; d++) dx[to + d]! += dy[at + d]!;
      }
    }
  }
}

/** The geometry of a resize gradient kernel's call. */
export function resizeGeometry(args: KernelArgs): ResizeGeometry {
  const { images, dy } = args.inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
  const { alignCorners, halfPixelCenters } = args.attrs as unknown as tf.ResizeNearestNeighborGradAttrs;
  const [batch, inHeight, inWidth, channels] = images.shape as [number, number, number, number];
  const [, outHeight, outWidth] = dy.shape as [number, number, number, number];
  return { batch, inHeight, inWidth, outHeight, outWidth, channels, alignCorners, halfPixelCenters: halfPixelCenters === true };
}

/** Reads dy and writes dx on either backend, with `gradient` doing the arithmetic. */
export function resizeGradKernels(
  kernelName: string,
  gradient: (dy: Float32Array, dx: Float32Array, g: ResizeGeometry) => void,
): { wasm: tf.KernelFunc; cpu: tf.KernelFunc } {
  const shapes = (args: KernelArgs) => {
    const { images, dy } = args.inputs as { images: tf.TensorInfo; dy: tf.TensorInfo };
    if (dy.dtype !== 'float32') throw new Error(`${kernelName}: expected a float32 dy, got ${dy.dtype}`);
    return { images, dy, g: resizeGeometry(args) };
  };
  return {
    wasm: (args) => {
      const { images, dy, g } = shapes(args);
      const backend = asWasmBackend(args.backend);
      const dx = backend.makeOutput([...images.shape], 'float32');
      gradient(heapF32(backend, dy), heapF32(backend, dx), g);
      return dx;
    },
    cpu: (args) => {
      const { images, dy, g } = shapes(args);
      const backend = asCpuBackend(args.backend);
      const dx = new Float32Array(images.shape.reduce((p, d) => p * d, 1));
      gradient(cpuF32(backend, dy), dx, g);
      return backend.makeTensorInfo([...images.shape], 'float32', dx);
    },
  };
}

const kernels = resizeGradKernels(tf.ResizeNearestNeighborGrad, resizeNearestGradient);

/**
 * Registration records for wasm and cpu. The stock cpu kernel offsets dy by the images' batch
 * stride, so every image after the first got a wrong gradient (UpSampling2D trained wrongly at
 * batch size > 1); both stock kernels ignore halfPixelCenters; this one is also faster than
 * the stock wasm one (a window search per input pixel).
 */
export const resizeNearestGradConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.ResizeNearestNeighborGrad, backendName: 'wasm', kernelFunc: kernels.wasm },
  { kernelName: tf.ResizeNearestNeighborGrad, backendName: 'cpu', kernelFunc: kernels.cpu },
];
