import { readFileSync, mkdirSync } from 'node:fs';
import { fileProblemText } from '../../src-shared/i18n/file-text';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, selectNode, SCREENSHOTS, type App } from './harness';
import { readModelFile } from '../../src-shared/format/model-file';
import { analyzeGraph } from '../../src-shared/graph/analyze';
import { summarize } from '../../src-shared/summary/summary';

let app: App;
let page: Page;

async function shot(name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Drags a palette item onto the canvas at a point of the canvas pane. */
async function dropLayer(kind: string, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-item-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

/** Drags from one node's output handle to another's input handle, as a person wires them. */
async function connect(from: string, to: string): Promise<void> {
  const a = await page.getByTestId(`node-${from}`).getByTestId('handle-out').boundingBox();
  const b = await page.getByTestId(`node-${to}`).getByTestId('handle-in').boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} → ${to} are not visible`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function setField(node: string, param: string, value: string): Promise<void> {
  await selectNode(page, node);
  const field = page.getByTestId(`field-${param}`);
  const select = field.locator('select');
  if ((await select.count()) > 0) await select.first().selectOption(value);
  else await field.locator('input').first().fill(value);
}

async function download(menu: string, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId(menu).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = join(app.downloads, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

describe('designing a network in the browser UI', () => {
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await page.getByTestId('node-input_layer').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it("builds the lecture's CNN by dragging from the palette and wiring, and shows Keras's numbers", async () => {
    const box = (await page.getByTestId('canvas').boundingBox())!;
    const chain = [
      ['Conv2D', 'conv2d'],
      ['MaxPooling2D', 'max_pooling2d'],
      ['Flatten', 'flatten'],
      ['Dense', 'dense'],
      ['Dense', 'dense_1'],
    ] as const;
    let previous = 'input_layer';
    for (const [i, [kind, name]] of chain.entries()) {
      await dropLayer(kind, box.width * 0.25 + (i % 3) * box.width * 0.22, box.height * 0.3 + Math.floor(i / 3) * box.height * 0.35);
      await page.getByTestId(`node-${name}`).waitFor();
      await connect(previous, name);
      await page.getByTestId(`edge-${previous}-${name}`).waitFor();
      previous = name;
    }
    await page.getByTestId('btn-arrange').click();
    await setField('dense_1', 'units', '10');
    await setField('dense_1', 'activation', 'softmax');
    await page.getByTestId('btn-fit').click();
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('197,210');
    expect(await page.getByTestId('node-conv2d').getByTestId('node-shape').innerText()).toBe('(None, 28, 28, 10)');
    expect(await page.getByTestId('node-conv2d').getByTestId('node-params').innerText()).toBe('100 params');
    expect(await page.getByTestId('summary-row-dense').innerText()).toMatch(/\(None, 100\)[\s\S]*196,100/);
    expect(await page.getByTestId('summary-row-flatten').innerText()).toContain('(None, 1960)');
    expect(await page.getByTestId('summary-trainable').innerText()).toBe('197,210');
    expect(await page.getByTestId('summary-nontrainable').innerText()).toBe('0');
    await shot('lecture-cnn-built');
  });

  it('explains a number with its formula when it is clicked', async () => {
    await page.getByTestId('summary-params-conv2d').click();
    await expect.poll(() => page.getByTestId('formula-popover').innerText()).toContain('3·3·1·10 + 10 = 100');
    await page.keyboard.press('Escape');
  });

  it('follows an edit of filters in every count, and undo brings it back', async () => {
    await setField('conv2d', 'filters', '32');
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('628,630');
    expect(await page.getByTestId('node-conv2d').getByTestId('node-params').innerText()).toBe('320 params');
    await page.getByTestId('btn-undo').click();
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('197,210');
  });

  it('marks the node that is wrong with a sentence that says what to do', async () => {
    await setField('input_layer', 'shape', '4, 4, 1');
    await selectNode(page, 'conv2d');
    await page.getByTestId('field-kernel_size-0').fill('5');
    await page.getByTestId('field-kernel_size-1').fill('5');
    await setField('conv2d', 'padding', 'valid');
    const error = page.getByTestId('node-conv2d').getByTestId('node-error');
    await expect
      .poll(() => error.innerText())
      .toContain("conv2d: a 5×5 kernel does not fit its 4×4 input with padding 'valid' — use padding 'same' or a smaller kernel");
    await shot('invalid-kernel');
    await setField('conv2d', 'padding', 'same');
    await expect.poll(() => error.count()).toBe(0);
    await setField('input_layer', 'shape', '28, 28, 1');
    await selectNode(page, 'conv2d');
    await page.getByTestId('field-kernel_size-0').fill('3');
    await page.getByTestId('field-kernel_size-1').fill('3');
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('197,210');
  });

  it('exports Keras JSON, the tfjs topology, the Python scripts (one machine, several GPUs, several machines), the PyTorch module and a PNG that match the design', async () => {
    const keras = await download('btn-export', 'btn-export-keras');
    const tfjs = await download('btn-export', 'btn-export-tfjs');
    for (const file of [keras, tfjs]) {
      const read = readModelFile(file.bytes.toString('utf8'), file.name);
      if (!read.ok) throw new Error(fileProblemText('en', read.error));
      expect(summarize(analyzeGraph(read.project.graph))?.totalParams).toBe(197210);
    }
    const python = await download('btn-export', 'btn-export-python');
    expect(python.bytes.toString('utf8')).toContain("model.add(Conv2D(10, (3, 3), padding='same', activation='relu', name='conv2d'))");
    const mirrored = await download('btn-export', 'btn-export-python-mirrored');
    expect(mirrored.name).toMatch(/_mirrored\.py$/);
    expect(mirrored.bytes.toString('utf8')).toContain('strategy = tf.distribute.MirroredStrategy()');
    const multiWorker = await download('btn-export', 'btn-export-python-multi-worker');
    expect(multiWorker.bytes.toString('utf8')).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
    const pytorch = await download('btn-export', 'btn-export-pytorch');
    expect(pytorch.name).toMatch(/_pytorch\.py$/);
    expect(pytorch.bytes.toString('utf8')).toContain('self.conv2d = nn.Conv2d(1, 10, kernel_size=(3, 3), padding=(1, 1))');
    const png = await download('btn-export', 'btn-export-png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.byteLength).toBeGreaterThan(5000);
  });

  it('Save downloads the project but keeps the autosaved copy, since a browser download may be cancelled', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-save').click()]);
    const path = join(app.downloads, dl.suggestedFilename());
    await dl.saveAs(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).formatVersion).toBe(2);
    await expect.poll(() => page.evaluate("localStorage.getItem('convas.autosave') !== null"), { timeout: 5000 }).toBe(true);
  });
});
