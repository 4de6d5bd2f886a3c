import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapF32, wasmMemoryOf, type KernelArgs } from './wasm-heap';
import { biasAddKernel } from './simd/bias-add';

/**
 * Add for wasm where one operand is a bias ([..., C] + [C], either way round, float32): the SIMD
 * bias-add kernel. Everything else goes to the stock kernel (XNNPACK).
 */
function add(args: KernelArgs, stock: tf.KernelConfig): tf.TensorInfo | tf.TensorInfo[] {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const [x, bias] = b.shape.length === 1 && a.shape.length > 1 ? [a, b] : a.shape.length === 1 && b.shape.length > 1 ? [b, a] : [];
  const C = bias?.shape[0];
  if (!x || !bias || C === undefined || x.shape[x.shape.length - 1] !== C || x.dtype !== 'float32' || bias.dtype !== 'float32')
    return stock.kernelFunc(args);
  const memory = wasmMemoryOf(args.backend);
  const kernel = memory && biasAddKernel(memory, C);
  if (!kernel) return stock.kernelFunc(args);
  const backend = asWasmBackend(args.backend);
  const out = backend.makeOutput([...x.shape], 'float32');
  const pixels = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  if (pixels > 0) kernel(heapF32(backend, x).byteOffset, heapF32(backend, bias).byteOffset, heapF32(backend, out).byteOffset, pixels);
  return out;
}

/** Registration record wrapping the stock kernel. */
export function addConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return { ...stock, kernelFunc: (args) => add(args, stock) };
}
