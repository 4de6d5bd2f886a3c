import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { makeTrainStep } from '../../../../src-main/engine/backend/train-step';
import { randomValues, relativeError } from './compare';

/*
 * Every palette layer and activation, trained for two steps with every optimizer on wasm and on
 * cpu from the same weights and data. A kernel wasm lacks makes the wasm run throw; a wrong one
 * makes the gradients or the updated weights differ. The newer layer kinds (depthwise, separable
 * and transposed convolutions, padding, cropping, upsampling, global max pooling, reshape, layer
 * normalization, the activation layers and the merges) each train with Adam only: the
 * optimizers only see gradients, which the five structures already cover with every optimizer.
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

/** A convolution, `layers`, then (flattened if need be) a softmax Dense layer: one new layer kind in a small chain. */
function chain(inputShape: [number, number, number], ...layers: tf.layers.Layer[]): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape, filters: 3, kernelSize: 3, padding: 'same', activation: 'tanh', kernelInitializer: seeded(20) }));
  for (const layer of layers) m.add(layer);
  if (m.outputs[0]!.shape.length > 2) m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(21) }));
  return m;
}

/**
 * Keras's ReLU(max_value, negative_slope, threshold), from tf ops: tf.layers.reLU takes only
 * maxValue, so the engine builds this one itself; here it checks the ops' gradients on wasm.
 */
class KerasReLU extends tf.layers.Layer {
  static readonly className = 'KerasReLUForParity';
  constructor(
    private readonly maxValue: number,
    private readonly negativeSlope: number,
    private readonly threshold: number,
  ) {
    super({});
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      const below = tf.mul(tf.sub(x, this.threshold), this.negativeSlope);
      return tf.where(tf.greaterEqual(x, this.threshold), tf.minimum(x, this.maxValue), below);
    });
  }
}

const NEW_KINDS: Record<string, () => tf.LayersModel> = {
  'DepthwiseConv2D, multiplier 2, stride 2, same': () =>
    chain(
      [9, 9, 2],
      tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2, padding: 'same', depthwiseInitializer: seeded(22) }),
    ),
  'DepthwiseConv2D, 2×3 kernel, valid': () =>
    chain([8, 7, 2], tf.layers.depthwiseConv2d({ kernelSize: [2, 3], padding: 'valid', depthwiseInitializer: seeded(23) })),
  'SeparableConv2D, multiplier 2, dilation 2, same': () =>
    chain(
      [9, 9, 2],
      tf.layers.separableConv2d({
        filters: 4,
        kernelSize: 3,
        depthMultiplier: 2,
        dilationRate: 2,
        padding: 'same',
        depthwiseInitializer: seeded(24),
        pointwiseInitializer: seeded(25),
      }),
    ),
  'SeparableConv2D, stride 2, valid': () =>
    chain(
      [9, 8, 2],
      tf.layers.separableConv2d({
        filters: 3,
        kernelSize: 3,
        strides: 2,
        padding: 'valid',
        depthwiseInitializer: seeded(26),
        pointwiseInitializer: seeded(27),
      }),
    ),
  'Conv2DTranspose, stride 2, same': () =>
    chain([5, 5, 2], tf.layers.conv2dTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: seeded(28) })),
  'Conv2DTranspose, 3×2 kernel, strides 2×1, valid': () =>
    chain(
      [5, 4, 2],
      tf.layers.conv2dTranspose({ filters: 2, kernelSize: [3, 2], strides: [2, 1], padding: 'valid', kernelInitializer: seeded(29) }),
    ),
  ZeroPadding2D: () =>
    chain(
      [6, 5, 2],
      tf.layers.zeroPadding2d({
        padding: [
          [1, 2],
          [0, 1],
        ],
      }),
    ),
  Cropping2D: () =>
    chain(
      [7, 8, 2],
      tf.layers.cropping2D({
        cropping: [
          [1, 0],
          [2, 1],
        ],
      }),
    ),
  'UpSampling2D, nearest, 2×3': () => chain([5, 4, 2], tf.layers.upSampling2d({ size: [2, 3], interpolation: 'nearest' })),
  'UpSampling2D, bilinear, 2×2': () => chain([5, 4, 2], tf.layers.upSampling2d({ size: [2, 2], interpolation: 'bilinear' })),
  GlobalMaxPooling2D: () => chain([6, 7, 2], tf.layers.globalMaxPooling2d({})),
  Reshape: () => chain([6, 4, 2], tf.layers.reshape({ targetShape: [8, 9] }), tf.layers.dense({ units: 4, kernelInitializer: seeded(30) })),
  LayerNormalization: () => chain([6, 6, 2], tf.layers.layerNormalization({ axis: -1, epsilon: 1e-3 })),
  'ReLU, max_value': () => chain([6, 6, 2], tf.layers.reLU({ maxValue: 0.5 })),
  'ReLU, max_value, negative_slope and threshold (from ops)': () => chain([6, 6, 2], new KerasReLU(0.6, 0.1, -0.2)),
  LeakyReLU: () => chain([6, 6, 2], tf.layers.leakyReLU({ alpha: 0.2 })),
  // tf.layers.softmax's default axis is 1, not Keras's -1; see the limits below.
  'Softmax, last axis': () => chain([6, 6, 2], tf.layers.softmax({ axis: -1 })),
};

/** Two convolution branches of one input joined by `merge`, then a softmax Dense layer. */
function branches(
  merge: (a: tf.SymbolicTensor, b: tf.SymbolicTensor) => tf.SymbolicTensor | tf.SymbolicTensor[] | tf.Tensor | tf.Tensor[],
): tf.LayersModel {
  const input = tf.input({ shape: [7, 6, 2] });
  const conv = (seed: number, kernelSize: number, activation: 'relu' | 'tanh') =>
    tf.layers
      .conv2d({ filters: 3, kernelSize, padding: 'same', activation, kernelInitializer: seeded(seed) })
      .apply(input) as tf.SymbolicTensor;
  const joined = merge(conv(31, 3, 'tanh'), conv(32, 2, 'relu')) as tf.SymbolicTensor;
  const flat = tf.layers.flatten().apply(joined) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(33) }).apply(flat) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const MERGES: Record<string, () => tf.LayersModel> = {
  Add: () => branches((a, b) => tf.layers.add().apply([a, b])),
  Multiply: () => branches((a, b) => tf.layers.multiply().apply([a, b])),
  Average: () => branches((a, b) => tf.layers.average().apply([a, b])),
  Maximum: () => branches((a, b) => tf.layers.maximum().apply([a, b])),
  Minimum: () => branches((a, b) => tf.layers.minimum().apply([a, b])),
  Concatenate: () => branches((a, b) => tf.layers.concatenate({ axis: -1 }).apply([a, b])),
};

interface Run {
  readonly losses: number[];
  readonly gradients: Float32Array[];
  readonly weights: Float32Array[];
}

/** Gradients at the start, then two training steps; the model is built from `weights` when given. */
async function train(
  backend: 'cpu' | 'wasm',
  build: () => tf.LayersModel,
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

async function expectSameTraining(build: () => tf.LayersModel, optimizer: () => tf.Optimizer): Promise<void> {
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

  it.each(Object.keys(NEW_KINDS))('%s (between Conv2D and Dense), adam', async (kind) => {
    await expectSameTraining(NEW_KINDS[kind]!, OPTIMIZERS['adam']!);
  });

  it.each(Object.keys(MERGES))('%s of two Conv2D branches, adam', async (merge) => {
    await expectSameTraining(MERGES[merge]!, OPTIMIZERS['adam']!);
  });
});

/*
 * Not kernels: what tf.layers itself does with some Keras arguments. These pin the behaviour the
 * engine must refuse or work around, and fail when a TensorFlow.js upgrade changes it.
 */
describe('TensorFlow.js layer arguments the engine cannot pass through', () => {
  const x = () => tf.tensor4d(randomValues([1, 7, 7, 2], 40), [1, 7, 7, 2]);

  it('tf.layers.depthwiseConv2d ignores dilationRate (tf.depthwiseConv2d, and so SeparableConv2D, honours it)', async () => {
    await initBackend('cpu');
    tf.tidy(() => {
      const kernel = tf.tensor4d(randomValues([3, 3, 2, 1], 41), [3, 3, 2, 1]);
      const layer = tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2, padding: 'same', useBias: false });
      layer.apply(x());
      layer.setWeights([kernel]);
      const output = layer.apply(x()) as tf.Tensor;
      expect(relativeError(output.dataSync(), tf.depthwiseConv2d(x(), kernel, 1, 'same').dataSync())).toBe(0);
      expect(relativeError(output.dataSync(), tf.depthwiseConv2d(x(), kernel, 1, 'same', 'NHWC', 2).dataSync())).toBeGreaterThan(0.1);
    });
  });

  it('tf.layers.conv2dTranspose ignores dilationRate', async () => {
    await initBackend('cpu');
    tf.tidy(() => {
      const kernel = tf.tensor4d(randomValues([3, 3, 2, 2], 42), [3, 3, 2, 2]);
      const output = (dilationRate: number) => {
        const layer = tf.layers.conv2dTranspose({ filters: 2, kernelSize: 3, dilationRate, padding: 'same', useBias: false });
        layer.apply(x());
        layer.setWeights([kernel]);
        return (layer.apply(x()) as tf.Tensor).dataSync();
      };
      expect(relativeError(output(2), output(1))).toBe(0);
    });
  });

  it("tf.layers.softmax defaults to axis 1, not Keras's -1, and softmax cannot run along any axis but the last", async () => {
    await initBackend('cpu');
    tf.tidy(() => {
      expect(() => tf.layers.softmax().apply(x())).toThrow(/non-last dimension/);
      expect(() => tf.layers.softmax({ axis: 2 }).apply(x())).toThrow(/non-last dimension/);
      expect((tf.layers.softmax({ axis: -1 }).apply(x()) as tf.Tensor).shape).toEqual([1, 7, 7, 2]);
    });
  });
});
