import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../../src-main/engine/backend/select';

/** max |actual − expected| / max |expected|: the error relative to the result's scale. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

/** Runs `f` on the named backend (our kernels registered) and returns its result's values. */
export async function valuesOn(backend: 'cpu' | 'wasm', f: () => tf.Tensor): Promise<Float32Array> {
  await initBackend(backend);
  const t = tf.tidy(f);
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

/** Seeded normal values as a plain array, so both backends get the very same inputs. */
export function randomValues(shape: number[], seed: number): Float32Array {
  return tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed).dataSync() as Float32Array);
}
