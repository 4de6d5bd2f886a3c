import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type App } from './harness';
import { distinctPixels } from './canvas-pixels';

let app: App;
let page: Page;
let previousDataDir: string | undefined;

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Opens the training dock (when closed) and waits for the engine. */
async function openDock(): Promise<void> {
  if ((await page.getByTestId('btn-training-toggle').getAttribute('aria-expanded')) !== 'true')
    await page.getByTestId('btn-training-toggle').click();
  await page.getByTestId('training-panel').waitFor();
  await expect.poll(() => page.getByTestId('backend-name').innerText(), { timeout: 30_000 }).toMatch(/wasm|cpu|tensorflow/);
}

/** Trains one epoch on the shipped sample and waits for its test accuracy. */
async function trainOneEpoch(): Promise<void> {
  await page.getByTestId('tab-training').click();
  const epochs = page.getByTestId('setting-epochs');
  await epochs.fill('1');
  await epochs.press('Enter');
  await page.getByTestId('btn-train').click();
  await expect.poll(() => page.getByTestId('training-panel').getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');
}

const rows = () => page.getByTestId('run-list').locator('tbody tr');

describe('runs: every training run kept, listed, compared and reopened', () => {
  beforeAll(async () => {
    // The engine keeps runs in its data folder: a fresh one for this test, never the user's.
    previousDataDir = process.env['CONVAS_DATA_DIR'];
    process.env['CONVAS_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'convas-runs-e2e-'));
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    if (previousDataDir === undefined) delete process.env['CONVAS_DATA_DIR'];
    else process.env['CONVAS_DATA_DIR'] = previousDataDir;
  });

  it('lists two runs of different designs and compares their curves and designs', async () => {
    await openDock();
    await trainOneEpoch();
    // The second run has one more Dense layer (added before the softmax output).
    await page.getByTestId('palette-item-Dense').dblclick();
    await page.getByTestId('node-dense_2').waitFor();
    await trainOneEpoch();

    await page.getByTestId('tab-runs').click();
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.getByTestId('run-list').locator('[data-status="finished"]').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('runs-total').innerText()).toMatch(/^2 runs · [\d.]+ (KB|MB) on disk$/);
    // Newest first: the run with the added layer, then the lecture's CNN as it is.
    expect(await rows().nth(0).innerText()).toMatch(/6 layers · [\d,]+ params/);
    expect(await rows().nth(1).innerText()).toMatch(/5 layers · 197,210 params/);

    // Tick the first run (the baseline), then the second.
    await rows().nth(1).getByRole('checkbox').check();
    await rows().nth(0).getByRole('checkbox').check();
    const compare = page.getByTestId('compare-view');
    await compare.waitFor();
    expect(await compare.getAttribute('data-runs')).toBe('2');
    const lossChart = page.getByTestId('compare-chart-epoch-loss');
    // Training and validation of each run.
    await expect.poll(() => lossChart.getAttribute('data-series'), { timeout: 15_000 }).toBe('4');
    // One epoch each: every series is a dot, drawn as a line group of its own.
    await expect.poll(() => lossChart.locator('.recharts-line').count(), { timeout: 15_000 }).toBe(4);
    await page.getByTestId('compare-axis-batch').click();
    await expect
      .poll(() => page.getByTestId('compare-chart-batch-loss').locator('path.recharts-curve').count(), { timeout: 15_000 })
      .toBe(2);

    const diff = page.getByTestId('compare-diff-1');
    expect(await diff.getByTestId('diff-added').getAttribute('data-layer')).toBe('dense_2');
    expect(Number(await diff.getAttribute('data-params-delta'))).toBeGreaterThan(0);
    expect(await diff.getByTestId('diff-params').innerText()).toMatch(/^Δ parameters: \+[\d,]+$/);
    expect(await page.getByTestId('metric-totalParams').getByTestId('metric-delta').innerText()).toMatch(/^\+[\d,]+$/);
    await page.getByTestId('btn-maximize').click();
    await shot('runs-compare');
    await page.getByTestId('btn-maximize').click();
    // The same view in Korean, every word from the dictionary.
    await page.getByTestId('btn-lang').click();
    try {
      await expect.poll(() => page.getByTestId('tab-runs').innerText()).toBe('실행 기록');
      expect(await page.getByTestId('runs-total').innerText()).toMatch(/^실행 2개 · 디스크 [\d.]+ (KB|MB)$/);
      expect(await diff.getByTestId('diff-added').innerText()).toMatch(/^추가\s+Dense\s+dense_2$/);
      expect(await page.getByTestId('metric-testAccuracy').getByTestId('metric-delta').innerText()).toMatch(/^[+\u2212±][\d.]+%p$/);
      await page.getByTestId('btn-maximize').click();
      await shot('runs-compare-ko');
      await page.getByTestId('btn-maximize').click();
    } finally {
      await page.getByTestId('btn-lang').click();
    }
  });

  it('still lists both runs after a reload, and opens the first run’s trained model without training', async () => {
    await page.reload();
    // The edited design was autosaved: restore it, so opening the first run must change the canvas back.
    await page.getByTestId('dialog').or(page.getByTestId('node-conv2d')).first().waitFor();
    if (await page.getByTestId('dialog').isVisible()) await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('node-dense_2').waitFor();
    await openDock();
    await page.getByTestId('tab-runs').click();
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(2);

    // Renamed in place; the name is the engine's, so it is what the list shows from now on.
    const name = rows().nth(1).locator('input[data-testid^="run-name-"]');
    await name.fill('baseline');
    await name.press('Enter');
    await expect.poll(() => rows().nth(1).locator('input[data-testid^="run-name-"]').inputValue()).toBe('baseline');

    await rows().nth(1).locator('[data-testid^="run-open-"]').click();
    // Its design comes back on the canvas and its feature maps show, with no Train pressed.
    await page.getByTestId('featuremap-viewer').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('node-dense_2').count(), { timeout: 15_000 }).toBe(0);
    const map = page.getByTestId('featuremap-conv2d-0');
    await map.waitFor({ timeout: 30_000 });
    expect(await distinctPixels(map)).toBeGreaterThan(4);
    expect(await page.getByTestId('training-panel').getAttribute('data-status')).toBe('finished');
    await shot('runs-opened-model');
    // Why it decided, from the stored weights too: Grad-CAM and saliency over the same test sample.
    await page.getByTestId('why-toggle').click();
    const gradCam = page.getByTestId('why-gradcam');
    await gradCam.waitFor({ timeout: 30_000 });
    await expect.poll(() => distinctPixels(gradCam), { timeout: 30_000 }).toBeGreaterThan(4);
    expect(await distinctPixels(page.getByTestId('why-saliency'))).toBeGreaterThan(4);
  });

  it('continues training from a stored run as a new run, says what it restored, and deletes a run after asking', async () => {
    await page.getByTestId('tab-runs').click();
    await rows().nth(1).locator('[data-testid^="run-continue-"]').click();
    await page.getByTestId('resume-note').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('resume-note').innerText()).toMatch(/^Continuing from “baseline”: its weights/);
    expect(['restored', 'fresh']).toContain(await page.getByTestId('resume-note').getAttribute('data-optimizer'));
    await expect.poll(() => page.getByTestId('training-panel').getAttribute('data-status'), { timeout: 120_000 }).toBe('finished');

    await page.getByTestId('tab-runs').click();
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => rows().nth(0).innerText(), { timeout: 30_000 }).toMatch(/continued from baseline/);
    await rows().nth(0).locator('[data-testid^="run-delete-"]').click();
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('runs-total').innerText()).toMatch(/^2 runs/);
  });
});
