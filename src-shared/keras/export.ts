import type { Network } from '../graph/network';
import { inferOutput, requireLayerKind } from '../layers/registry';
import { batchShape } from '../layers/format';
import { tfjsInitializerClass } from '../layers/keras-values';
import type { InitializerName } from '../layers/params';
import type { Shape } from '../layers/types';

const DTYPE_POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

/** Output shapes along the chain, so each exported layer can carry its build input shape. */
function inputShapes(model: Network): Shape[] {
  const shapes: Shape[] = [];
  let shape = model.input.shape;
  for (const layer of model.layers) {
    shapes.push(shape);
    const inferred = inferOutput(requireLayerKind(layer.kind), [shape], layer.params);
    if (!inferred.ok)
      throw new Error(`${layer.name}: ${inferred.problem.code} ${JSON.stringify(inferred.problem.values)} (export needs a valid model)`);
    shape = inferred.value.shape;
  }
  return shapes;
}

/** The model as Keras 3's `model.to_json()` writes it (parse it back with `keras.models.model_from_json`). */
export function toKeras3Json(model: Network): Record<string, unknown> {
  const shapes = inputShapes(model);
  const input = {
    module: 'keras.layers',
    class_name: 'InputLayer',
    config: { batch_shape: batchShape(model.input.shape), dtype: 'float32', sparse: false, name: model.input.name },
    registered_name: null,
  };
  const layers = model.layers.map((layer, i) => ({
    module: 'keras.layers',
    class_name: layer.kind,
    config: { name: layer.name, trainable: true, dtype: DTYPE_POLICY, ...requireLayerKind(layer.kind).toKerasConfig(layer.params) },
    registered_name: null,
    build_config: { input_shape: batchShape(shapes[i]!) },
  }));
  return {
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: model.name,
      trainable: true,
      dtype: DTYPE_POLICY,
      layers: [input, ...layers],
      build_input_shape: batchShape(model.input.shape),
    },
    registered_name: null,
    build_config: { input_shape: batchShape(model.input.shape) },
  };
}

/** Rewrites Keras 3 initializer objects into the {class_name, config} form TensorFlow.js reads. */
function tfjsValue(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (v['module'] === 'keras.initializers' && typeof v['class_name'] === 'string') {
      const name = (v['class_name'] as string).replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() as InitializerName;
      return { class_name: tfjsInitializerClass(name), config: v['config'] ?? {} };
    }
  }
  return value;
}

/** The model's topology as a TensorFlow.js `model.json` holds it under "modelTopology". */
export function toTfjsTopology(model: Network): Record<string, unknown> {
  const layers = model.layers.map((layer, i) => {
    const keras = requireLayerKind(layer.kind).toKerasConfig(layer.params);
    const config: Record<string, unknown> = { name: layer.name, trainable: true, dtype: 'float32' };
    // TensorFlow.js's Sequential takes the input shape from its first layer rather than an InputLayer entry.
    if (i === 0) config['batch_input_shape'] = batchShape(model.input.shape);
    for (const [key, value] of Object.entries(keras)) {
      // Keras 3 only: tfjs rejects keys it does not know.
      if (key === 'groups' || key === 'synchronized' || key === 'seed' || key === 'noise_shape' || key === 'keepdims') continue;
      config[key] = tfjsValue(value);
    }
    return { class_name: layer.kind, config };
  });
  return {
    class_name: 'Sequential',
    config: { name: model.name, layers },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}
