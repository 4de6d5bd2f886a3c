import * as tf from '@tensorflow/tfjs';
import type { NormalizationKind } from '../../../src-shared/project/training';
import type { Normalization } from '../../../src-shared/training/normalization';
import type { Examples } from './examples';

const CHUNK = 500;
/** Below this a channel is treated as constant (all its pixels alike): divided by 1, not blown up. */
const MIN_STD = 1e-6;

/** Channels of an input shape: the last axis of an image, one for a flat input. */
export function channelsOf(shape: readonly number[]): number {
  return shape.length === 3 ? shape[2]! : 1;
}

/**
 * Mean and (population) standard deviation of each channel over every value of a split as the
 * network receives it. Sums are taken in doubles chunk by chunk (float32 reductions over millions
 * of values drift by 1e-4) and the chunks merged exactly (Chan et al.'s pairwise update).
 */
export function channelStatistics(ex: Examples): { mean: number[]; std: number[] } {
  const c = channelsOf(ex.shape);
  const mean = new Float64Array(c);
  const m2 = new Float64Array(c);
  const chunkMean = new Float64Array(c);
  const chunkM2 = new Float64Array(c);
  const size = ex.x.length / Math.max(ex.count, 1);
  let total = 0;
  for (let start = 0; start < ex.count; start += CHUNK) {
    const end = Math.min(start + CHUNK, ex.count);
    // Examples hold the 0–1 floats the network receives; the annotation makes a change of that layout fail to compile here.
    const values: Float32Array = ex.x.subarray(start * size, end * size);
    const n = values.length / c;
    for (let k = 0; k < c; k++) {
      let sum = 0;
      for (let i = k; i < values.length; i += c) sum += values[i]!;
      const m = sum / n;
      let squares = 0;
      for (let i = k; i < values.length; i += c) squares += (values[i]! - m) ** 2;
      chunkMean[k] = m;
      chunkM2[k] = squares;
    }
    for (let k = 0; k < c; k++) {
      const delta = chunkMean[k]! - mean[k]!;
      const merged = total + n;
      mean[k]! += (delta * n) / merged;
      m2[k]! += chunkM2[k]! + (delta * delta * total * n) / merged;
    }
    total += n;
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
