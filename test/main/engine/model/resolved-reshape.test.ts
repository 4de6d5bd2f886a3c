import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { ResolvedReshape, resolveTarget } from '../../../../src-main/engine/model/resolved-reshape';
import { reshape } from '../../../../src-shared/layers/reshape';

type Topology = { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
const entry = (model: tf.LayersModel) =>
  (model.toJSON(undefined, false) as Topology).config.layers.find((l) => l.class_name === 'Reshape')!;

describe('resolveTarget', () => {
  // Keras's Reshape docs: Input(shape=(12,)) → Reshape((-1, 2, 2)) → (None, 3, 2, 2).
  it('fills the -1 with what the other dimensions leave: 12 as (-1, 2, 2) is (3, 2, 2)', () => {
    expect(resolveTarget([12], [-1, 2, 2])).toEqual([3, 2, 2]);
    expect(resolveTarget([14, 14, 4], [7, 7, -1])).toEqual([7, 7, 16]);
    expect(resolveTarget([3, 4], [12])).toEqual([12]);
  });

  it('leaves the -1 unknown when the sample shape is not known', () => expect(resolveTarget([null, 4], [-1, 2])).toEqual([null, 2]));

  it('refuses counts that do not match', () => {
    expect(() => resolveTarget([12], [5, 2])).toThrow('Reshape cannot arrange (12) as (5, 2)');
    expect(() => resolveTarget([12], [-1, 5])).toThrow();
  });
});

describe('ResolvedReshape', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it("knows the -1's size where TensorFlow.js's own Reshape leaves it unknown (tensorflow/tfjs#2719), so Dense can follow", () => {
    const stock = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [-1, 2, 2], batchInputShape: [null, 12] })] });
    expect(stock.outputs[0]!.shape).toEqual([null, null, 2, 2]);
    const ours = tf.sequential({
      layers: [new ResolvedReshape({ targetShape: [-1, 2, 2], batchInputShape: [null, 12] }), tf.layers.dense({ units: 5 })],
    });
    expect(ours.layers[0]!.outputShape).toEqual([null, 3, 2, 2]);
    expect(ours.outputs[0]!.shape).toEqual([null, 3, 2, 5]);
    const y = tf.tidy(() => (ours.layers[0]!.apply(tf.range(0, 24).reshape([2, 12])) as tf.Tensor).arraySync());
    expect(y).toEqual([
      [
        [
          [0, 1],
          [2, 3],
        ],
        [
          [4, 5],
          [6, 7],
        ],
        [
          [8, 9],
          [10, 11],
        ],
      ],
      [
        [
          [12, 13],
          [14, 15],
        ],
        [
          [16, 17],
          [18, 19],
        ],
        [
          [20, 21],
          [22, 23],
        ],
      ],
    ]);
    stock.dispose();
    ours.dispose();
  });

  it("is written as Reshape with its -1 resolved, so TensorFlow.js's own Reshape loads it with a Dense after it", async () => {
    const model = tf.sequential({
      layers: [new ResolvedReshape({ targetShape: [7, -1], batchInputShape: [null, 14, 2] }), tf.layers.dense({ units: 3 })],
    });
    expect(entry(model).config['target_shape']).toEqual([7, 4]);
    const loaded = await tf.models.modelFromJSON({ modelTopology: model.toJSON(undefined, false) } as unknown as tf.io.ModelJSON);
    loaded.setWeights(model.getWeights());
    const x = tf.randomNormal([2, 14, 2], 0, 1, 'float32', 1);
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(b.shape).toEqual([2, 7, 3]);
    expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });

  it('keeps the -1 in its config until it knows its input', () => {
    const layer = new ResolvedReshape({ targetShape: [-1, 2] });
    expect(layer.getConfig()['targetShape']).toEqual([-1, 2]);
  });

  it("TensorFlow.js's own model.json writes the -1 as null; the Reshape kind reads it back as -1", () => {
    const stock = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [-1, 2], batchInputShape: [null, 6] })] });
    const written = entry(stock).config;
    expect(written['target_shape']).toEqual([null, 2]);
    expect(reshape.schema.parse(reshape.fromKerasConfig(written))).toEqual({ target_shape: [-1, 2] });
    stock.dispose();
  });
});
