import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, selectNode, SCREENSHOTS, type App } from './harness';

let app: App;
let page: Page;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${String(locator)} is not visible`);
  return b;
}

/** Whether two boxes share more than a pixel of area. */
function overlaps(a: Box, b: Box): boolean {
  return a.x + a.width > b.x + 1 && b.x + b.width > a.x + 1 && a.y + a.height > b.y + 1 && b.y + b.height > a.y + 1;
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Clicks a template in the Templates menu and discards unsaved changes when asked. */
async function loadTemplate(id: string, expectDialog: boolean): Promise<void> {
  await page.getByTestId('btn-templates').click();
  await page.getByTestId(`btn-template-${id}`).click();
  if (expectDialog) await page.getByTestId('dialog-confirm').click();
}

async function setField(node: string, param: string, value: string): Promise<void> {
  await selectNode(page, node);
  const input = page.getByTestId(`field-${param}`).locator('input').first();
  await input.fill(value);
  await input.press('Enter');
}

/**
 * Words of Korean text (runs of Hangul) inside `root` that a line break cuts in two, as
 * "손/실": each word must lie on one line. SVG text does not wrap and is left out.
 */
function brokenKoreanWords(root: Locator): Promise<string[]> {
  return root.evaluate((el) => {
    // Typed structurally: the test tsconfig has no DOM library.
    interface TextNode {
      readonly textContent: string | null;
      readonly parentElement: { closest(s: string): unknown; checkVisibility(): boolean } | null;
    }
    const doc = (el as unknown as { ownerDocument: unknown }).ownerDocument as {
      createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
      createRange(): { setStart(n: TextNode, i: number): void; setEnd(n: TextNode, i: number): void; getClientRects(): unknown };
    };
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('svg') || !parent.checkVisibility()) continue;
      for (const m of (node.textContent ?? '').matchAll(/[\uac00-\ud7a3]+/g)) {
        const range = doc.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // One line box per line the word sits on (an ellipsis may repeat a box at the same place).
        const tops = new Set<number>();
        for (const r of range.getClientRects() as unknown as Iterable<{ top: number; width: number }>)
          if (r.width > 0) tops.add(Math.round(r.top));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  });
}

/** How much of a select's chosen label its box cannot show, in pixels (0: all of it is visible). */
function hiddenSelectText(select: Locator): Promise<number> {
  return select.evaluate((el) => {
    const s = el as unknown as {
      selectedOptions: { readonly 0?: { text: string } };
      clientWidth: number;
      ownerDocument: { createElement(k: 'canvas'): { getContext(k: '2d'): { font: string; measureText(t: string): { width: number } } } };
    };
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el);
    const ctx = s.ownerDocument.createElement('canvas').getContext('2d');
    ctx.font = `${style['fontWeight']} ${style['fontSize']} ${style['fontFamily']}`;
    const text = ctx.measureText(s.selectedOptions[0]?.text ?? '').width;
    // The drop-down arrow takes about 20 px at the right.
    const room = s.clientWidth - parseFloat(style['paddingLeft'] ?? '0') - parseFloat(style['paddingRight'] ?? '0') - 20;
    return Math.max(0, Math.ceil(text - room));
  });
}

describe('results, training readiness and small things a newcomer trips over', () => {
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await page.getByTestId('node-input_layer').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the Open ▾ chevron has an accessible name from the dictionary', async () => {
    expect(await page.getByTestId('btn-open-menu').getAttribute('aria-label')).toBe('More ways to open: import a model, recent files');
    expect(await page.getByRole('button', { name: 'More ways to open: import a model, recent files' }).count()).toBe(1);
  });

  it('the palette says what a dropped Conv2D starts with and that Keras has no default for it', async () => {
    const title = await page.getByTestId('palette-item-Conv2D').getAttribute('title');
    expect(title).toContain('Starts as filters 10, kernel_size 3×3, padding same, activation relu.');
    expect(title).toContain('Keras has no default for filters, kernel_size.');
    expect(title).toContain('Keras’s own defaults: padding valid, activation linear.');
    expect(await page.getByTestId('palette-item-MaxPooling2D').getAttribute('title')).toMatch(/^Starts with Keras’s defaults\./);
  });

  it('Save names the download after the project as it is named now, also after an earlier Save', async () => {
    const save = async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-save').click()]);
      return dl.suggestedFilename();
    };
    const name = page.getByTestId('project-name');
    await name.fill('Fashion CNN, v2');
    await name.press('Enter');
    expect(await save()).toBe('fashion-cnn-v2.convas.json');
    await name.fill('Second try');
    await name.press('Enter');
    expect(await save()).toBe('second-try.convas.json');
  });

  it('says "1 layer", not "1 layers"', async () => {
    await expect.poll(() => page.getByTestId('statusbar').innerText()).toMatch(/\b1 layer\b/);
  });

  it('a valid network whose output is (None, 28, 28, 100) cannot train: the status bar and the panel say why, and Train is disabled', async () => {
    await page.getByTestId('palette-item-Dense').dblclick();
    await page.getByTestId('node-dense').waitFor();
    const validity = page.getByTestId('status-validity');
    await expect.poll(() => validity.getAttribute('data-trainable')).toBe('false');
    expect(await validity.innerText()).toBe(
      'Valid network — cannot train on Fashion-MNIST sample: output (None, 28, 28, 100), needs (None, 10)',
    );
    expect(await validity.getAttribute('title')).toContain("end it with Flatten and Dense(10, activation 'softmax')");

    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    const train = page.getByTestId('btn-train');
    expect(await train.isDisabled()).toBe(true);
    expect(await train.getAttribute('title')).toBe(
      "dense: the network must end with 10 values (one per class) but outputs (None, 28, 28, 100) — end it with Flatten and Dense(10, activation 'softmax')",
    );
    const blocked = page.getByTestId('train-blocked');
    expect(await blocked.innerText()).toContain('This network cannot train on the chosen dataset (Fashion-MNIST sample)');
    expect(await blocked.innerText()).toContain('(None, 28, 28, 100)');
    await shot('train-blocked');
  });

  it('each empty chart says so over its own plot, not across two charts', async () => {
    const figures = page.locator('[data-testid="training-panel"] figure.tp-chart');
    await expect.poll(() => figures.count()).toBe(3);
    const messages = page.getByTestId('chart-empty');
    expect(await messages.count()).toBe(3);
    const figureBoxes = await Promise.all([0, 1, 2].map((i) => box(figures.nth(i))));
    for (let i = 0; i < 3; i++) {
      const message = messages.nth(i);
      expect(await message.innerText()).toBe('The curve appears here as the network trains.');
      const m = await box(message);
      const own = await box(message.locator('xpath=ancestor::figure[1]'));
      expect(inside(m, own)).toBe(true);
      for (const other of figureBoxes) if (other.x !== own.x || other.y !== own.y) expect(overlaps(m, other)).toBe(false);
    }
  });

  it('the Dataset select shows its whole label at 1280 px, in English and Korean', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const select = page.getByTestId('setting-dataset');
    for (const lang of ['en', 'ko']) {
      if (lang === 'ko') await page.getByTestId('btn-lang').click();
      for (const value of ['sample', 'fashion-mnist', 'mnist', 'directory']) {
        await select.selectOption(value);
        expect({ value, lang, hidden: await hiddenSelectText(select) }).toEqual({ value, lang, hidden: 0 });
      }
      for (const other of ['setting-optimizer', 'setting-backend']) {
        expect({ other, lang, hidden: await hiddenSelectText(page.getByTestId(other)) }).toEqual({ other, lang, hidden: 0 });
      }
    }
    await select.selectOption('sample');
    expect(await page.getByTestId('setting-dataset-help').innerText()).toBe('내장: 옷 이미지 훈련 3,000개 + 테스트 1,000개');
    await page.getByTestId('btn-lang').click();
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('trains the lecture’s CNN once the network can train', async () => {
    await loadTemplate('lecture-cnn', true);
    await expect.poll(() => page.getByTestId('status-validity').innerText()).toBe('Valid network');
    expect(await page.getByTestId('train-blocked').count()).toBe(0);
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await expect.poll(() => page.getByTestId('btn-train').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 180_000 });
    expect(await page.getByTestId('test-accuracy').innerText()).toMatch(/^\d{1,3}\.\d%$/);
    expect(await page.getByTestId('results-stale').count()).toBe(0);
    expect(await page.getByTestId('run-warning').count()).toBe(0);
    expect(await page.getByTestId('btn-export-trained').innerText()).toBe('Export trained model (TensorFlow.js + Keras JSON)');
  });

  it('maximised, the Export button stays inside its card and off the confusion matrix (1440 and 1280 px)', async () => {
    await page.getByTestId('btn-maximize').click();
    try {
      for (const size of [
        { width: 1440, height: 900 },
        { width: 1280, height: 720 },
      ]) {
        await page.setViewportSize(size);
        const button = page.getByTestId('btn-export-trained');
        await button.scrollIntoViewIfNeeded();
        const b = await box(button);
        expect(inside(b, await box(page.locator('.tp-score')))).toBe(true);
        expect(overlaps(b, await box(page.getByTestId('confusion-matrix')))).toBe(false);
        expect(overlaps(b, await box(page.getByTestId('cm-cell-0-0')))).toBe(false);
        // Its whole label is visible: nothing clipped inside the button.
        expect(
          await button.evaluate(
            (el) => (el as unknown as { scrollWidth: number }).scrollWidth - (el as unknown as { clientWidth: number }).clientWidth,
          ),
        ).toBeLessThanOrEqual(0);
        await shot(`results-maximised-${size.width}`);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('btn-maximize').click();
    }
  });

  it('feature maps show a test sample’s true class, and every prediction with one decimal', async () => {
    await page.getByTestId('tab-featuremaps').click();
    await page.getByTestId('prediction').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('true-label').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('true-label').innerText()).toMatch(/^true class: \S/);
    // Another sample: the class comes with its maps whether or not it was misclassified.
    await page.getByTestId('sample-next').click();
    await expect.poll(() => page.getByTestId('featuremap-viewer').getAttribute('data-source')).toBe('test:1');
    await expect.poll(() => page.getByTestId('true-label').count(), { timeout: 30_000 }).toBe(1);
    const values = await page.locator('.fm-pred__value').allInnerTexts();
    expect(values.length).toBe(10);
    for (const v of values) expect(v).toMatch(/^\d{1,3}\.\d%$/);
    await page.getByTestId('tab-training').click();
  });

  it('in Korean, no word of the training panel or the feature maps is broken across lines (1280 and 1440 px)', async () => {
    await page.getByTestId('btn-lang').click();
    try {
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1440, height: 900 },
      ]) {
        await page.setViewportSize(size);
        for (const tab of ['tab-training', 'tab-featuremaps']) {
          await page.getByTestId(tab).click();
          expect({ size: size.width, tab, broken: await brokenKoreanWords(page.getByTestId('training-panel')) }).toEqual({
            size: size.width,
            tab,
            broken: [],
          });
        }
        await page.getByTestId('btn-maximize').click();
        await page.getByTestId('tab-training').click();
        expect({ size: size.width, maximised: true, broken: await brokenKoreanWords(page.getByTestId('training-panel')) }).toEqual({
          size: size.width,
          maximised: true,
          broken: [],
        });
        await page.getByTestId('btn-maximize').click();
      }
    } finally {
      await page.getByTestId('btn-lang').click();
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('after an edit that changes the weights’ shapes, the results are the network’s as trained, and Export says so; undone, they are current again', async () => {
    await page.getByTestId('tab-training').click();
    await setField('dense', 'units', '64');
    const note = page.getByTestId('results-stale');
    await expect.poll(() => note.getAttribute('data-freshness')).toBe('edited');
    expect(await note.innerText()).toContain('The network has changed since it was trained');
    expect(await page.getByTestId('btn-export-trained').innerText()).toBe(
      'Export the previous model “Lecture CNN” as it was trained (TensorFlow.js + Keras JSON)',
    );
    await setField('dense', 'units', '100');
    await expect.poll(() => note.count()).toBe(0);
    expect(await page.getByTestId('btn-export-trained').getAttribute('data-freshness')).toBe('current');
  });

  it('after loading another network, results and feature maps are labelled the previous network’s and Export names that model', async () => {
    await loadTemplate('lenet-5', true);
    const note = page.getByTestId('results-stale');
    await expect.poll(() => note.getAttribute('data-freshness')).toBe('replaced');
    expect(await note.innerText()).toContain('Previous network: these results, curves and maps are of “Lecture CNN”');
    expect(await page.getByTestId('btn-export-trained').innerText()).toBe(
      'Export the previous model “Lecture CNN” as it was trained (TensorFlow.js + Keras JSON)',
    );
    await shot('results-previous-network');
    await page.getByTestId('tab-featuremaps').click();
    await expect.poll(() => page.getByTestId('results-stale').getAttribute('data-freshness')).toBe('replaced');
    await page.getByTestId('tab-training').click();
  });

  it('a run that did not learn (learning rate 10) ends with a warning in the results that says why', async () => {
    // The template before this one was opened and not edited: nothing to discard, no question.
    await loadTemplate('lecture-cnn', false);
    const rate = page.getByTestId('setting-learning-rate');
    await rate.fill('10');
    await rate.press('Enter');
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await expect.poll(() => page.getByTestId('btn-train').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('btn-train').click();
    const warning = page.getByTestId('run-warning');
    await warning.waitFor({ timeout: 180_000 });
    expect(await warning.innerText()).toMatch(/This run did not learn[\s\S]*the learning rate 10 is probably too high/);
  }, 240_000);
});
