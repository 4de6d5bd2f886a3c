/**
 * The open-model command through the engine host: a model.json + weights.bin becomes the current
 * model without training, answered by model-opened; inspection (test samples when the dataset is
 * known, drawings always) and export then work with its weights; a mismatch is a coded error.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineHost } from '../../../src-main/engine/host';
import { createEngineDeps } from '../../../src-main/engine/deps';
import { saveModel } from '../../../src-main/engine/export/artifacts';
import { compileModel } from '../../../src-main/engine/model/compile';
import { engineCommandSchema, engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../src-shared/engine/protocol';
import type { TrainedDataset } from '../../../src-shared/training/trained-dataset';
import { lectureModel, useWasm } from './training/harness';

const SAMPLE: TrainedDataset = {
  format: 1,
  dataset: 'sample',
  classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
  classNamesWorded: true,
  image: { height: 28, width: 28, channels: 1 },
  resize: 'fill',
  adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
  normalization: { kind: 'unit' },
  outputIsProbability: true,
};

function setup() {
  const events: EngineEvent[] = [];
  const h = new EngineHost({ ...createEngineDeps(), initBackend: async () => ({ name: 'wasm', reason: 'test' }) }, (e) =>
    events.push(engineEventSchema.parse(e)),
  );
  const of = <T extends EngineEvent['type']>(type: T) => events.filter((e): e is EngineEventOf<T> => e.type === type);
  return { h, events, of };
}

describe('EngineHost open-model (wasm)', () => {
  let files: { modelJson: string; weights: Uint8Array<ArrayBuffer> };
  let original: tf.LayersModel;
  beforeAll(async () => {
    await useWasm();
    original = compileModel(lectureModel(), 11);
    const dir = mkdtempSync(join(tmpdir(), 'convas-host-open-'));
    const [m, w] = await saveModel(original, dir);
    files = { modelJson: readFileSync(m!, 'utf8'), weights: new Uint8Array(readFileSync(w!)) };
  });

  it('opens a model with its dataset: test samples, feature maps and predictions from its weights, and export', async () => {
    const { h, of } = setup();
    await h.handle(engineCommandSchema.parse({ type: 'open-model', runId: 'opened-1', ...files, dataset: SAMPLE }));
    const [opened] = of('model-opened');
    expect(opened).toMatchObject({
      runId: 'opened-1',
      classNames: SAMPLE.classNames,
      classNamesWorded: true,
      description: 'given',
      testSamples: 'loaded',
      image: { height: 28, width: 28, channels: 1 },
    });
    expect(opened!.testCount).toBeGreaterThan(0);
    expect(opened!.graph.nodes.map((n) => n.kind)).toEqual(['InputLayer', ...lectureModel().layers.map((l) => l.kind)]);

    await h.handle({ type: 'inspect', runId: 'opened-1', requestId: 'q1', input: { kind: 'test-sample', index: 3 } });
    const [inspection] = of('inspection');
    expect(inspection!.featureMaps.length).toBeGreaterThan(0);
    expect(inspection!.kernels.length).toBeGreaterThan(0);
    expect(inspection!.label).toEqual(expect.any(Number));
    const expected = (original.predict(tf.tensor(inspection!.input.data, [1, 28, 28, 1])) as tf.Tensor).dataSync();
    expect(inspection!.prediction).toEqual(Array.from(expected));

    const dir = mkdtempSync(join(tmpdir(), 'convas-host-open-export-'));
    await h.handle({ type: 'export', runId: 'opened-1', dir });
    expect(of('exported')[0]!.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'model.json',
      'weights.bin',
      'model.keras.json',
      'convas-dataset.json',
      'model_keras.py',
      'model_pytorch.py',
      'model.onnx',
    ]);
    expect(new Uint8Array(readFileSync(join(dir, 'weights.bin')))).toEqual(files.weights);
    await h.handle({ type: 'shutdown' });
  });

  it('without convas-dataset.json: no test samples, but a drawing is inspected', async () => {
    const { h, of } = setup();
    await h.handle({ type: 'open-model', runId: 'opened-2', ...files });
    expect(of('model-opened')[0]).toMatchObject({ description: 'assumed-fashion-mnist', testSamples: 'no-dataset', testCount: 0 });
    await h.handle({ type: 'inspect', runId: 'opened-2', requestId: 'q1', input: { kind: 'test-sample', index: 0 } });
    expect(of('error')[0]).toMatchObject({ requestId: 'q1', reason: { code: 'test-sample-missing', values: { index: 0, count: 0 } } });
    await h.handle({
      type: 'inspect',
      runId: 'opened-2',
      requestId: 'q2',
      input: { kind: 'pixels', pixels: new Uint8Array(784).fill(200) },
    });
    expect(of('inspection')[0]).toMatchObject({ requestId: 'q2' });
    await h.handle({ type: 'shutdown' });
  });

  it('answers weights that do not fit with a coded error and keeps no model', async () => {
    const { h, of } = setup();
    await h.handle({ type: 'open-model', runId: 'opened-3', modelJson: files.modelJson, weights: files.weights.slice(8) });
    expect(of('error')).toEqual([
      expect.objectContaining({
        runId: 'opened-3',
        code: 'open-model',
        reason: {
          code: 'open-model',
          values: { problem: 'weights-size', expected: String(files.weights.length), given: String(files.weights.length - 8) },
        },
        message: expect.stringMatching(/^The weights file does not match model\.json/),
      }),
    ]);
    await h.handle({ type: 'inspect', runId: 'opened-3', requestId: 'q', input: { kind: 'pixels', pixels: new Uint8Array(784) } });
    expect(of('error')[1]).toMatchObject({ code: 'no-model' });
  });
});
