import type { Network } from '../graph/network';
import { isMergeKind, requireLayerKind } from '../layers/registry';
import type { TrainingSettings } from '../project/training';
import { py, pythonEscape } from '../layers/keras-values';

const OPTIMIZERS: Record<TrainingSettings['optimizer'], (lr: number) => string> = {
  sgd: (lr) => `tf.keras.optimizers.SGD(learning_rate=${lr})`,
  momentum: (lr) => `tf.keras.optimizers.SGD(learning_rate=${lr}, momentum=0.9)`,
  adam: (lr) => `tf.keras.optimizers.Adam(learning_rate=${lr})`,
  rmsprop: (lr) => `tf.keras.optimizers.RMSprop(learning_rate=${lr})`,
  adagrad: (lr) => `tf.keras.optimizers.Adagrad(learning_rate=${lr})`,
};

/** Adds name='…' as the last argument of a constructor call, so Keras's summary shows the canvas names. */
function withName(call: string, name: string): string {
  const open = call.endsWith('()') ? call.slice(0, -1) : `${call.slice(0, -1)}, `;
  return `${open}name=${py(name)})`;
}

/** Python's keywords, and the script's own module-level names and the builtins it calls: no layer variable may take them. */
export const RESERVED = new Set([
  ...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else'],
  ...['except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise'],
  ...['return', 'try', 'while', 'with', 'yield', 'print', 'int', 'len', 'round', 'input', 'np', 'tf', 'plt', 'Input', 'SEED'],
  ...['prepare', 'stratified_split', 'x_train_all', 'y_train_all', 'x_test', 'y_test', 'x_train', 'x_val', 'y_train', 'y_val'],
  ...['y_train_encoded', 'y_val_encoded', 'y_test_encoded', 'model', 'history', 'test_loss', 'test_accuracy'],
]);

/**
 * A Python variable for each layer name, as close to the name as Python allows (letters of any
 * script stay: Python 3 reads them after NFKC normalisation), distinct from each other, from
 * Python's keywords and from the script's names; `fallback` names what has no letter or digit.
 */
export function pythonVariables(layers: readonly { name: string; fallback: string }[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  return layers.map(({ name, fallback }) => {
    let base = [...name.normalize('NFKC')].map((ch) => (/\p{XID_Continue}/u.test(ch) ? ch : '_')).join('');
    if (!/[\p{L}\p{N}]/u.test(base)) base = fallback;
    if (!/^[\p{XID_Start}_]/u.test(base)) base = `layer_${base}`;
    let variable = base;
    for (let n = 2; used.has(variable); n++) variable = `${base}_${n}`;
    used.add(variable);
    return variable;
  });
}

/** The lines that build a functional model with the Keras functional API, one variable per layer named after it. */
function functionalModelCode(model: Network, kinds: readonly string[]): string[] {
  const input = requireLayerKind('InputLayer');
  const [inputVar, ...layerVars] = pythonVariables(
    [
      { name: model.input.name, fallback: input.namePrefix },
      ...model.layers.map((l) => ({ name: l.name, fallback: requireLayerKind(l.kind).namePrefix })),
    ],
    new Set([...RESERVED, ...kinds]),
  );
  const variableOf = new Map([[model.input.name, inputVar!], ...model.layers.map((l, i) => [l.name, layerVars[i]!] as const)]);
  const calls = model.layers.map((layer, i) => {
    const kind = requireLayerKind(layer.kind);
    const inputs = layer.inbound.map((name) => variableOf.get(name)!);
    const argument = isMergeKind(kind) ? `[${inputs.join(', ')}]` : inputs[0]!;
    return `${layerVars[i]!} = ${withName(kind.toPython(layer.params), layer.name)}(${argument})`;
  });
  return [
    `${inputVar!} = ${withName(input.toPython({ shape: model.input.shape }), model.input.name)}`,
    ...calls,
    `model = tf.keras.Model(inputs=${inputVar!}, outputs=${layerVars[layerVars.length - 1]!}, name=${py(model.name)})`,
  ];
}

/** The lines that build a chain as the lecture does: a Sequential model and one add per layer. */
function sequentialModelCode(model: Network): string[] {
  return [
    `model = tf.keras.Sequential(name=${py(model.name)})`,
    `model.add(Input(shape=${py([...model.input.shape])}))`,
    ...model.layers.map((layer) => `model.add(${withName(requireLayerKind(layer.kind).toPython(layer.params), layer.name)})`),
  ];
}

/** The Python that turns (n, 28, 28) uint8 images into the model's input shape. */
function reshapeCode(shape: readonly number[]): string[] {
  if (shape.length === 1) {
    if (shape[0] === 784) return ['    return (x / 255.0).reshape(-1, 784).astype("float32")'];
    return [`    raise ValueError("the model's input has ${shape[0]} values but a 28x28 image has 784: change the Input shape")`];
  }
  const [h, w, c] = shape.length === 2 ? [shape[0]!, shape[1]!, 1] : [shape[0]!, shape[1]!, shape[2]!];
  const lines = ['    x = (x / 255.0).astype("float32")[..., np.newaxis]'];
  if (h !== 28 || w !== 28) {
    if (h >= 28 && w >= 28 && (h - 28) % 2 === 0 && (w - 28) % 2 === 0) {
      lines.push(`    # The model expects ${h}×${w}: pad with zeros around the 28×28 image, as LeNet-5 did with MNIST.`);
      lines.push(`    x = np.pad(x, ((0, 0), (${(h - 28) / 2}, ${(h - 28) / 2}), (${(w - 28) / 2}, ${(w - 28) / 2}), (0, 0)))`);
    } else {
      lines.push(`    x = tf.image.resize(x, (${h}, ${w})).numpy()`);
    }
  }
  if (c !== 1) lines.push(`    x = np.repeat(x, ${c}, axis=-1)`);
  if (shape.length === 2) lines.push(`    x = x[..., 0]`);
  lines.push('    return x');
  return lines;
}

/**
 * A runnable tensorflow.keras script that builds, trains and plots the same network, the way a learner
 * writes it: a Sequential model for a chain, the functional API (one variable per layer) otherwise.
 */
export function toPythonScript(model: Network, training: TrainingSettings, title = model.name): string {
  const kinds = [...new Set(model.layers.map((l) => l.kind))];
  const last = model.layers[model.layers.length - 1];
  const lastActivation =
    last && typeof last.params === 'object' && last.params !== null ? (last.params as { activation?: string }).activation : undefined;
  const fromLogits = lastActivation !== 'softmax';
  const dataset = training.dataset === 'mnist' ? 'mnist' : 'fashion_mnist';
  const lines = [
    '#!/usr/bin/env python3',
    `"""${pythonEscape(title, '"', true)} — a Convas design as a tensorflow.keras script.`,
    '',
    `Builds the network, trains it on ${dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST'} and plots loss and accuracy.`,
    'Needs: pip install tensorflow matplotlib. Runs unchanged on a GPU machine.',
    '"""',
    'import numpy as np',
    'import tensorflow as tf',
    'import matplotlib.pyplot as plt',
    'from tensorflow.keras import Input',
    `from tensorflow.keras.layers import ${kinds.join(', ')}`,
    '',
    `SEED = ${training.seed}`,
    'tf.keras.utils.set_random_seed(SEED)',
    '',
    '',
    'def prepare(x):',
    '    """Pixels / 255 in the shape the model takes."""',
    ...reshapeCode(model.input.shape),
    '',
    '',
    'def stratified_split(x, y, fraction, seed):',
    '    """Holds out `fraction` of every class for validation (as train_test_split(stratify=y) does)."""',
    '    rng = np.random.default_rng(seed)',
    '    val = np.concatenate([rng.permutation(np.flatnonzero(y == c))[: int(round(fraction * np.sum(y == c)))] for c in np.unique(y)])',
    '    mask = np.zeros(len(y), dtype=bool)',
    '    mask[val] = True',
    '    return x[~mask], x[mask], y[~mask], y[mask]',
    '',
    '',
    `(x_train_all, y_train_all), (x_test, y_test) = tf.keras.datasets.${dataset}.load_data()`,
    'x_train_all, x_test = prepare(x_train_all), prepare(x_test)',
    `x_train, x_val, y_train, y_val = stratified_split(x_train_all, y_train_all, ${training.validationSplit}, SEED)`,
    'y_train_encoded = tf.keras.utils.to_categorical(y_train, 10)',
    'y_val_encoded = tf.keras.utils.to_categorical(y_val, 10)',
    'y_test_encoded = tf.keras.utils.to_categorical(y_test, 10)',
    '',
    ...(model.chain ? sequentialModelCode(model) : functionalModelCode(model, kinds)),
    'model.summary()',
    '',
    'model.compile(',
    `    optimizer=${OPTIMIZERS[training.optimizer](training.learningRate)},`,
    `    loss=tf.keras.losses.CategoricalCrossentropy(from_logits=${fromLogits ? 'True' : 'False'}),`,
    "    metrics=['accuracy'],",
    ')',
    'history = model.fit(',
    '    x_train, y_train_encoded,',
    `    epochs=${training.epochs},`,
    `    batch_size=${training.batchSize},`,
    ...(training.validationSplit > 0 ? ['    validation_data=(x_val, y_val_encoded),'] : []),
    ')',
    '',
    'test_loss, test_accuracy = model.evaluate(x_test, y_test_encoded, verbose=0)',
    "print(f'test accuracy: {test_accuracy:.4f}')",
    '',
    ...(training.validationSplit > 0
      ? [
          "plt.plot(history.history['loss'])",
          "plt.plot(history.history['val_loss'])",
          "plt.ylabel('loss')",
          "plt.xlabel('epoch')",
          "plt.legend(['train_loss', 'val_loss'])",
          'plt.show()',
          '',
          "plt.plot(history.history['accuracy'])",
          "plt.plot(history.history['val_accuracy'])",
          "plt.ylabel('accuracy')",
          "plt.xlabel('epoch')",
          "plt.legend(['train_accuracy', 'val_accuracy'])",
          'plt.show()',
        ]
      : ["plt.plot(history.history['loss'])", "plt.ylabel('loss')", "plt.xlabel('epoch')", 'plt.show()']),
  ];
  return `${lines.join('\n')}\n`;
}
