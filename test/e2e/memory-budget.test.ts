import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, selectNode, type App } from './harness';

let app: App;
let page: Page;

async function setUnits(node: string, value: string): Promise<void> {
  await selectNode(page, node);
  await page.getByTestId('field-units').locator('input').first().fill(value);
}

describe('training memory in the browser UI', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows what a run needs in the summary and each layer’s share in the inspector', async () => {
    // Lecture CNN, Adam, batch 32: 4 × 197,210 × 4 B + 11,870 × 4 B × 32 × 2 + 784 × 4 B × 32 = 6,294,432 B.
    await expect.poll(() => page.getByTestId('summary-training-memory').innerText()).toBe('about 6 MB');
    await selectNode(page, 'dense');
    // dense: 196,100 × 16 B + 100 × 4 B × 32 × 2 = 3,163,200 B, 50.3% of the run.
    await expect.poll(() => page.getByTestId('inspector-training-memory').innerText()).toBe('3 MB (50.3% of the run)');
    await page.getByTestId('btn-lang').click();
    await expect.poll(() => page.getByTestId('summary-training-memory').innerText()).toBe('약 6 MB');
    await expect.poll(() => page.getByTestId('inspector-training-memory').innerText()).toBe('3 MB (훈련 전체의 50.3%)');
    await page.getByTestId('btn-lang').click();
  });

  it('blocks Train before it is pressed for a network the engine’s budget cannot hold, in both languages', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    await expect.poll(() => page.getByTestId('backend-name').innerText(), { timeout: 30_000 }).toMatch(/\w/);
    await setUnits('dense', '1000000');
    const blocked = page.getByTestId('train-blocked');
    await expect
      .poll(() => blocked.innerText())
      .toMatch(
        /too large to train on this computer[\s\S]*dense: 1,961,000,000 parameters — training needs about 30 GB with Adam \(batch 32\); this computer allows [\d.]+ GB\./,
      );
    expect(await page.getByTestId('btn-train').isDisabled()).toBe(true);
    await page.getByTestId('btn-lang').click();
    await expect
      .poll(() => blocked.innerText())
      .toMatch(/너무 큽니다[\s\S]*dense: 파라미터 1,961,000,000개 — Adam\(배치 32\)로 훈련하려면 약 30 GB/);
    await page.getByTestId('btn-lang').click();
    await setUnits('dense', '100');
    await expect.poll(() => blocked.count()).toBe(0);
    expect(await page.getByTestId('btn-train').isDisabled()).toBe(false);
  });
});
