import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapIndex, runWasmKernel, type KernelArgs, type WasmBackend } from './wasm-heap';

/**
 * dy with (stride − 1) zero rows and columns between its pixels, so that the input gradient of a
 * strided convolution becomes a stride-1 correlation. Runs of channels move with copyWithin.
 */
export function spread(backend: WasmBackend, dy: tf.TensorInfo, sh: number, sw: number): tf.TensorInfo {
  const [b, oh, ow, c] = dy.shape as [number, number, number, number];
  const [h, w] = [(oh - 1) * sh + 1, (ow - 1) * sw + 1];
  const out = backend.makeOutput([b, h, w, c], 'float32');
  const { heap, at: dstAt } = heapIndex(backend, out);
  const srcAt = heapIndex(backend, dy).at;
  heap.fill(0, dstAt, dstAt + b * h * w * c);
  for (let n = 0, s = srcAt; n < b; n++) {
    for (let r = 0; r < oh; r++) {
      for (let q = 0, d = dstAt + (n * h + r * sh) * w * c; q < ow; q++, s += c, d += sw * c) heap.copyWithin(d, s, s + c);
    }
  }
  return out;
}

/**
 * Conv2DBackpropInput for wasm. The stock kernel is a scalar C++ loop (60 ms for one layer of
 * the TensorFlow tutorial's CNN at batch 32); this runs the same arithmetic as one XNNPACK
 * convolution: dx is the correlation of dy (spread by the stride, padded so the output has the
 * input's size) with the filter rotated by 180° and its channel axes swapped.
 */
function conv2dBackpropInput(args: KernelArgs, stock: tf.KernelConfig): tf.TensorInfo | tf.TensorInfo[] {
  const { dy, filter } = args.inputs as tf.Conv2DBackpropInputInputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  if (dataFormat !== 'NHWC' || dy.dtype !== 'float32' || filter.dtype !== 'float32') return stock.kernelFunc(args);
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  const effH = info.effectiveFilterHeight;
  const effW = info.effectiveFilterWidth;
  const top = effH - 1 - padInfo.top;
  const left = effW - 1 - padInfo.left;
  const bottom = info.inHeight - (info.outHeight - 1) * sh - 1 + padInfo.top;
  const right = info.inWidth - (info.outWidth - 1) * sw - 1 + padInfo.left;
  // Padding beyond the filter's reach would need cropping instead; leave such oddities to the stock kernel.
  if (Math.min(top, left, bottom, right) < 0) return stock.kernelFunc(args);
  const backend = asWasmBackend(args.backend);
  const temps: tf.TensorInfo[] = [];
  try {
    const flipped = runWasmKernel(tf.Reverse, backend, { x: filter }, { dims: [0, 1] });
    temps.push(flipped);
    const rotated = runWasmKernel(tf.Transpose, backend, { x: flipped }, { perm: [0, 1, 3, 2] });
    temps.push(rotated);
    const source = sh === 1 && sw === 1 ? dy : spread(backend, dy, sh, sw);
    if (source !== dy) temps.push(source);
    return runWasmKernel(
      tf.Conv2D,
      backend,
      { x: source, filter: rotated },
      {
        strides: 1,
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: [info.dilationHeight, info.dilationWidth],
      },
    );
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** Registration record for the kernel, given the stock one, which still handles what this one does not. */
export function conv2dBackpropInputConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return {
    kernelName: tf.Conv2DBackpropInput,
    backendName: 'wasm',
    kernelFunc: (args) => conv2dBackpropInput(args, stock),
    ...(stock.setupFunc ? { setupFunc: stock.setupFunc } : {}),
  };
}
