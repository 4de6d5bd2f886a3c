/**
 * "Explain this layer" on a functional network: a Conv2D on a branch and one after a merge take the
 * trained model's maps of the node feeding them, and Explain's own arithmetic on those numbers gives
 * what TensorFlow.js computed; the demo says where it cannot follow the branches.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectModel, type Inspection } from '../../../src-main/engine/inspect/feature-maps';
import { compileModel } from '../../../src-main/engine/model/compile';
import { demoInput, pathFromInput, singleInbound, trainedNumbers, type TrainedNumbers } from '../../../src-renderer/learn/explain-source';
import { agrees, dimsOf, toImage, toKernels } from '../../../src-renderer/learn/explain-model';
import { analyzeGraph, type GraphAnalysis, type NodeReport } from '../../../src-shared/graph/analyze';
import { graphFromLayers, toNetwork, type RawLayer } from '../../../src-shared/graph/network';
import type { Graph } from '../../../src-shared/graph/schema';
import type { Conv2DParams } from '../../../src-shared/layers/conv2d';
import { window2d } from '../../../src-shared/learn/convolution';

const layer = (kind: string, name: string, params: Record<string, unknown>, ...inbound: string[]): RawLayer =>
  ({ kind, name, params, ...(inbound.length ? { inbound } : {}) }) as RawLayer;

/** A residual block: a branch of two convolutions, a strided 1×1 projection on the skip path, an Add, then more layers. */
const RESIDUAL: readonly RawLayer[] = [
  layer('InputLayer', 'input_layer', { shape: [12, 12, 1] }),
  layer('Conv2D', 'stem', { filters: 3, kernel_size: 3, padding: 'same', activation: 'relu' }, 'input_layer'),
  layer('Conv2D', 'branch_a', { filters: 4, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu' }, 'stem'),
  layer('Conv2D', 'branch_b', { filters: 4, kernel_size: 3, padding: 'same' }, 'branch_a'),
  layer('Conv2D', 'skip', { filters: 4, kernel_size: 1, strides: 2 }, 'stem'),
  layer('Add', 'add', {}, 'branch_b', 'skip'),
  layer('Conv2D', 'after', { filters: 2, kernel_size: 2, activation: 'relu' }, 'add'),
  layer('MaxPooling2D', 'pool', {}, 'after'),
  layer('Flatten', 'flatten', {}, 'pool'),
  layer('Dense', 'dense', { units: 10, activation: 'softmax' }, 'flatten'),
];

function idOf(analysis: GraphAnalysis, name: string): string {
  return [...analysis.nodes.values()].find((r) => r.name === name)!.id;
}

function reportOf(analysis: GraphAnalysis, name: string): NodeReport {
  return analysis.nodes.get(idOf(analysis, name))!;
}

/** Every output value of a Conv2D recomputed as Explain does (window2d on its input, kernel and bias), against the engine's. */
function disagreements(numbers: TrainedNumbers, p: Conv2DParams): number {
  const d = dimsOf(numbers.input.shape)!;
  const image = toImage(numbers.input, d);
  const kernels = toKernels(numbers.kernel!);
  const bias = Array.from(numbers.bias ?? []);
  const [rows, cols, filters] = numbers.output!.shape as [number, number, number];
  let wrong = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      for (let f = 0; f < filters; f++) {
        const z = window2d(
          image,
          kernels,
          { op: 'correlate', padding: p.padding, strides: p.strides, sameStyle: 'keras', bias },
          r,
          c,
          f,
        ).sum;
        const mine = p.activation === 'relu' ? Math.max(0, z) : z;
        if (!agrees(mine, numbers.output!.data[(r * cols + c) * filters + f]!)) wrong++;
      }
  return wrong;
}

describe('Explain this layer on a network with branches', () => {
  const graph: Graph = graphFromLayers(RESIDUAL);
  const analysis = analyzeGraph(graph);
  let model: tf.LayersModel;
  let inspection: Inspection;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const net = toNetwork(graph);
    if (!net.ok) throw new Error(JSON.stringify(net.issues));
    model = compileModel(net.model, 3);
    // Non-zero biases, so a bias read from the wrong layer would show.
    model.weights.forEach((w, i) => {
      if (w.shape.length !== 1) return;
      const b = tf.randomUniform(w.shape as number[], -0.5, 0.5, 'float32', i);
      w.write(b);
      b.dispose();
    });
    const x = tf.tidy(() => tf.randomUniform([12 * 12], 0, 1, 'float32', 1).dataSync() as Float32Array);
    inspection = await inspectModel(model, x, [12, 12, 1]);
  });
  afterAll(() => model.dispose());

  it.each([
    ['stem', 'input_layer'],
    ['branch_a', 'stem'],
    ['branch_b', 'branch_a'],
    ['skip', 'stem'],
    ['after', 'add'],
  ])('%s takes the maps of %s, and Explain’s arithmetic on them gives TensorFlow.js’s output', (name, from) => {
    const report = reportOf(analysis, name);
    const inbound = singleInbound(analysis, report.id);
    expect(inbound?.name).toBe(from);
    const numbers = trainedNumbers(inspection, report, inbound);
    if (numbers === null || numbers === 'mismatch') throw new Error(`${name}: ${numbers}`);
    const expected = from === 'input_layer' ? inspection.input : inspection.featureMaps.find((m) => m.layer === from)!.map;
    expect(numbers.input).toBe(expected);
    expect(numbers.output).toBe(inspection.featureMaps.find((m) => m.layer === name)!.map);
    expect(numbers.kernel?.shape).toEqual([
      ...(report.params as Conv2DParams).kernel_size,
      report.inputShape![2],
      (report.params as Conv2DParams).filters,
    ]);
    expect(numbers.bias?.some((b) => b !== 0)).toBe(true);
    expect(disagreements(numbers, report.params as Conv2DParams)).toBe(0);
  });

  it('the first layer of a run with standardised inputs takes what it received, not the 0–1 picture', async () => {
    const x = tf.tidy(() => tf.randomUniform([12 * 12], 0, 1, 'float32', 1).dataSync() as Float32Array);
    const standardized = await inspectModel(model, x, [12, 12, 1], { kind: 'standardize', mean: [0.5], std: [0.25] });
    const report = reportOf(analysis, 'stem');
    const numbers = trainedNumbers(standardized, report, singleInbound(analysis, report.id));
    if (numbers === null || numbers === 'mismatch') throw new Error(`stem: ${numbers}`);
    expect(numbers.input).toBe(standardized.normalizedInput);
    expect(disagreements(numbers, report.params as Conv2DParams)).toBe(0);
    // With the picture instead, Explain's sums would not be what the network computed.
    expect(disagreements({ ...numbers, input: standardized.input }, report.params as Conv2DParams)).toBeGreaterThan(0);
  });

  it('the pooling after the merge takes its input’s maps too', () => {
    const numbers = trainedNumbers(inspection, reportOf(analysis, 'pool'), reportOf(analysis, 'after'));
    expect(numbers).not.toBe('mismatch');
    expect(numbers && numbers !== 'mismatch' ? numbers.input.shape : null).toEqual([5, 5, 2]);
  });

  it('refuses numbers that no longer fit: the canvas changed the layer after training', () => {
    const changed = graphFromLayers(RESIDUAL.map((l) => (l.name === 'after' ? { ...l, params: { ...l.params, kernel_size: 3 } } : l)));
    const a = analyzeGraph(changed);
    const report = reportOf(a, 'after');
    expect(trainedNumbers(inspection, report, singleInbound(a, report.id))).toBe('mismatch');
    // A wrong input layer (another branch's map) would not fit its shape either.
    expect(trainedNumbers(inspection, reportOf(analysis, 'branch_b'), reportOf(analysis, 'stem'))).toBe('mismatch');
    expect(trainedNumbers({ ...inspection, featureMaps: [], kernels: [] }, reportOf(analysis, 'after'), reportOf(analysis, 'add'))).toBe(
      null,
    );
  });

  it('its demo follows single paths from the Input, and past a merge uses synthetic maps, naming the merge', () => {
    const id = (name: string) => idOf(analysis, name);
    expect(demoInput(analysis, id('stem'))).toEqual({ kind: 'sample' });
    expect(demoInput(analysis, id('branch_b'))).toEqual({ kind: 'propagate', path: [id('input_layer'), id('stem'), id('branch_a')] });
    expect(demoInput(analysis, id('skip'))).toEqual({ kind: 'propagate', path: [id('input_layer'), id('stem')] });
    expect(pathFromInput(analysis, id('after'))).toBeUndefined();
    expect(demoInput(analysis, id('after'))).toEqual({ kind: 'maps', merge: 'add' });
    expect(demoInput(analysis, id('pool'))).toEqual({ kind: 'maps', merge: 'add' });
  });
});
