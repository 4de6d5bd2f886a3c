import * as tf from '@tensorflow/tfjs';
import type { NormalizationKind } from '../../../src-shared/project/training';
import type { Normalization } from '../../../src-shared/training/normalization';
import type { Examples } from './examples';

/** Below this a channel is treated as constant (all its pixels alike): divided by 1, not blown up. */
const MIN_STD = 1e-6;

/** Channels of an input shape: the last axis of an image, one for a flat input. */
export function channelsOf(shape: readonly number[]): number {
  return shape.length === 3 ? shape[2]! : 1;
}

/** Example n's 0–1 values in the input's layout: the one place that knows how Examples hold them. */
function valuesOf(ex: Examples, n: number, size: number): Float32Array {
  return ex.x.subarray(n * size, (n + 1) * size);
}

/**
 * Mean and (population) standard deviation of each channel over every value of a split as the
 * network receives it. Sums are taken in doubles example by example (float32 reductions over
 * millions of values drift by 1e-4) and merged exactly (Chan et al.'s pairwise update).
 */
export function channelStatistics(ex: Examples): { mean: number[]; std: number[] } {
  const c = channelsOf(ex.shape);
  const size = ex.shape.reduce((a, b) => a * b, 1);
  const n = size / c;
  const mean = new Float64Array(c);
  const m2 = new Float64Array(c);
  let total = 0;
  for (let e = 0; e < ex.count; e++) {
    const values = valuesOf(ex, e, size);
    const merged = total + n;
    for (let k = 0; k < c; k++) {
      let sum = 0;
      for (let i = k; i < size; i += c) sum += values[i]!;
      const m = sum / n;
      let squares = 0;
      for (let i = k; i < size; i += c) squares += (values[i]! - m) ** 2;
      const delta = m - mean[k]!;
      mean[k]! += (delta * n) / merged;
      m2[k]! += squares + (delta * delta * total * n) / merged;
    }
    total = merged;
  }
  return {
    mean: Array.from(mean),
    std: Array.from(m2, (v) => {
      const s = Math.sqrt(v / Math.max(total, 1));
      return s < MIN_STD ? 1 : s;
    }),
  };
}

/** The normalisation a run uses: 'unit' as it is, 'standardize' with the statistics of its training split. */
export function resolveNormalization(kind: NormalizationKind, train: Examples): Normalization {
  return kind === 'unit' ? { kind: 'unit' } : { kind: 'standardize', ...channelStatistics(train) };
}

/** A batch of 0–1 inputs as the network was trained on them: (x − mean[c]) / std[c] over the last axis, or unchanged. */
export function normalizeBatch(x: tf.Tensor, normalization: Normalization): tf.Tensor {
  if (normalization.kind === 'unit') return x;
  return tf.tidy(() => {
    const c = normalization.mean.length;
    const layout = x.rank >= 2 && x.shape[x.rank - 1] === c ? x : x.reshape([...x.shape.slice(0, -1), -1, c]);
    const out = layout.sub(tf.tensor1d(normalization.mean)).div(tf.tensor1d(normalization.std));
    return out.reshape(x.shape);
  });
}
