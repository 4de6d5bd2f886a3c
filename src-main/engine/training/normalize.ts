import * as tf from '@tensorflow/tfjs';
import type { NormalizationKind } from '../../../src-shared/project/training';
import type { Normalization } from '../../../src-shared/training/normalization';
import type { Examples } from './examples';

/** Below this a channel is treated as constant (all its pixels alike): divided by 1, not blown up. */
const MIN_STD = 1e-6;

/** Channels of an input shape: the last axis of an image, one for a flat (or 2-D) input. */
export function channelsOf(shape: readonly number[]): number {
  return shape.length === 3 ? shape[2]! : 1;
}

/**
 * Mean and (population) standard deviation of each channel over every value of a split as the
 * network receives it (pixels / 255). The sums are of the bytes themselves, exact in doubles
 * (a float32 reduction over millions of values drifts by 1e-4), scaled once at the end.
 */
export function channelStatistics(ex: Examples): { mean: number[]; std: number[] } {
  const c = channelsOf(ex.shape);
  const size = ex.shape.reduce((a, b) => a * b, 1);
  const sums = new Float64Array(c);
  const squares = new Float64Array(c);
  for (let e = 0; e < ex.count; e++) {
    const src = ex.index[e]! * size;
    for (let k = 0; k < c; k++) {
      let sum = 0;
      let square = 0;
      for (let i = src + k; i < src + size; i += c) {
        const v = ex.pixels[i]!;
        sum += v;
        square += v * v;
      }
      sums[k]! += sum;
      squares[k]! += square;
    }
  }
  const n = Math.max((ex.count * size) / c, 1);
  const mean = Array.from(sums, (s) => s / n);
  return {
    mean: mean.map((m) => m / 255),
    std: Array.from(squares, (q, k) => {
      const s = Math.sqrt(Math.max(q / n - mean[k]! ** 2, 0)) / 255;
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
