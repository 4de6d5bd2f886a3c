/**
 * The TensorFlow.js layers that layerFor builds for DepthwiseConv2D, SeparableConv2D and
 * Conv2DTranspose, each on its own in a tf.sequential: the output shape and weights they really
 * have (static and on a real tensor) are the ones our layer modules compute.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerFor } from '../../../../src-main/engine/model/compile';
import { countParamsOf, inferOutput, requireLayerKind } from '../../../../src-shared/layers/registry';
import type { NetworkLayer } from '../../../../src-shared/graph/network';
import type { Shape } from '../../../../src-shared/layers/types';
import { importKerasModel } from '../../../../src-shared/keras/import';

type Kind = 'DepthwiseConv2D' | 'SeparableConv2D' | 'Conv2DTranspose';
type OneLayer = Pick<NetworkLayer, 'id' | 'name' | 'kind' | 'params'>;

function sequentialLayer(kind: Kind, raw: Record<string, unknown>): OneLayer {
  const parsed = requireLayerKind(kind).schema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.message);
  return { id: 'n1', name: 'under_test', kind, params: parsed.data };
}

/** Our shape and weight count of the layer on `input`. */
function ours(layer: OneLayer, input: Shape): { shape: Shape; weights: number } {
  const kind = requireLayerKind(layer.kind);
  const r = inferOutput(kind, [input], layer.params);
  if (!r.ok) throw new Error(r.problem.code);
  const c = countParamsOf(kind, [input], r.value.shape, layer.params);
  return { shape: r.value.shape, weights: c.trainable.value + c.nonTrainable.value };
}

/** The tfjs layer alone in a model: its static output shape, weights, and the shape of a real output. */
function theirs(layer: OneLayer, input: Shape): { shape: Shape; weights: number; computed: Shape } {
  const model = tf.sequential();
  model.add(layerFor(layer, 7, { batchInputShape: [null, ...input] }));
  const l = model.layers[0]!;
  const x = tf.randomNormal([2, ...input], 0, 1, 'float32', 3);
  const y = model.predict(x) as tf.Tensor;
  const result = { shape: (l.outputShape as number[]).slice(1), weights: l.countParams(), computed: y.shape.slice(1) };
  tf.dispose([x, y]);
  model.dispose();
  return result;
}

const cases: [Kind, Shape, Record<string, unknown>][] = [
  ['DepthwiseConv2D', [28, 28, 1], { kernel_size: 3, padding: 'same', activation: 'relu' }],
  ['DepthwiseConv2D', [13, 11, 3], { kernel_size: [3, 2], strides: [2, 3], depth_multiplier: 4 }],
  ['DepthwiseConv2D', [12, 12, 5], { kernel_size: 5, strides: 2, padding: 'same', use_bias: false, depth_multiplier: 2 }],
  ['SeparableConv2D', [28, 28, 1], { filters: 10, kernel_size: 3, padding: 'same', activation: 'relu' }],
  ['SeparableConv2D', [15, 12, 4], { filters: 6, kernel_size: [2, 4], strides: [1, 2], depth_multiplier: 3, use_bias: false }],
  ['SeparableConv2D', [14, 14, 2], { filters: 3, kernel_size: 3, dilation_rate: [2, 3] }],
  ['Conv2DTranspose', [28, 28, 1], { filters: 10, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu' }],
  ['Conv2DTranspose', [7, 5, 3], { filters: 4, kernel_size: 3, strides: 2 }],
  // A kernel smaller than its stride: Keras and tfjs both give n·s, leaving zero gaps.
  ['Conv2DTranspose', [4, 6, 2], { filters: 2, kernel_size: [2, 1], strides: [3, 2] }],
  ['Conv2DTranspose', [5, 5, 2], { filters: 3, kernel_size: [4, 2], strides: [1, 3], padding: 'same', use_bias: false }],
];

describe('layerFor builds the convolution kinds as our modules describe them', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(cases)('%s on %j with %j', (kind, input, raw) => {
    const layer = sequentialLayer(kind, raw);
    const expected = ours(layer, input);
    const actual = theirs(layer, input);
    expect(actual).toEqual({ shape: expected.shape, weights: expected.weights, computed: expected.shape });
  });

  it('keeps channel c·M + m of a depthwise convolution on input channel c, as Keras does', () => {
    // Channel 0 all ones, channel 1 all twos; a 3×3 kernel of ones, two per channel: each window sums nine values.
    const layer = sequentialLayer('DepthwiseConv2D', {
      kernel_size: 3,
      depth_multiplier: 2,
      depthwise_initializer: 'ones',
      use_bias: false,
    });
    const model = tf.sequential();
    model.add(layerFor(layer, 1, { batchInputShape: [null, 3, 3, 2] }));
    const x = tf.stack([tf.ones([3, 3]), tf.fill([3, 3], 2)], 2).expandDims(0);
    const y = model.predict(x) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([9, 9, 18, 18]);
    tf.dispose([x, y]);
    model.dispose();
  });

  it('a transposed convolution spreads each input value over a kernel-sized patch, stepping by the stride', () => {
    // One 2×2 input of [1, 2; 3, 4], a 2×2 kernel of ones, stride 2, 'valid': each value fills its own 2×2 block.
    const layer = sequentialLayer('Conv2DTranspose', {
      filters: 1,
      kernel_size: 2,
      strides: 2,
      kernel_initializer: 'ones',
      use_bias: false,
    });
    const model = tf.sequential();
    model.add(layerFor(layer, 1, { batchInputShape: [null, 2, 2, 1] }));
    const y = model.predict(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])) as tf.Tensor;
    expect(y.shape).toEqual([1, 4, 4, 1]);
    expect(Array.from(y.dataSync())).toEqual([1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
    y.dispose();
    model.dispose();
  });

  it('seeds the depthwise, pointwise and bias initializers separately and reproducibly', () => {
    const layer = sequentialLayer('SeparableConv2D', { filters: 4, kernel_size: 3, bias_initializer: 'random_normal' });
    const weights = (seed: number) => {
      const model = tf.sequential();
      model.add(layerFor(layer, seed, { batchInputShape: [null, 8, 8, 3] }));
      const w = model.getWeights().map((t) => Array.from(t.dataSync()));
      model.dispose();
      return w;
    };
    const [depthwise, pointwise, bias] = weights(5);
    expect(weights(5)).toEqual([depthwise, pointwise, bias]);
    expect(weights(6)[0]).not.toEqual(depthwise);
    expect(depthwise!.slice(0, 3)).not.toEqual(pointwise!.slice(0, 3));
  });

  it('reads back the settings from the model.json that TensorFlow.js writes for these layers', () => {
    const layers = [
      sequentialLayer('DepthwiseConv2D', {
        kernel_size: [3, 2],
        strides: 2,
        padding: 'same',
        depth_multiplier: 3,
        activation: 'relu',
        use_bias: false,
      }),
      // depth_multiplier stays 1: tfjs's SeparableConv2D.getConfig leaves it out (saveModel writes it back).
      sequentialLayer('SeparableConv2D', { filters: 5, kernel_size: 3, dilation_rate: 2, activation: 'tanh' }),
      sequentialLayer('Conv2DTranspose', { filters: 2, kernel_size: [2, 3], strides: [2, 1], padding: 'same', activation: 'sigmoid' }),
    ].map((l, i) => ({ ...l, id: `n${i}`, name: `layer_${i}` }));
    const model = tf.sequential();
    layers.forEach((l, i) => model.add(layerFor(l, 1, i === 0 ? { batchInputShape: [null, 16, 16, 3] } : {})));
    const imported = importKerasModel({ modelTopology: model.toJSON(null, false) });
    model.dispose();
    if (!imported.ok) throw new Error(imported.error.code);
    expect(imported.flavor).toBe('tfjs');
    const reread = imported.layers.slice(1).map((l) => requireLayerKind(l.kind).schema.parse(l.params));
    // tfjs writes its own default initializers (glorotUniform for all three), as Keras's.
    expect(reread).toEqual(layers.map((l) => l.params));
  });

  it('refuses to build what TensorFlow.js would get wrong (training refuses these first)', () => {
    const build = (kind: Kind, raw: Record<string, unknown>) => () => layerFor(sequentialLayer(kind, raw), 1, {});
    expect(build('DepthwiseConv2D', { kernel_size: 3, dilation_rate: 2 })).toThrow(/ignores dilation_rate/);
    expect(build('Conv2DTranspose', { filters: 1, kernel_size: 3, dilation_rate: 2 })).toThrow(/ignores dilation_rate/);
    expect(build('Conv2DTranspose', { filters: 1, kernel_size: 3, strides: 2, output_padding: 1 })).toThrow(/no output_padding/);
  });
});
