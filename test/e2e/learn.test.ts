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
    expect(await text('lab-sum')).toContain('63');
    await page.getByTestId('btn-step-next').click();
    expect(await text('lab-sum')).toContain('48');
    expect(await text('lab-formula')).toContain('(N − F) / stride + 1 = floor((9 − 4) / 1) + 1 = 6');
    expect((await text('lab-kernel-flipped')).replace(/\s+/g, ' ')).toContain('3 5 1 2');
    expect(await output1d(6)).toEqual([63, 48, 49, 28, 21, 20]);
  });

  it('cross-correlation: valid, full and SciPy same', async () => {
    await page.getByTestId('lab-op-correlate').click();
    expect(await output1d(6)).toEqual([48, 57, 24, 25, 16, 39]);
    await page.getByTestId('lab-pad-full').click();
    expect(await text('lab-sum')).toContain('6');
    expect(await output1d(12)).toEqual([6, 34, 51, 48, 57, 24, 25, 16, 39, 29, 13, 10]);
    await page.getByTestId('lab-pad-same').click();
    await page.getByTestId('lab-same-scipy').click();
    expect(await output1d(9)).toEqual([34, 51, 48, 57, 24, 25, 16, 39, 29]);
  });

  it("2-D: Keras puts the extra padding at the bottom and right of the lecture's 3×3 image", async () => {
    await page.getByTestId('lab-mode-2d').click();
    await page.getByTestId('lab-preset').selectOption('lecture-same');
    await page.getByTestId('lab-same-keras').click();
    expect(await text('lab-sum')).toContain('12');
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
    expect(await text('lab-sum')).toContain('6');
    await page.getByTestId('btn-step-next').click();
    expect(await text('lab-sum')).toContain('8');
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
    expect(await text('explain-name')).toContain('conv2d');
    // The lecture CNN's first convolution sees one channel, so its sum plus the bias is the output.
    const channel = Number(await page.getByTestId('explain-channel-sum').getAttribute('data-value'));
    const bias = Number(await page.getByTestId('explain-bias').getAttribute('data-value'));
    const sum = Number(await page.getByTestId('explain-sum').getAttribute('data-value'));
    expect(sum).toBeCloseTo(channel + bias, 5);
  });
});
