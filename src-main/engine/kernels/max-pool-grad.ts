import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { asWasmBackend, heapF32, wasmMemoryOf, type KernelArgs } from './wasm-heap';
import { simdMaxPool2x2Grad } from './simd/max-pool-grad';

/**
 * Routes each dy value to the first maximum of its window (row-major scan, as the cpu backend
 * and TensorFlow do); a window of NaNs passes nothing. The scan runs over a window's positions
 * with all channels of a pixel at once (one contiguous run per position), keeping each channel's
 * running maximum and where it was in small arrays: this loop is the whole kernel.
 */
export function maxPoolGradient(x: Float32Array, dy: Float32Array, dx: Float32Array, g: WindowGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  const best = new Float32Array(C);
  const at = new Int32Array(C);
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
        best.fill(-Infinity);
        at.fill(-1);
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0, p = ((b * H + ih) * W + w0) * C; iw < w1; iw++, p += C) {
            for (let c = 0; c < C; c++) {
              const v = x[p + c]!;
              if (v > best[c]!) {
                best[c] = v;
                at[c] = p + c;
              }
            }
          }
        }
        for (let c = 0; c < C; c++) if (at[c]! >= 0) dx[at[c]!]! += dy[dyOff + c]!;
      }
    }
  }
}

/** Whether the windows are the common 2×2, stride 2, unpadded ones, each wholly inside the input (see maxPoolGradient2x2). */
export function isPlain2x2(g: WindowGeometry): boolean {
  return (
    g.filterHeight === 2 &&
    g.filterWidth === 2 &&
    g.strideHeight === 2 &&
    g.strideWidth === 2 &&
    g.padTop === 0 &&
    g.padLeft === 0 &&
    2 * g.outHeight <= g.inHeight &&
    2 * g.outWidth <= g.inWidth
  );
}

/**
 * maxPoolGradient for plain 2×2 windows, given the forward output `y`: each window's gradient
 * goes to the first of its four values equal to the window's maximum. A window whose maximum is
 * NaN passes nothing (as the SIMD kernel, which this stands in for with fewer than 4 channels).
 */
export function maxPoolGradient2x2(x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array, g: WindowGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  const down = W * C;
  dx.fill(0);
  let o = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const p0 = ((b * H + 2 * oh) * W + 2 * ow) * C;
        for (let c = 0; c < C; c++, o++) {
          const m = y[o]!;
          const p = p0 + c;
          const q = x[p] === m ? p : x[p + C] === m ? p + C : x[p + down] === m ? p + down : x[p + down + C] === m ? p + down + C : -1;
          if (q >= 0) dx[q] = dy[o]!;
        }
      }
    }
  }
}

/**
 * MaxPoolGrad for wasm: the stock one loses the gradient of windows whose maximum is ≤ 0 and is
 * slow. Plain 2×2 windows (the usual pooling) take the SIMD kernel, which uses the forward output.
 */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { dy, input, output } = args.inputs as tf.MaxPoolGradInputs as { dy: tf.TensorInfo; input: tf.TensorInfo; output: tf.TensorInfo };
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
  const g = windowGeometry(info);
  if (isPlain2x2(g)) {
    const [xs, ys, dys, dxs] = [input, output, dy, dx].map((t) => heapF32(backend, t)) as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const memory = wasmMemoryOf(args.backend);
    const at = (v: Float32Array) => v.byteOffset;
    const geometry = {
      batch: g.batch,
      inHeight: g.inHeight,
      inWidth: g.inWidth,
      channels: g.inChannels,
      outHeight: g.outHeight,
      outWidth: g.outWidth,
    };
    const simd =
      memory && simdMaxPool2x2Grad(memory, new Float32Array(xs.buffer), { x: at(xs), y: at(ys), dy: at(dys), dx: at(dxs), ...geometry });
    if (!simd) maxPoolGradient2x2(xs, ys, dys, dxs, g);
  } else maxPoolGradient(heapF32(backend, input), heapF32(backend, dy), heapF32(backend, dx), g);
  return dx;
}

/** Registration record for the kernel. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
