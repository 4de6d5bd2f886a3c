/**
 * The TensorFlow.js layer that layerFor builds for each reshaping and normalization kind agrees with
 * the kind module: the same output shape and parameter counts on real tensors, the values Keras's
 * documentation prints, a config TensorFlow.js writes that the module reads back, and a training step.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { makeTrainStep } from '../../../../src-main/engine/backend/train-step';
import { layerFor } from '../../../../src-main/engine/model/compile';
import type { NetworkLayer } from '../../../../src-shared/graph/network';
import { countParamsOf, inferOutput, requireLayerKind } from '../../../../src-shared/layers/registry';
import type { Shape } from '../../../../src-shared/layers/types';

type Kind = NetworkLayer['kind'];

function parsed(kind: Kind, raw: Record<string, unknown>): unknown {
  const result = requireLayerKind(kind).schema.safeParse(raw);
  if (!result.success) throw new Error(result.error.message);
  return result.data;
}

/** One TensorFlow.js layer, built by layerFor, as the only layer of a model on `input`. */
function single(kind: Kind, raw: Record<string, unknown>, input: Shape, name = 'layer'): { model: tf.Sequential; params: unknown } {
  const params = parsed(kind, raw);
  const layer = layerFor({ name, kind, params }, 42, { batchInputShape: [null, ...input] });
  return { model: tf.sequential({ layers: [layer] }), params };
}

/** What the kind module says: output shape (with the batch) and [trainable, non-trainable]. */
function predicted(kind: Kind, params: unknown, input: Shape): { shape: (number | null)[]; counts: [number, number] } {
  const k = requireLayerKind(kind);
  const out = inferOutput(k, [input], params);
  if (!out.ok) throw new Error(out.problem.code);
  const c = countParamsOf(k, [input], out.value.shape, params);
  return { shape: [null, ...out.value.shape], counts: [c.trainable.value, c.nonTrainable.value] };
}

const size = (weights: readonly tf.LayerVariable[]) => weights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);

const CASES: [Kind, Record<string, unknown>, Shape][] = [
  ['ZeroPadding2D', {}, [5, 6, 3]],
  ['ZeroPadding2D', { padding: 2 }, [5, 6, 3]],
  ['ZeroPadding2D', { padding: [1, 3] }, [5, 6, 3]],
  [
    'ZeroPadding2D',
    {
      padding: [
        [1, 2],
        [3, 4],
      ],
    },
    [5, 6, 3],
  ],
  ['ZeroPadding2D', { padding: [0, [2, 1]] }, [5, 6, 3]],
  ['Cropping2D', {}, [28, 28, 3]],
  [
    'Cropping2D',
    {
      cropping: [
        [2, 2],
        [4, 4],
      ],
    },
    [28, 28, 3],
  ],
  ['Cropping2D', { cropping: [1, [0, 3]] }, [7, 9, 2]],
  ['UpSampling2D', {}, [3, 4, 2]],
  ['UpSampling2D', { size: [1, 2] }, [3, 4, 2]],
  ['UpSampling2D', { size: 3, interpolation: 'bilinear' }, [3, 4, 2]],
  ['GlobalMaxPooling2D', {}, [4, 5, 3]],
  ['Reshape', { target_shape: [3, 4] }, [12]],
  ['Reshape', { target_shape: [-1, 2, 2] }, [12]],
  ['Reshape', { target_shape: [7, 7, -1] }, [14, 14, 4]],
  ['Reshape', { target_shape: [-1] }, [2, 3, 4]],
  ['LayerNormalization', {}, [7, 7, 32]],
  ['LayerNormalization', { axis: [1, 2, 3] }, [20, 30, 40]],
  ['LayerNormalization', { axis: 1 }, [5, 6]],
  ['LayerNormalization', { axis: [-1, 1] }, [4, 5, 6]],
  ['LayerNormalization', { center: false }, [10]],
  ['LayerNormalization', { center: false, scale: false, epsilon: 0.01 }, [3, 10]],
];

describe('layerFor', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it.each(CASES)('%s %j on %j: TensorFlow.js gives the shape and weights the module says', (kind, raw, input) => {
    const { model, params } = single(kind, raw, input);
    const expected = predicted(kind, params, input);
    const layer = model.layers[0]!;
    expect(model.outputs[0]!.shape).toEqual(expected.shape);
    expect([size(layer.trainableWeights), size(layer.nonTrainableWeights)]).toEqual(expected.counts);
    // And on a real batch, not only symbolically.
    const y = tf.tidy(() => model.predict(tf.ones([2, ...input])) as tf.Tensor);
    expect(y.shape).toEqual([2, ...expected.shape.slice(1)]);
    y.dispose();
    model.dispose();
  });

  it.each(CASES)("%s %j: TensorFlow.js's own model.json config reads back as the same layer", (kind, raw, input) => {
    const { model, params } = single(kind, raw, input);
    const topology = model.toJSON(undefined, false) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const entry = topology.config.layers.find((l) => l.class_name !== 'InputLayer')!;
    expect(entry.class_name).toBe(kind);
    const back = parsed(kind, requireLayerKind(kind).fromKerasConfig(entry.config));
    // Reshape comes back with its -1 resolved, LayerNormalization with its axes ([3] for -1 on a rank-4 batch): the same layer, other numbers.
    if (kind === 'Reshape' || kind === 'LayerNormalization') expect(predicted(kind, back, input)).toEqual(predicted(kind, params, input));
    else expect(back).toEqual(params);
    model.dispose();
  });

  it('does not let TensorFlow.js rewrite the params it is given (Reshape nulls its -1, LayerNormalization resolves its axes)', () => {
    const reshape = parsed('Reshape', { target_shape: [-1, 2] }) as { target_shape: number[] };
    const norm = parsed('LayerNormalization', { axis: [-1] }) as { axis: number[] };
    const a = tf.sequential({
      layers: [layerFor({ name: 'a', kind: 'Reshape', params: reshape }, 1, { batchInputShape: [null, 6] })],
    });
    const b = tf.sequential({
      layers: [layerFor({ name: 'b', kind: 'LayerNormalization', params: norm }, 1, { batchInputShape: [null, 6] })],
    });
    expect(reshape.target_shape).toEqual([-1, 2]);
    expect(norm.axis).toEqual([-1]);
    a.dispose();
    b.dispose();
  });
});

/** The values of one layer on `x` (shape with the batch), as nested arrays. */
function run(kind: Kind, raw: Record<string, unknown>, x: tf.Tensor): unknown {
  const { model } = single(kind, raw, x.shape.slice(1));
  const y = tf.tidy(() => (model.predict(x) as tf.Tensor).arraySync());
  model.dispose();
  return y;
}

const arange = (shape: number[]) =>
  tf
    .range(
      0,
      shape.reduce((a, b) => a * b, 1),
    )
    .reshape(shape);

describe("the values of Keras's documentation examples", () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('ZeroPadding2D(padding=1) on arange(4).reshape(1, 1, 2, 2)', () => {
    expect(run('ZeroPadding2D', { padding: 1 }, arange([1, 1, 2, 2]))).toEqual([
      [
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 1],
          [2, 3],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
          [0, 0],
          [0, 0],
        ],
      ],
    ]);
  });

  it('UpSampling2D(size=(1, 2)) on arange(12).reshape(2, 2, 1, 3) repeats each column', () => {
    expect(run('UpSampling2D', { size: [1, 2] }, arange([2, 2, 1, 3]))).toEqual([
      [
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        [
          [3, 4, 5],
          [3, 4, 5],
        ],
      ],
      [
        [
          [6, 7, 8],
          [6, 7, 8],
        ],
        [
          [9, 10, 11],
          [9, 10, 11],
        ],
      ],
    ]);
  });

  it('UpSampling2D nearest repeats each value size times (ops.repeat) for larger factors too', () => {
    const y = run('UpSampling2D', { size: [3, 5] }, arange([1, 2, 2, 1])) as number[][][][];
    expect(y[0]!.map((row) => row.map((v) => v[0]))).toEqual([
      [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2, 3, 3, 3, 3, 3],
      [2, 2, 2, 2, 2, 3, 3, 3, 3, 3],
      [2, 2, 2, 2, 2, 3, 3, 3, 3, 3],
    ]);
  });

  it('Cropping2D(((1, 0), (0, 2))) keeps rows 1… and columns …end−2', () => {
    const y = run(
      'Cropping2D',
      {
        cropping: [
          [1, 0],
          [0, 2],
        ],
      },
      arange([1, 3, 4, 1]),
    ) as number[][][][];
    expect(y[0]!.map((row) => row.map((v) => v[0]))).toEqual([
      [4, 5],
      [8, 9],
    ]);
  });

  it('GlobalMaxPooling2D keeps the largest value of each channel', () => {
    expect(run('GlobalMaxPooling2D', {}, arange([2, 4, 5, 3]))).toEqual([
      [57, 58, 59],
      [117, 118, 119],
    ]);
  });

  it('Reshape((3, 4)) keeps the values in row-major order', () => {
    expect(run('Reshape', { target_shape: [3, 4] }, arange([1, 12]))).toEqual([
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
    ]);
  });

  it("LayerNormalization: (x − mean) / sqrt(var + epsilon) per sample, as Keras's docstring defines it", () => {
    // [1, 2, 3, 4]: mean 2.5, variance 1.25; epsilon 1e-3.
    const y = run('LayerNormalization', {}, tf.tensor2d([[1, 2, 3, 4]])) as number[][];
    const expected = [1, 2, 3, 4].map((v) => (v - 2.5) / Math.sqrt(1.25 + 1e-3));
    y[0]!.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });
});

describe.each(['cpu', 'wasm'] as const)('a training step on %s', (backend) => {
  it('runs through every kind, LayerNormalization without gamma or beta included, and moves the weights', async () => {
    await initBackend(backend);
    const chain: [Kind, Record<string, unknown>][] = [
      [
        'ZeroPadding2D',
        {
          padding: [
            [1, 0],
            [0, 1],
          ],
        },
      ],
      ['LayerNormalization', { center: false, scale: false }],
      ['UpSampling2D', { interpolation: 'bilinear' }],
      ['Cropping2D', { cropping: 2 }],
      ['LayerNormalization', {}],
      ['UpSampling2D', {}],
      ['GlobalMaxPooling2D', {}],
      ['Reshape', { target_shape: [2, -1] }],
      ['LayerNormalization', { axis: [1, 2], center: false }],
      ['Reshape', { target_shape: [-1] }],
    ];
    const layers = [
      tf.layers.conv2d({
        batchInputShape: [null, 6, 6, 1],
        filters: 4,
        kernelSize: 3,
        kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
      }),
      ...chain.map(([kind, raw], i) => layerFor({ name: `l${i}`, kind, params: parsed(kind, raw) }, 7 + i, {})),
      tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ];
    const model = tf.sequential({ layers });
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const step = makeTrainStep(model, tf.train.sgd(0.5));
    const x = tf.randomUniform([4, 6, 6, 1], 0, 1, 'float32', 3);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat();
    const loss = step(x, y);
    expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
    const after = model.getWeights().map((w) => Array.from(w.dataSync()));
    // Every trainable weight moved: the gradient reached the convolution through all the layers.
    expect(after.every((w, i) => w.some((v, j) => v !== before[i]![j]))).toBe(true);
    tf.dispose([loss, x, y]);
    model.dispose();
  });
});
