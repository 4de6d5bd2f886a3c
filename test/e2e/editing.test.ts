import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type App } from './harness';

/**
 * Editing the lecture's CNN (input_layer → conv2d → max_pooling2d → flatten → dense →
 * dense_1 softmax) as a person does, and what Save and a reload do with the work.
 */

let app: App;
let page: Page;

const node = (name: string) => page.getByTestId(`node-${name}`);
const edge = (from: string, to: string) => page.getByTestId(`edge-${from}-${to}`);

/** The connections on the canvas, as "source-target" names, sorted. */
async function connections(): Promise<string[]> {
  // One read of the page, so the list is never a mix of before and after a change.
  const ids = await page
    .locator('[data-testid^="edge-"]')
    // Typed structurally: the test tsconfig has no DOM library.
    .evaluateAll((els) =>
      els.map((el) => (el as unknown as { getAttribute(name: string): string | null }).getAttribute('data-testid') ?? ''),
    );
  return ids.map((id) => id.slice('edge-'.length)).sort();
}

const LECTURE = ['conv2d-max_pooling2d', 'dense-dense_1', 'flatten-dense', 'input_layer-conv2d', 'max_pooling2d-flatten'];

/** The saved copy in the page's storage: absent, or whether it is the design as saved. */
function autosaved(): Promise<'none' | 'as-saved' | 'unsaved'> {
  return page.evaluate(`(() => {
    const raw = localStorage.getItem('convas.autosave');
    return raw === null ? 'none' : JSON.parse(raw).asSaved === true ? 'as-saved' : 'unsaved';
  })()`);
}

describe('editing on the canvas', () => {
  beforeAll(async () => {
    app = await openApp('&template=lecture-cnn');
    page = app.page;
    await node('dense_1').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('selects a layer when its shape badge is clicked, and Escape closes the formula without changing the selection', async () => {
    await page.getByTestId('btn-fit').click();
    await node('conv2d').getByTestId('node-shape').click();
    await page.getByTestId('formula-popover').waitFor();
    await expect.poll(() => node('conv2d').getAttribute('class')).toContain('is-selected');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('formula-popover').count()).toBe(0);
    expect(await node('conv2d').getAttribute('class')).toContain('is-selected');
    // The parameter badge of another layer moves the selection there.
    await node('dense').getByTestId('node-params').click();
    await expect.poll(() => node('dense').getAttribute('class')).toContain('is-selected');
    expect(await node('conv2d').getAttribute('class')).not.toContain('is-selected');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('formula-popover').count()).toBe(0);
    expect(await node('dense').getAttribute('class')).toContain('is-selected');
  });

  it('inserts a layer dropped onto a connection between its two ends, as one undo step', async () => {
    expect(await connections()).toEqual(LECTURE);
    await page.getByTestId('palette-item-Dropout').dragTo(edge('flatten', 'dense'));
    await node('dropout').waitFor();
    await expect
      .poll(connections)
      .toEqual([
        'conv2d-max_pooling2d',
        'dense-dense_1',
        'dropout-dense',
        'flatten-dropout',
        'input_layer-conv2d',
        'max_pooling2d-flatten',
      ]);
    // Dropout keeps the shape: the network is as valid as before and the total unchanged.
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('197,210');
    await page.getByTestId('btn-undo').click();
    await expect.poll(connections).toEqual(LECTURE);
    expect(await node('dropout').count()).toBe(0);
  });

  it('adds a double-clicked layer before the softmax output, not below it', async () => {
    await page.getByTestId('palette-item-Dense').dblclick();
    await node('dense_2').waitFor();
    await expect
      .poll(connections)
      .toEqual([
        'conv2d-max_pooling2d',
        'dense-dense_2',
        'dense_2-dense_1',
        'flatten-dense',
        'input_layer-conv2d',
        'max_pooling2d-flatten',
      ]);
    const added = (await node('dense_2').boundingBox())!;
    const output = (await node('dense_1').boundingBox())!;
    expect(output.y).toBeGreaterThanOrEqual(added.y + added.height);
    // 196,100 + 10,100 (100 → 100) + 1,010 (100 → 10) + 100 for the convolution.
    await expect.poll(() => page.getByTestId('summary-total').innerText()).toBe('207,310');
    await page.getByTestId('btn-undo').click();
    await expect.poll(connections).toEqual(LECTURE);
  });

  it('joins the neighbours of a deleted middle layer, and one undo brings it back', async () => {
    await node('flatten').click();
    await expect.poll(() => node('flatten').getAttribute('class')).toContain('is-selected');
    await page.keyboard.press('Delete');
    await expect.poll(() => node('flatten').count()).toBe(0);
    expect(await connections()).toEqual(['conv2d-max_pooling2d', 'dense-dense_1', 'input_layer-conv2d', 'max_pooling2d-dense']);
    await page.getByTestId('btn-undo').click();
    await expect.poll(connections).toEqual(LECTURE);
    // The inspector's Delete button joins them too.
    await node('max_pooling2d').click();
    await page.getByTestId('inspector-delete').click();
    await expect.poll(connections).toEqual(['conv2d-flatten', 'dense-dense_1', 'flatten-dense', 'input_layer-conv2d']);
    await page.getByTestId('btn-undo').click();
    await expect.poll(connections).toEqual(LECTURE);
  });
});

describe('Save, then reload, in the browser', () => {
  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await node('input_layer').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reopens the saved design on reload without asking to restore unsaved work, and keeps its copy', async () => {
    await page.getByTestId('palette-item-Flatten').dblclick();
    await page.getByTestId('palette-item-Dense').dblclick();
    await node('dense').waitFor();
    await expect.poll(autosaved).toBe('unsaved');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-save').click()]);
    expect(download.suggestedFilename()).toMatch(/\.convas\.json$/);
    await expect.poll(() => page.getByTestId('dirty-mark').count()).toBe(0);
    // The download may have been cancelled, so the copy stays, marked as the saved design.
    await expect.poll(autosaved).toBe('as-saved');

    await page.reload();
    await page.getByTestId('toast-info').filter({ hasText: 'Reopened' }).waitFor();
    expect(await page.getByTestId('dialog').count()).toBe(0);
    expect(await connections()).toEqual(['flatten-dense', 'input_layer-flatten']);
    expect(await page.getByTestId('dirty-mark').count()).toBe(0);
    expect(await page.getByTestId('statusbar').innerText()).toContain('All changes saved');
    expect(await autosaved()).toBe('as-saved');
  });

  it('after a change, a reload does offer the unsaved work', async () => {
    await page.getByTestId('palette-item-Dropout').dblclick();
    await node('dropout').waitFor();
    await expect.poll(autosaved).toBe('unsaved');
    await page.reload();
    const dialog = page.getByTestId('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Restore unsaved work?');
    await page.getByTestId('dialog-confirm').click();
    await node('dropout').waitFor();
    expect(await page.getByTestId('dirty-mark').count()).toBe(1);
  });
});
