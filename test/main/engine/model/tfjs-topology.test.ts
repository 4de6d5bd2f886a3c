/**
 * The TensorFlow.js topology Convas exports, loaded by TensorFlow.js itself, computes what the
 * engine's model computes for the layers whose Keras 3 config tfjs would misread (it drops keys it
 * does not know): LeakyReLU's slope, a ReLU with a slope or a cap, a Reshape with -1 before a Dense.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { graphFromLayers, toNetwork, type RawLayer } from '../../../../src-shared/graph/network';
import { toTfjsTopology } from '../../../../src-shared/keras/export';

const input: RawLayer = { kind: 'InputLayer', params: { shape: [4, 4, 2] } };
const dense: RawLayer = { kind: 'Dense', params: { units: 3 } };

const CASES: [string, RawLayer[]][] = [
  ['LeakyReLU 0.2', [input, { kind: 'LeakyReLU', params: { negative_slope: 0.2 } }, { kind: 'Flatten', params: {} }, dense]],
  ['ReLU with a slope', [input, { kind: 'ReLU', params: { negative_slope: 0.1 } }, { kind: 'Flatten', params: {} }, dense]],
  ['ReLU capped at 0.5', [input, { kind: 'ReLU', params: { max_value: 0.5 } }, { kind: 'Flatten', params: {} }, dense]],
  ['Reshape to -1 then Dense', [input, { kind: 'Reshape', params: { target_shape: [-1] } }, dense]],
];

describe('the exported tfjs topology', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(CASES)('%s: predicts what the engine model predicts', async (_, layers) => {
    const net = toNetwork(graphFromLayers(layers));
    if (!net.ok) throw new Error(JSON.stringify(net.issues));
    const engine = compileModel(net.model, 3);
    const loaded = await tf.models.modelFromJSON({ modelTopology: toTfjsTopology(net.model) } as unknown as tf.io.ModelJSON);
    loaded.setWeights(engine.getWeights());
    // Values on both sides of 0 and above the cap, so a lost slope or cap shows.
    const x = tf.randomNormal([5, 4, 4, 2], 0, 2, 'float32', 11);
    const a = (engine.predict(x) as tf.Tensor).arraySync() as number[][];
    const b = (loaded.predict(x) as tf.Tensor).arraySync() as number[][];
    expect(b.flat()).toEqual(a.flat().map((v) => expect.closeTo(v, 6)));
    [engine, loaded, x].forEach((t) => t.dispose());
  });
});
