/**
 * The part of a generated Keras script that picks up Convas's trained weights: NumPy-only functions
 * that group a TensorFlow.js model folder's weights by layer in the order Keras's set_weights takes
 * them and read how Convas fed the model its pictures, and the lines that load them into the built model.
 */
import { READ_WEIGHTS_FUNCTION, TFJS_WEIGHTS_READER } from './tfjs-weights';

/** The name of the Python function, in `KERAS_WEIGHTS_BY_LAYER`, that groups the weights by layer. */
export const WEIGHTS_BY_LAYER_FUNCTION = 'convas_weights_by_layer';

/** The name of the Python function, in `KERAS_WEIGHTS_BY_LAYER`, that reads how Convas fed the trained model its pictures. */
export const NORMALIZATION_FUNCTION = 'convas_normalization';

/** The script's constant that decides whether loaded weights are trained further or only evaluated. */
export const TRAIN_AFTER_LOADING = 'TRAIN_AFTER_LOADING';

/** The module-level names the weight loading adds to a script (no layer variable may take them). */
export const WEIGHT_LOADING_NAMES = [
  ...['os', 'HERE', TRAIN_AFTER_LOADING, READ_WEIGHTS_FUNCTION, WEIGHTS_BY_LAYER_FUNCTION, NORMALIZATION_FUNCTION],
  ...['weights_loaded', 'trained', 'layer', 'normalization', 'mean', 'std'],
];

/**
 * Every weight a Keras layer Convas trains can hold, in the order its `weights` (and so
 * set_weights) lists them: a layer holds a subsequence of it (Conv2D kernel, bias; SeparableConv2D
 * depthwise_kernel, pointwise_kernel, bias; BatchNormalization gamma, beta, moving_mean, moving_variance).
 */
const KERAS_WEIGHT_ORDER = ['kernel', 'depthwise_kernel', 'pointwise_kernel', 'bias', 'gamma', 'beta', 'moving_mean', 'moving_variance'];

/**
 * Self-contained Python (NumPy alone): the shared reader; `convas_weights_by_layer(folder,
 * layer_names)` → {layer name: [arrays in Keras's order]}; `convas_normalization(folder, datasets)`
 * → (mean, std) per channel when Convas standardised the inputs, else None.
 */
export const KERAS_WEIGHTS_BY_LAYER = [
  TFJS_WEIGHTS_READER,
  '',
  '',
  `def ${WEIGHTS_BY_LAYER_FUNCTION}(folder, layer_names):`,
  '    """Convas\'s trained weights in `folder`, by layer name, each layer\'s arrays in the order Keras\'s set_weights takes them."""',
  `    weights = ${READ_WEIGHTS_FUNCTION}(folder)`,
  "    # TensorFlow.js names a layer's weights '<layer name>/<weight>'; exact names, so a layer named 'a/b' is not taken for 'a'.",
  `    order = (${KERAS_WEIGHT_ORDER.map((w) => `'${w}'`).join(', ')})`,
  '    by_layer = {}',
  '    for name in layer_names:',
  "        by_layer[name] = [weights.pop(f'{name}/{w}') for w in order if f'{name}/{w}' in weights]",
  '    if weights:',
  `        raise ValueError(f"{folder}: model.json holds weights this model has no place for: {', '.join(sorted(weights))}")`,
  '    return by_layer',
  '',
  '',
  `def ${NORMALIZATION_FUNCTION}(folder, datasets):`,
  '    """How Convas fed the trained model pictures (`folder`/convas-dataset.json): (mean, std) per channel, or None for pixels / 255."""',
  '    import json',
  '    import os',
  '    import numpy as np',
  '',
  "    path = os.path.join(folder, 'convas-dataset.json')",
  '    if not os.path.exists(path):',
  '        return None',
  "    with open(path, encoding='utf-8') as f:",
  '        trained_on = json.load(f)',
  "    if trained_on.get('dataset') not in datasets:",
  `        print(f"warning: the weights were trained on {trained_on.get('dataset')}, not on the data this script evaluates them with")`,
  "    normalization = trained_on.get('normalization', {})",
  "    if normalization.get('kind') != 'standardize':",
  '        return None',
  "    return np.array(normalization['mean'], dtype='float32'), np.array(normalization['std'], dtype='float32')",
].join('\n');

/** The setting at the top of a script that loads weights: what it does with them (it looks in HERE, the script's folder). */
export function weightSettingsCode(): string[] {
  return [
    '# When Convas\'s trained weights (model.json and weights.bin, as "train --out" writes them) are',
    '# in this folder, the model starts from them and the script only evaluates it on the test set.',
    '# Set TRAIN_AFTER_LOADING = True to train further from them instead (fine-tuning).',
    `${TRAIN_AFTER_LOADING} = False`,
  ];
}

/**
 * The lines, after the model is built, that set the trained weights layer by layer when they are
 * beside the script and feed the data as Convas did; `datasets` are Convas's names of the data the script loads.
 */
export function loadWeightsCode(datasets: readonly string[]): string[] {
  return [
    "weights_loaded = os.path.exists(os.path.join(HERE, 'model.json')) and os.path.exists(os.path.join(HERE, 'weights.bin'))",
    'if weights_loaded:',
    `    trained = ${WEIGHTS_BY_LAYER_FUNCTION}(HERE, [layer.name for layer in model.layers])`,
    '    for layer in model.layers:',
    '        if layer.weights or trained[layer.name]:',
    '            layer.set_weights(trained[layer.name])',
    "    print(f'loaded the trained weights in {HERE}')",
    `    normalization = ${NORMALIZATION_FUNCTION}(HERE, (${datasets.map((d) => `'${d}'`).join(', ')}${datasets.length === 1 ? ',' : ''}))`,
    '    if normalization is not None:',
    "        # Convas standardised every channel with its training split's mean and std: the trained weights expect that.",
    '        mean, std = normalization',
    '        x_train, x_val, x_test = [(x - mean) / std for x in (x_train, x_val, x_test)]',
  ];
}
