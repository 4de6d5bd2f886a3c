// The engine host with its real collaborators: a run with augmentation and standardisation, its
// inspection and export fed the same normalisation, the file that stores it, and the preview grid.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineHost } from '../../../src-main/engine/host';
import { createEngineDeps } from '../../../src-main/engine/deps';
import { readFile } from 'node:fs/promises';
import { loadModel } from '../../../src-main/engine/export/artifacts';
import { inspectModel } from '../../../src-main/engine/inspect/feature-maps';
import { engineEventSchema, type EngineEvent, type EngineEventOf } from '../../../src-shared/engine/protocol';
import { augmentationSchema, defaultTrainingSettings, type TrainingSettings } from '../../../src-shared/project/training';
import { graphFromLayers } from '../../../src-shared/graph/network';
import { normalizationSchema } from '../../../src-shared/training/normalization';
import { loadPredictor } from '../../../src-main/engine/predict';
import sharp from 'sharp';
import { useWasm } from './training/harness';

const GRAPH = graphFromLayers([
  { kind: 'InputLayer', params: { shape: [32, 32, 3] } },
  { kind: 'Conv2D', params: { filters: 4, kernel_size: 3, activation: 'relu' } },
  { kind: 'MaxPooling2D', params: { pool_size: 4 } },
  { kind: 'Flatten', params: {} },
  { kind: 'Dense', params: { units: 10, activation: 'softmax' } },
]);

const SETTINGS: TrainingSettings = {
  ...defaultTrainingSettings(),
  epochs: 1,
  batchSize: 64,
  backend: 'wasm',
  seed: 5,
  augmentation: augmentationSchema.parse({ flip: true, shift: 2, rotation: 10, brightness: 0.1, contrast: 0.1 }),
  normalization: 'standardize',
};

function host() {
  const events: EngineEvent[] = [];
  const h = new EngineHost(createEngineDeps(), (e) => events.push(engineEventSchema.parse(e)));
  const last = <T extends EngineEvent['type']>(type: T) => events.filter((e): e is EngineEventOf<T> => e.type === type).at(-1);
  return { h, events, last };
}

/** The fields of convas-dataset.json this part reads: the class names and the normalisation, checked as the protocol checks it. */
async function storedFile(dir: string) {
  const json = JSON.parse(await readFile(join(dir, 'convas-dataset.json'), 'utf8')) as { classNames: string[]; normalization: unknown };
  return { classNames: json.classNames, normalization: normalizationSchema.parse(json.normalization) };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i]!)));

describe('EngineHost with augmentation and standardisation', { timeout: 300_000 }, () => {
  beforeAll(useWasm);

  it('inspects and exports with the normalisation of the run, and the stored one reads back to the same predictions', async () => {
    const { h, last } = host();
    await h.handle({ type: 'train', runId: 'r', graph: GRAPH, settings: SETTINGS });
    await h.running;
    expect(last('error')).toBeUndefined();
    const started = last('started')!;
    expect(started.settings).toEqual(SETTINGS);
    const normalization = started.normalization;
    if (normalization.kind !== 'standardize') throw new Error('not standardised');
    expect(normalization.mean).toHaveLength(3);

    await h.handle({ type: 'inspect', runId: 'r', requestId: 'q', input: { kind: 'test-sample', index: 3 } });
    const inspection = last('inspection')!;
    // The image stays 0–1 for the eye; the first layer got (x − mean) / std.
    expect(inspection.input.max).toBeLessThanOrEqual(1);
    const normalized = inspection.normalizedInput!;
    expect(normalized.shape).toEqual([32, 32, 3]);
    const expected = Array.from(inspection.input.data, (v, i) => (v - normalization.mean[i % 3]!) / normalization.std[i % 3]!);
    expect(maxDiff(normalized.data, expected)).toBeLessThan(1e-5);

    const dir = mkdtempSync(join(tmpdir(), 'convas-normalized-'));
    await h.handle({ type: 'export', runId: 'r', dir });
    expect(last('exported')!.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'model.json',
      'weights.bin',
      'model.keras.json',
      'convas-dataset.json',
      'model_keras.py',
      'model_pytorch.py',
      'model.onnx',
    ]);
    // Beside the weights, the Keras script of the network, set to load them and train as the run did.
    const script = await readFile(join(dir, 'model_keras.py'), 'utf8');
    expect(script).toContain('TRAIN_AFTER_LOADING = False');
    expect(script).toContain('        batch_size=64,');
    const stored = await storedFile(dir);
    expect(stored.classNames[9]).toBe('Ankle boot');
    expect(stored.normalization).toEqual(normalization);

    // A model loaded from the folder, fed as the file says, predicts what the engine predicted.
    const model = await loadModel(join(dir, 'model.json'));
    const again = await inspectModel(model, inspection.input.data, [32, 32, 3], stored.normalization);
    expect(again.prediction).toHaveLength(10);
    expect(maxDiff(again.prediction, inspection.prediction)).toBeLessThan(1e-5);
    // Fed 0–1 pixels instead, it sees other numbers.
    const unfed = await inspectModel(model, inspection.input.data, [32, 32, 3]);
    expect(maxDiff(unfed.prediction, inspection.prediction)).toBeGreaterThan(1e-3);
    expect(unfed.normalizedInput).toBeUndefined();
    model.dispose();

    // `predict` on the same image as a PNG reads the stored normalisation and gives the engine's probabilities.
    const gray = Uint8Array.from({ length: 28 * 28 }, (_, i) =>
      Math.round(inspection.input.data[((Math.floor(i / 28) + 2) * 32 + (i % 28) + 2) * 3]! * 255),
    );
    const png = await sharp(gray, { raw: { width: 28, height: 28, channels: 1 } })
      .png()
      .toBuffer();
    const predictor = await loadPredictor(dir, 'wasm');
    const top = await predictor.predict(new Uint8Array(png), 10);
    predictor.dispose();
    const byClass = top
      .slice()
      .sort((a, b) => a.index - b.index)
      .map((t) => t.probability);
    expect(maxDiff(byClass, inspection.prediction)).toBeLessThan(1e-5);

    // The default stays 0–1: its file says so and its inspection carries no second input.
    const plain = host();
    await plain.h.handle({ type: 'train', runId: 'p', graph: GRAPH, settings: { ...SETTINGS, normalization: 'unit' } });
    await plain.h.running;
    expect(plain.last('started')!.normalization).toEqual({ kind: 'unit' });
    await plain.h.handle({ type: 'inspect', runId: 'p', requestId: 'q', input: { kind: 'test-sample', index: 3 } });
    expect(plain.last('inspection')!.normalizedInput).toBeUndefined();
    const plainDir = mkdtempSync(join(tmpdir(), 'convas-unit-'));
    await plain.h.handle({ type: 'export', runId: 'p', dir: plainDir });
    expect((await storedFile(plainDir)).normalization).toEqual({ kind: 'unit' });
  });

  it('previews augmented training images: seeded, within 0–1, the originals untouched', async () => {
    const { h, events, last } = host();
    const preview = async (settings: TrainingSettings, seed?: number) => {
      await h.handle({
        type: 'augment-preview',
        requestId: `p${events.length}`,
        graph: GRAPH,
        settings,
        samples: 2,
        versions: 3,
        ...(seed !== undefined ? { seed } : {}),
      });
      const answer = last('augment-preview');
      if (!answer) throw new Error(JSON.stringify(last('error')));
      return answer;
    };
    const a = await preview(SETTINGS);
    expect(a.classNames).toHaveLength(10);
    expect(a.samples).toHaveLength(2);
    for (const s of a.samples) {
      expect(s.original.shape).toEqual([32, 32, 3]);
      expect(s.original.max).toBeLessThanOrEqual(1);
      expect(s.versions).toHaveLength(3);
      for (const v of s.versions) {
        expect(v.shape).toEqual([32, 32, 3]);
        expect(v.min).toBeGreaterThanOrEqual(0);
        expect(v.max).toBeLessThanOrEqual(1);
        expect(maxDiff(v.data, s.original.data)).toBeGreaterThan(0.01);
      }
    }
    // The same request, the same grid; another seed, other images and other draws.
    const b = await preview(SETTINGS);
    expect(b.samples.map((s) => s.versions.map((v) => Array.from(v.data)))).toEqual(
      a.samples.map((s) => s.versions.map((v) => Array.from(v.data))),
    );
    const c = await preview(SETTINGS, 77);
    expect(c.samples.map((s) => s.index)).not.toEqual(a.samples.map((s) => s.index));
    // Nothing on: every version is its original.
    const off = await preview({ ...SETTINGS, augmentation: augmentationSchema.parse({}) });
    for (const s of off.samples) for (const v of s.versions) expect(Array.from(v.data)).toEqual(Array.from(s.original.data));
  });

  it('answers a preview of a network it cannot train with an error naming the request', async () => {
    const { h, events } = host();
    await h.handle({
      type: 'augment-preview',
      requestId: 'x',
      graph: { nodes: [], edges: [] },
      settings: SETTINGS,
      samples: 1,
      versions: 1,
    });
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'invalid-graph', requestId: 'x' })]);
  });
});
