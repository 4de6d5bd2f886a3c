import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { makeTrainStep } from '../../../../src-main/engine/backend/train-step';
import { randomValues, relativeError } from './compare';

/*
 * Every palette layer and activation, trained for two steps with every optimizer on wasm and on
 * cpu from the same weights and data. A kernel wasm lacks makes the wasm run throw; a wrong one
 * makes the gradients or the updated weights differ.
 */

type Activation = NonNullable<Parameters<typeof tf.layers.activation>[0]['activation']>;
const ACTIVATIONS: Activation[] = [
  'relu',
  'relu6',
  'elu',
  'selu',
  'sigmoid',
  'tanh',
  'softmax',
  'softplus',
  'softsign',
  'swish',
  'mish',
  'gelu',
  'hardSigmoid',
  'linear',
];

const OPTIMIZERS: Record<string, () => tf.Optimizer> = {
  sgd: () => tf.train.sgd(0.05),
  momentum: () => tf.train.momentum(0.05, 0.9),
  adam: () => tf.train.adam(0.01, 0.9, 0.999, 1e-7),
  rmsprop: () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7),
  adagrad: () => tf.train.adagrad(0.05, 0.1),
};

const BATCH = 6;
const CLASSES = 3;
const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });

/** Conv2D and the Activation layer with `a`, then Dense with `a`. */
function activationModel(a: Activation): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.conv2d({ inputShape: [8, 8, 2], filters: 3, kernelSize: 3, padding: 'same', activation: a, kernelInitializer: seeded(1) }),
  );
  m.add(tf.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'valid', kernelInitializer: seeded(2) }));
  m.add(tf.layers.activation({ activation: a }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 5, activation: a, kernelInitializer: seeded(3) }));
  m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(4) }));
  return m;
}

const STRUCTURES: Record<string, () => tf.Sequential> = {
  /** The lecture's CNN, smaller. */
  lecture: () => {
    const m = tf.sequential();
    m.add(
      tf.layers.conv2d({
        inputShape: [12, 12, 1],
        filters: 4,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: seeded(5),
      }),
    );
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 8, activation: 'relu', kernelInitializer: seeded(6) }));
    m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(7) }));
    return m;
  },
  /** Strided valid convolution, overlapping same max-pooling, average pooling, batch norm, dropout, global average pooling. */
  pooling: () => {
    const m = tf.sequential();
    m.add(
      tf.layers.conv2d({
        inputShape: [12, 12, 2],
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: 'valid',
        activation: 'tanh',
        kernelInitializer: seeded(8),
      }),
    );
    m.add(tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }));
    // No bias before batch norm: its gradient is zero up to rounding, which Adam would amplify into noise.
    m.add(tf.layers.conv2d({ filters: 5, kernelSize: [2, 3], padding: 'same', useBias: false, kernelInitializer: seeded(9) }));
    m.add(tf.layers.averagePooling2d({ poolSize: 2, padding: 'valid' }));
    m.add(tf.layers.batchNormalization({ axis: -1 }));
    m.add(tf.layers.dropout({ rate: 0.3, seed: 3 }));
    m.add(tf.layers.globalAveragePooling2d({}));
    m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(10) }));
    return m;
  },
  /** Average pooling over same padding, a bias-free convolution, batch norm before a dense layer, dropout. */
  dense: () => {
    const m = tf.sequential();
    m.add(
      tf.layers.conv2d({
        inputShape: [9, 9, 1],
        filters: 3,
        kernelSize: 2,
        strides: 2,
        padding: 'same',
        useBias: false,
        kernelInitializer: seeded(11),
      }),
    );
    m.add(tf.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.batchNormalization({ axis: -1 }));
    m.add(tf.layers.dense({ units: 6, activation: 'elu', kernelInitializer: seeded(12) }));
    m.add(tf.layers.dropout({ rate: 0.5, seed: 4 }));
    m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(13) }));
    return m;
  },
  /** Depthwise (two maps per channel, strided), separable and transposed convolutions (a kernel smaller than its stride). */
  convolutions: () => {
    const m = tf.sequential();
    m.add(
      tf.layers.depthwiseConv2d({
        inputShape: [9, 9, 2],
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        depthMultiplier: 2,
        activation: 'relu',
        depthwiseInitializer: seeded(14),
      }),
    );
    m.add(
      tf.layers.separableConv2d({
        filters: 3,
        kernelSize: [2, 3],
        padding: 'valid',
        activation: 'tanh',
        depthwiseInitializer: seeded(15),
        pointwiseInitializer: seeded(16),
      }),
    );
    m.add(tf.layers.conv2dTranspose({ filters: 2, kernelSize: 2, strides: 3, padding: 'valid', kernelInitializer: seeded(17) }));
    m.add(tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: seeded(18) }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(19) }));
    return m;
  },
};

interface Run {
  readonly losses: number[];
  readonly gradients: Float32Array[];
  readonly weights: Float32Array[];
}

/** Gradients at the start, then two training steps; the model is built from `weights` when given. */
async function train(
  backend: 'cpu' | 'wasm',
  build: () => tf.Sequential,
  optimizer: () => tf.Optimizer,
  start?: Float32Array[],
): Promise<Run & { initial: Float32Array[] }> {
  await initBackend(backend);
  const model = build();
  if (start) model.setWeights(start.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape)));
  const initial = model.getWeights().map((w) => w.dataSync() as Float32Array);
  const inputShape = (model.inputs[0]!.shape as number[]).slice(1);
  const x = tf.tensor([...randomValues([BATCH, ...inputShape], 1)], [BATCH, ...inputShape]);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1, 0, 2], 'int32'), CLASSES);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { grads } = tf.variableGrads(
    () => tf.mean(tf.metrics.categoricalCrossentropy(y, model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar,
    vars,
  );
  const gradients = vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
  tf.dispose(Object.values(grads));
  const opt = optimizer();
  const step = makeTrainStep(model, opt);
  const losses: number[] = [];
  for (let i = 0; i < 2; i++) {
    const loss = step(x, y);
    losses.push((await loss.data())[0]!);
    loss.dispose();
  }
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  tf.dispose([x, y]);
  opt.dispose();
  model.dispose();
  return { losses, gradients, weights, initial };
}

async function expectSameTraining(build: () => tf.Sequential, optimizer: () => tf.Optimizer): Promise<void> {
  const cpu = await train('cpu', build, optimizer);
  const wasm = await train('wasm', build, optimizer, cpu.initial);
  expect(relativeError(wasm.losses, cpu.losses)).toBeLessThanOrEqual(1e-4);
  cpu.gradients.forEach((g, i) => expect(relativeError(wasm.gradients[i]!, g), `gradient ${i}`).toBeLessThanOrEqual(1e-4));
  cpu.weights.forEach((w, i) => expect(relativeError(wasm.weights[i]!, w), `weight ${i}`).toBeLessThanOrEqual(1e-4));
}

describe('training on wasm matches cpu', () => {
  it.each(ACTIVATIONS)('activation %s (Conv2D, Activation and Dense), adam', async (a) => {
    await expectSameTraining(() => activationModel(a), OPTIMIZERS['adam']!);
  });

  const table = Object.keys(STRUCTURES).flatMap((s) => Object.keys(OPTIMIZERS).map((o) => [s, o] as const));
  it.each(table)('%s model, %s', async (s, o) => {
    await expectSameTraining(STRUCTURES[s]!, OPTIMIZERS[o]!);
  });
});
