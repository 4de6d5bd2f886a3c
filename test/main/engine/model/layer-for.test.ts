/**
 * The TensorFlow.js layers of the activation layers and the merges, built by layerFor and applied in
 * a tf.model (not through compileModel's assembly): the shapes and weights our modules say, and the
 * values of Keras's documented examples (keras.layers.ReLU, keras.layers.LeakyReLU, keras.activations.relu).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerFor } from '../../../../src-main/engine/model/compile';
import type { NetworkLayer } from '../../../../src-shared/graph/network';
import { countParamsOf, inferOutput, requireLayerKind } from '../../../../src-shared/layers/registry';
import type { Shape } from '../../../../src-shared/layers/types';

type Kind = NetworkLayer['kind'];

function convasLayer(kind: Kind, raw: Record<string, unknown>): Pick<NetworkLayer, 'id' | 'name' | 'kind' | 'params'> {
  return { id: kind, name: kind.toLowerCase(), kind, params: requireLayerKind(kind).schema.parse(raw) };
}

/** Our output shape (with the batch) and weights for these inputs. */
function ours(kind: Kind, raw: Record<string, unknown>, shapes: Shape[]): { shape: (number | null)[]; params: number } {
  const layer = convasLayer(kind, raw);
  const r = inferOutput(requireLayerKind(kind), shapes, layer.params);
  if (!r.ok) throw new Error(`Convas refuses ${kind}: ${r.problem.code}`);
  const counts = countParamsOf(requireLayerKind(kind), shapes, r.value.shape, layer.params);
  return { shape: [null, ...r.value.shape], params: counts.trainable.value + counts.nonTrainable.value };
}

/** TensorFlow.js's output shape and weights of the same layer applied to symbolic inputs of these shapes. */
function tfjs(kind: Kind, raw: Record<string, unknown>, shapes: Shape[]): { shape: (number | null)[]; params: number } {
  const inputs = shapes.map((s) => tf.input({ shape: [...s] }));
  const layer = layerFor(convasLayer(kind, raw), 7, {});
  const output = layer.apply(inputs.length === 1 ? inputs[0]! : inputs) as tf.SymbolicTensor;
  const model = tf.model({ inputs, outputs: output });
  return { shape: model.outputShape as (number | null)[], params: model.countParams() };
}

/** The values one layer gives for one input row. */
function run(kind: Kind, raw: Record<string, unknown>, values: number[]): number[] {
  const layer = layerFor(convasLayer(kind, raw), 7, {});
  return tf.tidy(() => Array.from((layer.apply(tf.tensor2d([values])) as tf.Tensor).dataSync()));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('merges in TensorFlow.js', () => {
  const cases: [Kind, Record<string, unknown>, Shape[]][] = [
    [
      'Add',
      {},
      [
        [14, 14, 8],
        [14, 14, 8],
      ],
    ],
    [
      'Add',
      {},
      [
        [1, 14, 8],
        [14, 14, 8],
      ],
    ],
    ['Multiply', {}, [[8], [8], [8]]],
    [
      'Average',
      {},
      [
        [14, 14, 1],
        [14, 14, 8],
      ],
    ],
    [
      'Maximum',
      {},
      [
        [1, 1, 8],
        [14, 14, 1],
        [14, 1, 1],
      ],
    ],
    [
      'Minimum',
      {},
      [
        [3, 4],
        [3, 4],
      ],
    ],
    [
      'Concatenate',
      {},
      [
        [4, 4, 8],
        [4, 4, 16],
      ],
    ],
    [
      'Concatenate',
      { axis: 1 },
      [
        [2, 5],
        [1, 5],
      ],
    ],
    [
      'Concatenate',
      { axis: 2 },
      [
        [4, 4, 8],
        [4, 2, 8],
        [4, 1, 8],
      ],
    ],
    [
      'Concatenate',
      { axis: -2 },
      [
        [4, 3, 8],
        [4, 5, 8],
      ],
    ],
  ];

  it.each(cases)('%s %j of %j: the shape and weights our module says', (kind, raw, shapes) => {
    expect(tfjs(kind, raw, shapes)).toEqual(ours(kind, raw, shapes));
  });

  it('refuses, like Convas, shapes that do not merge', () => {
    expect(() =>
      tfjs('Add', {}, [
        [14, 14, 8],
        [28, 28, 8],
      ]),
    ).toThrow(/broadcast/);
    expect(() =>
      tfjs('Concatenate', {}, [
        [4, 4, 8],
        [4, 5, 8],
      ]),
    ).toThrow(/matching shapes/);
  });

  it('computes what Keras computes: the mean of [1, 2] and [3, 6] is [2, 4], their concatenation [1, 2, 3, 6]', () => {
    const apply = (kind: Kind) =>
      tf.tidy(() => {
        const layer = layerFor(convasLayer(kind, {}), 7, {});
        return Array.from((layer.apply([tf.tensor2d([[1, 2]]), tf.tensor2d([[3, 6]])]) as tf.Tensor).dataSync());
      });
    expect(apply('Average')).toEqual([2, 4]);
    expect(apply('Concatenate')).toEqual([1, 2, 3, 6]);
    expect(apply('Multiply')).toEqual([3, 12]);
  });
});

describe('activation layers in TensorFlow.js', () => {
  it("give the values of Keras's examples", () => {
    expect(run('ReLU', {}, [-3, -1, 0, 2])).toEqual([0, 0, 0, 2]);
    expect(run('ReLU', { max_value: 1 }, [-3, -1, 0, 2])).toEqual([0, 0, 0, 1]);
    expect(run('ReLU', { negative_slope: 1 }, [-3, -1, 0, 2])).toEqual([-3, -1, 0, 2]);
    expect(run('ReLU', { negative_slope: 0.5 }, [-10, -5, 0, 5, 10])).toEqual([-5, -2.5, 0, 5, 10]);
    expect(run('ReLU', { max_value: 5 }, [-10, -5, 0, 5, 10])).toEqual([0, 0, 0, 5, 5]);
    expect(run('LeakyReLU', { negative_slope: 0.5 }, [-10, -5, 0, 5, 10])).toEqual([-5, -2.5, 0, 5, 10]);
    expect(run('LeakyReLU', {}, [-10, 10])[0]).toBeCloseTo(-3, 6);
  });

  it('train: every ReLU setting layerFor builds has a gradient', () => {
    for (const raw of [{}, { max_value: 6 }, { negative_slope: 0.1 }]) {
      const layer = layerFor(convasLayer('ReLU', raw), 7, {});
      const grad = tf.tidy(() =>
        Array.from(
          tf
            .grad((x: tf.Tensor) => (layer.apply(x) as tf.Tensor).sum())(tf.tensor1d([-2, 3]))
            .dataSync(),
        ),
      );
      expect(grad).toEqual([raw.negative_slope === 0.1 ? 0.1 : 0, 1].map((g) => Math.fround(g)));
    }
  });

  it('refuses to build the ReLU settings planTraining refuses (no layer computes them)', () => {
    expect(() => layerFor(convasLayer('ReLU', { threshold: 0.5 }), 7, {})).toThrow(/planTraining refuses/);
    expect(() => layerFor(convasLayer('ReLU', { max_value: 10, negative_slope: 0.5 }), 7, {})).toThrow(/planTraining refuses/);
  });

  it("Softmax normalises Keras's default last axis, although TensorFlow.js's own default is axis 1", () => {
    expect(tfjs('Softmax', {}, [[4, 10]])).toEqual(ours('Softmax', {}, [[4, 10]]));
    const layer = layerFor(convasLayer('Softmax', {}), 7, {});
    const sums = tf.tidy(() => Array.from((layer.apply(tf.randomNormal([2, 4, 10], 0, 1, 'float32', 3)) as tf.Tensor).sum(-1).dataSync()));
    for (const s of sums) expect(s).toBeCloseTo(1, 5);
    // Why planTraining refuses another axis: TensorFlow.js computes softmax over the last one only.
    const axis1 = layerFor(convasLayer('Softmax', { axis: 1 }), 7, {});
    expect(() => tf.tidy(() => axis1.apply(tf.ones([2, 4, 10])) as tf.Tensor)).toThrow(/non-last dimension/);
  });
});
