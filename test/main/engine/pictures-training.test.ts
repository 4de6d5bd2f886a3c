// The engine trained on a folder of generated pictures, end to end through its command handler
// and its real collaborators: the dataset event, the skipped files, learning, export and inspection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost } from '../../../src-main/engine/host';
import { createEngineDeps } from '../../../src-main/engine/deps';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../src-shared/engine/protocol';
import { defaultTrainingSettings, type TrainingSettings } from '../../../src-shared/project/training';
import { graphFromLayers, type RawLayer } from '../../../src-shared/graph/network';
import { trainedDatasetSchema, TRAINED_DATASET_FILE } from '../../../src-shared/training/trained-dataset';
import { encodePicture, rgbPixels, writeClass } from './data/picture-helpers';

const root = mkdtempSync(join(tmpdir(), 'convas-pictures-'));
const cacheDir = join(root, 'cache');
const folder = join(root, 'pictures');

beforeAll(async () => {
  // Three colours anyone can tell apart, in every format and many sizes: a CNN must learn them.
  await writeClass(join(folder, 'red'), [210, 40, 40], 24, 1);
  await writeClass(join(folder, 'green'), [40, 190, 40], 24, 2);
  await writeClass(join(folder, 'blue'), [40, 40, 210], 24, 3);
  await writeFile(join(folder, 'blue', 'notes.txt'), 'not a picture');
  await writeFile(join(folder, 'red', 'zero.png'), '');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tinyCnn(input: number[], classes: number): RawLayer[] {
  return [
    { kind: 'InputLayer', params: { shape: input } },
    { kind: 'Conv2D', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
    { kind: 'MaxPooling2D', params: { pool_size: 2 } },
    { kind: 'Flatten', params: {} },
    { kind: 'Dense', params: { units: classes, activation: 'softmax' } },
  ];
}

async function run(layers: RawLayer[], overrides: Partial<TrainingSettings>) {
  const events: EngineEvent[] = [];
  const host = new EngineHost(createEngineDeps(), (e) => events.push(engineEventSchema.parse(e)));
  const settings: TrainingSettings = {
    ...defaultTrainingSettings(),
    dataset: 'images',
    dataDir: folder,
    backend: 'wasm',
    epochs: 8,
    batchSize: 8,
    learningRate: 0.01,
    validationSplit: 0.2,
    seed: 5,
    ...overrides,
  };
  await host.handle({ type: 'train', runId: 'r', graph: graphFromLayers(layers), settings, cacheDir });
  await host.running;
  return { host, events };
}

const ofType = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) =>
  events.filter((e): e is EngineEventOf<T> => e.type === type);

describe('training on a folder of pictures', { timeout: 300_000 }, () => {
  it('describes the dataset, lists the skipped files, learns the classes and exports what predictions need', async () => {
    const { host, events } = await run(tinyCnn([16, 16, 3], 3), {});
    const error = ofType(events, 'error')[0];
    expect(error, error?.message).toBeUndefined();
    const [dataset] = ofType(events, 'dataset');
    expect(dataset).toMatchObject({
      name: 'images',
      origin: { source: 'directory', location: folder },
      classNames: ['blue', 'green', 'red'],
      classNamesWorded: false,
      image: { height: 16, width: 16, channels: 3 },
      // 24 a class: 5 held out for test (20%); of the 57 left, round(11.4) = 11 validate, stratified.
      classCounts: { train: [15, 15, 16], validation: [4, 4, 3], test: [5, 5, 5] },
      trainCount: 46,
      validationCount: 11,
      testCount: 15,
    });
    expect(ofType(events, 'warning')).toEqual([
      {
        type: 'warning',
        runId: 'r',
        warning: {
          code: 'skipped-files',
          values: {
            count: 2,
            files: [
              { file: 'blue/notes.txt', reason: 'not-image' },
              { file: 'red/zero.png', reason: 'empty' },
            ],
          },
        },
      },
    ]);
    const decoding = ofType(events, 'loading').filter((e) => e.phase === 'decode');
    expect(decoding.at(-1)).toMatchObject({ done: 74, total: 74 });
    // Loading comes before the dataset event, training after it.
    const order = events.map((e) => e.type);
    expect(order.indexOf('loading')).toBeLessThan(order.indexOf('dataset'));
    expect(order.lastIndexOf('loading')).toBeLessThan(order.indexOf('dataset'));

    const [finished] = ofType(events, 'finished');
    expect(finished!.classNames).toEqual(['blue', 'green', 'red']);
    expect(finished!.classNamesWorded).toBe(false);
    expect(finished!.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(finished!.confusionMatrix).toHaveLength(3);

    // The export carries what a prediction needs to feed a picture as training did.
    const out = join(root, 'trained');
    await host.handle({ type: 'export', runId: 'r', dir: out });
    const exported = ofType(events, 'exported')[0]!;
    expect(exported.files.map((f) => f.slice(out.length + 1))).toEqual([
      'model.json',
      'weights.bin',
      'model.keras.json',
      TRAINED_DATASET_FILE,
      'model_keras.py',
      'model_pytorch.py',
      'model.onnx',
    ]);
    const trained = trainedDatasetSchema.parse(JSON.parse(await readFile(join(out, TRAINED_DATASET_FILE), 'utf8')));
    expect(trained).toEqual({
      format: 1,
      dataset: 'images',
      classNames: ['blue', 'green', 'red'],
      classNamesWorded: false,
      image: { height: 16, width: 16, channels: 3 },
      resize: 'fill',
      adapter: { kind: 'resized', height: 16, width: 16, channels: 3, shape: [16, 16, 3] },
      normalization: { kind: 'unit' },
      outputIsProbability: true,
    });

    // A picture file of another size, decoded in the engine as training decoded its pictures.
    const green = await encodePicture(
      rgbPixels(50, 30, () => [30, 200, 50]),
      50,
      30,
      'jpeg',
    );
    await host.handle({ type: 'inspect', runId: 'r', requestId: 'pic', input: { kind: 'image', data: new Uint8Array(green) } });
    const inspection = ofType(events, 'inspection').find((e) => e.requestId === 'pic')!;
    expect(inspection.input.shape).toEqual([16, 16, 3]);
    expect(inspection.prediction.indexOf(Math.max(...inspection.prediction))).toBe(1);
    await host.handle({ type: 'inspect', runId: 'r', requestId: 'txt', input: { kind: 'image', data: new TextEncoder().encode('hello') } });
    expect(ofType(events, 'error').at(-1)).toMatchObject({
      requestId: 'txt',
      reason: { code: 'bad-image', values: { reason: 'not-image' } },
    });
    // A 28×28 drawing is brought to the colour Input too.
    await host.handle({ type: 'inspect', runId: 'r', requestId: 'draw', input: { kind: 'pixels', pixels: new Uint8Array(784).fill(255) } });
    expect(ofType(events, 'inspection').find((e) => e.requestId === 'draw')!.input.shape).toEqual([16, 16, 3]);
    await host.handle({ type: 'shutdown' });
  });

  it('reads the decoded folder from the cache the second time, and refuses a network whose output does not match the classes', async () => {
    const { events } = await run(tinyCnn([16, 16, 3], 5), { epochs: 1 });
    expect(ofType(events, 'loading').map((e) => e.phase)).not.toContain('decode');
    const [error] = ofType(events, 'error');
    expect(error).toMatchObject({ code: 'not-trainable' });
    expect(error!.message).toMatch(/the network must end with 3 values \(one per class\) but outputs \(None, 5\)/);
    expect(ofType(events, 'dataset')).toEqual([]);
  });

  it('refuses a folder of one class with the class named, and an Input of 4 channels before reading anything', async () => {
    const single = join(root, 'single');
    await writeClass(join(single, 'only'), [1, 2, 3], 3);
    const { events } = await run(tinyCnn([8, 8, 1], 2), { dataDir: single });
    expect(ofType(events, 'error')[0]).toMatchObject({
      code: 'dataset',
      reason: { code: 'dataset', values: { problem: 'one-class', name: 'only' } },
    });
    const four = await run(tinyCnn([8, 8, 4], 3), {});
    expect(ofType(four.events, 'error')[0]).toMatchObject({ code: 'not-trainable' });
    expect(ofType(four.events, 'loading')).toEqual([]);
  });
});
