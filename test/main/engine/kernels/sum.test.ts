import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randomValues, relativeError, valuesOn } from './compare';

describe('Sum on wasm', () => {
  it.each([
    ['a bias gradient, 10 channels, over more than one chunk of pixels', [3, 28, 28, 10], [0, 1, 2], false],
    ['negative axes, kept dimensions, 4 channels', [2, 5, 7, 4], [-4, -3, -2], true],
    ['a dense bias gradient, 24 channels', [33, 24], [0], false],
    ['one channel', [6, 5, 1], [1, 0], false],
    ['over the last axis (the stock kernel)', [4, 6, 5], [2], false],
    ['more channels than the SIMD kernel takes (the stock kernel)', [5, 3, 30], [0, 1], false],
  ] as const)('matches the cpu backend: %s', async (_, shape, axis, keepDims) => {
    const x = randomValues([...shape], 3);
    const f = () => tf.sum(tf.tensor(x, [...shape]), [...axis], keepDims);
    const expected = await valuesOn('cpu', f);
    const actual = await valuesOn('wasm', f);
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
    const wasmShape = tf.tidy(() => f().shape);
    await valuesOn('cpu', f);
    expect(wasmShape).toEqual(tf.tidy(() => f().shape));
  });
});
