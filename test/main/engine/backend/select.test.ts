import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { availableBackends, initBackend, BACKEND_ORDER } from '../../../../src-main/engine/backend/select';

const TFJS_NODE = '@tensorflow/tfjs-node';
const hasTfjsNode = await import(/* @vite-ignore */ TFJS_NODE).then(
  () => true,
  () => false,
);

describe('backend selection', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('picks the fastest backend that starts and says why faster ones were skipped', async () => {
    const choice = await initBackend();
    expect(tf.getBackend()).toBe(choice.name);
    if (hasTfjsNode) {
      expect(choice.name).toBe('tensorflow');
    } else {
      expect(choice.name).toBe('wasm');
      expect(choice.reason).toMatch(/XNNPACK/);
      expect(choice.reason).toMatch(/tensorflow skipped: @tensorflow\/tfjs-node is not installed/);
      // The same as codes, for the UI to word.
      expect(choice.choice).toEqual({
        choice: 'fastest',
        simd: expect.any(Boolean),
        skipped: [{ backend: 'tensorflow', cause: 'not-installed', detail: expect.stringContaining('is not installed') }],
      });
    }
  });

  it.skipIf(hasTfjsNode)('refuses a backend asked for by name that cannot start, with the reason', async () => {
    await initBackend('cpu');
    await expect(initBackend('tensorflow')).rejects.toThrow(/'tensorflow' backend cannot be used: @tensorflow\/tfjs-node is not installed/);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('switches to a backend asked for by name', async () => {
    expect(await initBackend('cpu')).toEqual({
      name: 'cpu',
      reason: 'plain JavaScript, as requested',
      choice: { choice: 'requested', skipped: [] },
    });
    expect(tf.getBackend()).toBe('cpu');
    expect((await initBackend('wasm')).name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
  });

  it('registers its kernels once however often it is called', async () => {
    const warn = vi.spyOn(console, 'warn');
    await initBackend('wasm');
    await initBackend('cpu');
    await initBackend('wasm');
    expect(warn.mock.calls.flat().join('\n')).not.toMatch(/already registered/);
  });

  it('lists the backends that start, fastest first, and leaves the active one active', async () => {
    await initBackend('cpu');
    const found = await availableBackends();
    expect(found).toEqual(BACKEND_ORDER.filter((b) => b !== 'tensorflow' || hasTfjsNode));
    expect(tf.getBackend()).toBe('cpu');
  });
});
