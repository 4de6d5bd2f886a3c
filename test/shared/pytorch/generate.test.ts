/**
 * model_pytorch.py proved by torch itself: for every template and small networks covering each
 * layer kind, the engine's compiled model is saved with its (perturbed) weights beside the
 * generated module; Python loads it with load(), and its parameter count and its predictions on
 * fixed random inputs must be the summary's and the engine's. A lecture CNN trained briefly scores
 * the same test accuracy in PyTorch as in the engine. One Python process runs every case.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTORCH_FILE, toPytorchModule } from '../../../src-shared/pytorch/generate';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../src-shared/graph/network';
import type { LayerKindId } from '../../../src-shared/layers/types';
import { summarize } from '../../../src-shared/summary/summary';
import { TEMPLATE_IDS } from '../../../src-shared/project/templates';
import { compileModel } from '../../../src-main/engine/model/compile';
import { saveModel } from '../../../src-main/engine/export/artifacts';
import { writePytorchModule } from '../../../src-main/engine/export/pytorch';
import { TrainingSession } from '../../../src-main/engine/training/session';
import { rangeTensors } from '../../../src-main/engine/training/examples';
import { sampleData, templateGraph, testSettings, useWasm } from '../../main/engine/training/harness';
import { seededRandom } from '../../../src-shared/util/random';
import { pythonWithTorch } from '../support/torch-python';

function layer(kind: string, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer {
  return { kind: kind as LayerKindId, name, params, ...(inbound.length > 0 ? { inbound } : {}) };
}

/** Small networks that between them use every kind and the settings where PyTorch and TensorFlow part ways. */
const EXTRA: Record<string, readonly RawLayer[]> = {
  // Even kernels and strides with 'same' pad one more at the end in TensorFlow; so do odd sizes with strides.
  'even kernels, strides and same padding': [
    layer('InputLayer', 'input_layer', { shape: [9, 9, 2] }),
    layer('Conv2D', 'conv2d', { filters: 3, kernel_size: 2, strides: 2, padding: 'same', activation: 'relu' }),
    layer('Conv2D', 'conv2d_1', { filters: 4, kernel_size: 4, padding: 'same', activation: 'tanh' }),
    layer('Conv2D', 'conv2d_2', { filters: 4, kernel_size: [2, 3], strides: [2, 1], padding: 'same', use_bias: false }),
    layer('Conv2D', 'conv2d_3', { filters: 4, kernel_size: 3, dilation_rate: 2, padding: 'same', activation: 'elu' }),
    layer('MaxPooling2D', 'max_pooling2d', { pool_size: 2, padding: 'same' }),
    layer('AveragePooling2D', 'average_pooling2d', { pool_size: 3, strides: 1, padding: 'same' }),
    layer('AveragePooling2D', 'average_pooling2d_1', { pool_size: [2, 1], strides: 2, padding: 'same' }),
    layer('MaxPooling2D', 'max_pooling2d_1', { pool_size: 1, strides: [1, 2] }),
    layer('Flatten', 'flatten', {}),
    layer('Dense', 'dense', { units: 5, activation: 'softmax' }),
  ],
  'depthwise with a multiplier, separable, batch normalisation': [
    layer('InputLayer', 'input_layer', { shape: [10, 10, 3] }),
    layer('DepthwiseConv2D', 'depthwise', { kernel_size: 3, strides: 2, depth_multiplier: 2, padding: 'same', activation: 'relu6' }),
    layer('SeparableConv2D', 'separable', { filters: 4, kernel_size: 2, depth_multiplier: 3, padding: 'same', activation: 'swish' }),
    layer('BatchNormalization', 'batch_normalization', { momentum: 0.9, epsilon: 0.01 }),
    layer('DepthwiseConv2D', 'depthwise_1', { kernel_size: [3, 2], use_bias: false }),
    layer('SeparableConv2D', 'separable_1', { filters: 3, kernel_size: 1, use_bias: false, activation: 'mish' }),
    layer('BatchNormalization', 'batch_normalization_1', { center: false }),
    layer('GlobalMaxPooling2D', 'global_max_pooling2d', {}),
    layer('Dense', 'dense', { units: 3, activation: 'sigmoid' }),
  ],
  'transposed convolutions and upsampling': [
    layer('InputLayer', 'input_layer', { shape: [4, 3, 2] }),
    layer('Conv2DTranspose', 'deconv', { filters: 3, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu' }),
    layer('Conv2DTranspose', 'deconv_1', { filters: 2, kernel_size: 2, strides: 3 }),
    layer('Conv2DTranspose', 'deconv_2', { filters: 2, kernel_size: 4, padding: 'same', activation: 'softplus' }),
    layer('Conv2DTranspose', 'deconv_3', { filters: 2, kernel_size: [3, 2], strides: [1, 2], use_bias: false }),
    layer('UpSampling2D', 'up_sampling2d', { size: [2, 1], interpolation: 'bilinear' }),
    layer('UpSampling2D', 'up_sampling2d_1', { size: 2 }),
    layer('GlobalAveragePooling2D', 'global_average_pooling2d', {}),
    layer('Dense', 'dense', { units: 4 }),
  ],
  'merges, layer normalisation, padding, cropping, softmax and reshape': [
    layer('InputLayer', 'input_layer', { shape: [6, 6, 3] }),
    layer('Conv2D', 'a', { filters: 4, kernel_size: 3, padding: 'same' }, 'input_layer'),
    layer('LayerNormalization', 'layer_normalization', {}, 'a'),
    layer('Conv2D', 'b', { filters: 4, kernel_size: 1, activation: 'softsign' }, 'input_layer'),
    layer('Add', 'add', {}, 'layer_normalization', 'b'),
    layer('Multiply', 'multiply', {}, 'add', 'b'),
    layer('Average', 'average', {}, 'multiply', 'a', 'b'),
    layer('Maximum', 'maximum', {}, 'average', 'a'),
    layer('Minimum', 'minimum', {}, 'maximum', 'b', 'add'),
    layer('Concatenate', 'concatenate', {}, 'minimum', 'a'),
    layer('Conv2D', 'c', { filters: 8, kernel_size: 1, strides: 1 }, 'input_layer'),
    layer('Concatenate', 'concatenate_1', { axis: 1 }, 'concatenate', 'c'),
    layer('LayerNormalization', 'layer_normalization_1', { axis: [3, 1], center: false }, 'concatenate_1'),
    layer(
      'ZeroPadding2D',
      'zero_padding2d',
      {
        padding: [
          [1, 0],
          [2, 1],
        ],
      },
      'layer_normalization_1',
    ),
    layer(
      'Cropping2D',
      'cropping2d',
      {
        cropping: [
          [0, 3],
          [1, 0],
        ],
      },
      'zero_padding2d',
    ),
    layer('Softmax', 'softmax', {}, 'cropping2d'),
    layer('ReLU', 're_lu', { max_value: 0.1 }, 'softmax'),
    layer('LeakyReLU', 'leaky_re_lu', { negative_slope: 0.2 }, 're_lu'),
    layer('ReLU', 're_lu_1', { negative_slope: 0.1 }, 'leaky_re_lu'),
    layer('Reshape', 'reshape', { target_shape: [-1, 8] }, 're_lu_1'),
    layer('Dense', 'dense', { units: 6, activation: 'gelu' }, 'reshape'),
    layer('Reshape', 'reshape_1', { target_shape: [3, 4, -1] }, 'dense'),
    layer('Flatten', 'flatten', {}, 'reshape_1'),
    layer('Dense', 'dense_1', { units: 3, activation: 'softmax' }, 'flatten'),
  ],
  'Dense and normalisation on vectors and matrices': [
    layer('InputLayer', 'input_layer', { shape: [5, 6] }),
    layer('Dense', 'dense', { units: 4, activation: 'selu' }),
    layer('BatchNormalization', 'batch_normalization', {}),
    layer('LayerNormalization', 'layer_normalization', { axis: [1, 2], scale: false }),
    layer('Activation', 'activation', { activation: 'hard_sigmoid' }),
    layer('Flatten', 'flatten', {}),
    layer('Dense', 'dense_1', { units: 7, use_bias: false }),
    layer('BatchNormalization', 'batch_normalization_1', { scale: false }),
    layer('Dropout', 'dropout', { rate: 0.3 }),
    layer('Dense', 'dense_2', { units: 3, activation: 'softmax' }),
  ],
  'Dense on an image and reshaping into one': [
    layer('InputLayer', 'input', { shape: [16] }),
    layer('Reshape', 'reshape', { target_shape: [2, 4, 2] }),
    layer('Dense', 'dense', { units: 3, activation: 'relu' }),
    layer('BatchNormalization', 'batch_normalization', {}),
    layer('Activation', 'activation', { activation: 'softmax' }),
    layer('Flatten', 'flatten', {}),
    layer('Dense', 'dense_1', { units: 2 }),
  ],
};

/** Runs every case folder's model_pytorch.py: load(), its parameter count and its outputs on the case's inputs. */
const DRIVER = `
import importlib.util, json, os, sys
import numpy as np
import torch
torch.set_grad_enabled(False)
root = sys.argv[1]
results = {}
for case in sorted(os.listdir(root)):
    folder = os.path.join(root, case)
    try:
        spec = importlib.util.spec_from_file_location('convas_case_' + case, os.path.join(folder, '${PYTORCH_FILE}'))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        model = module.load()
        with open(os.path.join(folder, 'inputs.json')) as f:
            meta = json.load(f)
        x = torch.from_numpy(np.fromfile(os.path.join(folder, 'inputs.bin'), dtype='<f4').reshape(meta['shape']))
        if x.dim() == 4:
            x = x.permute(0, 3, 1, 2)  # the engine's NHWC images, channels first for PyTorch
        y = model(x).numpy()
        results[case] = {
            'params': sum(p.numel() for p in model.parameters()),
            'training': model.training,
            'shape': list(y.shape),
            'outputs': y.reshape(-1).tolist(),
        }
    except Exception as e:
        results[case] = {'error': f'{type(e).__name__}: {e}'}
print(json.dumps(results))
`;

interface CaseResult {
  readonly params?: number;
  readonly training?: boolean;
  readonly shape?: number[];
  readonly outputs?: number[];
  readonly error?: string;
}

interface Case {
  readonly name: string;
  readonly net: Network;
  readonly trainable: number;
  readonly expected: Float32Array;
  readonly shape: readonly number[];
}

function networkOf(layers: readonly RawLayer[]): { net: Network; trainable: number } {
  const result = toNetwork(graphFromLayers(layers));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { net: result.model, trainable: summarize(result.analysis)!.trainableParams };
}

/** Moves every weight off its initial value (biases and beta from zero, gamma and the moving statistics from one and zero). */
function perturb(model: tf.LayersModel, seed: number): void {
  const random = seededRandom(seed);
  const weights = model.weights.map((w) => {
    const value = w.read();
    const noise = tf.tensor(
      Float32Array.from({ length: value.size }, () => random() - 0.5),
      value.shape,
    );
    const positive = w.originalName.endsWith('moving_variance') || w.originalName.endsWith('gamma');
    return positive ? tf.add(tf.mul(tf.abs(noise), 2), 0.5) : tf.add(value, tf.mul(noise, 0.4));
  });
  model.setWeights(weights);
}

/** Writes a case folder: the saved model, the generated module, and the inputs as float32. */
async function writeCase(dir: string, model: tf.LayersModel, text: string, x: tf.Tensor): Promise<void> {
  mkdirSync(dir);
  await saveModel(model, dir);
  writeFileSync(join(dir, PYTORCH_FILE), text);
  writeFileSync(join(dir, 'inputs.bin'), Buffer.from((await x.data()).buffer));
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify({ shape: x.shape }));
}

let root = '';
const cases: Case[] = [];
let results: Record<string, CaseResult> = {};
const trained = { accuracy: 0, labels: new Uint8Array(0), probabilities: new Float32Array(0) };

beforeAll(async () => {
  const python = pythonWithTorch();
  await useWasm();
  root = mkdtempSync(join(tmpdir(), 'convas-pytorch-'));
  const all: [string, Network, number][] = [
    ...TEMPLATE_IDS.map((id): [string, Network, number] => {
      const result = toNetwork(templateGraph(id));
      if (!result.ok) throw new Error(`template ${id} is invalid`);
      return [`template ${id}`, result.model, summarize(result.analysis)!.trainableParams];
    }),
    ...Object.entries(EXTRA).map(([name, layers]): [string, Network, number] => {
      const { net, trainable } = networkOf(layers);
      return [name, net, trainable];
    }),
  ];
  for (const [i, [name, net, trainable]] of all.entries()) {
    const model = compileModel(net, 7 + i);
    perturb(model, 100 + i);
    const x = tf.randomUniform([3, ...net.input.shape], 0, 1, 'float32', 1 + i);
    const y = model.predict(x) as tf.Tensor;
    const module = toPytorchModule(net);
    if (!module.ok) throw new Error(`${name}: ${module.problem.code}`);
    await writeCase(join(root, `case${i}`), model, module.text, x);
    cases.push({ name, net, trainable, expected: (await y.data()) as Float32Array, shape: y.shape });
    model.dispose();
  }

  // The acceptance: the lecture CNN trained briefly on the bundled sample, exported as `train --out` exports it.
  const lecture = toNetwork(templateGraph('lecture-cnn'));
  if (!lecture.ok) throw new Error('lecture-cnn is invalid');
  const { data, outputIsProbability } = await sampleData(lecture.model, 640);
  const session = new TrainingSession({
    runId: 'r',
    model: lecture.model,
    settings: testSettings(),
    data: { ...data, validation: null },
    outputIsProbability,
    emit: () => {},
  });
  await session.run();
  expect(session.normalization.kind).toBe('unit');
  const { x } = rangeTensors(data.test, 0, data.test.count, 10);
  const probabilities = (await (session.model.predict(x) as tf.Tensor).data()) as Float32Array;
  const dir = join(root, 'trained');
  mkdirSync(dir);
  await saveModel(session.model, dir);
  await writePytorchModule(lecture.model, dir);
  writeFileSync(join(dir, 'inputs.bin'), Buffer.from((await x.data()).buffer));
  writeFileSync(join(dir, 'inputs.json'), JSON.stringify({ shape: x.shape }));
  trained.labels = data.test.labels.slice(0, data.test.count);
  trained.probabilities = Float32Array.from(probabilities);
  trained.accuracy = accuracy(probabilities, trained.labels);

  const run = spawnSync(python, ['-c', DRIVER, root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`Python failed: ${run.stderr}`);
  results = JSON.parse(run.stdout) as Record<string, CaseResult>;
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The share of rows of (n, 10) probabilities whose largest is the label's. */
function accuracy(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let right = 0;
  for (let n = 0; n < labels.length; n++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (probabilities[n * 10 + k]! > probabilities[n * 10 + best]!) best = k;
    if (best === labels[n]) right++;
  }
  return right / labels.length;
}

/** The largest absolute difference between two equally long lists. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('the PyTorch module, run by torch', () => {
  it.each([...TEMPLATE_IDS.map((id) => `template ${id}`), ...Object.keys(EXTRA)])(
    '%s: load() gives the summary’s trainable parameters and the engine’s predictions within 1e-4',
    (name) => {
      const i = cases.findIndex((c) => c.name === name);
      const c = cases[i]!;
      const r = results[`case${i}`]!;
      expect(r.error).toBeUndefined();
      expect(r.training).toBe(false);
      expect(r.params).toBe(c.trainable);
      expect(r.shape).toEqual(c.shape);
      expect(r.outputs).toHaveLength(c.expected.length);
      expect(maxDifference(r.outputs!, c.expected)).toBeLessThan(1e-4);
    },
  );

  it('refuses, by code and layer, a transposed convolution PyTorch cannot size as TensorFlow does', () => {
    const layers = (params: Record<string, unknown>) => [
      layer('InputLayer', 'input_layer', { shape: [4, 4, 1] }),
      layer('Conv2DTranspose', 'up', { filters: 2, kernel_size: 3, ...params }),
      layer('Flatten', 'flatten', {}),
      layer('Dense', 'dense', { units: 2 }),
    ];
    expect(toPytorchModule(networkOf(layers({ dilation_rate: 2 })).net)).toEqual({
      ok: false,
      problem: { code: 'transpose-dilation', values: { layer: 'up' } },
    });
    expect(toPytorchModule(networkOf(layers({ strides: 2, output_padding: 1 })).net)).toEqual({
      ok: false,
      problem: { code: 'transpose-output-padding', values: { layer: 'up' } },
    });
    expect(toPytorchModule(networkOf(layers({ strides: 2 })).net).ok).toBe(true);
  });

  it('a lecture CNN trained briefly scores the same test accuracy in PyTorch as in the engine', () => {
    const r = results['trained']!;
    expect(r.error).toBeUndefined();
    expect(trained.labels.length).toBeGreaterThan(100);
    // A trained network, not chance: the check would pass trivially on a constant output.
    expect(trained.accuracy).toBeGreaterThan(0.3);
    expect(maxDifference(r.outputs!, trained.probabilities)).toBeLessThan(1e-4);
    expect(accuracy(r.outputs!, trained.labels)).toBe(trained.accuracy);
  });
});
