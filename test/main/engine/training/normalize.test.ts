// Normalisation from the training split, and a session that augments its training batches only.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelStatistics, normalizeBatch, resolveNormalization } from '../../../../src-main/engine/training/normalize';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { augmentBatch, batchSeed } from '../../../../src-main/engine/training/augment';
import { batchTensors, rangeTensors, type Examples } from '../../../../src-main/engine/training/examples';
import { crossEntropy } from '../../../../src-main/engine/training/metrics';
import { engineEventSchema, type EngineEvent } from '../../../../src-shared/engine/protocol';
import { augmentationSchema } from '../../../../src-shared/project/training';
import { graphFromLayers, toNetwork, type Network } from '../../../../src-shared/graph/network';
import { sampleData, testSettings, useWasm } from './harness';

/** Per-channel mean and std of every value of a split after normalisation, summed in doubles (float32 sums of millions drift). */
function statsAfter(ex: Examples, normalize: (x: tf.Tensor) => tf.Tensor, channels: number): { mean: number[]; std: number[] } {
  const values = tf.tidy(() => normalize(rangeTensors(ex, 0, ex.count, 256).x).dataSync());
  const sum = new Float64Array(channels);
  const squares = new Float64Array(channels);
  for (let i = 0; i < values.length; i++) {
    sum[i % channels]! += values[i]!;
    squares[i % channels]! += values[i]! ** 2;
  }
  const n = values.length / channels;
  const mean = Array.from(sum, (s) => s / n);
  return { mean, std: Array.from(squares, (q, c) => Math.sqrt(q / n - mean[c]! ** 2)) };
}

/** A small colour CNN: LeNet-style 32×32×3 input, so the sample's grayscale images are padded and repeated. */
function colourNet(): Network {
  const seq = toNetwork(
    graphFromLayers([
      { kind: 'InputLayer', params: { shape: [32, 32, 3] } },
      { kind: 'Conv2D', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
      { kind: 'MaxPooling2D', params: { pool_size: 4 } },
      { kind: 'Flatten', params: {} },
      { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
    ]),
  );
  if (!seq.ok) throw new Error('invalid test network');
  return seq.model;
}

describe('normalisation', () => {
  beforeAll(useWasm);

  it('standardises each channel of the training split to mean 0 and std 1', async () => {
    const { data } = await sampleData(colourNet(), 600);
    const n = resolveNormalization('standardize', data.train);
    if (n.kind !== 'standardize') throw new Error('not standardised');
    expect(n.mean).toHaveLength(3);
    // The input is the grayscale image repeated in 3 channels with a 2-pixel zero border: the channels agree.
    expect(n.mean[1]).toBeCloseTo(n.mean[0]!, 6);
    // Fashion-MNIST's pixel mean is about 0.286 and its std about 0.353; the zero border pulls both down.
    const border = (28 * 28) / (32 * 32);
    expect(n.mean[0]).toBeGreaterThan(0.2 * border);
    expect(n.mean[0]).toBeLessThan(0.35 * border);
    const after = statsAfter(data.train, (x) => normalizeBatch(x, n), 3);
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(after.mean[c]!)).toBeLessThan(1e-4);
      expect(after.std[c]).toBeCloseTo(1, 4);
    }
    // Unit normalisation is pixels / 255 as before: nothing changes.
    const unit = resolveNormalization('unit', data.train);
    expect(unit).toEqual({ kind: 'unit' });
    const x = tf.randomUniform([2, 4]);
    expect(normalizeBatch(x, unit)).toBe(x);
  });

  it('counts only the split’s own examples: the statistics of 1,201 of 1,500 records equal those of their values', () => {
    // 1,500 records of 2×1×2 bytes (two channels); the split is every record but those divisible by 5, in another order.
    const records = 1500;
    const pixels = new Uint8Array(records * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919) % 256;
    const index = Uint32Array.from({ length: records }, (_, i) => records - 1 - i).filter((r) => r % 5 !== 0);
    const ex: Examples = { pixels, index, labels: new Uint8Array(index.length), count: index.length, shape: [2, 1, 2] };
    const { mean, std } = channelStatistics(ex);
    for (let c = 0; c < 2; c++) {
      const vals = Array.from(index).flatMap((r) => [pixels[r * 4 + c]! / 255, pixels[r * 4 + 2 + c]! / 255]);
      const m = vals.reduce((a, b) => a + b, 0) / vals.length;
      const s = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / vals.length);
      expect(mean[c]).toBeCloseTo(m, 9);
      expect(std[c]).toBeCloseTo(s, 9);
    }
    // A constant channel is divided by 1, not by 0.
    const flat: Examples = {
      pixels: new Uint8Array(8).fill(51),
      index: Uint32Array.of(0, 1),
      labels: new Uint8Array(2),
      count: 2,
      shape: [4],
    };
    expect(channelStatistics(flat)).toEqual({ mean: [0.2], std: [1] });
  });
});

describe('a session with augmentation and standardisation', () => {
  beforeAll(useWasm);

  it('augments training batches (seeded), never validation, and announces its settings and normalisation', async () => {
    const model = colourNet();
    const { data, outputIsProbability } = await sampleData(model, 256);
    const augmentation = augmentationSchema.parse({ flip: true, shift: 3, rotation: 10, brightness: 0.1, contrast: 0.2 });
    const settings = testSettings({ epochs: 2, batchSize: 64, seed: 9, augmentation, normalization: 'standardize' });
    const events: EngineEvent[] = [];
    const session = new TrainingSession({
      runId: 'r',
      model,
      settings,
      data,
      outputIsProbability,
      emit: (e) => events.push(engineEventSchema.parse(e)),
    });
    const idx = Uint32Array.from({ length: 64 }, (_, i) => i);

    // A training batch is the plain batch augmented with the batch's own seed, then standardised.
    const got = session.trainingBatch(idx, 1, 0);
    const expected = tf.tidy(() =>
      normalizeBatch(augmentBatch(batchTensors(data.train, idx, 10).x, augmentation, batchSeed(9, 1, 0)), session.normalization),
    );
    expect(Array.from(got.x.dataSync())).toEqual(Array.from(expected.dataSync()));
    const plain = tf.tidy(() => normalizeBatch(batchTensors(data.train, idx, 10).x, session.normalization));
    expect(Array.from(got.x.dataSync())).not.toEqual(Array.from(plain.dataSync()));
    // Same batch again: the same images; the next epoch: others.
    expect(Array.from(session.trainingBatch(idx, 1, 0).x.dataSync())).toEqual(Array.from(got.x.dataSync()));
    expect(Array.from(session.trainingBatch(idx, 2, 0).x.dataSync())).not.toEqual(Array.from(got.x.dataSync()));

    await session.run();
    const started = events.find((e) => e.type === 'started');
    expect(started).toMatchObject({ type: 'started', runId: 'r', settings: { augmentation, normalization: 'standardize', seed: 9 } });
    expect(started && started.type === 'started' && started.normalization).toEqual(session.normalization);
    expect(events.findIndex((e) => e.type === 'started')).toBeLessThan(events.findIndex((e) => e.type === 'batch'));

    // The last epoch's validation loss is the trained model's loss on the plain (standardised, unaugmented) validation images.
    const lastEpoch = events.filter((e) => e.type === 'epoch').at(-1)!;
    const validation = data.validation!;
    const direct = tf.tidy(() => {
      const { x, y } = rangeTensors(validation, 0, validation.count, 10);
      const out = session.model.apply(normalizeBatch(x, session.normalization), { training: false }) as tf.Tensor;
      return crossEntropy(y, out, outputIsProbability).dataSync()[0]!;
    });
    expect(lastEpoch.type === 'epoch' && lastEpoch.valLoss).toBeCloseTo(direct, 4);
    session.dispose();
    tf.dispose([got.x, got.y, expected, plain]);
  });
});
