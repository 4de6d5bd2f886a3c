import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { asWasmBackend, heapF32, type KernelArgs } from './wasm-heap';

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
 * goes to the first of its four values equal to the window's maximum, chosen without branches
 * (which a data-dependent maximum search mispredicts half the time). A window whose maximum is NaN
 * is scanned as maxPoolGradient does.
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
          const d = dy[o]!;
          const p = p0 + c;
          if (m !== m) {
            let best = -Infinity;
            let at = -1;
            for (const q of [p, p + C, p + down, p + down + C]) {
              if (x[q]! > best) {
                best = x[q]!;
                at = q;
              }
            }
            if (at >= 0) dx[at] = d;
            continue;
          }
          const e0 = +(x[p] === m);
          const e1 = +(x[p + C] === m) * (1 - e0);
          const e2 = +(x[p + down] === m) * (1 - e0) * (1 - e1);
          const e3 = (1 - e0) * (1 - e1) * (1 - e2);
          // 0 · d would turn an infinite d into NaN where nothing is routed: choose, do not multiply.
          dx[p] = e0 ? d : 0;
          dx[p + C] = e1 ? d : 0;
          dx[p + down] = e2 ? d : 0;
          dx[p + down + C] = e3 ? d : 0;
        }
      }
    }
  }
}

/** MaxPoolGrad for wasm: the stock one loses the gradient of windows whose maximum is ≤ 0 and is slow. */
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
  if (isPlain2x2(g)) maxPoolGradient2x2(heapF32(backend, input), heapF32(backend, output), heapF32(backend, dy), heapF32(backend, dx), g);
  else maxPoolGradient(heapF32(backend, input), heapF32(backend, dy), heapF32(backend, dx), g);
  return dx;
}

/** Registration record for the kernel. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
