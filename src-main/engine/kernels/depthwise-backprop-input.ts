import * as tf from '@tensorflow/tfjs';
import { spread } from './conv2d-backprop-input';
import { windowGeometry } from './geometry';
import { depthwiseInfo, depthwiseInputGradient, type DepthwiseAttrs } from './depthwise-geometry';
import { asWasmBackend, reshaped, runWasmKernel, type KernelArgs } from './wasm-heap';
import { asCpuBackend, cpuF32 } from './cpu-data';

interface Attrs extends DepthwiseAttrs {
  readonly inputShape: [number, number, number, number];
}

function inputsOf(args: KernelArgs): { dy: tf.TensorInfo; filter: tf.TensorInfo } {
  return args.inputs as tf.DepthwiseConv2dNativeBackpropInputInputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
}

/**
 * DepthwiseConv2dNativeBackpropInput for wasm, which ships without it. dx is itself a depthwise
 * correlation: dy (spread by the stride) with the filter rotated by 180°, seen as C·M channels
 * of multiplier 1, then the M products of each input channel summed. Both steps are stock
 * XNNPACK/C++ kernels; padding that reaches past the filter becomes a crop of the result.
 */
function depthwiseBackpropInputWasm(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = inputsOf(args);
  const attrs = args.attrs as unknown as Attrs;
  if (dy.dtype !== 'float32' || filter.dtype !== 'float32')
    throw new Error('DepthwiseConv2dNativeBackpropInput on wasm supports float32 only');
  const info = depthwiseInfo(attrs.inputShape, filter.shape, attrs);
  const [B, H, W, C] = attrs.inputShape;
  const [KH, KW, , M] = filter.shape as [number, number, number, number];
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  const top = info.effectiveFilterHeight - 1 - padInfo.top;
  const left = info.effectiveFilterWidth - 1 - padInfo.left;
  const bottom = H - (info.outHeight - 1) * sh - 1 + padInfo.top;
  const right = W - (info.outWidth - 1) * sw - 1 + padInfo.left;
  const backend = asWasmBackend(args.backend);
  const temps: tf.TensorInfo[] = [];
  const temp = (t: tf.TensorInfo) => (temps.push(t), t);
  try {
    const flipped = temp(runWasmKernel(tf.Reverse, backend, { x: filter }, { dims: [0, 1] }));
    const source = sh === 1 && sw === 1 ? dy : temp(spread(backend, dy, sh, sw));
    let out = runWasmKernel(
      tf.DepthwiseConv2dNative,
      backend,
      { x: source, filter: reshaped(flipped, [KH, KW, C * M, 1]) },
      {
        strides: 1,
        pad: [
          [0, 0],
          [Math.max(0, top), Math.max(0, bottom)],
          [Math.max(0, left), Math.max(0, right)],
          [0, 0],
        ],
        dilations: [info.dilationHeight, info.dilationWidth],
      },
    );
    if (top < 0 || left < 0 || bottom < 0 || right < 0) {
      const full = temp(out);
      out = runWasmKernel(tf.Slice, backend, { x: full }, { begin: [0, Math.max(0, -top), Math.max(0, -left), 0], size: [B, H, W, C * M] });
    }
    if (M > 1) {
      const products = temp(out);
      out = runWasmKernel(tf.Sum, backend, { x: reshaped(products, [B, H, W, C, M]) }, { axis: [4], keepDims: false });
    }
    return out;
  } finally {
    for (const t of temps) backend.disposeData(t.dataId);
  }
}

/** The cpu kernel: the stock one ignores dilation (and is slow: see depthwise-geometry). */
function depthwiseBackpropInputCpu(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = inputsOf(args);
  const attrs = args.attrs as unknown as Attrs;
  const g = windowGeometry(depthwiseInfo(attrs.inputShape, filter.shape, attrs));
  const backend = asCpuBackend(args.backend);
  const dx = new Float32Array(attrs.inputShape.reduce((p, d) => p * d, 1));
  depthwiseInputGradient(cpuF32(backend, dy), cpuF32(backend, filter), dx, g);
  return backend.makeTensorInfo([...attrs.inputShape], 'float32', dx);
}

/** Registration records: wasm lacks the kernel; cpu's ignores dilation. */
export const depthwiseBackpropInputConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.DepthwiseConv2dNativeBackpropInput, backendName: 'wasm', kernelFunc: depthwiseBackpropInputWasm },
  { kernelName: tf.DepthwiseConv2dNativeBackpropInput, backendName: 'cpu', kernelFunc: depthwiseBackpropInputCpu },
];
