import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './wasm-heap';

/** The part of the wasm backend that shares a tensor's memory (as its Reshape does). */
interface RefCounting {
  incRef(dataId: tf.DataId): void;
}

/**
 * Identity for wasm without the copy: the output shares the input's memory, as Reshape and the
 * cpu backend's Identity do (tensors are never written in place; a variable's assign swaps its
 * memory). The stock kernel copies, and training runs ~30 of them a step: every gradient that
 * passes a layer unchanged, every clone.
 */
function identity(args: KernelArgs, stock: tf.KernelConfig): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = args.inputs as { x: tf.TensorInfo };
  if (x.dtype === 'string') return stock.kernelFunc(args);
  (args.backend as RefCounting).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Cast to the dtype a tensor already has, which the stock kernel copies: the same sharing as identity. */
function cast(args: KernelArgs, stock: tf.KernelConfig): tf.TensorInfo | tf.TensorInfo[] {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const { dtype } = args.attrs as unknown as tf.CastAttrs;
  if (dtype !== x.dtype || x.dtype === 'string') return stock.kernelFunc(args);
  (args.backend as RefCounting).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/** Registration records wrapping the stock kernels. */
export function identityConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return { ...stock, kernelFunc: (args) => identity(args, stock) };
}

export function castConfig(stock: tf.KernelConfig): tf.KernelConfig {
  return { ...stock, kernelFunc: (args) => cast(args, stock) };
}
