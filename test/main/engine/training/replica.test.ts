import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { correctRows } from '../../../../src-main/engine/training/replica';
import { correctCount } from '../../../../src-main/engine/training/metrics';
import { initBackend } from '../../../../src-main/engine/backend/select';
import { seededRandom } from '../../../../src-shared/util/random';

describe('correctRows', () => {
  it('counts what correctCount counts, ties going to the first maximum', async () => {
    await initBackend('wasm');
    const rand = seededRandom(2);
    const [count, classes] = [40, 5];
    // Rounded outputs make ties common.
    const output = Float32Array.from({ length: count * classes }, () => Math.round(rand() * 3) / 3);
    const labels = new Float32Array(count * classes);
    for (let n = 0; n < count; n++) labels[n * classes + Math.floor(rand() * classes)] = 1;
    const expected = tf.tidy(
      () => correctCount(tf.tensor2d(labels, [count, classes]), tf.tensor2d(output, [count, classes])).dataSync()[0],
    );
    expect(correctRows(output, labels, count, classes)).toBe(expected);
    expect(expected).toBeGreaterThan(0);
  });
});
