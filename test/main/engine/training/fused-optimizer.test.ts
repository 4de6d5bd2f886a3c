import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { fusedOptimizer } from '../../../../src-main/engine/training/fused-optimizer';
import { makeOptimizer } from '../../../../src-main/engine/training/optimizer';
import { OPTIMIZERS } from '../../../../src-shared/project/training';
import { initBackend } from '../../../../src-main/engine/backend/select';

/** Seeded values as a plain array, with a few exact zeros among them (dead units). */
function values(n: number, seed: number, scale: number): Float32Array {
  const v = tf.tidy(() => tf.randomNormal([n], 0, scale, 'float32', seed).dataSync() as Float32Array);
  for (let i = 0; i < n; i += 7) v[i] = 0;
  return v;
}

describe('fusedOptimizer', () => {
  it.each(OPTIMIZERS)('%s gives the weights TensorFlow.js computes on wasm, to the bit, over several steps', async (name) => {
    await initBackend('wasm');
    const sizes = [12, 5];
    const start = values(17, 1, 0.5);
    const reference = makeOptimizer(name, 0.01);
    const vars = [tf.variable(tf.tensor(start.slice(0, 12), [3, 4])), tf.variable(tf.tensor(start.slice(12)))];
    const fused = fusedOptimizer(name, 0.01, 17);
    const flat = start.slice();
    for (let step = 0; step < 4; step++) {
      const g = values(17, 10 + step, 0.3);
      reference.applyGradients(
        vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(g.slice(i === 0 ? 0 : 12, i === 0 ? 12 : 17), v.shape) })),
      );
      // Two ranges, as a worker updates its share of the weights.
      fused.update(flat, g, flat, 0, sizes[0]!);
      fused.update(flat, g, flat, sizes[0]!, 17);
      fused.endStep();
    }
    const expected = new Float32Array([...vars[0]!.dataSync(), ...vars[1]!.dataSync()]);
    expect(Array.from(flat)).toEqual(Array.from(expected));
    expect(Array.from(flat)).not.toEqual(Array.from(start));
    reference.dispose();
    tf.dispose(vars);
  });
});
