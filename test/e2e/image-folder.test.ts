import sharp from 'sharp';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, selectNode, type App } from './harness';

let app: App;
let page: Page;
const CLASSES = Array.from({ length: 10 }, (_, i) => `shade-${i}`);

/** A folder with train/ and test/, ten classes of 40×30 colour pictures (one shade each), and one damaged file. */
async function imageFolder(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'convas-folder-'));
  for (const [split, n] of [
    ['train', 6],
    ['test', 2],
  ] as const)
    for (const [c, name] of CLASSES.entries()) {
      const dir = join(root, split, name);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < n; i++) {
        const v = c * 25 + i;
        const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: v, g: 255 - v, b: (v * 3) % 256 } } })
          .png()
          .toBuffer();
        writeFileSync(join(dir, `${i}.png`), png);
      }
    }
  writeFileSync(join(root, 'train', CLASSES[0]!, 'broken.png'), 'not a picture at all');
  return root;
}

/** How many pixels of a canvas are coloured (red, green and blue not all equal). */
function colouredPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((el) => {
    // Typed structurally: the test tsconfig has no DOM library.
    const c = el as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2]) n++;
    return n;
  });
}

describe('training on a folder of pictures in browser mode', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await imageFolder();
    app = await openApp('&template=lecture-cnn', { dataDirs: [folder] });
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('chooses the folder among the served ones, explains the conversion, lists the classes and the skipped file', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    await page.getByTestId('setting-dataset').selectOption('images');
    const choice = page.getByTestId('setting-datadir-choice');
    await choice.waitFor({ timeout: 10_000 });
    await choice.selectOption(folder);
    expect(await page.getByTestId('setting-datadir').inputValue()).toBe(folder);
    expect(await page.getByTestId('train-conversion').getAttribute('data-key')).toBe('convert.images.gray');
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });

    const classes = page.getByTestId('dataset-classes');
    await classes.locator('summary').click();
    // The table is made when the details open, a render after the click.
    await expect.poll(() => classes.locator('tbody th').allInnerTexts()).toEqual(CLASSES);
    // Training, validation, test counts, then a few of the class's training pictures.
    expect(await page.getByTestId('class-count-3').locator('td').nth(2).innerText()).toBe('2');
    await expect.poll(() => page.getByTestId('class-samples-3').locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const skipped = page.getByTestId('skipped-files');
    expect(await skipped.getAttribute('data-count')).toBe('1');
    await skipped.locator('summary').click();
    expect(await skipped.locator('li').innerText()).toMatch(new RegExp(`^train/${CLASSES[0]}/broken\\.png — (damaged|not a picture)$`));
  });

  it('with a colour Input (28×28×3): the input in colour and the first Conv2D’s filters as colour patches', async () => {
    await selectNode(page, 'input_layer');
    await page.getByTestId('field-shape').locator('input').first().fill('28, 28, 3');
    expect(await page.getByTestId('train-conversion').getAttribute('data-key')).toBe('convert.images.colour');
    await page.getByTestId('btn-train').click();
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 180_000 }).toBe('finished');
    await page.getByTestId('tab-featuremaps').click();
    await page.getByTestId('featuremap-conv2d-0').waitFor({ timeout: 30_000 });
    expect(await colouredPixels(page.getByTestId('input-image'))).toBeGreaterThan(100);
    const patch = page.getByTestId('kernel-conv2d-0-colour');
    expect(await patch.getAttribute('width')).toBe('3');
    expect(await colouredPixels(patch)).toBeGreaterThan(0);
    // Per channel too: the 3 input channels' 3×3 slices side by side.
    expect(Number(await page.getByTestId('kernel-conv2d-0').getAttribute('width'))).toBeGreaterThan(3);
  });
});
