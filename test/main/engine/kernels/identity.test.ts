import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';

describe('Identity and same-dtype Cast on wasm', () => {
  it('share the input memory, and the result outlives the input', async () => {
    await initBackend('wasm');
    const before = tf.memory().numDataBuffers;
    const x = tf.tensor([1, 2, 3, 4], [2, 2]);
    const inner = tf.clone(x);
    const copies = [tf.clone(x), tf.cast(x, 'float32'), tf.clone(inner)];
    // Four more tensors, one buffer: nothing was copied.
    expect(tf.memory().numDataBuffers - before).toBe(1);
    tf.dispose([x, inner]);
    for (const c of copies) expect(Array.from(c.dataSync())).toEqual([1, 2, 3, 4]);
    tf.dispose(copies);
    expect(tf.memory().numDataBuffers).toBe(before);
  });

  it('still converts when the dtype changes', async () => {
    await initBackend('wasm');
    const x = tf.tensor([1.7, -2.2], [2]);
    const i = tf.cast(x, 'int32');
    expect(i.dtype).toBe('int32');
    expect(Array.from(i.dataSync())).toEqual([1, -2]);
    tf.dispose([x, i]);
  });
});
