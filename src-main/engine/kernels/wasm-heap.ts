import * as tf from '@tensorflow/tfjs';
import type { WasmMemory } from './simd/assembler';

/** What a kernel function receives. */
export type KernelArgs = Parameters<tf.KernelFunc>[0];

/** The part of tfjs-backend-wasm's BackendWasm that our kernels use (its own typings reach into files the package does not ship). */
export interface WasmBackend {
  readonly dataIdMap: { get(dataId: tf.DataId): { readonly id: number } | undefined };
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
  disposeData(dataId: tf.DataId): boolean;
}

/** The kernel's backend as a WasmBackend; kernels registered for 'wasm' only ever receive BackendWasm. */
export function asWasmBackend(backend: unknown): WasmBackend {
  const b = backend as Partial<WasmBackend> | null;
  if (!b || typeof b.typedArrayFromHeap !== 'function' || typeof b.makeOutput !== 'function') {
    throw new Error('expected the wasm backend');
  }
  return b as WasmBackend;
}

/**
 * A float32 view of a tensor on the wasm heap. Views die when the heap grows, so take them
 * only after every allocation (makeOutput) of the kernel is done.
 */
export function heapF32(backend: WasmBackend, info: tf.TensorInfo): Float32Array {
  if (info.dtype !== 'float32') throw new Error(`expected a float32 tensor, got ${info.dtype}`);
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/**
 * The whole wasm heap as floats and the index of a tensor's first value in it: lets a kernel move
 * runs between tensors with copyWithin/fill, without a temporary view per run. Same lifetime
 * rule as heapF32.
 */
export function heapIndex(backend: WasmBackend, info: tf.TensorInfo): { heap: Float32Array; at: number } {
  const view = heapF32(backend, info);
  return { heap: new Float32Array(view.buffer), at: view.byteOffset / 4 };
}

/** Runs a kernel the wasm backend itself registered (XNNPACK or C++), on tensors already on its heap. */
export function runWasmKernel(name: string, backend: WasmBackend, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`the wasm backend has no ${name} kernel`);
  const out = kernel.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`${name} returned several tensors`);
  return out;
}

/** Same tensor, seen with another shape of the same size (no copy: the id and heap memory are shared). */
export function reshaped(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/** The wasm backend's memory, for our own WebAssembly kernels to import (undefined if the backend does not expose it). */
export function wasmMemoryOf(backend: unknown): WasmMemory | undefined {
  return (backend as { wasm?: { asm?: { memory?: WasmMemory } } } | null)?.wasm?.asm?.memory;
}
