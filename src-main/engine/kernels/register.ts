import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input';
import { maxPoolGradConfig } from './max-pool-grad';
import { avgPoolGradConfigs } from './avg-pool-grad';
import { batchMatMulConfig } from './batch-mat-mul';
import { depthwiseBackpropInputConfigs } from './depthwise-backprop-input';
import { depthwiseBackpropFilterConfigs } from './depthwise-backprop-filter';
import { depthwiseConv2dGradConfig } from './depthwise-gradient';
import { resizeNearestGradConfigs } from './resize-nearest-grad';
import { resizeBilinearGradCpuConfig, resizeBilinearGradWasmConfig } from './resize-bilinear-grad';
import { castConfig, identityConfig } from './identity';
import { sumConfig } from './sum';
import { addConfig } from './add';

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

/** Installs a kernel that wraps the stock one (falling back to it for cases it does right and fast). */
function installOver(kernelName: string, wrap: (stock: tf.KernelConfig) => tf.KernelConfig): void {
  const stock = tf.getKernel(kernelName, 'wasm');
  if (!stock) throw new Error(`import @tensorflow/tfjs-backend-wasm before registering its kernels (no stock ${kernelName})`);
  if (!ours.has(stock.kernelFunc)) install(wrap(stock));
}

/** Our kernels for `backendName` among records made for several backends. */
function installFor(backendName: string, configs: readonly tf.KernelConfig[]): void {
  for (const c of configs) if (c.backendName === backendName) install(c);
}

/** Gradients are global, not per backend; ours differ from tfjs-core's only where tfjs-core's refuse to run. */
function registerGradients(): void {
  if (tf.getGradient(depthwiseConv2dGradConfig.kernelName) !== depthwiseConv2dGradConfig) tf.registerGradient(depthwiseConv2dGradConfig);
}

/**
 * Registers the wasm kernels training needs: Conv2DBackpropFilter and the depthwise backprop
 * kernels (missing), MaxPoolGrad, AvgPoolGrad and the resize gradients (wrong in some cases;
 * the resize ones with half-pixel centres), BatchMatMul and Conv2DBackpropInput (slow), Identity
 * and same-dtype Cast (copies), Sum over all axes but the last (transposes first), bias Add
 * (slow broadcast), and the depthwise gradient that takes dilated filters. Call after @tensorflow/tfjs-backend-wasm
 * is imported; safe to call more than once.
 */
export function registerWasmKernels(): void {
  installOver(tf.BatchMatMul, batchMatMulConfig);
  installOver(tf.Conv2DBackpropInput, conv2dBackpropInputConfig);
  install(conv2dBackpropFilterConfig);
  installFor('wasm', depthwiseBackpropInputConfigs);
  installFor('wasm', depthwiseBackpropFilterConfigs);
  install(maxPoolGradConfig);
  installFor('wasm', avgPoolGradConfigs);
  installFor('wasm', resizeNearestGradConfigs);
  installOver(tf.ResizeBilinearGrad, resizeBilinearGradWasmConfig);
  installOver(tf.Identity, identityConfig);
  installOver(tf.Cast, castConfig);
  installOver(tf.Sum, sumConfig);
  installOver(tf.Add, addConfig);
  registerGradients();
}

/**
 * Registers the cpu kernel fixes: AvgPoolGrad with 'same' padding, the resize gradients, and
 * the depthwise backprop kernels (dilation ignored, filter gradient ~100× slower than ours);
 * safe to call more than once.
 */
export function registerCpuKernels(): void {
  installFor('cpu', avgPoolGradConfigs);
  installFor('cpu', resizeNearestGradConfigs);
  install(resizeBilinearGradCpuConfig);
  installFor('cpu', depthwiseBackpropInputConfigs);
  installFor('cpu', depthwiseBackpropFilterConfigs);
  registerGradients();
}
