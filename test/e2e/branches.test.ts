import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type App } from './harness';

/**
 * Wiring a branch with the mouse, as a person does: one layer's output feeding two Dense layers
 * (a fan-out), each connection labelled with the shape it carries, Arrange setting the branches
 * side by side, and a one-input layer given a second input saying to merge first.
 */

let app: App;
let page: Page;

const node = (name: string) => page.getByTestId(`node-${name}`);

/** Drags a palette item onto the canvas at a point of the canvas pane. */
async function dropLayer(kind: string, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-item-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

/** Drags from one node's output point to another's input point with real mouse moves. */
async function wire(from: string, to: string): Promise<void> {
  const a = await node(from).getByTestId('handle-out').boundingBox();
  const b = await node(to).getByTestId('handle-in').boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} → ${to} are not visible`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.getByTestId(`edge-${from}-${to}`).waitFor();
}

describe('branches on the canvas', () => {
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await node('input_layer').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lets one output feed two layers, labels both connections, and Arrange sets the branches side by side', async () => {
    const box = (await page.getByTestId('canvas').boundingBox())!;
    await page.getByTestId('palette-item-Flatten').dblclick();
    await node('flatten').waitFor();
    // Below the Flatten, one to each side of it, clear of it and of the connection into it.
    const flat = (await node('flatten').boundingBox())!;
    const y = Math.min(flat.y + flat.height - box.y + 80, box.height - 40);
    const centre = flat.x + flat.width / 2 - box.x;
    await dropLayer('Dense', Math.max(150, centre - flat.width * 1.15), y);
    await node('dense').waitFor();
    await dropLayer('Dense', Math.min(box.width - 150, centre + flat.width * 1.15), y);
    await node('dense_1').waitFor();
    await wire('flatten', 'dense');
    await wire('flatten', 'dense_1');
    expect(await page.getByTestId('edge-flatten-dense').innerText()).toBe('(None, 784)');
    expect(await page.getByTestId('edge-flatten-dense_1').innerText()).toBe('(None, 784)');
    // Screen readers hear that the Flatten branches.
    expect(
      await page
        .locator('.react-flow__node')
        .filter({ has: node('flatten') })
        .getAttribute('aria-label'),
    ).toBe('flatten (Flatten): feeds 2 layers');

    await page.getByTestId('btn-arrange').click();
    await expect
      .poll(async () => {
        const [a, b] = [(await node('dense').boundingBox())!, (await node('dense_1').boundingBox())!];
        return Math.abs(a.y - b.y) < 1 && Math.abs(a.x - b.x) >= a.width;
      })
      .toBe(true);
    const flatten = (await node('flatten').boundingBox())!;
    expect((await node('dense').boundingBox())!.y).toBeGreaterThan(flatten.y + flatten.height);
  });

  it('keeps a second connection into a one-input layer and says to merge the branches first', async () => {
    await wire('dense', 'dense_1');
    const error = node('dense_1').getByTestId('node-error');
    await expect.poll(() => error.innerText()).toMatch(/^dense_1: .*merge/i);
    await page.getByTestId('btn-undo').click();
    await expect.poll(() => page.getByTestId('edge-dense-dense_1').count()).toBe(0);
    await expect.poll(() => error.count()).toBe(0);
  });
});
