import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allowedLatinWords, englishWords } from './english-words';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, SCREENSHOTS, type App } from './harness';
import { canvasPixels } from './canvas-pixels';

let app: App;
let page: Page;

describe('"Why this prediction?"', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('after one epoch on the sample, overlays Grad-CAM on a test sample and follows the class picker', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });

    await page.getByTestId('tab-featuremaps').click();
    await page.getByTestId('featuremap-viewer').waitFor();
    await page.getByTestId('why-toggle').click();
    const overlay = page.getByTestId('why-gradcam');
    await overlay.waitFor({ timeout: 30_000 });
    const before = await canvasPixels(overlay);
    // The input under the colours: many levels, not a blank square.
    expect(before.colours).toBeGreaterThan(4);
    expect((await canvasPixels(page.getByTestId('why-saliency'))).colours).toBeGreaterThan(4);
    await page.getByTestId('why-legend').waitFor();

    // The lecture CNN's convolutions, the last one first picked; the predicted class first explained.
    const layers = await page.getByTestId('why-layer').locator('option').allInnerTexts();
    expect(layers.length).toBeGreaterThanOrEqual(1);
    expect(layers[layers.length - 1]).toMatch(/last convolution/);
    const figures = page.getByTestId('why-figures');
    const predicted = await page.getByTestId('prediction').getAttribute('data-predicted');
    expect(await figures.getAttribute('data-class')).toBe(predicted);

    // Another class: another map over the same input.
    const other = predicted === '0' ? '1' : '0';
    await page.getByTestId('why-class').selectOption(other);
    await expect.poll(() => figures.getAttribute('data-class'), { timeout: 30_000 }).toBe(other);
    await expect.poll(async () => (await canvasPixels(overlay)).key !== before.key, { timeout: 30_000 }).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.getByTestId('why').screenshot({ path: join(SCREENSHOTS, 'why.png') });
  });

  it('opens a misclassified image from the gallery with its predicted and its true class to choose from', async () => {
    await page.getByTestId('tab-training').click();
    await page.locator('.cm__cell:not(:disabled)').first().click();
    const why = page.getByTestId('misclassified-gallery').locator('[data-testid^="why-"]').first();
    const index = (await why.getAttribute('data-testid'))!.slice('why-'.length);
    await why.click();
    const viewer = page.getByTestId('featuremap-viewer');
    await expect.poll(() => viewer.getAttribute('data-source'), { timeout: 30_000 }).toBe(`test:${index}`);
    expect(await page.getByTestId('why').getAttribute('data-open')).toBe('true');
    const figures = page.getByTestId('why-figures');
    await page.getByTestId('why-true').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('prediction').getAttribute('data-predicted'), { timeout: 30_000 }).not.toBeNull();
    const predicted = await page.getByTestId('prediction').getAttribute('data-predicted');
    await expect.poll(() => figures.getAttribute('data-class'), { timeout: 30_000 }).toBe(predicted);
    const before = await canvasPixels(page.getByTestId('why-gradcam'));
    await page.getByTestId('why-true').click();
    await expect.poll(() => figures.getAttribute('data-class'), { timeout: 30_000 }).not.toBe(predicted);
    await expect.poll(async () => (await canvasPixels(page.getByTestId('why-gradcam'))).key !== before.key, { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('why-true').innerText()).toMatch(/^True: \S/);
  });

  it('explains a drawing too, redrawn as it is drawn', async () => {
    const figures = page.getByTestId('why-figures');
    const before = await canvasPixels(page.getByTestId('why-gradcam'));
    await page.getByTestId('source-draw').click();
    const pad = await page.getByTestId('draw-pad').boundingBox();
    if (!pad) throw new Error('no drawing pad');
    await page.mouse.move(pad.x + pad.width * 0.3, pad.y + pad.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(pad.x + pad.width * 0.7, pad.y + pad.height * 0.8, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => figures.getAttribute('data-source'), { timeout: 30_000 }).toBe('draw');
    // The stroke on black (and the colours laid over it) once the answer for the finished drawing is in.
    await expect.poll(async () => (await canvasPixels(page.getByTestId('why-gradcam'))).colours, { timeout: 30_000 }).toBeGreaterThan(1);
    expect((await canvasPixels(page.getByTestId('why-gradcam'))).key).not.toBe(before.key);
  });

  it('in Korean, says everything in Korean (the method keeps its name, Grad-CAM)', async () => {
    await page.getByTestId('btn-lang').click();
    try {
      const why = page.getByTestId('why');
      await expect.poll(() => why.innerText()).toMatch(/왜 이렇게 예측했을까/);
      const titles = await why.locator('[title]').evaluateAll((els) => els.map((el) => (el as unknown as { title: string }).title));
      expect(englishWords([await why.innerText(), ...titles].join('\n'), allowedLatinWords())).toEqual([]);
    } finally {
      await page.getByTestId('btn-lang').click();
    }
  });
});
