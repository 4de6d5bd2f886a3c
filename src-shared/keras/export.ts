import type { Network, NetworkLayer } from '../graph/network';
import { isMergeKind, requireLayerKind } from '../layers/registry';
import { batchShape } from '../layers/format';
import { tfjsInitializerClass } from '../layers/keras-values';
import type { InitializerName } from '../layers/params';

const DTYPE_POLICY = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };

/** The TensorFlow.js version whose model.json layout the topology follows. */
const TFJS_LAYERS_VERSION = 'tfjs-layers 4.22.0';

/** The shape each layer receives (batch dimension included): one shape, or the list a merge receives. */
function buildInputShape(layer: NetworkLayer): unknown {
  const shapes = layer.inputShapes.map(batchShape);
  return isMergeKind(requireLayerKind(layer.kind)) ? shapes : shapes[0];
}

/** A layer's Keras 3 entry (module, class, config with name/trainable/dtype, build shape), without connections. */
function keras3Layer(layer: NetworkLayer): Record<string, unknown> {
  return {
    module: 'keras.layers',
    class_name: layer.kind,
    config: { name: layer.name, trainable: true, dtype: DTYPE_POLICY, ...requireLayerKind(layer.kind).toKerasConfig(layer.params) },
    registered_name: null,
    build_config: { input_shape: buildInputShape(layer) },
  };
}

function keras3Input(model: Network): Record<string, unknown> {
  return {
    module: 'keras.layers',
    class_name: 'InputLayer',
    config: { batch_shape: batchShape(model.input.shape), dtype: 'float32', sparse: false, name: model.input.name },
    registered_name: null,
  };
}

/** Output shapes by layer name (the Input's too), for the tensors a Keras 3 inbound node names. */
function outputShapes(model: Network): Map<string, (number | null)[]> {
  const shapes = new Map([[model.input.name, batchShape(model.input.shape)]]);
  for (const layer of model.layers) shapes.set(layer.name, batchShape(layer.outputShape));
  return shapes;
}

/** A chain as Keras 3's Sequential `to_json()` writes it. */
function keras3Sequential(model: Network): Record<string, unknown> {
  return {
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: model.name,
      trainable: true,
      dtype: DTYPE_POLICY,
      layers: [keras3Input(model), ...model.layers.map(keras3Layer)],
      build_input_shape: batchShape(model.input.shape),
    },
    registered_name: null,
    build_config: { input_shape: batchShape(model.input.shape) },
  };
}

/**
 * Any other network as Keras 3's Functional `to_json()` writes a model made with
 * `keras.Model(inputs, outputs)` on single tensors: each layer with the name and the one call
 * (inbound node) that connects it, a merge's tensors as one list argument, and the model's
 * input and output as [name, 0, 0].
 */
function keras3Functional(model: Network): Record<string, unknown> {
  const shapes = outputShapes(model);
  const tensor = (name: string) => ({
    class_name: '__keras_tensor__',
    config: { shape: shapes.get(name), dtype: 'float32', keras_history: [name, 0, 0] },
  });
  const layers = model.layers.map((layer) => {
    const inputs = layer.inbound.map(tensor);
    const arg = isMergeKind(requireLayerKind(layer.kind)) ? inputs : inputs[0];
    return { ...keras3Layer(layer), name: layer.name, inbound_nodes: [{ args: [arg], kwargs: {} }] };
  });
  const output = model.layers[model.layers.length - 1]!;
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config: {
      name: model.name,
      trainable: true,
      layers: [{ ...keras3Input(model), name: model.input.name, inbound_nodes: [] }, ...layers],
      input_layers: [model.input.name, 0, 0],
      output_layers: [output.name, 0, 0],
    },
    registered_name: 'Functional',
    build_config: { input_shape: null },
  };
}

/**
 * The model as Keras 3's `model.to_json()` writes it (parse it back with `keras.models.model_from_json`):
 * Sequential for a chain, Functional otherwise.
 */
export function toKeras3Json(model: Network): Record<string, unknown> {
  return model.chain ? keras3Sequential(model) : keras3Functional(model);
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

/** A layer's config as TensorFlow.js writes it: snake_case keys, plain dtype, tfjs initializer classes. */
function tfjsConfig(layer: NetworkLayer): Record<string, unknown> {
  const keras = requireLayerKind(layer.kind).toKerasConfig(layer.params);
  const config: Record<string, unknown> = { name: layer.name, trainable: true, dtype: 'float32' };
  for (const [key, value] of Object.entries(keras)) {
    // Keras 3 only: tfjs rejects keys it does not know.
    if (key === 'groups' || key === 'synchronized' || key === 'seed' || key === 'noise_shape' || key === 'keepdims') continue;
    config[key] = tfjsValue(value);
  }
  return config;
}

/**
 * A layer as TensorFlow.js reads it, where its config differs from Keras 3's: tfjs silently drops
 * keys it does not know, so Keras 3's names would load as other numbers. LeakyReLU's slope is
 * `alpha`; a ReLU with only a slope is a LeakyReLU and otherwise knows only max_value; a Reshape's
 * -1 is written out (tfjs leaves it unknown and the next layer cannot build).
 */
function tfjsLayer(layer: NetworkLayer): { class_name: string; config: Record<string, unknown> } {
  const config = tfjsConfig(layer);
  const slope = config['negative_slope'];
  switch (layer.kind) {
    case 'LeakyReLU':
      delete config['negative_slope'];
      return { class_name: 'LeakyReLU', config: { ...config, alpha: slope } };
    case 'ReLU': {
      delete config['negative_slope'];
      delete config['threshold'];
      if (typeof slope === 'number' && slope !== 0 && config['max_value'] == null) {
        delete config['max_value'];
        return { class_name: 'LeakyReLU', config: { ...config, alpha: slope } };
      }
      return { class_name: 'ReLU', config };
    }
    case 'Reshape':
      return { class_name: 'Reshape', config: { ...config, target_shape: [...layer.outputShape] } };
    default:
      return { class_name: layer.kind, config };
  }
}

/**
 * The model's topology as a TensorFlow.js `model.json` holds it under "modelTopology": a chain as a
 * Sequential whose InputLayer entry keeps the Input's name (as tf.keras 2 writes it; tfjs reads both);
 * anything else as tfjs (and tf.keras 2) write a functional 'Model', each layer's one call as
 * [[name, 0, 0, {}], …] — the form `tf.loadLayersModel` reads.
 */
export function toTfjsTopology(model: Network): Record<string, unknown> {
  const meta = { keras_version: TFJS_LAYERS_VERSION, backend: 'tensor_flow.js' };
  const input = {
    class_name: 'InputLayer',
    config: { batch_input_shape: batchShape(model.input.shape), dtype: 'float32', sparse: false, name: model.input.name },
  };
  if (model.chain) {
    const layers = model.layers.map((layer, i) => {
      const { class_name, config } = tfjsLayer(layer);
      // TensorFlow.js's own Sequential takes the input shape from its first layer; the InputLayer before it keeps the Input's name.
      if (i === 0) config['batch_input_shape'] = batchShape(model.input.shape);
      return { class_name, config };
    });
    return { class_name: 'Sequential', config: { name: model.name, layers: [input, ...layers] }, ...meta };
  }
  const layers = model.layers.map((layer) => ({
    name: layer.name,
    ...tfjsLayer(layer),
    inbound_nodes: [layer.inbound.map((source) => [source, 0, 0, {}])],
  }));
  const output = model.layers[model.layers.length - 1]!;
  return {
    class_name: 'Model',
    config: {
      name: model.name,
      layers: [{ name: model.input.name, ...input, inbound_nodes: [] }, ...layers],
      input_layers: [[model.input.name, 0, 0]],
      output_layers: [[output.name, 0, 0]],
    },
    ...meta,
  };
}
