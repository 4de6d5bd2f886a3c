// Every panel in English and Korean at 1440×900 and 1280×720: a screenshot of each into
// test-results/screenshots/<lang>-<w>x<h>-<panel>.png, and a layout check of the toolbar, the
// node cards with their call-outs, and the training panel at every stop. One short training run
// per language serves both sizes (the window is resized, not reopened).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, SCREENSHOTS, type App } from './harness';
import { formatOffenders, layoutOffenders } from './layout-check';
import { allowedLatinWords, englishWords } from './english-words';
import { READABLE_ZOOM } from '../../src-renderer/canvas/fit';

interface Size {
  readonly width: number;
  readonly height: number;
}
const LARGE: Size = { width: 1440, height: 900 };
const SMALL: Size = { width: 1280, height: 720 };

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the canvas shows: its zoom, its box, its node cards, and the smallest node text on screen. */
interface CanvasView {
  readonly zoom: number;
  readonly canvas: Box;
  readonly nodes: readonly (Box & { readonly name: string })[];
  readonly smallestText: number;
}

function canvasView(page: Page): Promise<CanvasView> {
  return page.evaluate(`(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = Number(/scale\\(([\\d.]+)\\)/.exec(viewport.style.transform)[1]);
    const sizes = [...document.querySelectorAll('.layer-node, .layer-node *')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== ''))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return {
      zoom,
      canvas: box(document.querySelector('[data-testid="canvas"]')),
      nodes: [...document.querySelectorAll('.layer-node')].map((el) => ({ name: el.dataset.testid.slice(5), ...box(el) })),
      smallestText: Math.min(...sizes) * zoom,
    };
  })()`);
}

const inside = (a: Box, b: Box) =>
  a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

const LONG_NAME = {
  en: 'Fashion-MNIST classifier with dropout and batch normalisation — second attempt after the lecture',
  ko: '드롭아웃과 배치 정규화를 넣은 패션 MNIST 분류기 — 강의 후 두 번째 시도',
} as const;

/** Latin words a Korean screen may show: Keras's and the lecture's, plus the long project name's. */
const KOREAN_ALLOWS = allowedLatinWords();

for (const lang of ['en', 'ko'] as const) {
  // English opens large and Korean small, so the fit on opening is seen at both sizes.
  const first = lang === 'en' ? LARGE : SMALL;
  const second = lang === 'en' ? SMALL : LARGE;

  describe(`every panel in ${lang === 'en' ? 'English' : 'Korean'}`, () => {
    let app: App;
    let page: Page;
    let size = first;

    async function resize(to: Size): Promise<void> {
      size = to;
      await page.setViewportSize({ ...to });
      await expect.poll(() => page.evaluate('window.innerWidth * 10000 + window.innerHeight')).toBe(to.width * 10000 + to.height);
    }

    async function shot(panel: string): Promise<void> {
      // Opening panels and dialogs fade or slide in: wait until nothing moves.
      await expect.poll(() => page.evaluate("document.getAnimations().filter((a) => a.playState === 'running').length")).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${lang}-${size.width}x${size.height}-${panel}.png`) });
    }

    /** Every word on the page and in its tooltips, accessible names and placeholders. */
    function pageWords(): Promise<string> {
      // React Flow's credit link is the library's name, not Convas's words; code snippets are not prose.
      return page.evaluate(`(() => {
        const credit = document.querySelector('.react-flow__attribution');
        const attrs = [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')]
          .filter((el) => !credit || !credit.contains(el))
          .flatMap((el) => ['title', 'aria-label', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''));
        // Code is code in every language: SciPy calls such as convolve(x, w, mode='same') in the lab.
        const skip = 'code, kbd, .mono, .react-flow__attribution';
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const parts = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (el && !el.closest(skip) && el.checkVisibility()) parts.push(n.textContent);
        }
        const text = parts.join(' ');
        return [text, document.title, ...attrs].join('\\n');
      })()`);
    }

    /**
     * No clipped, spilled, outside or overlapping text in the toolbar, the canvas or the training
     * panel; in Korean, no English word but Keras class and parameter names, units and numbers.
     */
    async function expectTidyLayout(): Promise<void> {
      expect(formatOffenders(await layoutOffenders(page))).toBe('');
      if (lang === 'ko') expect(englishWords(await pageWords(), KOREAN_ALLOWS).join(' '), 'English words on a Korean screen').toBe('');
    }

    /** The canvas once its viewport has stopped moving (a fit animates). */
    async function settledView(): Promise<CanvasView> {
      let last = '';
      await expect
        .poll(async () => {
          const now = String(await page.evaluate("document.querySelector('.react-flow__viewport').style.transform"));
          const still = now === last;
          last = now;
          return still;
        })
        .toBe(true);
      return canvasView(page);
    }

    /**
     * At both sizes: the layout check and a screenshot; `refit` presses Fit view first, `prepare`
     * opens what the screenshot shows (a popover placed for the old size).
     */
    async function eachSize(panel: string, options: { refit?: boolean; prepare?: () => Promise<void> } = {}): Promise<void> {
      for (const to of size === first ? [first, second] : [second, first]) {
        if (to !== size) await resize(to);
        if (options.refit) {
          await page.getByTestId('btn-fit').click();
          await settledView();
        }
        await options.prepare?.();
        await expectTidyLayout();
        await shot(panel);
      }
    }

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      app = await openApp('&template=lecture-cnn', { viewport: { ...first }, locale: lang === 'en' ? 'en-US' : 'ko-KR' });
      page = app.page;
      await page.getByTestId('node-dense_1').waitFor();
    });

    afterAll(async () => {
      await app?.close();
    });

    it('opens a template fitted in the free canvas at a readable zoom', async () => {
      expect(await page.evaluate('document.documentElement.lang')).toBe(lang);
      const view = await settledView();
      expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
      expect(view.smallestText).toBeGreaterThanOrEqual(9);
      const input = view.nodes.find((n) => n.name === 'input_layer')!;
      expect(inside(input, view.canvas)).toBe(true);
      if (first === LARGE) {
        // 1440×900 has room for the whole lecture CNN above the summary.
        for (const n of view.nodes) expect(inside(n, view.canvas), n.name).toBe(true);
      }
      // A usable canvas even at 1280×720 with the summary open.
      expect(view.canvas.height).toBeGreaterThanOrEqual(300);
      await expectTidyLayout();
      await shot('canvas-template');
      await resize(second);
      await page.getByTestId('btn-fit').click();
      expect((await settledView()).zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
      await expectTidyLayout();
      await shot('canvas-template');
    });

    it('keeps the toolbar whole with a long project name: it ends in an ellipsis with a tooltip', async () => {
      const name = page.getByTestId('project-name');
      await name.fill(LONG_NAME[lang]);
      await name.press('Enter');
      await expect.poll(() => name.getAttribute('title')).toBe(LONG_NAME[lang]);
      for (const to of [size, size === LARGE ? SMALL : LARGE]) {
        await resize(to);
        const toolbar = await page.getByTestId('toolbar').evaluate((el) => {
          const box = el as unknown as { readonly scrollWidth: number; readonly clientWidth: number };
          return { scroll: box.scrollWidth, client: box.clientWidth };
        });
        expect(toolbar.scroll).toBeLessThanOrEqual(toolbar.client);
        const lang = (await page.getByTestId('btn-lang').boundingBox())!;
        expect(lang.x + lang.width).toBeLessThanOrEqual(to.width);
        await expectTidyLayout();
      }
    });

    it('shows the call-out of an unconnected layer inside its card, covering nothing', async () => {
      const input = (await page.getByTestId('node-input_layer').boundingBox())!;
      const canvas = (await page.getByTestId('canvas').boundingBox())!;
      await page.getByTestId('palette-item-Dense').dragTo(page.getByTestId('canvas'), {
        targetPosition: { x: input.x - canvas.x + input.width + 40 + input.width / 2, y: input.y - canvas.y + 24 },
      });
      const error = page.getByTestId('node-dense_2').getByTestId('node-error');
      await error.waitFor();
      const card = (await page.getByTestId('node-dense_2').boundingBox())!;
      const callout = (await error.boundingBox())!;
      expect(inside({ ...callout }, { ...card })).toBe(true);
      await eachSize('canvas-error', { refit: true });
    });

    it('inspector: the selected layer with its problem', async () => {
      await page.getByTestId('node-dense_2').click();
      await page.getByTestId('field-units').waitFor();
      await eachSize('inspector');
    });

    it('dialogs: the Templates menu and the confirm dialog', async () => {
      await page.getByTestId('btn-templates').click();
      await page.getByTestId('btn-template-lecture-cnn').waitFor();
      await eachSize('menu-templates');
      await page.keyboard.press('Escape');
      await page.getByTestId('btn-new').click();
      await page.getByTestId('dialog').waitFor();
      await eachSize('dialog');
      await page.getByTestId('dialog-cancel').click();
      await page.getByTestId('btn-undo').click();
      await expect.poll(() => page.getByTestId('node-dense_2').count()).toBe(0);
    });

    it('summary: the table and a formula', async () => {
      await page.getByTestId('btn-fit').click();
      await settledView();
      await eachSize('summary', {
        async prepare() {
          await page.getByTestId('summary-params-conv2d').click();
          await page.getByTestId('formula-popover').waitFor();
        },
      });
      await page.keyboard.press('Escape');
    });

    it('Learn lab', async () => {
      await page.getByTestId('btn-learn').click();
      await page.getByTestId('learn-lab').waitFor();
      await eachSize('learn');
      await page.getByTestId('btn-learn-close').click();
    });

    it('training dock after one epoch on the built-in sample, with a usable canvas above it', async () => {
      await page.getByTestId('btn-training-toggle').click();
      await page.getByTestId('training-panel').waitFor();
      // The canvas got smaller: the fitted view follows, so the Input is still in sight.
      const view = await settledView();
      expect(
        inside(
          view.nodes.find((n) => n.name === 'input_layer')!,
          view.canvas,
        ),
      ).toBe(true);
      const epochs = page.getByTestId('setting-epochs');
      await epochs.fill('1');
      await epochs.press('Enter');
      await page.getByTestId('btn-train').click();
      await page.getByTestId('test-accuracy').waitFor({ timeout: 90_000 });
      for (const to of [size, size === LARGE ? SMALL : LARGE]) {
        await resize(to);
        // The dock takes about half the workspace; the canvas keeps 300 px or more (it had 172 at 1280×720).
        expect((await page.getByTestId('canvas').boundingBox())!.height).toBeGreaterThanOrEqual(300);
      }
      await eachSize('training');
    }, 120_000);

    it('feature maps: drawing does not move the pad under the pen', async () => {
      await page.getByTestId('tab-featuremaps').click();
      await page.getByTestId('featuremap-conv2d-0').waitFor({ timeout: 30_000 });
      const pad = page.getByTestId('draw-pad');
      await pad.scrollIntoViewIfNeeded();
      // Where the pad sits in the panel's content (a scrolled panel could hide a jump on screen), and on screen.
      const place = async () => ({
        content: await pad.evaluate((el) => {
          // Typed structurally: the test tsconfig has no DOM library.
          interface Node {
            readonly parentElement: Node | null;
            readonly scrollTop: number;
            getBoundingClientRect(): { readonly top: number };
          }
          const css = (globalThis as unknown as { getComputedStyle(n: Node): { overflowY: string } }).getComputedStyle;
          const pad = el as unknown as Node;
          let box = pad.parentElement;
          while (box && css(box).overflowY !== 'auto') box = box.parentElement;
          return box ? pad.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop : null;
        }),
        screen: await pad.boundingBox(),
      });
      const placed = await place();
      const before = placed.screen!;
      await page.mouse.move(before.x + before.width * 0.5, before.y + before.height * 0.2);
      await page.mouse.down();
      await page.mouse.move(before.x + before.width * 0.5, before.y + before.height * 0.8, { steps: 6 });
      await page.mouse.up();
      const viewer = page.getByTestId('featuremap-viewer');
      await expect.poll(() => viewer.getAttribute('data-source')).toBe('draw');
      await expect.poll(() => viewer.getAttribute('data-snapshots'), { timeout: 30_000 }).not.toBe('0');
      expect(await place()).toEqual(placed);
      await eachSize('feature-maps');
    }, 60_000);
  });
}
