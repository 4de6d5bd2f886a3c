import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { maxPoolGradConfig } from './max-pool-grad';
import { avgPoolGradConfigs } from './avg-pool-grad';
import { batchMatMulConfig } from './batch-mat-mul';
import { depthwiseBackpropConfigs } from './depthwise-backprop';

const ours = new WeakSet<tf.KernelFunc>();

/** Registers `config`, replacing a stock kernel of the same name; a no-op when ours is already in place. */
function install(config: tf.KernelConfig): void {
  const current = tf.getKernel(config.kernelName, config.backendName);
  if (current && ours.has(current.kernelFunc)) return;
  // unregister first: registerKernel would otherwise warn about the replacement.
  if (current) tf.unregisterKernel(config.kernelName, config.backendName);
  ours.add(config.kernelFunc);
  tf.registerKernel(config);
}

/** Installs a kernel that wraps the stock one (falling back to it for cases it does not speed up). */
function installOver(kernelName: string, wrap: (stock: tf.KernelConfig) => tf.KernelConfig): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (!stock) throw new Error(`import @tensorflow/tfjs-backend-wasm before registering its kernels (no stock ${kernelName})`);
  if (!ours.has(stock.kernelFunc)) install(wrap(stock));
}

/**
 * Registers the wasm kernels training needs: Conv2DBackpropFilter and the two depthwise
 * convolution gradients (missing), MaxPoolGrad and AvgPoolGrad (wrong in some cases), BatchMatMul
 * and Conv2DBackpropInput (slow). Call after @tensorflow/tfjs-backend-wasm is imported; safe to
 * call more than once.
 */
export function registerWasmKernels(): void {
  installOver(tf.BatchMatMul, batchMatMulConfig);
  installOver(tf.Conv2DBackpropInput, conv2dBackpropInputConfig);
  install(conv2dBackpropFilterConfig);
  install(maxPoolGradConfig);
  for (const c of avgPoolGradConfigs) if (c.backendName === 'wasm') install(c);
  for (const c of depthwiseBackpropConfigs) install(c);
}

/** Registers the cpu kernel fixes (AvgPoolGrad with 'same' padding); safe to call more than once. */
export function registerCpuKernels(): void {
  for (const c of avgPoolGradConfigs) if (c.backendName === 'cpu') install(c);
}
