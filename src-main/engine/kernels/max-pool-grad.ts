import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { asWasmBackend, heapF32, type KernelArgs } from './wasm-heap';

/**
 * Routes each dy value to the first maximum of its window (row-major scan, as the cpu backend
 * and TensorFlow do); a window of NaNs passes nothing. Window bounds are computed once per
 * output pixel and the running maximum stays in locals: this loop is the whole kernel.
 */
export function maxPoolGradient(x: Float32Array, dy: Float32Array, dx: Float32Array, g: WindowGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  dx.fill(0);
  let dyOff = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const top = oh * g.strideHeight - g.padTop;
      const h0 = Math.max(0, top);
      const h1 = Math.min(H, top + g.filterHeight);
      for (let ow = 0; ow < OW; ow++, dyOff += C) {
        const left = ow * g.strideWidth - g.padLeft;
        const w0 = Math.max(0, left);
        const w1 = Math.min(W, left + g.filterWidth);
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let at = -1;
          for (let ih = h0; ih < h1; ih++) {
            for (let iw = w0, p = ((b * H + ih) * W + w0) * C + c; iw < w1; iw++, p += C) {
              const v = x[p]!;
              if (v > best) {
                best = v;
                at = p;
              }
            }
          }
          if (at >= 0) dx[at]! += dy[dyOff + c]!;
        }
      }
    }
  }
}

/** MaxPoolGrad for wasm: the stock one loses the gradient of windows whose maximum is ≤ 0 and is slow. */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { dy, input } = args.inputs as tf.MaxPoolGradInputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const backend = asWasmBackend(args.backend);
  const dx = backend.makeOutput([...input.shape], 'float32');
  maxPoolGradient(heapF32(backend, input), heapF32(backend, dy), heapF32(backend, dx), windowGeometry(info));
  return dx;
}

/** Registration record for the kernel. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
