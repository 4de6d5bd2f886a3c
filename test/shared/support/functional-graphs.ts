/**
 * Functional networks for the interop and engine tests, each listed in Keras's layer order (by depth
 * from the output, ties in the order a walk from the output finds them, as keras/src/ops/function.py
 * map_graph sorts them), so a graph built from them keeps its node ids through export and import.
 */
import type { RawLayer } from '../../../src-shared/graph/network';
import type { LayerKindId } from '../../../src-shared/layers/types';

/** A layer feeding from `inbound`; the kind is a string so merge kinds from any branch type-check. */
function layer(kind: string, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer {
  return { kind: kind as LayerKindId, name, params, ...(inbound.length > 0 ? { inbound } : {}) };
}

/** A residual block whose skip path is a strided 1×1 Conv2D (a projection), then a classifier: 5,242 parameters. */
export const RESIDUAL: readonly RawLayer[] = [
  layer('InputLayer', 'input_layer', { shape: [28, 28, 1] }),
  layer('Conv2D', 'conv2d', { filters: 16, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('Conv2D', 'conv2d_1', { filters: 16, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu' }, 'conv2d'),
  layer('Conv2D', 'conv2d_2', { filters: 16, kernel_size: 3, padding: 'same' }, 'conv2d_1'),
  layer('Conv2D', 'conv2d_3', { filters: 16, kernel_size: 1, strides: 2 }, 'conv2d'),
  layer('Add', 'add', {}, 'conv2d_2', 'conv2d_3'),
  layer('Activation', 'activation', { activation: 'relu' }, 'add'),
  layer('GlobalAveragePooling2D', 'global_average_pooling2d', {}, 'activation'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'global_average_pooling2d'),
];

/** An Inception-style block: three branches (1×1; 3×3; pool then 1×1) joined by Concatenate: 23,974 parameters. */
export const INCEPTION: readonly RawLayer[] = [
  layer('InputLayer', 'input_1', { shape: [28, 28, 1] }),
  layer('Conv2D', 'conv2d', { filters: 8, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_1'),
  layer('MaxPooling2D', 'max_pooling2d', { pool_size: 3, strides: 1, padding: 'same' }, 'conv2d'),
  layer('Conv2D', 'conv2d_1', { filters: 4, kernel_size: 1, activation: 'relu' }, 'conv2d'),
  layer('Conv2D', 'conv2d_2', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'conv2d'),
  layer('Conv2D', 'conv2d_3', { filters: 4, kernel_size: 1, activation: 'relu' }, 'max_pooling2d'),
  layer('Concatenate', 'concatenate', {}, 'conv2d_1', 'conv2d_2', 'conv2d_3'),
  layer('MaxPooling2D', 'max_pooling2d_1', {}, 'concatenate'),
  layer('Flatten', 'flatten', {}, 'max_pooling2d_1'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'flatten'),
];

/**
 * DenseNet-style reuse: Concatenate takes the newer features first, the reverse of the layer order,
 * so an exporter or importer that sorted a merge's inputs would change the network: 15,878 parameters.
 */
export const CONCAT_ORDER: readonly RawLayer[] = [
  layer('InputLayer', 'input_layer', { shape: [28, 28, 1] }),
  layer('Conv2D', 'conv2d', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('Conv2D', 'conv2d_1', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'conv2d'),
  layer('Concatenate', 'concatenate', {}, 'conv2d_1', 'conv2d'),
  layer('MaxPooling2D', 'max_pooling2d', {}, 'concatenate'),
  layer('Flatten', 'flatten', {}, 'max_pooling2d'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'flatten'),
];

/** Every constructed functional network by name. */
export const FUNCTIONAL_GRAPHS = { residual: RESIDUAL, inception: INCEPTION, 'concat-order': CONCAT_ORDER } as const;
