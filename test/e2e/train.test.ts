import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type App } from './harness';
import { distinctPixels } from './canvas-pixels';
import * as tf from '@tensorflow/tfjs';
import { loadModel } from '../../src-main/engine/export/artifacts';
import { runOnnx } from '../main/support/onnx-runtime';
import { readModelFile } from '../../src-shared/format/model-file';
import { analyzeGraph } from '../../src-shared/graph/analyze';
import { summarize } from '../../src-shared/summary/summary';

let app: App;
let page: Page;

describe('training in the browser UI', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('trains one epoch on the shipped sample with live charts and a test accuracy', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    await expect.poll(() => page.getByTestId('backend-name').innerText(), { timeout: 30_000 }).toMatch(/wasm/);
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });
    const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
    // Ten classes: chance is 10%; one epoch on 2,400 images gets far beyond it.
    expect(accuracy).toBeGreaterThan(0.5);
    expect(Number(await page.getByTestId('chart-epoch').getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('chart-batch').getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('chart-batch').locator('path.recharts-curve').count()).toBeGreaterThan(0);
    await page.getByTestId('confusion-matrix').waitFor();
    expect(await page.getByTestId('dataset-source').innerText()).toMatch(/sample/i);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'trained.png') });
  });

  it('shows feature maps and learned filters that are not blank', async () => {
    await page.getByTestId('tab-featuremaps').click();
    await page.getByTestId('featuremap-viewer').waitFor();
    const map = page.getByTestId('featuremap-conv2d-0');
    await map.waitFor({ timeout: 30_000 });
    expect(await distinctPixels(map)).toBeGreaterThan(4);
    expect(await distinctPixels(page.getByTestId('featuremap-max_pooling2d-3'))).toBeGreaterThan(4);
    expect(await distinctPixels(page.getByTestId('kernel-conv2d-0'))).toBeGreaterThan(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'feature-maps.png') });
  });

  it('exports the trained model: model.json + weights.bin load back in TensorFlow.js, the Keras JSON reads, convas-dataset.json says how to feed it', async () => {
    await page.getByTestId('tab-training').click();
    const saved: string[] = [];
    page.on('download', (dl) => {
      const path = join(app.downloads, dl.suggestedFilename());
      saved.push(path);
      void dl.saveAs(path);
    });
    await page.getByTestId('btn-export-trained').click();
    await expect
      .poll(() => page.getByTestId('export-trained-status').innerText(), { timeout: 30_000 })
      .toMatch(/model\.json.*weights\.bin.*model\.keras\.json/);
    await expect.poll(() => saved.length).toBe(7);
    await expect
      .poll(() => {
        try {
          return readFileSync(join(app.downloads, 'weights.bin')).byteLength;
        } catch {
          return 0;
        }
      })
      .toBe(197210 * 4);
    const model = await loadModel(join(app.downloads, 'model.json'));
    expect(model.countParams()).toBe(197210);
    const keras = readModelFile(readFileSync(join(app.downloads, 'model.keras.json'), 'utf8'), 'model.keras.json');
    expect(keras.ok && summarize(analyzeGraph(keras.project.graph))?.totalParams).toBe(197210);
    const dataset = JSON.parse(readFileSync(join(app.downloads, 'convas-dataset.json'), 'utf8')) as Record<string, unknown>;
    expect(dataset['normalization']).toEqual({ kind: 'unit' });
    // The PyTorch module beside them reads the same weights (torch runs it in test/shared/pytorch).
    await expect
      .poll(() => {
        try {
          return readFileSync(join(app.downloads, 'model_pytorch.py'), 'utf8');
        } catch {
          return '';
        }
      })
      .toContain('def load(folder=');
  });

  it('exports ONNX from the Export menu, trained and with initial weights; onnxruntime runs the trained one as TensorFlow.js does', async () => {
    const names: string[] = [];
    // The listener of the test before saves every download into app.downloads; this one notes the names.
    page.on('download', (dl) => names.push(dl.suggestedFilename()));
    const size = (name: string) => {
      try {
        return readFileSync(join(app.downloads, name)).byteLength;
      } catch {
        return 0;
      }
    };
    for (const item of ['btn-export-onnx-trained', 'btn-export-onnx-design']) {
      await page.getByTestId('btn-export').click();
      await page.getByTestId(item).click();
      await expect.poll(() => names.length, { timeout: 30_000 }).toBe(item === 'btn-export-onnx-trained' ? 1 : 2);
      await expect.poll(() => size(names.at(-1)!), { timeout: 30_000 }).toBeGreaterThan(197210 * 4);
    }
    const [trainedName, designName] = names as [string, string];
    expect(trainedName).toMatch(/\.onnx$/);
    expect(designName).toMatch(/-untrained\.onnx$/);
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 1);
    const model = await loadModel(join(app.downloads, 'model.json'));
    const want = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
    model.dispose();
    const trained = await runOnnx(
      new Uint8Array(readFileSync(join(app.downloads, trainedName))),
      x.dataSync() as Float32Array,
      [2, 28, 28, 1],
    );
    for (let i = 0; i < want.length; i++) expect(Math.abs(want[i]! - trained.data[i]!)).toBeLessThanOrEqual(1e-4);
    const untrained = await runOnnx(
      new Uint8Array(readFileSync(join(app.downloads, designName))),
      x.dataSync() as Float32Array,
      [2, 28, 28, 1],
    );
    expect(untrained.dims).toEqual([2, 10]);
    expect(Array.from(untrained.data)).not.toEqual(Array.from(trained.data));
  });
});
