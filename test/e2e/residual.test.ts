import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, selectNode, SCREENSHOTS, type App } from './harness';
import { distinctPixels } from './canvas-pixels';

/**
 * Issue 10's end-to-end story: a residual block built from an empty canvas with the mouse (a
 * branch out of the first convolution, a merge into an Add), its shapes and Keras's total, the
 * Add broken by a stride on the main path and the sentence that says how to fix it (in English
 * and Korean), the fix as a 1×1 projection dropped onto the skip connection, one epoch of
 * training on the shipped sample, and the Add's feature maps.
 *
 *   input_layer (28×28×1) → conv2d (8, 3×3 same) → conv2d_1 (8, 3×3 same) → add [input 1]
 *                                             ╰──────────────────────────→ add [input 2]  (the skip)
 *   add → flatten → dense (10, softmax)
 *
 * Flatten rather than GlobalAveragePooling2D before the classifier: eight averaged channels learn
 * too little in one epoch on the sample (about chance) to show that training through the merge works.
 */

let app: App;
let page: Page;

const node = (name: string) => page.getByTestId(`node-${name}`);
const edge = (from: string, to: string) => page.getByTestId(`edge-${from}-${to}`);
const shapeOf = (name: string) => node(name).getByTestId('node-shape').innerText();

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${String(locator)} is not visible`);
  return b;
}

/** Drags a palette item onto the canvas, its centre at a fraction of the canvas pane's width and height. */
async function dropLayer(kind: string, fx: number, fy: number): Promise<void> {
  const pane = await box(page.getByTestId('canvas'));
  await page
    .getByTestId(`palette-item-${kind}`)
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x: pane.width * fx, y: pane.height * fy } });
}

/**
 * Drags from one node's output point to an input point of another with real mouse moves: its one
 * input point, or on a merge the numbered point `port` (0-based; the free one after the taken ones).
 */
async function wire(from: string, to: string, port?: number): Promise<void> {
  const a = await box(node(from).getByTestId('handle-out'));
  const b = await box(node(to).getByTestId(port === undefined ? 'handle-in' : `handle-in-${port}`));
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await edge(from, to).waitFor();
}

/** Types into a field of a layer's inspector (text, or each half of a pair), or chooses an option. */
async function setField(name: string, param: string, value: string | readonly [string, string]): Promise<void> {
  await selectNode(page, name);
  if (typeof value !== 'string') {
    await page.getByTestId(`field-${param}-0`).fill(value[0]);
    await page.getByTestId(`field-${param}-1`).fill(value[1]);
    return;
  }
  const field = page.getByTestId(`field-${param}`);
  const select = field.locator('select');
  if ((await select.count()) > 0) await select.first().selectOption(value);
  else await field.locator('input').first().fill(value);
}

/** The connection's label without its input number: the shape it carries. */
async function edgeShape(from: string, to: string): Promise<string> {
  const text = await edge(from, to).innerText();
  const port = edge(from, to).getByTestId('edge-port');
  return (await port.count()) > 0 ? text.slice((await port.innerText()).length).trim() : text;
}

const MISMATCH_EN =
  'add: its inputs are (None, 14, 14, 8) and (None, 28, 28, 8); Add needs equal shapes — give the skip path a 1×1 Conv2D with strides 2';
const MISMATCH_KO =
  'add: 입력이 (None, 14, 14, 8), (None, 28, 28, 8)인데 Add에는 형태가 같은 입력이 필요합니다 — 건너뛰는 경로(스킵 연결)에 strides 2인 1×1 Conv2D를 넣으세요';

describe('a residual block, from an empty canvas to its feature maps', () => {
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await node('input_layer').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds the block by dragging and wiring a branch and a merge, and shows every shape and Keras’s total', async () => {
    // Empty the canvas: the new project's Input goes, and the canvas says what to do.
    await selectNode(page, 'input_layer');
    await page.keyboard.press('Delete');
    await page.getByTestId('canvas-empty').waitFor();
    // Zoomed out a little, six layers fit side by side in two rows.
    await page.locator('.react-flow__controls-zoomout').click();
    await page.locator('.react-flow__controls-zoomout').click();

    const layers = [
      ['InputLayer', 'input_layer', 0.2, 0.15],
      ['Conv2D', 'conv2d', 0.5, 0.15],
      ['Conv2D', 'conv2d_1', 0.8, 0.15],
      ['Add', 'add', 0.8, 0.6],
      ['Flatten', 'flatten', 0.5, 0.6],
      ['Dense', 'dense', 0.2, 0.6],
    ] as const;
    for (const [kind, name, fx, fy] of layers) {
      await dropLayer(kind, fx, fy);
      await node(name).waitFor();
    }
    expect(await page.getByTestId('canvas-empty').count()).toBe(0);

    await wire('input_layer', 'conv2d');
    await wire('conv2d', 'conv2d_1');
    // Into the Add: the main path onto its first input point, then the skip (a second connection
    // out of conv2d: the branch) onto the free point after it.
    await wire('conv2d_1', 'add', 0);
    await wire('conv2d', 'add', 1);
    await wire('add', 'flatten');
    await wire('flatten', 'dense');

    await setField('conv2d', 'filters', '8');
    await setField('conv2d_1', 'filters', '8');
    await setField('dense', 'units', '10');
    await setField('dense', 'activation', 'softmax');
    await page.getByTestId('btn-arrange').click();

    // Keras's numbers, by its rules (kernel weights + one bias per filter or unit):
    //   conv2d    3·3·1·8 + 8        =     80
    //   conv2d_1  3·3·8·8 + 8        =    584
    //   add, flatten: no weights; flatten gives 28·28·8 = 6,272 values
    //   dense     6,272·10 + 10      = 62,730
    //   total                          63,394
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('63,394');
    expect(await page.getByTestId('summary-trainable').innerText()).toBe('63,394');
    expect(await shapeOf('input_layer')).toBe('(None, 28, 28, 1)');
    expect(await shapeOf('conv2d')).toBe('(None, 28, 28, 8)');
    expect(await shapeOf('conv2d_1')).toBe('(None, 28, 28, 8)');
    expect(await shapeOf('add')).toBe('(None, 28, 28, 8)');
    expect(await shapeOf('flatten')).toBe('(None, 6272)');
    expect(await shapeOf('dense')).toBe('(None, 10)');
    expect(await node('conv2d_1').getByTestId('node-params').innerText()).toBe('584 params');
    // Both connections into the Add carry their shape and their input number.
    expect(await edgeShape('conv2d_1', 'add')).toBe('(None, 28, 28, 8)');
    expect(await edgeShape('conv2d', 'add')).toBe('(None, 28, 28, 8)');
    expect(await edge('conv2d_1', 'add').getByTestId('edge-port').innerText()).toBe('1');
    expect(await edge('conv2d', 'add').getByTestId('edge-port').innerText()).toBe('2');
    expect(await edgeShape('flatten', 'dense')).toBe('(None, 6272)');
    // The summary is Keras's functional one: the Add is connected to both paths, main path first.
    expect(await page.getByTestId('summary-inbound-add').innerText()).toBe('conv2d_1\nconv2d');
    expect(await page.getByTestId('summary-inbound-conv2d_1').innerText()).toBe('conv2d');
    await expect.poll(() => page.getByTestId('status-validity').innerText()).toBe('Valid network');
    await shot('residual-built');
  });

  it('breaks the Add with a stride on the main path and says, in English and Korean, how to fix it', async () => {
    await setField('conv2d_1', 'strides', ['2', '2']);
    const error = node('add').getByTestId('node-error');
    await expect.poll(() => error.innerText()).toBe(MISMATCH_EN);
    expect(await shapeOf('conv2d_1')).toBe('(None, 14, 14, 8)');
    // The summary lists it too, and the layers after the Add have no shape until it is fixed.
    expect(await page.getByTestId('issue-shape').innerText()).toContain(MISMATCH_EN);
    expect(await node('flatten').getByTestId('node-shape').isDisabled()).toBe(true);
    await shot('residual-mismatch');
    await page.getByTestId('btn-lang').click();
    await expect.poll(() => error.innerText()).toBe(MISMATCH_KO);
    await page.getByTestId('btn-lang').click();
    await expect.poll(() => error.innerText()).toBe(MISMATCH_EN);
  });

  it('fixes it with a 1×1 Conv2D of strides 2 dropped onto the skip connection, which keeps the second input', async () => {
    await page.getByTestId('palette-item-Conv2D').dragTo(edge('conv2d', 'add'));
    await node('conv2d_2').waitFor();
    await edge('conv2d', 'conv2d_2').waitFor();
    await edge('conv2d_2', 'add').waitFor();
    expect(await edge('conv2d', 'add').count()).toBe(0);
    // It lands beside the main path's conv2d_1, not on top of it.
    const [added, main] = [await box(node('conv2d_2')), await box(node('conv2d_1'))];
    expect(added.x + added.width <= main.x || main.x + main.width <= added.x).toBe(true);
    expect(await edge('conv2d_2', 'add').getByTestId('edge-port').innerText()).toBe('2');
    expect(await edge('conv2d_1', 'add').getByTestId('edge-port').innerText()).toBe('1');

    await setField('conv2d_2', 'filters', '8');
    await setField('conv2d_2', 'kernel_size', ['1', '1']);
    await setField('conv2d_2', 'strides', ['2', '2']);
    await expect.poll(() => node('add').getByTestId('node-error').count()).toBe(0);
    // conv2d_2  1·1·8·8 + 8 = 72; flatten now gives 14·14·8 = 1,568 values, so dense has
    // 1,568·10 + 10 = 15,690; total 80 + 584 + 72 + 15,690 = 16,426.
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('16,426');
    expect(await node('dense').getByTestId('node-params').innerText()).toBe('15,690 params');
    expect(await shapeOf('conv2d_2')).toBe('(None, 14, 14, 8)');
    expect(await shapeOf('add')).toBe('(None, 14, 14, 8)');
    expect(await edgeShape('conv2d_2', 'add')).toBe('(None, 14, 14, 8)');
    expect(await page.getByTestId('summary-inbound-add').innerText()).toBe('conv2d_1\nconv2d_2');
    await page.getByTestId('btn-arrange').click();
    await expect.poll(() => page.getByTestId('status-validity').innerText()).toBe('Valid network');
    await shot('residual-fixed');
  });

  it('trains one epoch on the shipped sample', async () => {
    await page.getByTestId('btn-training-toggle').click();
    await page.getByTestId('training-panel').waitFor();
    const epochs = page.getByTestId('setting-epochs');
    await epochs.fill('1');
    await epochs.press('Enter');
    await expect.poll(() => page.getByTestId('btn-train').isEnabled(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('btn-train').click();
    await page.getByTestId('test-accuracy').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('dataset-source').innerText()).toMatch(/sample/i);
    expect(Number(await page.getByTestId('chart-epoch').getAttribute('data-points'))).toBe(1);
    // Ten classes: chance is 10%; the block learns far beyond it in one epoch only if the
    // gradients flow back through the Add.
    expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.5);
    expect(await page.getByTestId('run-warning').count()).toBe(0);
  }, 150_000);

  it('opens the Add’s feature maps: the sum of both paths, 14×14 with 8 channels', async () => {
    await page.getByTestId('tab-featuremaps').click();
    const maps = page.getByTestId('layer-maps-add');
    await maps.waitFor({ timeout: 30_000 });
    await maps.scrollIntoViewIfNeeded();
    expect(await maps.locator('.fm-layer__head').innerText()).toMatch(/add[\s\S]*Add[\s\S]*14×14×8/);
    expect(await maps.locator('[data-testid^="featuremap-add-"]').count()).toBe(8);
    expect(await distinctPixels(page.getByTestId('featuremap-add-0'))).toBeGreaterThan(4);
    // Beside its output, the Add shows what it added: input 1 from the main path, input 2 from the skip.
    expect(await maps.getAttribute('data-inputs')).toBe('2');
    expect(await page.getByTestId('layer-maps-input-add-1').getAttribute('data-layer')).toBe('conv2d_1');
    expect(await page.getByTestId('layer-maps-input-add-2').getAttribute('data-layer')).toBe('conv2d_2');
    expect(await page.getByTestId('layer-maps-input-add-2').locator('[data-testid^="featuremap-input-add-2-"]').count()).toBe(8);
    // The layers of both paths into it have their own sections too.
    await page.getByTestId('layer-maps-conv2d_1').waitFor();
    await page.getByTestId('layer-maps-conv2d_2').waitFor();
    await shot('residual-feature-maps');
  });
});
