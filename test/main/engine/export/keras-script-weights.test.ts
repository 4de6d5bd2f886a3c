import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveModel } from '../../../../src-main/engine/export/artifacts';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';
import type { LayerKindId } from '../../../../src-shared/layers/types';
import { parseProject } from '../../../../src-shared/project/io';
import { defaultTrainingSettings } from '../../../../src-shared/project/training';
import { toPythonScript } from '../../../../src-shared/python/generate';
import { TRAINED_DATASET_FILE } from '../../../../src-shared/training/trained-dataset';
import { hasNumpy, PYTHON } from '../../../shared/support/python';

let dir: string | undefined;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

function layer(kind: LayerKindId, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer {
  return { kind, name, params, ...(inbound.length > 0 ? { inbound } : {}) };
}

/** A branch (SeparableConv2D beside a DepthwiseConv2D + 1×1 Conv2D) after a BatchNormalization, then LayerNormalization and a Dense head. */
const BRANCHED: readonly RawLayer[] = [
  layer('InputLayer', 'input_layer', { shape: [12, 12, 1] }),
  layer('Conv2D', 'conv2d', { filters: 4, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('BatchNormalization', 'batch_normalization', {}, 'conv2d'),
  layer('SeparableConv2D', 'separable_conv2d', { filters: 6, kernel_size: 3, padding: 'same', depth_multiplier: 2 }, 'batch_normalization'),
  layer('DepthwiseConv2D', 'depthwise_conv2d', { kernel_size: 3, padding: 'same' }, 'batch_normalization'),
  layer('Conv2D', 'conv2d_1', { filters: 6, kernel_size: 1 }, 'depthwise_conv2d'),
  layer('Add', 'add', {}, 'separable_conv2d', 'conv2d_1'),
  layer('LayerNormalization', 'layer_normalization', {}, 'add'),
  layer('GlobalAveragePooling2D', 'global_average_pooling2d', {}, 'layer_normalization'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'global_average_pooling2d'),
];

/**
 * Keras's order of each kind's weights, as its `weights` lists them and set_weights takes them —
 * written out here, not computed with Convas.
 */
const KERAS_ORDER: Partial<Record<LayerKindId, string[]>> = {
  Conv2D: ['kernel', 'bias'],
  Dense: ['kernel', 'bias'],
  BatchNormalization: ['gamma', 'beta', 'moving_mean', 'moving_variance'],
  SeparableConv2D: ['depthwise_kernel', 'pointwise_kernel', 'bias'],
  DepthwiseConv2D: ['depthwise_kernel', 'bias'],
  LayerNormalization: ['gamma', 'beta'],
};

type ByLayer = Record<string, [number[], string][]>;

/** Hex of a float32 tensor's bytes, so values compare bit for bit (signs of zero, NaN payloads and all). */
function hexOf(t: tf.Tensor): string {
  const data = t.dataSync() as Float32Array;
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}

/**
 * Takes the weight-loading functions out of a generated script (by Python's own parser, so exactly
 * the code the script holds), runs `call` with them and NumPy alone, and returns what it prints.
 */
function runExtracted(scriptPath: string, call: string, ...args: string[]): string {
  const program = [
    'import ast, json, sys',
    "source = open(sys.argv[1], encoding='utf-8').read()",
    'wanted = {"read_convas_weights", "convas_weights_by_layer", "convas_normalization"}',
    'found = [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name in wanted]',
    'assert {n.name for n in found} == wanted, [n.name for n in found]',
    'for node in found:',
    '    exec(ast.get_source_segment(source, node))',
    // TensorFlow is not installed here; make sure the loading never reaches for it.
    "assert 'tensorflow' not in sys.modules",
    call,
    "assert 'tensorflow' not in sys.modules",
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', program, scriptPath, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/** What the script's convas_weights_by_layer reads from `folder`: per layer, each array's shape and float32 bytes as hex. */
function readWithScript(scriptPath: string, folder: string, layerNames: readonly string[]): ByLayer {
  const call = [
    'by_layer = convas_weights_by_layer(sys.argv[2], json.loads(sys.argv[3]))',
    "print(json.dumps({name: [[list(a.shape), a.astype('<f4').tobytes().hex()] for a in arrays] for name, arrays in by_layer.items()}))",
  ].join('\n');
  return JSON.parse(runExtracted(scriptPath, call, folder, JSON.stringify(layerNames))) as ByLayer;
}

/** Gives every weight of the model distinct random values (moving statistics too), so nothing matches by accident. */
function randomize(model: tf.LayersModel): void {
  // A built model's weights have whole shapes (no batch dimension).
  model.setWeights(model.weights.map((w, i) => tf.randomNormal(w.shape as number[], 0, 1, 'float32', 100 + i)));
}

/** Saves a trained-looking model as the engine does, writes the script beside it and checks what the script reads back. */
async function roundTrip(network: Network): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'convas-keras-weights-'));
  const model = compileModel(network, 3);
  randomize(model);
  await saveModel(model, dir);
  const scriptPath = join(dir, 'model_keras.py');
  await writeFile(scriptPath, toPythonScript(network, defaultTrainingSettings(), network.name, { trainedWeights: true }));
  // Keras's model.layers: a functional model lists its InputLayer, a Sequential one does not.
  const names = [...(network.chain ? [] : [network.input.name]), ...network.layers.map((l) => l.name)];
  const read = readWithScript(scriptPath, dir, names);
  const expected: ByLayer = Object.fromEntries(
    names.map((name) => [
      name,
      model
        .getLayer(name)
        .getWeights()
        .map((w): [number[], string] => [w.shape, hexOf(w)]),
    ]),
  );
  expect(read).toEqual(expected);
  for (const l of network.layers) {
    const order = model.getLayer(l.name).weights.map((w) => w.originalName.slice(l.name.length + 1));
    expect(order).toEqual(KERAS_ORDER[l.kind] ?? []);
  }
  expect(Object.values(read).flat()).toHaveLength(model.weights.length);
}

describe.skipIf(!hasNumpy)("the Keras script's weight loading, run with NumPy alone", () => {
  it("reads the inputs' standardisation from convas-dataset.json, and warns when the weights learned other data", async () => {
    const net = toNetwork(graphFromLayers(BRANCHED));
    if (!net.ok) throw new Error('invalid');
    dir = await mkdtemp(join(tmpdir(), 'convas-keras-weights-'));
    const scriptPath = join(dir, 'model_keras.py');
    await writeFile(scriptPath, toPythonScript(net.model, defaultTrainingSettings(), net.model.name, { trainedWeights: true }));
    const call = [
      "n = convas_normalization(sys.argv[2], ('fashion-mnist', 'sample'))",
      'print(json.dumps(None if n is None else [n[0].tolist(), n[1].tolist(), str(n[0].dtype)]))',
    ].join('\n');
    // No file: pixels / 255, as the script prepares them.
    expect(runExtracted(scriptPath, call, dir)).toBe('null\n');
    const file = (dataset: string, normalization: unknown) =>
      writeFile(join(dir!, TRAINED_DATASET_FILE), JSON.stringify({ format: 1, dataset, normalization }));
    await file('sample', { kind: 'unit' });
    expect(runExtracted(scriptPath, call, dir)).toBe('null\n');
    await file('fashion-mnist', { kind: 'standardize', mean: [0.25], std: [0.5] });
    expect(runExtracted(scriptPath, call, dir)).toBe('[[0.25], [0.5], "float32"]\n');
    await file('cifar10', { kind: 'standardize', mean: [0.5, 0.25, 0.125], std: [2, 4, 8] });
    expect(runExtracted(scriptPath, call, dir)).toBe(
      'warning: the weights were trained on cifar10, not on the data this script evaluates them with\n[[0.5, 0.25, 0.125], [2.0, 4.0, 8.0], "float32"]\n',
    );
  });

  it('reads back exactly the values of a branched network with BatchNormalization, SeparableConv2D and LayerNormalization', async () => {
    const net = toNetwork(graphFromLayers(BRANCHED));
    if (!net.ok) throw new Error(JSON.stringify(net.issues));
    expect(net.model.chain).toBe(false);
    await roundTrip(net.model);
  });

  it('reads back exactly the values of a Sequential template', async () => {
    const parsed = parseProject(await readFile(new URL('../../../../assets/templates/lenet-5.convas.json', import.meta.url), 'utf8'));
    if (!parsed.ok) throw new Error('template');
    const net = toNetwork(parsed.project.graph);
    if (!net.ok) throw new Error('template');
    expect(net.model.chain).toBe(true);
    await roundTrip(net.model);
  });

  it('refuses weights the script has no layer for, rather than leave them out', async () => {
    const net = toNetwork(graphFromLayers(BRANCHED));
    if (!net.ok) throw new Error('invalid');
    dir = await mkdtemp(join(tmpdir(), 'convas-keras-weights-'));
    await saveModel(compileModel(net.model, 3), dir);
    const scriptPath = join(dir, 'model_keras.py');
    await writeFile(scriptPath, toPythonScript(net.model, defaultTrainingSettings(), net.model.name, { trainedWeights: true }));
    const names = [net.model.input.name, ...net.model.layers.map((l) => l.name).filter((n) => n !== 'dense')];
    expect(() => readWithScript(scriptPath, dir!, names)).toThrow(
      /model\.json holds weights this model has no place for: dense\/bias, dense\/kernel/,
    );
  });
});
