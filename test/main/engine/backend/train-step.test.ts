import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { makeTrainStep } from '../../../../src-main/engine/backend/train-step';

const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });

function model(regularised: boolean): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.conv2d({
      inputShape: [8, 8, 1],
      filters: 3,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: seeded(1),
      ...(regularised ? { kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) } : {}),
    }),
  );
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.batchNormalization({ axis: -1 }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dropout({ rate: 0.25, seed: 5 }));
  m.add(tf.layers.dense({ units: 4, activation: 'softmax', kernelInitializer: seeded(2) }));
  return m;
}

function batch(): { x: tf.Tensor4D; y: tf.Tensor2D } {
  return {
    x: tf.randomUniform([5, 8, 8, 1], 0, 1, 'float32', 9) as tf.Tensor4D,
    y: tf.oneHot(tf.tensor1d([0, 3, 1, 2, 3], 'int32'), 4).toFloat() as tf.Tensor2D,
  };
}

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('makeTrainStep', () => {
  it.each([
    ['adam', false],
    ['sgd', false],
    ['adam', true],
  ] as const)(
    'updates weights (and batch-norm statistics) exactly as model.fit does: %s, regularised %s',
    async (optimizer, regularised) => {
      await initBackend('wasm');
      const { x, y } = batch();
      const byFit = model(regularised);
      byFit.compile({ optimizer: tf.train[optimizer](0.01), loss: 'categoricalCrossentropy' });
      const history = await byFit.fit(x, y, { batchSize: 5, epochs: 2, shuffle: false, verbose: 0 });

      const byStep = model(regularised);
      const step = makeTrainStep(byStep, tf.train[optimizer](0.01));
      const losses: number[] = [];
      for (let i = 0; i < 2; i++) {
        const loss = step(x, y);
        losses.push(loss.dataSync()[0]!);
        loss.dispose();
      }

      expect(losses[0]).toBeCloseTo(history.history['loss']![0] as number, 5);
      expect(losses[1]).toBeCloseTo(history.history['loss']![1] as number, 5);
      const [a, b] = [weightsOf(byStep), weightsOf(byFit)];
      expect(a.length).toBe(b.length);
      a.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(b[i]![j]!, 5)));
      // And it did train: the weights moved.
      expect(weightsOf(model(regularised))[0]).not.toEqual(a[0]);
    },
  );

  it('leaves no tensors behind but the loss it returns', async () => {
    await initBackend('wasm');
    const m = model(false);
    const step = makeTrainStep(m, tf.train.adam(0.01));
    const { x, y } = batch();
    step(x, y).dispose(); // creates the optimizer's slots
    const before = tf.memory().numTensors;
    const loss = step(x, y);
    expect(tf.memory().numTensors).toBe(before + 1);
    loss.dispose();
  });
});
