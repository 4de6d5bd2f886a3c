import sharp from 'sharp';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type App } from './harness';
import { distinctPixels } from './canvas-pixels';

let app: App;
let page: Page;

/** A 90×60 colour PNG (not the model's 28×28×1): a white bar on black with a red corner, so the engine must resize and convert it. */
async function picture(): Promise<string> {
  const width = 90;
  const height = 60;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const bar = x > 35 && x < 55 && y > 5 && y < 55;
      const corner = x < 15 && y < 15;
      raw[o] = bar || corner ? 255 : 0;
      raw[o + 1] = bar ? 255 : 0;
      raw[o + 2] = bar ? 255 : 0;
    }
  const path = join(mkdtempSync(join(tmpdir(), 'convas-picture-')), 'bar.png');
  writeFileSync(
    path,
    await sharp(raw, { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer(),
  );
  return path;
}

describe('"Open an image" in the feature-map viewer', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('after one epoch on the sample, predicts a picture file and shows its feature maps', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    // Before Train: CIFAR-10's colour pictures into the lecture CNN's 28×28×1 Input are explained; the sample needs no words.
    await page.getByTestId('setting-dataset').selectOption('cifar10');
    expect(await page.getByTestId('train-conversion').getAttribute('data-key')).toBe('convert.cifar10.resizeGray');
    expect(await page.getByTestId('train-conversion').innerText()).toMatch(/grayscale 28×28/);
    await page.getByTestId('setting-dataset').selectOption('sample');
    expect(await page.getByTestId('train-conversion').count()).toBe(0);
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });
    // The dataset view: the sample's ten classes with their counts per split.
    const classes = page.getByTestId('dataset-classes');
    await classes.locator('summary').click();
    // The table is made when the details open, a render after the click.
    await expect.poll(() => classes.locator('tbody tr').count()).toBe(10);
    const firstRow = (await page.getByTestId('class-count-0').locator('td').allInnerTexts()).slice(0, 3).map(Number);
    expect(firstRow.every((n) => n > 0)).toBe(true);
    // And four training pictures of each class beside its counts.
    await expect.poll(() => page.getByTestId('class-samples-9').locator('canvas').count(), { timeout: 30_000 }).toBe(4);

    await page.getByTestId('tab-featuremaps').click();
    await page.getByTestId('featuremap-viewer').waitFor();
    await page.getByTestId('featuremap-conv2d-0').waitFor({ timeout: 30_000 });
    await page.getByTestId('open-picture').setInputFiles(await picture());

    const viewer = page.getByTestId('featuremap-viewer');
    await expect.poll(() => viewer.getAttribute('data-source'), { timeout: 30_000 }).toBe('picture:1');
    await expect.poll(() => viewer.getAttribute('data-snapshots'), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId('picture-name').innerText()).toBe('bar.png');
    // The picture as the model sees it (28×28 gray), drawn from the engine's decoding, not the file.
    const shown = page.getByTestId('picture-image');
    expect(await shown.getAttribute('width')).toBe('28');
    expect(await distinctPixels(shown)).toBeGreaterThan(1);
    // The top 5 of the sample's ten classes, by name, most probable first.
    const rows = page.getByTestId('prediction').locator('.fm-pred__row');
    await expect.poll(() => rows.count()).toBe(5);
    const names = await page.getByTestId('prediction').locator('.fm-pred__name').allInnerTexts();
    expect(names.every((n) => /[A-Za-z]/.test(n))).toBe(true);
    const values = (await page.getByTestId('prediction').locator('.fm-pred__value').allInnerTexts()).map((v) => parseFloat(v));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(await distinctPixels(page.getByTestId('featuremap-conv2d-0'))).toBeGreaterThan(4);

    // A photo-sized file (over the server's 4 MiB message limit as it is) is scaled down in the page, then predicted.
    const width = 1400;
    const height = 1100;
    const noise = Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 2654435761) >>> 24));
    const big = join(mkdtempSync(join(tmpdir(), 'convas-picture-')), 'noise.png');
    writeFileSync(
      big,
      await sharp(noise, { raw: { width, height, channels: 3 } })
        .png({ compressionLevel: 0 })
        .toBuffer(),
    );
    expect(statSync(big).size).toBeGreaterThan(4 * 1024 * 1024);
    await page.getByTestId('open-picture').setInputFiles(big);
    await expect.poll(() => viewer.getAttribute('data-source'), { timeout: 30_000 }).toBe('picture:2');
    await expect.poll(() => viewer.getAttribute('data-snapshots'), { timeout: 30_000 }).toBe('1');
    expect(await page.getByTestId('picture-name').innerText()).toBe('noise.png');

    // A file that is not a picture is refused with a reason, and the viewer stays usable.
    const bogus = join(mkdtempSync(join(tmpdir(), 'convas-picture-')), 'notes.png');
    writeFileSync(bogus, 'not a picture');
    await page.getByTestId('open-picture').setInputFiles(bogus);
    await page.locator('.fm-main .tp-inline-error').waitFor({ timeout: 30_000 });
  });
});
