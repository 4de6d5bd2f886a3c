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
 * Registration records for wasm and cpu. The stock cpu kernel returns dx with height and width
 * swapped, so UpSampling2D(interpolation='bilinear') on a non-square input could not train at
 * all ("the gradient … does not match the shape of the input"); both stock kernels ignore
 * halfPixelCenters (Keras's bilinear resize uses half-pixel centres).
 */
export const resizeBilinearGradConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.ResizeBilinearGrad, backendName: 'wasm', kernelFunc: kernels.wasm },
  { kernelName: tf.ResizeBilinearGrad, backendName: 'cpu', kernelFunc: kernels.cpu },
];
