import * as tf from '@tensorflow/tfjs';
import { asWasmBackend, heapF32, wasmMemoryOf, type KernelArgs } from './wasm-heap';
import { MAX_TAP_CHANNELS, tapKernel } from './simd/filter-gradient';

/** Pixels summed in float32 per call; the calls' sums add up in float64. */
const CHUNK = 1024;

/** Whether `axis` names every axis but the last of a rank-`rank` tensor. */
function allButLast(axis: number | number[], rank: number): boolean {
  const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a)).sort((a, b) => a - b);
  return rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
}

/**
 * Sum over every axis but the last (a bias's gradient: [batch, h, w, channels] → [channels]) with
 * the SIMD tap kernel reading a constant 1 as its input: the stock kernel first transposes the
 * whole tensor so the summed axes come last. Other sums go to the stock kernel.
 */
function sum(args: KernelArgs, stock: tf.KernelConfig): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { axis, keepDims } = args.attrs as unknown as tf.SumAttrs;
  const C = x.shape[x.shape.length - 1] ?? 0;
  const memory = wasmMemoryOf(args.backend);
  const tap = memory && C <= MAX_TAP_CHANNELS ? tapKernel(memory, C) : undefined;
  if (!tap || x.dtype !== 'float32' || !allButLast(axis, x.shape.length) || C === 0) return stock.kernelFunc(args);
  const backend = asWasmBackend(args.backend);
  const pixels = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
  const scratch = backend.makeOutput([C + 1], 'float32');
  const out = backend.makeOutput(keepDims ? [...x.shape.slice(0, -1).map(() => 1), C] : [C], 'float32');
  try {
    const s = heapF32(backend, scratch);
    s[C] = 1;
    const xAt = heapF32(backend, x).byteOffset;
    const total = new Float64Array(C);
    for (let p = 0; p < pixels; p += CHUNK) {
      const count = Math.min(CHUNK, pixels - p);
      tap(s.byteOffset + C * 4, 0, 0, xAt + p * C * 4, count * C * 4, count, 1, s.byteOffset);
      for (let c = 0; c < C; c++) total[c]! += s[c]!;
    }
    heapF32(backend, out).set(total);
    return out;
  } finally {
    backend.disposeData(scratch.dataId);
  }
}

/** Registration record wrapping the stock kernel (its setup binds the C++ sum the others use). */
export function sumConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return { ...stock, kernelFunc: (args) => sum(args, stock) };
}
