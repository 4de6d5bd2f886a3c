import type { TrainingSettings } from '../../../src-shared/project/training';
import { simdAdam } from '../kernels/simd/adam';

/*
 * The five optimizers of the training settings as plain loops over flat float arrays. TensorFlow.js's
 * own run ~12 kernels per variable per step (about half of a small CNN's step); these run one pass.
 * Every operation is rounded to float32 (Math.fround) in TensorFlow.js's order, so the weights are
 * those its optimizers compute on a float32 backend: +, −, ×, ÷ and √ rounded once from double are
 * the correctly rounded float32 results. Adam, the default, runs four weights at a time in
 * WebAssembly SIMD where available (same operations, same bits).
 */

const f = Math.fround;

/** An optimizer over the flat concatenation of a model's trainable weights (P values). */
export interface FusedOptimizer {
  /**
   * Updates values[from, to) of the flat weights from the gradient over the same range, writing
   * the new values to `out` (same indexing; may be `values`). Call for every range of one step, then `endStep`.
   */
  update(values: Float32Array, gradient: Float32Array, out: Float32Array, from: number, to: number): void;
  /** Ends a step (Adam's bias-correction powers advance). */
  endStep(): void;
}

/** TensorFlow.js's backend epsilon on float32 backends, which Adagrad adds. */
const BACKEND_EPSILON = 1e-7;

/** The optimizer a setting names, with Keras's defaults for everything but the learning rate (as makeOptimizer), over `size` weights. */
export function fusedOptimizer(name: TrainingSettings['optimizer'], learningRate: number, size: number): FusedOptimizer {
  switch (name) {
    case 'sgd': {
      const c = f(-learningRate);
      return {
        update(values, g, out, from, to) {
          for (let i = from; i < to; i++) out[i] = f(f(c * g[i]!) + values[i]!);
        },
        endStep() {},
      };
    }
    case 'momentum': {
      const c = f(-learningRate);
      const m = f(0.9);
      const acc = new Float32Array(size);
      return {
        update(values, g, out, from, to) {
          for (let i = from; i < to; i++) {
            const a = f(f(m * acc[i]!) + g[i]!);
            acc[i] = a;
            out[i] = f(f(c * a) + values[i]!);
          }
        },
        endStep() {},
      };
    }
    case 'adam': {
      const [beta1, beta2, eps, lr] = [f(0.9), f(0.999), f(1e-7), f(-learningRate)];
      const [keep1, keep2] = [f(1 - 0.9), f(1 - 0.999)];
      const simd = simdAdam(size);
      const m = simd?.m ?? new Float32Array(size);
      const v = simd?.v ?? new Float32Array(size);
      let acc1 = beta1;
      let acc2 = beta2;
      return {
        update(values, g, out, from, to) {
          const c1 = f(1 - acc1);
          const c2 = f(1 - acc2);
          const done = simd ? simd.update(values, g, out, from, to, { beta1, beta2, keep1, keep2, c1, c2, eps, lr }) : from;
          for (let i = done; i < to; i++) {
            const gi = g[i]!;
            const mi = f(f(m[i]! * beta1) + f(gi * keep1));
            const vi = f(f(v[i]! * beta2) + f(f(gi * gi) * keep2));
            m[i] = mi;
            v[i] = vi;
            const step = f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps));
            out[i] = f(f(step * lr) + values[i]!);
          }
        },
        endStep() {
          acc1 = f(acc1 * beta1);
          acc2 = f(acc2 * beta2);
        },
      };
    }
    case 'rmsprop': {
      const [decay, keep, eps, lr] = [f(0.9), f(1 - 0.9), f(1e-7), f(learningRate)];
      const ms = new Float32Array(size);
      const mom = new Float32Array(size);
      return {
        update(values, g, out, from, to) {
          for (let i = from; i < to; i++) {
            const gi = g[i]!;
            const s = f(f(ms[i]! * decay) + f(f(gi * gi) * keep));
            // momentum 0: mom × 0 is still added, as TensorFlow.js does (it keeps a NaN a NaN).
            const a = f(f(mom[i]! * 0) + f(f(gi * lr) / f(Math.sqrt(f(s + eps)))));
            ms[i] = s;
            mom[i] = a;
            out[i] = f(values[i]! - a);
          }
        },
        endStep() {},
      };
    }
    case 'adagrad': {
      const [lr, eps] = [f(-learningRate), f(BACKEND_EPSILON)];
      const acc = new Float32Array(size).fill(f(0.1));
      return {
        update(values, g, out, from, to) {
          for (let i = from; i < to; i++) {
            const gi = g[i]!;
            const a = f(acc[i]! + f(gi * gi));
            acc[i] = a;
            out[i] = f(f(f(gi / f(Math.sqrt(f(a + eps)))) * lr) + values[i]!);
          }
        },
        endStep() {},
      };
    }
  }
}
