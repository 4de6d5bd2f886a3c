import * as tf from '@tensorflow/tfjs';
import { windowGeometry } from './geometry';
import { depthwiseFilterGradient, depthwiseInfo, type DepthwiseAttrs } from './depthwise-geometry';
import { asWasmBackend, reshaped, runWasmKernel, type KernelArgs } from './wasm-heap';
import { asCpuBackend, cpuF32 } from './cpu-data';

interface Attrs extends DepthwiseAttrs {
  readonly filterShape: [number, number, number, number];
}

function inputsOf(args: KernelArgs): { x: tf.TensorInfo; dy: tf.TensorInfo } {
  return args.inputs as tf.DepthwiseConv2dNativeBackpropFilterInputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
}

/**
 * DepthwiseConv2dNativeBackpropFilter for wasm, which ships without it. dW[kh, kw, c, m] sums
 * x(pixel under tap kh, kw)·dy over every output pixel of every image: a depthwise correlation
 * of x with dy as the filter, with the roles of stride and dilation swapped. Folding the batch
 * into the channels (x as one image of B·C channels, dy as a B·C-channel filter) makes it one
 * stock XNNPACK depthwise convolution, whose [kh, kw, B·C·M] result is summed over the batch.
 */
function depthwiseBackpropFilterWasm(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = inputsOf(args);
  const attrs = args.attrs as unknown as Attrs;
  if (x.dtype !== 'float32' || dy.dtype !== 'float32') throw new Error('DepthwiseConv2dNativeBackpropFilter on wasm supports float32 only');
  const g = windowGeometry(depthwiseInfo(x.shape, attrs.filterShape, attrs));
  const [KH, KW, C, M] = attrs.filterShape;
  const { batch: B, inHeight: H, inWidth: W, outHeight: OH, outWidth: OW } = g;
  // Padding the taps read below and right of the input; padding that is never read (explicit
  // padding beyond the filter's reach) yields extra output taps, cut off below.
  const bottom = (KH - 1) * g.dilationHeight + (OH - 1) * g.strideHeight + 1 - g.padTop - H;
  const right = (KW - 1) * g.dilationWidth + (OW - 1) * g.strideWidth + 1 - g.padLeft - W;
  const backend = asWasmBackend(args.backend);
  const temps: tf.TensorInfo[] = [];
  const temp = (t: tf.TensorInfo) => (temps.push(t), t);
  try {
    const image = temp(runWasmKernel(tf.Transpose, backend, { x }, { perm: [1, 2, 0, 3] }));
    const kernel = temp(runWasmKernel(tf.Transpose, backend, { x: dy }, { perm: [1, 2, 0, 3] }));
    let taps = runWasmKernel(
      tf.DepthwiseConv2dNative,
      backend,
      { x: reshaped(image, [1, H, W, B * C]), filter: reshaped(kernel, [OH, OW, B * C, M]) },
      {
        strides: [g.dilationHeight, g.dilationWidth],
        dilations: [g.strideHeight, g.strideWidth],
        pad: [
          [0, 0],
          [g.padTop, Math.max(0, bottom)],
          [g.padLeft, Math.max(0, right)],
          [0, 0],
        ],
      },
    );
    if (taps.shape[1] !== KH || taps.shape[2] !== KW) {
      const all = temp(taps);
      taps = runWasmKernel(tf.Slice, backend, { x: all }, { begin: [0, 0, 0, 0], size: [1, KH, KW, B * C * M] });
    }
    if (B > 1) {
      const perImage = temp(taps);
      taps = runWasmKernel(tf.Sum, backend, { x: reshaped(perImage, [KH * KW, B, C * M]) }, { axis: [1], keepDims: false });
    }
    return reshaped(taps, [KH, KW, C, M]);
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** The cpu kernel: the stock one ignores dilation (and is slow: see depthwise-geometry). */
function depthwiseBackpropFilterCpu(args: KernelArgs): tf.TensorInfo {
  const { x, dy } = inputsOf(args);
  const attrs = args.attrs as unknown as Attrs;
  const g = windowGeometry(depthwiseInfo(x.shape, attrs.filterShape, attrs));
  const backend = asCpuBackend(args.backend);
  const dw = Float32Array.from(depthwiseFilterGradient(cpuF32(backend, x), cpuF32(backend, dy), g));
  return backend.makeTensorInfo([...attrs.filterShape], 'float32', dw);
}

/** Registration records: wasm lacks the kernel; cpu's ignores dilation. */
export const depthwiseBackpropFilterConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName: 'wasm', kernelFunc: depthwiseBackpropFilterWasm },
  { kernelName: tf.DepthwiseConv2dNativeBackpropFilter, backendName: 'cpu', kernelFunc: depthwiseBackpropFilterCpu },
];
