import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { randomValues, valuesOn } from './compare';

describe('Add on wasm', () => {
  it.each([
    ['a convolution bias, 10 channels (groups of 4 and single floats)', [3, 5, 7, 10], [10], false],
    ['a dense bias on the left, 8 channels', [6, 8], [8], true],
    ['one channel', [4, 3, 1], [1], false],
    ['more channels than the SIMD kernel takes (the stock kernel)', [2, 3, 40], [40], false],
    ['two full tensors (the stock kernel)', [2, 3, 4], [2, 3, 4], false],
  ] as const)('gives the cpu backend’s sums exactly: %s', async (_, xShape, bShape, biasFirst) => {
    const x = tf.tidy(() => randomValues([...xShape], 4));
    const bias = randomValues([...bShape], 5);
    const f = () => {
      const [xt, bt] = [tf.tensor(x, [...xShape]), tf.tensor(bias, [...bShape])];
      return biasFirst ? tf.add(bt, xt) : tf.add(xt, bt);
    };
    const expected = await valuesOn('cpu', f);
    const actual = await valuesOn('wasm', f);
    // One float32 addition per value: the same bits on every backend.
    expect(Array.from(actual)).toEqual(Array.from(expected));
  });
});
