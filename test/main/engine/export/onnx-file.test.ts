import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../../src-shared/project/io';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';
import { TEMPLATE_IDS } from '../../../../src-shared/project/templates';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { OnnxExportError, designOnnxBytes, modelWeights, onnxBytes } from '../../../../src-main/engine/export/onnx-file';
import { onnxProblemText } from '../../../../src-shared/i18n/onnx-text';
import { onnxGraphOf } from '../../../../src-shared/onnx/network-graph';
import { runOnnx } from '../../support/onnx-runtime';
import { validSmallNetworks } from '../../support/onnx-networks';

const TOLERANCE = 1e-4;

function templateNetwork(id: string): Network {
  const read = parseProject(readFileSync(new URL(`../../../../assets/templates/${id}.convas.json`, import.meta.url), 'utf8'));
  if (!read.ok) throw new Error(`${id} does not read`);
  const net = toNetwork(read.project.graph);
  if (!net.ok) throw new Error(`${id} is not a valid network`);
  return net.model;
}

/**
 * Moves every bias, batch-norm statistic and normalisation weight away from its initial value (zeros
 * and ones would hide a mixed-up channel or a missing shift); kernels keep their seeded values.
 */
function perturbWeights(model: tf.LayersModel, seed: number): void {
  let s = seed;
  const values = model.weights.map((w) => {
    const name = w.originalName;
    s += 1;
    const shape = w.shape as number[];
    if (/kernel$/.test(name)) return w.read();
    if (/moving_variance$|gamma$/.test(name)) return tf.randomUniform(shape, 0.5, 1.5, 'float32', s);
    return tf.randomUniform(shape, -0.3, 0.3, 'float32', s);
  });
  model.setWeights(values);
}

/** The largest difference between onnxruntime's and the engine's outputs on a random batch of 3. */
async function largestDifference(network: Network, model: tf.LayersModel, seed: number): Promise<number> {
  const shape = [3, ...network.input.shape];
  const x = tf.randomUniform(shape, 0, 1, 'float32', seed);
  const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  const got = await runOnnx(onnxBytes(model, network), x.dataSync() as Float32Array, shape);
  x.dispose();
  expect(got.dims).toEqual([3, ...network.layers.at(-1)!.outputShape]);
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(want[i]! - got.data[i]!));
  return worst;
}

describe('ONNX export, proved by onnxruntime', () => {
  it.each(TEMPLATE_IDS)('template %s predicts as the engine does (within 1e-4)', async (id) => {
    const network = templateNetwork(id);
    const model = compileModel(network, 11);
    perturbWeights(model, 5);
    expect(await largestDifference(network, model, 1)).toBeLessThanOrEqual(TOLERANCE);
    model.dispose();
  });

  it('random small networks of every kind, with branches, predict as the engine does', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(validSmallNetworks, fc.integer({ min: 1, max: 1000 }), async (network, seed) => {
        const model = compileModel(network, seed);
        try {
          perturbWeights(model, seed);
          const worst = await largestDifference(network, model, seed);
          if (!(worst <= TOLERANCE)) throw new Error(`${network.layers.map((l) => l.kind).join(' → ')}: differs by ${worst}`);
          checked += 1;
        } finally {
          model.dispose();
        }
      }),
      { numRuns: 40, seed: 20261201 },
    );
    expect(checked).toBe(40);
  });

  it('runs the lecture CNN convolution and pooling in one NCHW stretch: two Transposes in all', () => {
    const network = templateNetwork('lecture-cnn');
    const model = compileModel(network, 1);
    const graph = onnxGraphOf(network, modelWeights(model));
    model.dispose();
    if (!graph.ok) throw new Error('refused');
    expect(graph.graph.nodes.map((n) => n.op)).toEqual([
      'Transpose',
      'Conv',
      'Relu',
      'MaxPool',
      'Transpose',
      'Flatten',
      'MatMul',
      'Add',
      'Relu',
      'MatMul',
      'Add',
      'Softmax',
      'Identity',
    ]);
  });

  it('says in its metadata how the input is laid out and scaled and whether the output is probabilities or logits', () => {
    const network = templateNetwork('lecture-cnn');
    const model = compileModel(network, 1);
    const bytes = Buffer.from(onnxBytes(model, network, { kind: 'unit' }));
    model.dispose();
    for (const text of ['convas.input_layout', 'NHWC', 'convas.input_scale', '1/255', 'convas.output', 'probabilities', '{"kind":"unit"}'])
      expect(bytes.includes(text), text).toBe(true);
    expect(bytes.includes('logits')).toBe(false);
  });

  it('writes a design with the initial weights the engine would start from', async () => {
    const network = templateNetwork('lecture-cnn');
    const model = compileModel(network, 42);
    const shape = [2, ...network.input.shape];
    const x = tf.randomUniform(shape, 0, 1, 'float32', 9);
    const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    const got = await runOnnx(designOnnxBytes(network, 42), x.dataSync() as Float32Array, shape);
    for (let i = 0; i < want.length; i++) expect(Math.abs(want[i]! - got.data[i]!)).toBeLessThanOrEqual(TOLERANCE);
    model.dispose();
  });

  it('refuses what it cannot write exactly, with a coded reason worded in English and Korean', () => {
    const layers: RawLayer[] = [
      { kind: 'InputLayer', name: 'input', params: { shape: [6, 6, 1] } },
      { kind: 'Conv2D', name: 'conv2d', params: { filters: 2, kernel_size: 3 } },
      { kind: 'ReLU', name: 're_lu', params: { threshold: 0.5 } },
      { kind: 'Flatten', name: 'flatten', params: {} },
    ];
    const net = toNetwork(graphFromLayers(layers));
    if (!net.ok) throw new Error('invalid test network');
    // Its weights come from a network without the refused layer: the exporter sees the settings, not TensorFlow.js.
    const model = compileModel(toNetworkOrThrow(layers.filter((l) => l.kind !== 'ReLU')), 1);
    let error: unknown;
    try {
      onnxBytes(model, net.model);
    } catch (e) {
      error = e;
    }
    model.dispose();
    expect(error).toBeInstanceOf(OnnxExportError);
    const problem = (error as OnnxExportError).problem;
    expect(problem).toEqual({ code: 'relu-settings', values: { layer: 're_lu' } });
    expect(onnxProblemText('en', problem)).toMatch(/^re_lu: .*ONNX/);
    expect(onnxProblemText('ko', problem)).toMatch(/^re_lu: .*ONNX/);
    expect(onnxProblemText('ko', problem)).not.toBe(onnxProblemText('en', problem));
  });
});

function toNetworkOrThrow(layers: RawLayer[]): Network {
  const net = toNetwork(graphFromLayers(layers));
  if (!net.ok) throw new Error('invalid test network');
  return net.model;
}
