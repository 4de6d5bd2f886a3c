import * as tf from '@tensorflow/tfjs';
import type { TrainingSettings } from '../../../src-shared/project/training';
import { crossEntropy } from './metrics';
import { fusedOptimizer, type FusedOptimizer } from './fused-optimizer';

/** What every thread training one run needs to know besides the model. */
export interface ReplicaConfig {
  readonly optimizer: TrainingSettings['optimizer'];
  readonly learningRate: number;
  readonly outputIsProbability: boolean;
  readonly classes: number;
  /** One example's input shape (without the batch dimension). */
  readonly exampleShape: readonly number[];
}

/**
 * A float32 tensor's values without a copy where the backend allows (the wasm heap, until its next
 * allocation; the cpu backend's own array), else a copy. Read them at once, never write them.
 */
function valuesOf(t: tf.Tensor): Float32Array {
  const backend = tf.engine().backend as { typedArrayFromHeap?: (info: tf.TensorInfo) => tf.TypedArray };
  if (tf.getBackend() === 'wasm' && typeof backend.typedArrayFromHeap === 'function') return backend.typedArrayFromHeap(t) as Float32Array;
  return t.dataSync() as Float32Array;
}

/** Rows of `output` whose first maximum is where the one-hot `labels` row has its 1 (as correctCount in metrics.ts). */
export function correctRows(output: Float32Array, labels: Float32Array, count: number, classes: number): number {
  let hits = 0;
  for (let n = 0, at = 0; n < count; n++, at += classes) {
    let best = at;
    let label = at;
    for (let c = at + 1; c < at + classes; c++) {
      if (output[c]! > output[best]!) best = c;
      if (labels[c]! > labels[label]!) label = c;
    }
    if (best === label) hits++;
  }
  return hits;
}

/** Values per example of an input shape. */
export const sizeOf = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

/**
 * One copy of the model with its optimizer state, as each training thread holds it. Weights live
 * in the model's variables; the step is split so threads can exchange the flat gradient between
 * `gradients` and `update`, and every replica applies the same update to stay identical.
 */
export class Replica {
  readonly variables: tf.Variable[];
  /** Where each variable starts in the flat concatenation of all trainable weights. */
  readonly offsets: number[];
  /** Number of trainable values. */
  readonly size: number;
  private readonly optimizer: FusedOptimizer;
  private readonly values: Float32Array;

  constructor(
    readonly model: tf.LayersModel,
    private readonly config: ReplicaConfig,
  ) {
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.offsets = [];
    let size = 0;
    for (const v of this.variables) {
      this.offsets.push(size);
      size += v.size;
    }
    this.size = size;
    this.values = new Float32Array(size);
    this.optimizer = fusedOptimizer(config.optimizer, config.learningRate, size);
  }

  /**
   * Gradient of `scale` × the mean loss over the `count` examples in `x`/`y` (flat, one-hot labels)
   * written to `gradient` (flat, `size` values); returns that scaled loss and the correct predictions.
   */
  gradients(x: Float32Array, y: Float32Array, count: number, scale: number, gradient: Float32Array): { loss: number; hits: number } {
    if (count === 0) {
      gradient.fill(0, 0, this.size);
      return { loss: 0, hits: 0 };
    }
    const { classes, exampleShape, outputIsProbability } = this.config;
    return tf.tidy(() => {
      const xs = tf.tensor(x.subarray(0, count * sizeOf(exampleShape)), [count, ...exampleShape], 'float32');
      const ys = tf.tensor2d(y.subarray(0, count * classes), [count, classes], 'float32');
      let output: tf.Tensor | undefined;
      const { value, grads } = tf.variableGrads(() => {
        const out = this.model.apply(xs, { training: true }) as tf.Tensor;
        output = tf.keep(out);
        const loss = crossEntropy(ys, out, outputIsProbability);
        return scale === 1 ? loss : tf.mul(loss, scale);
      }, this.variables);
      this.variables.forEach((v, i) => {
        const g = grads[v.name];
        if (g) gradient.set(valuesOf(g), this.offsets[i]);
        else gradient.fill(0, this.offsets[i], this.offsets[i]! + v.size);
      });
      // Counted here from the outputs rather than by five more kernels on the gradient tape.
      const result = { loss: value.dataSync()[0]!, hits: correctRows(valuesOf(output!), y, count, classes) };
      output!.dispose();
      return result;
    });
  }

  /** The optimizer's new values for weights [from, to) from the flat gradient, written to `out`. */
  update(gradient: Float32Array, out: Float32Array, from = 0, to = this.size): void {
    this.readValues(from, to);
    this.optimizer.update(this.values, gradient, out, from, to);
  }

  /** Ends the step: the optimizer's step count advances. */
  endStep(): void {
    this.optimizer.endStep();
  }

  /** Replaces every trainable variable's value with `flat`'s share of it. */
  assign(flat: Float32Array): void {
    const copyOnWrite = tf.getBackend() !== 'wasm';
    tf.tidy(() => {
      this.variables.forEach((v, i) => {
        const at = this.offsets[i]!;
        // The cpu backend keeps the array it is given: hand it a copy, as `flat` is reused.
        const values = copyOnWrite ? flat.slice(at, at + v.size) : flat.subarray(at, at + v.size);
        v.assign(tf.tensor(values, v.shape, 'float32'));
      });
    });
  }

  /** The current weights, flat (only those of variables overlapping [from, to) are read). */
  readValues(from = 0, to = this.size): Float32Array {
    this.variables.forEach((v, i) => {
      const at = this.offsets[i]!;
      const [lo, hi] = [Math.max(from, at), Math.min(to, at + v.size)];
      if (lo < hi) this.values.set(valuesOf(v).subarray(lo - at, hi - at), lo);
    });
    return this.values;
  }
}
