import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, selectNode, type App } from './harness';

/**
 * The inspector's "What if…" strip on the lecture's CNN (conv2d: 3×3, 10 filters, padding
 * 'same'; 197,210 parameters): what an alternative says it will cost is what the summary shows
 * once it is clicked, and Ctrl+Z takes it back.
 */

let app: App;
let page: Page;

const total = () => page.getByTestId('summary-total').innerText();

describe('what-if in the inspector', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-dense_1').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it("predicts the summary of padding 'valid' on conv2d, applies it on a click, and Ctrl+Z restores", async () => {
    await expect.poll(total).toBe('197,210');
    await selectNode(page, 'conv2d');
    // The lecture's convolution already pads 'same', so 'valid' is the padding on offer.
    const card = page.getByTestId('whatif-padding-valid');
    await card.waitFor();
    expect(await page.getByTestId('whatif-padding-same').count()).toBe(0);
    const params = page.getByTestId('whatif-padding-valid-params');
    const shown = await params.innerText();
    const predicted = Number(await params.getAttribute('data-total'));
    expect(Number(await params.getAttribute('data-delta'))).toBe(predicted - 197_210);
    expect(shown).toContain(`→ ${predicted.toLocaleString('en-US')}`);
    expect(await page.getByTestId('whatif-padding-valid-shapes').innerText()).toContain('conv2d: (None, 28, 28, 10) → (None, 26, 26, 10)');

    await card.click();
    await expect.poll(total).toBe(predicted.toLocaleString('en-US'));
    expect(await page.getByTestId('node-conv2d').getByTestId('node-shape').innerText()).toBe('(None, 26, 26, 10)');
    // The strip now offers the way back.
    await page.getByTestId('whatif-padding-same').waitFor();

    await page.keyboard.press('Control+z');
    await expect.poll(total).toBe('197,210');
    expect(await page.getByTestId('node-conv2d').getByTestId('node-shape').innerText()).toBe('(None, 28, 28, 10)');
  });

  it('is reached by the keyboard: Enter on an alternative applies it, and its new total is the summary’s', async () => {
    await selectNode(page, 'dense');
    const card = page.getByTestId('whatif-units-200');
    const predicted = Number(await page.getByTestId('whatif-units-200-params').getAttribute('data-total'));
    await card.focus();
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe(predicted.toLocaleString('en-US'));
    await page.keyboard.press('Control+z');
    await expect.poll(total).toBe('197,210');
  });

  it('says why instead of numbers when a choice breaks the network', async () => {
    await selectNode(page, 'input_layer');
    await page.getByTestId('field-shape').locator('input').first().fill('4, 4, 1');
    await selectNode(page, 'conv2d');
    // A 5×5 kernel fits a 4×4 input padded 'same', and not once padding is 'valid' (2×2 out of a 3×3).
    await page.getByTestId('whatif-kernel-5-params').waitFor();
    await page.getByTestId('whatif-padding-valid').click();
    await expect.poll(() => page.getByTestId('whatif-kernel-5-breaks').innerText()).toContain('a 5×5 kernel does not fit its 4×4 input');
    expect(await page.getByTestId('whatif-kernel-5').getAttribute('class')).toContain('what-if__card--breaks');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(total).toBe('197,210');
  });
});
