/**
 * Inspection of functional networks: every node's feature maps on every branch, a merge's inputs
 * named in port order, and the kernels of every convolution kind with their roles, each checked
 * against TensorFlow.js computing the same thing another way.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectModel, type Inspection } from '../../../../src-main/engine/inspect/feature-maps';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { exampleValues, toExamples } from '../../../../src-main/engine/training/examples';
import { planTraining } from '../../../../src-shared/training/compatibility';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';
import type { Graph } from '../../../../src-shared/graph/schema';
import { parseProject } from '../../../../src-shared/project/io';
import type { TensorView } from '../../../../src-shared/engine/protocol';

function networkOf(graph: Graph): Network {
  const net = toNetwork(graph);
  if (!net.ok) throw new Error(JSON.stringify(net.issues));
  return net.model;
}

function template(name: string): Network {
  const parsed = parseProject(readFileSync(new URL(`../../../../assets/templates/${name}.convas.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.code);
  return networkOf(parsed.project.graph);
}

/**
 * Replaces every weight with seeded random values (variances positive), so biases, batch-norm
 * statistics and kernels are all non-trivial and a map that skipped one of them would differ.
 */
function scramble(model: tf.LayersModel): void {
  model.weights.forEach((w, i) => {
    const positive = /moving_variance|gamma/.test(w.originalName);
    const value = tf.randomUniform(w.shape as number[], positive ? 0.5 : -0.5, positive ? 1.5 : 0.5, 'float32', 100 + i);
    w.write(value);
    value.dispose();
  });
}

function mapOf(r: Inspection, layer: string): TensorView {
  const m = r.featureMaps.find((x) => x.layer === layer);
  if (!m) throw new Error(`no map for ${layer}`);
  return m.map;
}

/** A map (or the input) as a [1, h, w, c] tensor. */
function tensorOf(r: Inspection, layer: string): tf.Tensor4D {
  const v = layer === r.inputLayer ? r.input : mapOf(r, layer);
  return tf.tensor4d(v.data, [1, ...(v.shape as [number, number, number])]);
}

/** The largest difference between a map and a tensor, relative to the map's own range. */
async function relativeError(view: TensorView, t: tf.Tensor): Promise<number> {
  expect(t.shape.slice(1)).toEqual(view.shape);
  const other = await t.data();
  let worst = 0;
  for (let i = 0; i < view.data.length; i++) worst = Math.max(worst, Math.abs(view.data[i]! - other[i]!));
  t.dispose();
  return worst / Math.max(1, view.max - view.min);
}

function example(shape: readonly number[], seed: number): Float32Array {
  return tf.tidy(() => tf.randomUniform([...shape], 0, 1, 'float32', seed).dataSync() as Float32Array);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('inspecting the small ResNet template', () => {
  const network = template('small-resnet');
  let model: tf.LayersModel;
  let r: Inspection;
  let x: Float32Array;

  beforeAll(async () => {
    model = compileModel(network, 5);
    scramble(model);
    x = example(network.input.shape, 9);
    r = await inspectModel(model, x, network.input.shape);
  });
  afterAll(() => model.dispose());

  it('has a map for every node with a spatial output, in Keras’s layer order, each naming its inputs in port order', () => {
    const spatial = network.layers.filter((l) => l.outputShape.length === 3);
    expect(spatial.length).toBeGreaterThan(25);
    expect(r.featureMaps.map((m) => [m.layer, m.kind, m.map.shape, m.inbound])).toEqual(
      spatial.map((l) => [l.name, l.kind, l.outputShape, l.inbound]),
    );
    expect(r.inputLayer).toBe(network.input.name);
    expect(r.featureMaps.find((m) => m.layer === 'block2_add')!.inbound).toEqual(['block2_skip_bn', 'block2_bn2']);
  });

  it('shows on every node what the layers compute when run one by one on the maps of their inputs', async () => {
    // An independent forward pass: each TensorFlow.js layer applied eagerly, in order, to the tensors of its inputs.
    const tensors = new Map<string, tf.Tensor>([[network.input.name, tf.tensor(x, [1, ...network.input.shape])]]);
    for (const layer of network.layers) {
      const inputs = layer.inbound.map((n) => tensors.get(n)!);
      tensors.set(layer.name, model.getLayer(layer.name).apply(inputs.length === 1 ? inputs[0]! : inputs) as tf.Tensor);
    }
    for (const m of r.featureMaps) expect([m.layer, await relativeError(m.map, tensors.get(m.layer)!.clone())]).toEqual([m.layer, 0]);
    tf.dispose([...tensors.values()]);
  });

  it('a branch node’s map is its own layer on the map it takes in: the strided 1×1 projection on the skip path', async () => {
    const [conv] = r.kernels.filter((k) => k.layer === 'block2_skip_conv');
    expect(conv).toMatchObject({ kind: 'Conv2D', role: 'conv', kernel: { shape: [1, 1, 8, 16] } });
    expect(conv!.bias).toBeUndefined();
    const kernel = tf.tensor4d(conv!.kernel.data, [1, 1, 8, 16]);
    const err = await relativeError(mapOf(r, 'block2_skip_conv'), tf.conv2d(tensorOf(r, 'block1_out'), kernel, 2, 'same'));
    expect(err).toBeLessThan(1e-5);
    kernel.dispose();
    expect(mapOf(r, 'block2_skip_conv').shape).toEqual([14, 14, 16]);
  });

  it('an Add’s map is the sum of its inputs’ maps, and the ReLU after it their sum clipped at 0', async () => {
    for (const block of ['block1', 'block2', 'block3']) {
      const add = r.featureMaps.find((m) => m.layer === `${block}_add`)!;
      expect(add.kind).toBe('Add');
      expect(add.inbound).toHaveLength(2);
      const [a, b] = add.inbound.map((n) => tensorOf(r, n));
      expect(await relativeError(add.map, tf.add(a!, b!))).toBeLessThan(1e-6);
      expect(await relativeError(mapOf(r, `${block}_out`), tf.relu(tensorOf(r, `${block}_add`)))).toBe(0);
      tf.dispose([a!, b!]);
    }
    // The sum is not one of its inputs: the skip path really contributes.
    expect(mapOf(r, 'block1_add').data).not.toEqual(mapOf(r, 'block1_bn2').data);
  });

  it('inspects a drawing too: 28×28 pixels through the training adapter reach every branch', async () => {
    const plan = planTraining(network);
    if (!plan.ok) throw new Error(plan.problem.code);
    // A drawn vertical stroke.
    const pixels = new Uint8Array(28 * 28);
    for (let y = 4; y < 24; y++) pixels.fill(255, y * 28 + 12, y * 28 + 16);
    const drawn = toExamples(pixels, new Uint8Array(1), [0], plan.adapter);
    const d = await inspectModel(model, exampleValues(drawn, 0), drawn.shape);
    expect(d.input.shape).toEqual([28, 28, 1]);
    expect(d.input.max).toBe(1);
    expect(d.featureMaps.map((m) => m.layer)).toEqual(r.featureMaps.map((m) => m.layer));
    // Another input, other maps on the skip path and at the merge.
    expect(mapOf(d, 'block2_skip_conv').data).not.toEqual(mapOf(r, 'block2_skip_conv').data);
    expect(mapOf(d, 'block3_add').max).toBeGreaterThan(mapOf(d, 'block3_add').min);
  });

  it('predicts what the model predicts', async () => {
    const y = model.predict(tf.tensor(x, [1, ...network.input.shape])) as tf.Tensor;
    expect(r.prediction).toEqual(Array.from(await y.data()));
    y.dispose();
  });
});

const layer = (kind: string, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer =>
  ({ kind, name, params, ...(inbound.length ? { inbound } : {}) }) as RawLayer;

/** Every convolution kind on two branches of 3-channel maps, joined by a Concatenate. */
const CONVOLUTIONS: readonly RawLayer[] = [
  layer('InputLayer', 'input_layer', { shape: [10, 10, 3] }),
  layer('Conv2D', 'conv', { filters: 3, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('DepthwiseConv2D', 'dw', { kernel_size: 3, depth_multiplier: 2, padding: 'same' }, 'conv'),
  layer('SeparableConv2D', 'sep', { filters: 5, kernel_size: [3, 2], depth_multiplier: 2, padding: 'same' }, 'conv'),
  layer('SeparableConv2D', 'sep_nobias', { filters: 4, kernel_size: 3, padding: 'same', use_bias: false }, 'conv'),
  layer('Concatenate', 'cat', {}, 'dw', 'sep'),
  layer('Conv2DTranspose', 'tr', { filters: 2, kernel_size: [3, 2], strides: 2, padding: 'same' }, 'cat'),
  layer('Conv2D', 'down', { filters: 4, kernel_size: 2, strides: 2 }, 'tr'),
  layer('Add', 'join', {}, 'down', 'sep_nobias'),
  layer('Flatten', 'flatten', {}, 'join'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'flatten'),
];

describe('kernels of every convolution kind', () => {
  const network = networkOf(graphFromLayers(CONVOLUTIONS));
  let model: tf.LayersModel;
  let r: Inspection;

  beforeAll(async () => {
    model = compileModel(network, 11);
    scramble(model);
    r = await inspectModel(model, example(network.input.shape, 3), network.input.shape);
  });
  afterAll(() => model.dispose());

  it('lists each kernel in the layer order with its role and TensorFlow’s shape, the bias after the layer’s last kernel', () => {
    expect(r.kernels.map((k) => [k.layer, k.kind, k.role, k.kernel.shape, k.bias?.shape])).toEqual([
      ['conv', 'Conv2D', 'conv', [3, 3, 3, 3], [3]],
      ['dw', 'DepthwiseConv2D', 'depthwise', [3, 3, 3, 2], [6]],
      ['sep', 'SeparableConv2D', 'depthwise', [3, 2, 3, 2], undefined],
      ['sep', 'SeparableConv2D', 'pointwise', [1, 1, 6, 5], [5]],
      // Transposed: [kh, kw, filters, in], the output channels before the input ones.
      ['tr', 'Conv2DTranspose', 'transpose', [3, 2, 2, 11], [2]],
      ['down', 'Conv2D', 'conv', [2, 2, 2, 4], [4]],
      ['sep_nobias', 'SeparableConv2D', 'depthwise', [3, 3, 3, 1], undefined],
      ['sep_nobias', 'SeparableConv2D', 'pointwise', [1, 1, 3, 4], undefined],
    ]);
  });

  const kernel = (layer: string, role: string) => r.kernels.find((k) => k.layer === layer && k.role === role)!;
  const t4 = (v: TensorView) => tf.tensor4d(v.data, v.shape as [number, number, number, number]);
  const bias = (v: TensorView | undefined) => (v ? tf.tensor1d(v.data) : tf.scalar(0));

  it('depthwise: each input channel c with its own kernels gives output channels c·dm … c·dm+dm−1', async () => {
    const k = kernel('dw', 'depthwise');
    const out = tf.add(tf.depthwiseConv2d(tensorOf(r, 'conv'), t4(k.kernel), 1, 'same'), bias(k.bias));
    expect(await relativeError(mapOf(r, 'dw'), out)).toBeLessThan(1e-5);
    // Output channel 3 = input channel 1 with its second kernel: the layout the viewer reads.
    const one = tf.conv2d(
      tf.slice(tensorOf(r, 'conv'), [0, 0, 0, 1], [1, 10, 10, 1]),
      t4(k.kernel).slice([0, 0, 1, 1], [3, 3, 1, 1]),
      1,
      'same',
    );
    const channel3 = tf.add(one, k.bias!.data[3]!);
    const map = mapOf(r, 'dw');
    const mine = { ...map, shape: [10, 10, 1], data: map.data.filter((_, i) => i % 6 === 3) };
    expect(await relativeError(mine, channel3)).toBeLessThan(1e-5);
  });

  it('separable: the depthwise kernel, then the pointwise one (a 1×1 convolution mixing cin·dm channels into filters)', async () => {
    for (const name of ['sep', 'sep_nobias']) {
      const d = kernel(name, 'depthwise');
      const p = kernel(name, 'pointwise');
      const out = tf.add(tf.separableConv2d(tensorOf(r, 'conv'), t4(d.kernel), t4(p.kernel), 1, 'same'), bias(p.bias));
      expect(await relativeError(mapOf(r, name), out)).toBeLessThan(1e-5);
    }
  });

  it('transposed: the kernel in TensorFlow’s [kh, kw, filters, in] layout gives the layer’s map', async () => {
    const k = kernel('tr', 'transpose');
    const out = tf.add(tf.conv2dTranspose(tensorOf(r, 'cat'), t4(k.kernel), [1, 20, 20, 2], 2, 'same'), bias(k.bias));
    expect(await relativeError(mapOf(r, 'tr'), out)).toBeLessThan(1e-5);
  });

  it('the Concatenate and the Add show their inputs in port order, and their maps are those inputs joined', async () => {
    const cat = r.featureMaps.find((m) => m.layer === 'cat')!;
    expect(cat.inbound).toEqual(['dw', 'sep']);
    expect(await relativeError(cat.map, tf.concat([tensorOf(r, 'dw'), tensorOf(r, 'sep')], -1))).toBe(0);
    const join = r.featureMaps.find((m) => m.layer === 'join')!;
    expect(join.inbound).toEqual(['down', 'sep_nobias']);
    expect(await relativeError(join.map, tf.add(tensorOf(r, 'down'), tensorOf(r, 'sep_nobias')))).toBeLessThan(1e-6);
  });
});
