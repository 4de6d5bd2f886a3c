import type { Network } from '../graph/network';
import { isMergeKind, requireLayerKind } from '../layers/registry';
import type { TrainingSettings } from '../project/training';
import { py, pythonEscape } from '../layers/keras-values';
import {
  chiefSaveCode,
  DISTRIBUTION_NAMES,
  multiWorkerFitCode,
  multiWorkerFunctionsCode,
  strategyCode,
  type Distribution,
} from './keras-distribution';
import { KERAS_WEIGHTS_BY_LAYER, loadWeightsCode, TRAIN_AFTER_LOADING, WEIGHT_LOADING_NAMES, weightSettingsCode } from './keras-weights';

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
function functionalModelCode(model: Network, kinds: readonly string[], scriptNames: readonly string[]): string[] {
  const input = requireLayerKind('InputLayer');
  const [inputVar, ...layerVars] = pythonVariables(
    [
      { name: model.input.name, fallback: input.namePrefix },
      ...model.layers.map((l) => ({ name: l.name, fallback: requireLayerKind(l.kind).namePrefix })),
    ],
    new Set([...RESERVED, ...scriptNames, ...kinds]),
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

/** What a script adds to the one-machine design script; without options it is that script, unchanged. */
export interface PythonScriptOptions {
  /** How training is spread: 'none' (the default), MirroredStrategy or MultiWorkerMirroredStrategy. */
  readonly distribution?: Distribution;
  /** Load Convas's trained weights when model.json and weights.bin are beside the script (by default when distributed). */
  readonly trainedWeights?: boolean;
}

/** The lines that plot loss and accuracy: shown on screen, or saved beside the script (servers have no screen). */
function plotCode(validation: boolean, save: boolean): string[] {
  const end = (name: string) => (save ? [`plt.savefig(os.path.join(HERE, '${name}.png'))`, 'plt.close()'] : ['plt.show()']);
  if (!validation) return ["plt.plot(history.history['loss'])", "plt.ylabel('loss')", "plt.xlabel('epoch')", ...end('loss')];
  return [
    "plt.plot(history.history['loss'])",
    "plt.plot(history.history['val_loss'])",
    "plt.ylabel('loss')",
    "plt.xlabel('epoch')",
    "plt.legend(['train_loss', 'val_loss'])",
    ...end('loss'),
    '',
    "plt.plot(history.history['accuracy'])",
    "plt.plot(history.history['val_accuracy'])",
    "plt.ylabel('accuracy')",
    "plt.xlabel('epoch')",
    "plt.legend(['train_accuracy', 'val_accuracy'])",
    ...end('accuracy'),
  ];
}

const indent = (lines: readonly string[]) => lines.map((line) => (line ? `    ${line}` : line));

/** What the docstring says about distribution and trained weights, after its first lines. */
function docstringNotes(distribution: Distribution, trainedWeights: boolean): string[] {
  const notes: Record<Distribution, string[]> = {
    none: [],
    mirrored: ['Trains on every GPU of this machine with tf.distribute.MirroredStrategy; the plots are saved as PNG files.'],
    'multi-worker': [
      'Trains on several machines with tf.distribute.MultiWorkerMirroredStrategy: set TF_CONFIG on each',
      'machine (see below) and start this script on all of them; the chief saves the plots and the model.',
    ],
  };
  return [
    ...notes[distribution],
    ...(trainedWeights
      ? [`With Convas's trained weights (model.json, weights.bin) beside it, it evaluates them (see ${TRAIN_AFTER_LOADING}).`]
      : []),
  ];
}

/**
 * A runnable tensorflow.keras script that builds, trains and plots the same network, the way a learner
 * writes it: a Sequential model for a chain, the functional API (one variable per layer) otherwise.
 * `options` spread training over GPUs or machines and load trained weights found beside the script.
 */
export function toPythonScript(model: Network, training: TrainingSettings, title = model.name, options: PythonScriptOptions = {}): string {
  const distribution = options.distribution ?? 'none';
  const trainedWeights = options.trainedWeights ?? distribution !== 'none';
  const distributed = distribution !== 'none';
  const multiWorker = distribution === 'multi-worker';
  const usesOs = distributed || trainedWeights;
  const scriptNames = [...(distributed ? DISTRIBUTION_NAMES : []), ...(trainedWeights ? WEIGHT_LOADING_NAMES : [])];
  const kinds = [...new Set(model.layers.map((l) => l.kind))];
  const last = model.layers[model.layers.length - 1];
  const lastActivation =
    last && typeof last.params === 'object' && last.params !== null ? (last.params as { activation?: string }).activation : undefined;
  const fromLogits = lastActivation !== 'softmax';
  const dataset = training.dataset === 'mnist' ? 'mnist' : 'fashion_mnist';
  const validation = training.validationSplit > 0;
  const build = [
    ...(model.chain ? sequentialModelCode(model) : functionalModelCode(model, kinds, scriptNames)),
    'model.summary()',
    '',
    'model.compile(',
    `    optimizer=${OPTIMIZERS[training.optimizer](training.learningRate)},`,
    `    loss=tf.keras.losses.CategoricalCrossentropy(from_logits=${fromLogits ? 'True' : 'False'}),`,
    "    metrics=['accuracy'],",
    ')',
  ];
  const fit = multiWorker
    ? multiWorkerFitCode(training.epochs, validation)
    : [
        'history = model.fit(',
        '    x_train, y_train_encoded,',
        `    epochs=${training.epochs},`,
        `    batch_size=${distributed ? 'BATCH_SIZE' : training.batchSize},`,
        ...(validation ? ['    validation_data=(x_val, y_val_encoded),'] : []),
        ')',
      ];
  const evaluate = multiWorker
    ? 'test_loss, test_accuracy = model.evaluate(distributed_dataset(x_test, y_test_encoded, train=False), verbose=0)'
    : `test_loss, test_accuracy = model.evaluate(x_test, y_test_encoded, ${distributed ? 'batch_size=BATCH_SIZE, ' : ''}verbose=0)`;
  // Multi-worker: every worker plots the same history, so only the chief writes the files.
  const plots = multiWorker ? ['if is_chief():', ...indent(plotCode(validation, true))] : plotCode(validation, distributed);
  // Convas's names of the data the script loads (its sample is a part of Fashion-MNIST).
  const convasDatasets = dataset === 'mnist' ? ['mnist'] : ['fashion-mnist', 'sample'];
  const trainUnlessLoaded = [`if weights_loaded and not ${TRAIN_AFTER_LOADING}:`, '    history = None', 'else:', ...indent(fit)];
  const afterTraining = [...plots, ...(multiWorker ? ['', ...chiefSaveCode()] : [])];
  const lines = [
    '#!/usr/bin/env python3',
    `"""${pythonEscape(title, '"', true)} — a Convas design as a tensorflow.keras script.`,
    '',
    `Builds the network, trains it on ${dataset === 'mnist' ? 'MNIST' : 'Fashion-MNIST'} and plots loss and accuracy.`,
    'Needs: pip install tensorflow matplotlib. Runs unchanged on a GPU machine.',
    ...docstringNotes(distribution, trainedWeights),
    '"""',
    ...(usesOs ? ['import os'] : []),
    'import numpy as np',
    'import tensorflow as tf',
    'import matplotlib.pyplot as plt',
    'from tensorflow.keras import Input',
    `from tensorflow.keras.layers import ${kinds.join(', ')}`,
    '',
    ...(distributed ? [...strategyCode(distribution, training.batchSize), ''] : []),
    ...(usesOs ? ['HERE = os.path.dirname(os.path.abspath(__file__))'] : []),
    ...(trainedWeights ? weightSettingsCode() : []),
    ...(usesOs ? [''] : []),
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
    ...(multiWorker ? [...multiWorkerFunctionsCode(), '', ''] : []),
    ...(trainedWeights ? [KERAS_WEIGHTS_BY_LAYER, '', ''] : []),
    `(x_train_all, y_train_all), (x_test, y_test) = tf.keras.datasets.${dataset}.load_data()`,
    'x_train_all, x_test = prepare(x_train_all), prepare(x_test)',
    `x_train, x_val, y_train, y_val = stratified_split(x_train_all, y_train_all, ${training.validationSplit}, SEED)`,
    'y_train_encoded = tf.keras.utils.to_categorical(y_train, 10)',
    'y_val_encoded = tf.keras.utils.to_categorical(y_val, 10)',
    'y_test_encoded = tf.keras.utils.to_categorical(y_test, 10)',
    '',
    // The model's variables must be created in the strategy's scope to be mirrored on every replica.
    ...(distributed ? ['with strategy.scope():', ...indent(build)] : build),
    ...(trainedWeights ? ['', ...loadWeightsCode(convasDatasets), '', ...trainUnlessLoaded] : fit),
    '',
    evaluate,
    "print(f'test accuracy: {test_accuracy:.4f}')",
    '',
    ...(trainedWeights ? ['if history is not None:', ...indent(afterTraining)] : afterTraining),
  ];
  return `${lines.join('\n')}\n`;
}
