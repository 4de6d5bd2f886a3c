import * as tf from '@tensorflow/tfjs';
import { windowGeometry, type WindowGeometry } from './geometry';
import { asWasmBackend, heapF32, type KernelArgs } from './wasm-heap';
import { asCpuBackend, cpuF32 } from './cpu-data';

/**
 * Spreads each dy value evenly over the input pixels its window covers. The divisor is the
 * number of real pixels in the window, not the window's area: that is how the forward pass
 * (tfjs and Keras alike) averages windows that hang over 'same' padding.
 */
export function avgPoolGradient(dy: Float32Array, dx: Float32Array, g: WindowGeometry): void {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = g;
  dx.fill(0);
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const top = oh * g.strideHeight - g.padTop;
      const h0 = Math.max(0, top);
      const h1 = Math.min(H, top + g.filterHeight);
      for (let ow = 0; ow < OW; ow++) {
        const left = ow * g.strideWidth - g.padLeft;
        const w0 = Math.max(0, left);
        const w1 = Math.min(W, left + g.filterWidth);
        const count = (h1 - h0) * (w1 - w0);
        if (count <= 0) continue;
        const dyOff = ((b * OH + oh) * OW + ow) * C;
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0; iw < w1; iw++) {
            const base = ((b * H + ih) * W + iw) * C;
            for (let c = 0; c < C; c++) dx[base + c]! += dy[dyOff + c]! / count;
          }
        }
      }
    }
  }
}

function geometryOf(args: KernelArgs, input: tf.TensorInfo): WindowGeometry {
  const { filterSize, strides, pad } = args.attrs as unknown as tf.AvgPoolGradAttrs;
  return windowGeometry(tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad));
}

function inputsOf(args: KernelArgs): { dy: tf.TensorInfo; input: tf.TensorInfo } {
  return args.inputs as tf.AvgPoolGradInputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
}

function avgPoolGradWasm(args: KernelArgs): tf.TensorInfo {
  const { dy, input } = inputsOf(args);
  const backend = asWasmBackend(args.backend);
  const dx = backend.makeOutput([...input.shape], 'float32');
  avgPoolGradient(heapF32(backend, dy), heapF32(backend, dx), geometryOf(args, input));
  return dx;
}

function avgPoolGradCpu(args: KernelArgs): tf.TensorInfo {
  const { dy, input } = inputsOf(args);
  const backend = asCpuBackend(args.backend);
  const dx = new Float32Array(input.shape.reduce((p, d) => p * d, 1));
  avgPoolGradient(cpuF32(backend, dy), dx, geometryOf(args, input));
  return backend.makeTensorInfo([...input.shape], 'float32', dx);
}

/**
 * Registration records for wasm and cpu. Both stock kernels divide by the full window area even
 * where the window covers padding, so the gradient of AveragePooling2D(padding='same') did not
 * match its own forward pass (nor Keras) at the borders.
 */
export const avgPoolGradConfigs: readonly tf.KernelConfig[] = [
  { kernelName: tf.AvgPoolGrad, backendName: 'wasm', kernelFunc: avgPoolGradWasm },
  { kernelName: tf.AvgPoolGrad, backendName: 'cpu', kernelFunc: avgPoolGradCpu },
];
