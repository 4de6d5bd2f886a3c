import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { makeTrainStep } from '../../../../src-main/engine/backend/train-step';
import { ExplicitLayerNormalization } from '../../../../src-main/engine/model/explicit-layer-normalization';

const BACKENDS = ['cpu', 'wasm'] as const;

function model(layer: tf.layers.Layer, input: number[]): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({
        batchInputShape: [null, ...input.slice(0, -1), 3],
        units: input.at(-1)!,
        kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }),
      }),
      layer,
    ],
  });
}

describe.each(BACKENDS)('ExplicitLayerNormalization on %s', (backend) => {
  it.each([
    [-1, [6]],
    [-1, [4, 5]],
    [
      [1, 2],
      [4, 5],
    ],
  ] as const)("with gamma and beta (axis %j on %j) computes what TensorFlow.js's LayerNormalization computes", async (axis, input) => {
    await initBackend(backend);
    const stock = model(tf.layers.layerNormalization({ axis: typeof axis === 'number' ? axis : [...axis] }), [...input]);
    const ours = model(new ExplicitLayerNormalization({ axis, epsilon: 1e-3, center: true, scale: true }), [...input]);
    // Same dense weights, and gamma and beta away from their 1 and 0 so they count.
    ours.setWeights(stock.getWeights().map((w, i) => (i < 2 ? w : tf.randomNormal(w.shape, 0, 1, 'float32', i))));
    stock.setWeights(ours.getWeights());
    const x = tf.randomNormal([2, ...input.slice(0, -1), 3], 0, 1, 'float32', 9);
    const a = (stock.predict(x) as tf.Tensor).dataSync();
    const b = (ours.predict(x) as tf.Tensor).dataSync();
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i]!, 4));
    expect(ours.layers[1]!.getWeights().map((w) => w.shape)).toEqual(stock.layers[1]!.getWeights().map((w) => w.shape));
    stock.dispose();
    ours.dispose();
  });

  it('without beta or gamma has no such weights and gives (x − mean) / sqrt(variance + epsilon)', async () => {
    await initBackend(backend);
    const layer = new ExplicitLayerNormalization({ axis: -1, epsilon: 1e-3, center: false, scale: false, batchInputShape: [null, 4] });
    const m = tf.sequential({ layers: [layer] });
    expect(layer.getWeights()).toEqual([]);
    const y = (m.predict(tf.tensor2d([[1, 2, 3, 4]])) as tf.Tensor).dataSync();
    [1, 2, 3, 4].forEach((v, i) => expect(y[i]).toBeCloseTo((v - 2.5) / Math.sqrt(1.25 + 1e-3), 5));
    m.dispose();
  });

  it.each([
    [false, true],
    [true, false],
    [false, false],
  ])('trains with center=%s, scale=%s, where TensorFlow.js’s own LayerNormalization throws', async (center, scale) => {
    await initBackend(backend);
    const x = tf.randomNormal([4, 3], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 1], 'int32'), 3).toFloat();
    const head = () => tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) });
    const stock = tf.sequential({ layers: [...model(tf.layers.layerNormalization({ center, scale }), [5]).layers, head()] });
    expect(() => makeTrainStep(stock, tf.train.sgd(0.1))(x, y)).toThrow();
    const ours = tf.sequential({
      layers: [...model(new ExplicitLayerNormalization({ axis: -1, epsilon: 1e-3, center, scale }), [5]).layers, head()],
    });
    const before = ours.getWeights().map((w) => Array.from(w.dataSync()));
    const loss = makeTrainStep(ours, tf.train.sgd(0.1))(x, y);
    expect(Number.isFinite(loss.dataSync()[0])).toBe(true);
    const after = ours.getWeights().map((w) => Array.from(w.dataSync()));
    expect(after.every((w, i) => w.some((v, j) => v !== before[i]![j]))).toBe(true);
    ours.dispose();
  });
});

describe('serialization', () => {
  it("is written as TensorFlow.js's LayerNormalization, which loads it with its weights and computes the same", async () => {
    await initBackend('cpu');
    const m = model(new ExplicitLayerNormalization({ axis: -1, epsilon: 0.01, center: false, scale: true, name: 'norm' }), [6]);
    m.setWeights(m.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 1, 'float32', 20 + i)));
    const topology = m.toJSON(undefined, false) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const written = topology.config.layers.find((l) => l.config['name'] === 'norm')!;
    expect(written.class_name).toBe('LayerNormalization');
    expect(written.config).toMatchObject({ axis: [-1], epsilon: 0.01, center: false, scale: true });
    const loaded = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
    loaded.setWeights(m.getWeights());
    const x = tf.randomNormal([2, 3], 0, 1, 'float32', 5);
    const a = (m.predict(x) as tf.Tensor).dataSync();
    const b = (loaded.predict(x) as tf.Tensor).dataSync();
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i]!, 5));
    m.dispose();
    loaded.dispose();
  });
});
