import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type App } from './harness';

let app: App;
let page: Page;

const KILLS = 5;

/** True while a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Presses Train and waits until batch events arrive (the live rate and the batch chart show them). */
async function trainUntilBatches(): Promise<void> {
  await page.getByTestId('btn-train').click();
  await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 120_000 }).toBe('training');
  await page.getByTestId('samples-per-sec').waitFor({ timeout: 120_000 });
  await expect
    .poll(async () => Number(await page.getByTestId('chart-batch').getAttribute('data-points')), { timeout: 120_000 })
    .toBeGreaterThan(0);
}

describe('the UI survives its engine', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await page.getByTestId('node-conv2d').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it(
    `the engine is killed during training ${KILLS} times: each time the UI says so, keeps the design and settings, and trains again`,
    { timeout: 600_000 },
    async () => {
      await page.getByTestId('btn-training-toggle').click();
      await page.getByTestId('training-panel').waitFor();
      await expect.poll(() => page.getByTestId('backend-name').innerText(), { timeout: 60_000 }).toMatch(/wasm|tensorflow|cpu/);
      const nodes = await page.locator('.react-flow__node').count();
      expect(nodes).toBeGreaterThan(3);
      // A changed setting that must survive: enough epochs that every run is still training when it is killed.
      const epochs = page.getByTestId('setting-epochs');
      await epochs.fill('200');
      await epochs.press('Enter');

      let survived = 0;
      for (let kill = 1; kill <= KILLS; kill++) {
        await trainUntilBatches();
        const pid = app.enginePids().at(-1)!;
        expect(alive(pid)).toBe(true);
        process.kill(pid, 'SIGKILL');
        await expect.poll(() => alive(pid), { timeout: 30_000 }).toBe(false);

        // The UI says what happened …
        const banner = page.getByTestId('training-error');
        await banner.waitFor({ timeout: 30_000 });
        expect(await banner.getAttribute('data-code')).toBe('engine-crashed');
        expect(await banner.innerText()).toMatch(/engine stopped/i);
        await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
        // … and the design and the settings are as they were.
        expect(await page.locator('.react-flow__node').count()).toBe(nodes);
        expect(await epochs.inputValue()).toBe('200');
        // The banner offers to start the engine again; after that, Train is enabled (the next round trains).
        await page.getByTestId('btn-restart-engine').click();
        await expect.poll(() => page.getByTestId('training-error').count(), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => page.getByTestId('btn-train').isEnabled(), { timeout: 60_000 }).toBe(true);
        survived++;
      }
      expect(survived).toBe(KILLS);
      // Each kill left a new engine behind it (the next Train started one), and the last Train works too.
      await trainUntilBatches();
      expect(app.enginePids().length).toBeGreaterThanOrEqual(KILLS + 1);
      await page.getByTestId('btn-stop').click();
      await expect.poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 60_000 }).toBe('finished');
      console.log(`engine kills survived by the UI: ${survived}/${KILLS}`);
    },
  );
});
