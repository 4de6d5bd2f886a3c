// File ▸ Open trained model… in a real Chromium: a model.json + weights.bin (+ convas-dataset.json)
// that the engine trained briefly in this test opens through the page's file chooser; the canvas
// shows its network and the feature-map viewer shows a test sample's maps, with Train never pressed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveModel } from '../../src-main/engine/export/artifacts';
import { TrainingSession } from '../../src-main/engine/training/session';
import { TRAINED_DATASET_FILE, type TrainedDataset } from '../../src-shared/training/trained-dataset';
import { lectureModel, sampleData, testSettings, useWasm } from '../main/engine/training/harness';
import { openApp, type App } from './harness';

let app: App;
let page: Page;
let dir: string;

/** Trains the lecture CNN for one short epoch on the sample and writes what `train --out` writes: model.json, weights.bin, convas-dataset.json. */
async function trainedFiles(): Promise<string> {
  await useWasm();
  const model = lectureModel();
  const { data, outputIsProbability } = await sampleData(model, 320);
  const session = new TrainingSession({
    runId: 'r',
    model,
    settings: testSettings(),
    data: { ...data, validation: null },
    outputIsProbability,
    emit: () => {},
  });
  await session.run();
  const out = mkdtempSync(join(tmpdir(), 'convas-trained-'));
  await saveModel(session.model, out);
  const trained: TrainedDataset = {
    format: 1,
    dataset: 'sample',
    classNames: [...data.classNames],
    classNamesWorded: true,
    image: { height: 28, width: 28, channels: 1 },
    resize: 'fill',
    adapter: { kind: 'image', height: 28, width: 28, channels: 1, padTop: 0, padLeft: 0 },
    normalization: session.normalization,
    outputIsProbability,
  };
  writeFileSync(join(out, TRAINED_DATASET_FILE), JSON.stringify(trained));
  session.dispose();
  return out;
}

/** Chooses File ▸ Open trained model… and gives the chooser `files`. */
async function openTrained(files: string[]): Promise<void> {
  await page.getByTestId('btn-open-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('btn-open-trained').click();
  await (await chooser).setFiles(files);
}

describe('Open trained model… (browser mode)', () => {
  beforeAll(async () => {
    dir = await trainedFiles();
    // LeNet-5 on the canvas first, so the lecture CNN's layers can only come from the opened model.
    app = await openApp('&template=lenet-5');
    page = app.page;
    await page.getByTestId('node-average_pooling2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses model.json without its weights.bin, in words, and leaves the canvas as it was', async () => {
    const before = await page.locator('.react-flow__node').count();
    await openTrained([join(dir, 'model.json')]);
    await expect.poll(() => page.getByText('keeps its weights in weights.bin, which was not chosen').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.react-flow__node').count()).toBe(before);
  });

  it('shows the network and the feature maps of a test sample, without training', async () => {
    await openTrained([join(dir, 'model.json'), join(dir, 'weights.bin'), join(dir, TRAINED_DATASET_FILE)]);
    // The dock says where the model came from and that it was not trained here.
    const note = page.getByTestId('opened-model');
    await note.waitFor({ timeout: 30_000 });
    // The canvas: the lecture CNN's layers, named as in model.json, in place of LeNet-5's.
    const layers = ['input_layer', 'conv2d', 'max_pooling2d', 'flatten', 'dense', 'dense_1'];
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(layers.length);
    for (const name of layers) await page.getByTestId(`node-${name}`).waitFor();
    expect(await note.innerText()).toMatch(/A trained model is open: model\.json, weights\.bin, convas-dataset\.json/);
    expect(await note.getAttribute('data-tests')).toBe('loaded');
    // The viewer: test sample 0's feature maps and a prediction from the opened weights.
    const viewer = page.getByTestId('featuremap-viewer');
    await expect.poll(() => viewer.getAttribute('data-source'), { timeout: 30_000 }).toBe('test:0');
    await page.getByTestId('featuremap-conv2d-0').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('prediction').locator('.fm-pred__row').count(), { timeout: 30_000 }).toBe(10);
    expect(await page.getByTestId('training-panel').getAttribute('data-status')).toBe('idle');
    expect(await page.getByTestId('test-accuracy').count()).toBe(0);
  });

  it('refuses a weights.bin of another size in words, keeping the opened model', async () => {
    const other = mkdtempSync(join(tmpdir(), 'convas-other-'));
    writeFileSync(join(other, 'weights.bin'), new Uint8Array(100));
    await openTrained([join(dir, 'model.json'), join(other, 'weights.bin')]);
    await expect
      .poll(() => page.getByText('The weights file does not match model.json: it holds 100 bytes').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.getByTestId('opened-model').getAttribute('data-tests')).toBe('loaded');
  });

  it('without convas-dataset.json: says so, offers no test samples and shows the maps of the drawing', async () => {
    await openTrained([join(dir, 'model.json'), join(dir, 'weights.bin')]);
    const note = page.getByTestId('opened-model');
    await expect.poll(() => note.getAttribute('data-description'), { timeout: 30_000 }).toBe('assumed-fashion-mnist');
    expect(await note.innerText()).toMatch(/assumed to be Fashion-MNIST’s/);
    expect(await page.getByTestId('no-test-samples').innerText()).toMatch(/^No test samples/);
    const viewer = page.getByTestId('featuremap-viewer');
    await expect.poll(() => viewer.getAttribute('data-source'), { timeout: 30_000 }).toBe('draw');
    await expect.poll(() => viewer.getAttribute('data-snapshots'), { timeout: 30_000 }).toBe('1');
    await page.getByTestId('featuremap-conv2d-0').waitFor();
  });
});
