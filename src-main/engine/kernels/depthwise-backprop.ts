import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { asWasmBackend, heapF32, type KernelArgs } from './wasm-heap';

/*
 * The two gradients of a depthwise convolution, which the wasm backend ships without (training
 * DepthwiseConv2D or SeparableConv2D there fails with "kernel not registered"). Output channel
 * c·M + m of the forward pass is input channel c convolved with filter[:, :, c, m], as in
 * TensorFlow; both gradients walk every (output pixel, kernel tap) pair once, skipping the taps
 * that fall in the padding.
 */

/** The geometry of a depthwise convolution of `xShape` by `filterShape` [kh, kw, C, M]. */
function depthwiseGeometry(
  xShape: readonly number[],
  filterShape: readonly number[],
  attrs: tf.DepthwiseConv2dNativeBackpropFilterAttrs | tf.DepthwiseConv2dNativeBackpropInputAttrs,
): WindowGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  return windowGeometry(info);
}

/** Calls `tap(xAt, dyAt, wAt)` for each in-bounds (output pixel, kernel tap): the channel-0 offsets in x, dy and the filter. */
function forEachTap(g: WindowGeometry, M: number, tap: (xAt: number, dyAt: number, wAt: number) => void): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = g;
  let dyAt = 0;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const top = oh * g.strideHeight - g.padTop;
      for (let ow = 0; ow < OW; ow++, dyAt += C * M) {
        const left = ow * g.strideWidth - g.padLeft;
        for (let kh = 0; kh < KH; kh++) {
          const ih = top + kh * g.dilationHeight;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = left + kw * g.dilationWidth;
            if (iw < 0 || iw >= W) continue;
            tap(((b * H + ih) * W + iw) * C, dyAt, (kh * KW + kw) * C * M);
          }
        }
      }
    }
  }
}

/** dW[kh, kw, c, m] = Σ x[b, ih, iw, c] · dy[b, oh, ow, c·M + m], summed in float64. */
export function depthwiseFilterGradient(x: Float32Array, dy: Float32Array, dw: Float32Array, g: WindowGeometry, M: number): void {
  const C = g.inChannels;
  const sum = new Float64Array(dw.length);
  forEachTap(g, M, (xAt, dyAt, wAt) => {
    for (let c = 0; c < C; c++) {
      const v = x[xAt + c]!;
      for (let m = 0; m < M; m++) sum[wAt + c * M + m]! += v * dy[dyAt + c * M + m]!;
    }
  });
  dw.set(sum);
}

/** dX[b, ih, iw, c] = Σ dy[b, oh, ow, c·M + m] · W[kh, kw, c, m] over the windows that read the pixel. */
export function depthwiseInputGradient(dy: Float32Array, filter: Float32Array, dx: Float32Array, g: WindowGeometry, M: number): void {
  const C = g.inChannels;
  dx.fill(0);
  forEachTap(g, M, (xAt, dyAt, wAt) => {
    for (let c = 0; c < C; c++) {
      let acc = 0;
      for (let m = 0; m < M; m++) acc += dy[dyAt + c * M + m]! * filter[wAt + c * M + m]!;
      dx[xAt + c]! += acc;
    }
  });
}

function backpropFilter(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.DepthwiseConv2dNativeBackpropFilterAttrs;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('DepthwiseConv2dNativeBackpropFilter on wasm supports float32 only');
  const g = depthwiseGeometry(x.shape, attrs.filterShape, attrs);
  const backend = asWasmBackend(args.backend);
  const out = backend.makeOutput([...attrs.filterShape], 'float32');
  // Views only after the last allocation: a growing heap detaches earlier ones.
  depthwiseFilterGradient(heapF32(backend, x), heapF32(backend, dy), heapF32(backend, out), g, attrs.filterShape[3]);
  return out;
}

function backpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.DepthwiseConv2dNativeBackpropInputAttrs;
  if (dy.dtype !== 'float32' || filter.dtype !== 'float32')
    throw new Error('DepthwiseConv2dNativeBackpropInput on wasm supports float32 only');
  const g = depthwiseGeometry(attrs.inputShape, filter.shape, attrs);
  const backend = asWasmBackend(args.backend);
  const out = backend.makeOutput([...attrs.inputShape], 'float32');
  depthwiseInputGradient(heapF32(backend, dy), heapF32(backend, filter), heapF32(backend, out), g, filter.shape[3]!);
  return out;
}

/** Registration records of both kernels. */
export const depthwiseBackpropConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName: 'wasm', kernelFunc: backpropFilter },
  { kernelName: tf.DepthwiseConv2dNativeBackpropInput, backendName: 'wasm', kernelFunc: backpropInput },
];
