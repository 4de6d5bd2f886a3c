// The augmentation settings and their preview grid in the real UI, driven in Chromium through browser mode.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type App } from './harness';

let app: App;
let page: Page;

/** A canvas's pixels as one string, to tell two images apart. */
function pixelsOf(canvas: Locator): Promise<string> {
  return canvas.evaluate((el) => {
    // Typed structurally: the test tsconfig has no DOM library.
    const c = el as unknown as { toDataURL(): string };
    return c.toDataURL();
  });
}

/** The preview grid: per row, the original's pixels and its versions'. */
async function grid(): Promise<string[][]> {
  const rows = page.getByTestId('augment-preview-row');
  const out: string[][] = [];
  for (let r = 0; r < (await rows.count()); r++) {
    const canvases = rows.nth(r).locator('canvas');
    const row: string[] = [];
    for (let c = 0; c < (await canvases.count()); c++) row.push(await pixelsOf(canvases.nth(c)));
    out.push(row);
  }
  return out;
}

describe('augmentation in the training settings', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('previews augmented training images and follows the settings', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    await page.getByTestId('augment-preview-show').click();
    // Off by default: the versions are the original, and the panel says so.
    await expect.poll(() => page.getByTestId('augment-preview-row').count(), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => page.getByTestId('augment-preview').innerText()).toMatch(/Augmentation is off/);
    const plain = await grid();
    expect(plain.every((row) => row.length === 6 && row.every((v) => v === row[0]))).toBe(true);

    await page.getByTestId('setting-flip').check();
    const rotation = page.getByTestId('setting-rotation');
    await rotation.fill('30');
    await expect
      .poll(async () => (await grid()).flatMap((row) => row.slice(1).filter((v) => v !== row[0])).length, { timeout: 30_000 })
      .toBeGreaterThan(10);
    const turned = await grid();
    // The same images, changed.
    expect(turned.map((row) => row[0])).toEqual(plain.map((row) => row[0]));
    await expect.poll(() => page.getByTestId('augment-preview').innerText()).not.toMatch(/Augmentation is off/);
    await page.getByTestId('btn-maximize').click();
    await page.getByTestId('augment-preview').scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'augment-preview.png') });
    await page.getByTestId('btn-maximize').click();

    // Other images on request.
    await page.getByTestId('augment-preview-again').click();
    await expect.poll(async () => (await grid()).map((row) => row[0]), { timeout: 30_000 }).not.toEqual(plain.map((row) => row[0]));

    // A bad value is marked and not taken.
    await rotation.fill('90');
    await expect.poll(() => rotation.getAttribute('aria-invalid')).toBe('true');
  });
});
