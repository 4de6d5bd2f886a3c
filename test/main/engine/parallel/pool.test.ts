import { describe, expect, it } from 'vitest';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { compileModel } from '../../../../src-main/engine/model/compile';
import { createTrainer } from '../../../../src-main/engine/training/trainer';
import { graphFromLayers, toNetwork, type Network } from '../../../../src-shared/graph/network';
import { seededRandom } from '../../../../src-shared/util/random';
import type { TrainingSettings } from '../../../../src-shared/project/training';

/** A small CNN with every kind of weight the lecture's has: convolution, pooling, two dense layers. */
function network(): Network {
  const n = toNetwork(
    graphFromLayers([
      { kind: 'InputLayer', params: { shape: [8, 8, 2] } },
      { kind: 'Conv2D', params: { filters: 3, kernel_size: [3, 3], padding: 'same', activation: 'relu' } },
      { kind: 'MaxPooling2D', params: { pool_size: [2, 2] } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 6, activation: 'relu' } },
      { kind: 'Dense', params: { units: 4, activation: 'softmax' } },
    ]),
  );
  if (!n.ok) throw new Error('invalid test network');
  return n.model;
}

const CLASSES = 4;
const SHAPE = [8, 8, 2];

/** Trains `steps` batches (the last one short) on `threads` threads; returns the weights and the per-step losses. */
async function train(threads: number, optimizer: TrainingSettings['optimizer'], steps: number) {
  const net = network();
  const model = compileModel(net, 3);
  const trainer = await createTrainer({
    model,
    network: net,
    seed: 3,
    config: { optimizer, learningRate: 0.01, outputIsProbability: true, classes: CLASSES, exampleShape: SHAPE },
    backend: 'wasm',
    threads,
    maxBatch: 12,
  });
  const rand = seededRandom(11);
  const losses: number[] = [];
  try {
    expect(trainer.threads).toBe(threads);
    for (let s = 0; s < steps; s++) {
      const count = s === steps - 1 ? 7 : 12;
      for (let i = 0; i < count * 128; i++) trainer.inputs[i] = rand();
      trainer.labels.fill(0);
      for (let n = 0; n < count; n++) trainer.labels[n * CLASSES + Math.floor(rand() * CLASSES)] = 1;
      losses.push((await trainer.step(count)).loss);
    }
    return { weights: model.getWeights().map((w) => Array.from(w.dataSync())), losses };
  } finally {
    await trainer.dispose();
    model.dispose();
  }
}

function maxDifference(a: number[][], b: number[][]): number {
  let d = 0;
  a.forEach((w, i) => w.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i]![j]!)))));
  return d;
}

describe('data-parallel training', () => {
  it.each(['adam', 'sgd'] as const)(
    'reaches the weights one thread reaches, with 2 and 3 threads (%s, 4 steps)',
    async (optimizer) => {
      await initBackend('wasm');
      const one = await train(1, optimizer, 4);
      for (const threads of [2, 3]) {
        const many = await train(threads, optimizer, 4);
        expect(maxDifference(many.weights, one.weights)).toBeLessThan(1e-5);
        many.losses.forEach((l, i) => expect(l).toBeCloseTo(one.losses[i]!, 5));
      }
      // The weights did move: equal weights would otherwise pass for an untrained pair.
      const untrained = compileModel(network(), 3);
      expect(
        maxDifference(
          one.weights,
          untrained.getWeights().map((w) => Array.from(w.dataSync())),
        ),
      ).toBeGreaterThan(1e-3);
      untrained.dispose();
    },
    60_000,
  );

  it('is reproducible for a given thread count', async () => {
    await initBackend('wasm');
    const [a, b] = [await train(2, 'adam', 3), await train(2, 'adam', 3)];
    expect(a.weights).toEqual(b.weights);
  }, 60_000);
});
