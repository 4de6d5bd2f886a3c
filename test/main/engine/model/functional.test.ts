/**
 * Functional networks in TensorFlow.js: the model the engine builds, and the topology Convas exports
 * loaded by TensorFlow.js itself (tf.models.modelFromJSON), both agree with the summary layer by layer.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { graphFromLayers, toNetwork, type Network, type RawLayer } from '../../../../src-shared/graph/network';
import { summarize, type Summary } from '../../../../src-shared/summary/summary';
import { toTfjsTopology } from '../../../../src-shared/keras/export';
import { importKerasModel } from '../../../../src-shared/keras/import';
import { FUNCTIONAL_GRAPHS } from '../../../shared/support/functional-graphs';

/** The constructed networks and the functional fixtures, as layers. */
const NETWORKS: [string, readonly RawLayer[]][] = [
  ...Object.entries(FUNCTIONAL_GRAPHS),
  ...['residual.keras3.json', 'inception.keras2.json', 'concat-order.tfjs.model.json'].map((file): [string, readonly RawLayer[]] => {
    const imported = importKerasModel(JSON.parse(readFileSync(new URL(`../../../fixtures/keras/${file}`, import.meta.url), 'utf8')));
    if (!imported.ok) throw new Error(`${file}: ${imported.error.code}`);
    return [file, imported.layers];
  }),
];

function load(layers: readonly RawLayer[]): { model: Network; summary: Summary } {
  const net = toNetwork(graphFromLayers(layers));
  if (!net.ok) throw new Error(JSON.stringify(net.issues));
  return { model: net.model, summary: summarize(net.analysis)! };
}

/** Each layer of a TensorFlow.js model as [name, output shape, parameters, names of its inputs in order]. */
function layersOf(model: tf.LayersModel): unknown[] {
  return model.layers.map((l) => [l.name, l.outputShape, l.countParams(), l.inboundNodes[0]!.inboundLayers.map((i) => i.name)]);
}

describe('functional networks in TensorFlow.js', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(NETWORKS)('%s: the engine builds a tf.model with the summary’s layers, shapes, counts and connections', (_, layers) => {
    const { model, summary } = load(layers);
    expect(summary.functional).toBe(true);
    const compiled = compileModel(model);
    expect(compiled).not.toBeInstanceOf(tf.Sequential);
    expect(layersOf(compiled)).toEqual(summary.layers.map((r) => [r.name, r.outputShape, r.params, r.inbound]));
    expect(compiled.countParams()).toBe(summary.totalParams);
    compiled.dispose();
  });

  it.each(NETWORKS)(
    '%s: TensorFlow.js loads the exported topology with the same layers, and computes what the engine’s model does',
    async (_, layers) => {
      const { model, summary } = load(layers);
      const loaded = await tf.models.modelFromJSON({ modelTopology: toTfjsTopology(model) } as unknown as tf.io.ModelJSON);
      expect(loaded.name).toBe(model.name);
      expect(layersOf(loaded)).toEqual(summary.layers.map((r) => [r.name, r.outputShape, r.params, r.inbound]));
      expect(loaded.outputs[0]!.shape).toEqual(summary.layers.at(-1)!.outputShape);
      expect(loaded.countParams()).toBe(summary.totalParams);
      // Same weights, same input: equal outputs only if every merge takes its inputs in the same order.
      const compiled = compileModel(model, 7);
      loaded.setWeights(compiled.getWeights());
      const x = tf.randomUniform([2, ...model.input.shape], 0, 1, 'float32', 3);
      const a = compiled.predict(x) as tf.Tensor;
      const b = loaded.predict(x) as tf.Tensor;
      expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
      tf.dispose([x, a, b]);
      compiled.dispose();
      loaded.dispose();
    },
  );
});
