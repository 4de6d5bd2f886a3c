import * as tf from '@tensorflow/tfjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingSession } from '../../../../src-main/engine/training/session';
import { loadModel, saveModel } from '../../../../src-main/engine/export/artifacts';
import { inspectModel } from '../../../../src-main/engine/inspect/feature-maps';
import { exampleValues } from '../../../../src-main/engine/training/examples';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../../src-shared/engine/protocol';
import { lectureModel, sampleData, templateGraph, testSettings, useWasm } from './harness';
import { toNetwork } from '../../../../src-shared/graph/network';
import { rangeTensors } from '../../../../src-main/engine/training/examples';

function collect(): { events: EngineEvent[]; emit: (e: EngineEvent) => void } {
  const events: EngineEvent[] = [];
  return { events, emit: (e) => events.push(engineEventSchema.parse(e)) };
}

const of = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) => events.filter((e): e is EngineEventOf<T> => e.type === type);

describe('training session on the shipped sample (wasm)', () => {
  beforeAll(useWasm);

  it('trains: the loss falls, metrics and the confusion matrix are consistent, memory stays flat', async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model);
    const { events, emit } = collect();
    const tensorsPerEpoch: number[] = [];
    const session = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings({ epochs: 3 }),
      data,
      outputIsProbability,
      emit: (e) => {
        emit(e);
        if (e.type === 'epoch') tensorsPerEpoch.push(tf.memory().numTensors);
      },
    });
    await session.run();
    const epochs = of(events, 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(epochs[2]!.loss).toBeLessThan(epochs[0]!.loss);
    expect(epochs[2]!.valLoss!).toBeLessThan(epochs[0]!.valLoss!);
    // Ten classes: chance is 10%; a few thousand images already get far beyond it.
    expect(epochs[2]!.valAccuracy!).toBeGreaterThan(0.6);
    const finished = of(events, 'finished')[0]!;
    expect(finished.stopped).toBe(false);
    expect(finished.testCount).toBe(1000);
    const matrix = finished.confusionMatrix;
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(1000);
    const diagonal = matrix.reduce((a, row, i) => a + row[i]!, 0);
    expect(finished.testAccuracy).toBeCloseTo(diagonal / 1000, 6);
    expect(finished.misclassified.length).toBe(Math.min(300, 1000 - diagonal));
    expect(finished.classNames[0]).toBe('T-shirt/top');
    // No tensor leaks from epoch to epoch.
    expect(new Set(tensorsPerEpoch).size).toBe(1);
    const batches = of(events, 'batch');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => Number.isFinite(b.samplesPerSec) && b.samplesPerSec > 0)).toBe(true);
    session.dispose();
  });

  it('stops within one batch and leaves a usable model', async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model);
    const { events, emit } = collect();
    let batchesAfterStop = -1;
    const session: TrainingSession = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings({ epochs: 5 }),
      data,
      outputIsProbability,
      batchEventInterval: 0,
      emit: (e) => {
        emit(e);
        if (e.type === 'batch') {
          if (batchesAfterStop >= 0) batchesAfterStop++;
          if (e.batch === 3 && !session.stopping) {
            session.stop();
            batchesAfterStop = 0;
          }
        }
      },
    });
    await session.run();
    expect(batchesAfterStop).toBeLessThanOrEqual(1);
    const finished = of(events, 'finished')[0]!;
    expect(finished.stopped).toBe(true);
    expect(finished.epochsCompleted).toBe(0);
    expect(of(events, 'epoch')).toHaveLength(0);
    // The model still predicts.
    const out = tf.tidy(() => (session.model.predict(rangeTensors(data.test, 0, 4, 10).x) as tf.Tensor).arraySync() as number[][]);
    expect(out).toHaveLength(4);
    expect(out[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    session.dispose();
  });

  it('gives the same curve for the same seed, another for another seed', async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model, 640);
    const curve = async (seed: number) => {
      const losses: number[] = [];
      const s = new TrainingSession({
        runId: 'r',
        model,
        settings: testSettings({ epochs: 2, seed }),
        data: { ...data, validation: null },
        outputIsProbability,
        batchEventInterval: 0,
        emit: (e) => {
          if (e.type === 'batch') losses.push(e.loss);
        },
      });
      await s.run();
      s.dispose();
      return losses;
    };
    const a = await curve(1);
    expect(await curve(1)).toEqual(a);
    expect(await curve(2)).not.toEqual(a);
  });

  it('stops with an explanation when the loss stops being finite', async () => {
    // A purely linear network on logits: with SGD at learning rate 10 its weights overflow within a few batches
    // (with softmax probabilities the clipped loss levels off instead, and ReLU units simply die).
    const graph = templateGraph('lecture-cnn');
    for (const i of [1, 4, 5]) graph.nodes[i]!.params['activation'] = 'linear';
    const seq = toNetwork(graph);
    if (!seq.ok) throw new Error('invalid');
    const model = seq.model;
    const { data, outputIsProbability } = await sampleData(model, 640);
    expect(outputIsProbability).toBe(false);
    const { events, emit } = collect();
    const s = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings({ optimizer: 'sgd', learningRate: 10, epochs: 3 }),
      data,
      outputIsProbability,
      emit,
    });
    await s.run();
    const errors = of(events, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('non-finite-loss');
    expect(errors[0]!.message).toMatch(/lower the learning rate/);
    expect(errors[0]!.reason).toMatchObject({ code: 'non-finite-loss', values: { learningRate: 10 } });
    expect(of(events, 'finished')).toHaveLength(0);
    s.dispose();
  });

  it('exports model.json + weights.bin that load back and predict identically on the test set', async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model, 960);
    const s = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings(),
      data: { ...data, validation: null },
      outputIsProbability,
      emit: () => {},
    });
    await s.run();
    const dir = mkdtempSync(join(tmpdir(), 'convas-export-'));
    const files = await saveModel(s.model, dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(files[0]!);
    const { x } = rangeTensors(data.test, 0, data.test.count, 10);
    const a = s.model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    expect(Array.from(await tf.argMax(b, -1).data())).toEqual(Array.from(await tf.argMax(a, -1).data()));
    tf.dispose([x, a, b]);
    loaded.dispose();
    s.dispose();
  });

  it('inspects one image: feature maps of every spatial layer and the Conv2D kernels, as Float32Arrays', async () => {
    const model = lectureModel();
    const { data, outputIsProbability } = await sampleData(model, 320);
    const s = new TrainingSession({
      runId: 'r',
      model,
      settings: testSettings(),
      data: { ...data, validation: null },
      outputIsProbability,
      emit: () => {},
    });
    await s.run();
    const example = exampleValues(data.test, 0);
    const r = await inspectModel(s.model, example, data.test.shape);
    expect(r.featureMaps.map((m) => [m.layer, m.map.shape])).toEqual([
      ['conv2d', [28, 28, 10]],
      ['max_pooling2d', [14, 14, 10]],
    ]);
    for (const { map } of r.featureMaps) {
      expect(map.data).toBeInstanceOf(Float32Array);
      expect(map.data.length).toBe(map.shape.reduce((a, b) => a * b, 1));
      expect(map.max).toBeGreaterThan(map.min);
      expect(Math.max(...map.data)).toBe(map.max);
    }
    expect(r.kernels).toHaveLength(1);
    expect(r.kernels[0]!.kernel.shape).toEqual([3, 3, 1, 10]);
    expect(r.kernels[0]!.bias?.shape).toEqual([10]);
    expect(r.prediction).toHaveLength(10);
    expect(r.prediction.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    s.dispose();
  });
});
