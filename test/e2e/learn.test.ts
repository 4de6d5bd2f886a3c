import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type App } from './harness';

let app: App;
let page: Page;

const text = (id: string) => page.getByTestId(id).innerText();

/** The output cells as shown, after stepping to the last position. */
async function output1d(n: number): Promise<number[]> {
  await page.getByTestId('btn-step-last').click();
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(Number((await text(`lab-out-${i}`)).trim()));
  return values;
}

describe('the Learn lab', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
    await page.getByTestId('btn-learn').click();
    await page.getByTestId('learn-lab').waitFor();
    await page.getByTestId('learn-conv').click();
    await page.getByTestId('lab-mode-1d').click();
  });

  afterAll(async () => {
    await app?.close();
  });

  it("steps the flipped kernel over the lecture's 1-D example and shows SciPy's convolve-valid values", async () => {
    await page.getByTestId('lab-op-convolve').click();
    await page.getByTestId('lab-pad-valid').click();
    expect(await text('lab-sum')).toBe('63');
    await page.getByTestId('btn-step-next').click();
    expect(await text('lab-sum')).toBe('48');
    expect(await text('lab-formula')).toBe('(N − F) / stride + 1 = floor((9 − 4) / 1) + 1 = 6');
    expect((await text('lab-kernel-flipped')).replace(/\s+/g, ' ')).toContain('3 5 1 2');
    expect(await output1d(6)).toEqual([63, 48, 49, 28, 21, 20]);
  });

  it('cross-correlation: valid, full and SciPy same', async () => {
    await page.getByTestId('lab-op-correlate').click();
    expect(await output1d(6)).toEqual([48, 57, 24, 25, 16, 39]);
    await page.getByTestId('lab-pad-full').click();
    expect(await text('lab-sum')).toBe('6');
    // F − 1 zeros on each side: N + F − 1 outputs at stride 1.
    expect(await text('lab-formula')).toBe('(N + F − 2) / stride + 1 = floor((9 + 4 − 2) / 1) + 1 = 12');
    expect(await text('lab-padding')).toContain('k − 1 = 3 zeros on each side');
    expect(await output1d(12)).toEqual([6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10]);
    await page.getByTestId('lab-pad-same').click();
    await page.getByTestId('lab-same-scipy').click();
    expect(await output1d(9)).toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]);
  });

  it("2-D: Keras puts the extra padding at the bottom and right of the lecture's 3×3 image", async () => {
    await page.getByTestId('lab-mode-2d').click();
    await page.getByTestId('lab-preset').selectOption('lecture-same');
    await page.getByTestId('lab-same-keras').click();
    expect(await text('lab-sum')).toBe('12');
    await page.getByTestId('btn-step-last').click();
    const grid: number[][] = [];
    for (let r = 0; r < 3; r++) {
      const row: number[] = [];
      for (let c = 0; c < 3; c++) row.push(Number((await text(`lab-out-${r}-${c}`)).trim()));
      grid.push(row);
    }
    expect(grid).toEqual([
      [12, 16, 9],
      [24, 28, 15],
      [15, 17, 9],
    ]);
    expect(await text('lab-padding')).toContain('top 0, bottom 1, left 0, right 1');
    await page.screenshot({ path: join(SCREENSHOTS, 'learn-conv2d.png') });
  });

  it('pooling: max over 2×2 windows of the 4×4 grid', async () => {
    await page.getByTestId('learn-pool').click();
    await page.getByTestId('pool-preset').selectOption('grid-4x4');
    await page.getByTestId('pool-kind-max').click();
    expect(await text('lab-sum')).toBe('6');
    await page.getByTestId('btn-step-next').click();
    expect(await text('lab-sum')).toBe('8');
    expect(await text('lab-pad-count')).toBe('All 4 values of the window count.');
    // 'same' on the lecture's 2×2 input: the last window hangs over three padded cells.
    await page.getByTestId('pool-preset').selectOption('lecture-same');
    await page.getByTestId('btn-step-last').click();
    expect(await text('lab-sum')).toBe('1');
    expect(await text('lab-pad-count')).toBe(
      '3 padded cells of this window are left out: the maximum is taken over the input values only (1).',
    );
  });

  it("marks the sigmoid derivative's maximum of 0.25", async () => {
    await page.getByTestId('learn-activations').click();
    expect(await page.getByTestId('act-sigmoid-max').getAttribute('data-y')).toBe('0.25');
    await page.getByTestId('act-vanishing').waitFor();
  });

  it('explains a Conv2D node of the project, step by step with its sum and bias', async () => {
    await page.getByTestId('btn-learn-close').click();
    await page.getByTestId('node-conv2d').click();
    await page.getByTestId('btn-explain-layer').click();
    await page.getByTestId('explain-layer').waitFor();
    expect(await text('explain-name')).toBe('conv2d');
    // The lecture CNN's first convolution sees one channel, so its sum plus the bias is the output.
    const channel = Number(await page.getByTestId('explain-channel-sum').getAttribute('data-value'));
    const bias = Number(await page.getByTestId('explain-bias').getAttribute('data-value'));
    const sum = Number(await page.getByTestId('explain-sum').getAttribute('data-value'));
    expect(sum).toBeCloseTo(channel + bias, 5);
  });

  it("on the trained model's numbers, says TensorFlow.js computed the same value", async () => {
    await page.getByTestId('btn-learn-close').click();
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await page.getByTestId('btn-train').click();
    // As soon as the data is loaded the engine inspects the initialised network: its input,
    // kernels and feature maps. Explain then checks its own arithmetic against the engine's.
    await page.getByTestId('node-conv2d').click();
    await page.getByTestId('btn-explain-layer').click();
    const check = page.getByTestId('explain-engine');
    await check.waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('explain-source').innerText()).toContain('Trained model');
    expect(await check.getAttribute('data-ok')).toBe('true');
    expect(await check.innerText()).toContain('the same');
    // Another position (the inspection may be replaced by a newer one meanwhile: each one is checked on its own numbers).
    await page.getByTestId('btn-step-last').click();
    await expect.poll(() => page.getByTestId('lab-position').getAttribute('data-index')).not.toBe('0');
    expect(await check.getAttribute('data-ok')).toBe('true');
    await page.getByTestId('btn-learn-close').click();
    const stop = page.getByTestId('btn-stop');
    if (await stop.isEnabled()) await stop.click();
    await expect.poll(() => stop.isEnabled(), { timeout: 60_000 }).toBe(false);
  });
});
