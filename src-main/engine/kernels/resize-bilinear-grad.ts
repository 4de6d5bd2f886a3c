import * as tf from '@tensorflow/tfjs';
import { bilinearTaps } from './resize-axes';
import { resizeGradKernels, type ResizeGeometry } from './resize-nearest-grad';

/** Spreads each dy pixel over the (up to) four input pixels the forward pass blended, with the same weights. */
export function resizeBilinearGradient(dy: Float32Array, dx: Float32Array, g: ResizeGeometry): void {
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, channels: C } = g;
  const rows = bilinearTaps(H, OH, g.alignCorners, g.halfPixelCenters);
  const cols = bilinearTaps(W, OW, g.alignCorners, g.halfPixelCenters);
  dx.fill(0);
  let at = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let r = 0; r < OH; r++) {
      const fr = rows.frac[r]!;
      const topAt = (b * H + rows.low[r]!) * W;
      const bottomAt = (b * H + rows.high[r]!) * W;
      for (let c = 0; c < OW; c++, at += C) {
        const fc = cols.frac[c]!;
        const [left, right] = [cols.low[c]!, cols.high[c]!];
        const tl = (topAt + left) * C;
        const tr = (topAt + right) * C;
        const bl = (bottomAt + left) * C;
        const br = (bottomAt + right) * C;
        const [wtl, wtr, wbl, wbr] = [(1 - fr) * (1 - fc), (1 - fr) * fc, fr * (1 - fc), fr * fc];
        for (let d = 0; d < C; d++) {
          const v = dy[at + d]!;
          dx[tl + d]! += v * wtl;
          dx[tr + d]! += v * wtr;
          dx[bl + d]! += v * wbl;
          dx[br + d]! += v * wbr;
        }
      }
    }
  }
}

const kernels = resizeGradKernels(tf.ResizeBilinearGrad, resizeBilinearGradient);

/**
 * Registration record for cpu. The stock kernel returns dx with height and width swapped, so
 * UpSampling2D(interpolation='bilinear') on a non-square input could not train at all ("the
 * gradient … does not match the shape of the input"), and it ignores halfPixelCenters (which
 * Keras's bilinear resize uses).
 */
export const resizeBilinearGradCpuConfig: tf.KernelConfig = {
  kernelName: tf.ResizeBilinearGrad,
  backendName: 'cpu',
  kernelFunc: kernels.cpu,
};

/**
 * Registration record for wasm, given the stock kernel: right, and twice as fast as this one,
 * except that it ignores halfPixelCenters, which this one handles.
 */
export function resizeBilinearGradWasmConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.ResizeBilinearGrad,
    backendName: 'wasm',
    kernelFunc: (args) =>
      (args.attrs as unknown as tf.ResizeBilinearGradAttrs).halfPixelCenters ? kernels.wasm(args) : stock.kernelFunc(args),
    // The stock kernel binds its C++ function in setup.
    ...(stock.setupFunc ? { setupFunc: stock.setupFunc } : {}),
  };
}
