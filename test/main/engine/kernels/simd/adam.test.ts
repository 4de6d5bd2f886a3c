import { describe, expect, it } from 'vitest';
import { simdAdam, type AdamConstants } from '../../../../../src-main/engine/kernels/simd/adam';
import { seededRandom } from '../../../../../src-shared/util/random';

const f = Math.fround;

/** TensorFlow.js's Adam in scalar float32, the reference. */
function scalarAdam(values: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, out: Float32Array, k: AdamConstants): void {
  for (let i = 0; i < values.length; i++) {
    const mi = f(f(m[i]! * k.beta1) + f(g[i]! * k.keep1));
    const vi = f(f(v[i]! * k.beta2) + f(f(g[i]! * g[i]!) * k.keep2));
    m[i] = mi;
    v[i] = vi;
    out[i] = f(f(f(f(mi / k.c1) / f(f(Math.sqrt(f(vi / k.c2))) + k.eps)) * k.lr) + values[i]!);
  }
}

describe('simdAdam', () => {
  it('computes, four weights at a time, the bits of scalar float32 Adam, over any range, stopping at a group of 4', () => {
    const n = 43;
    const simd = simdAdam(n);
    expect(simd).toBeDefined();
    const rand = seededRandom(5);
    const values = Float32Array.from({ length: n }, () => rand() - 0.5);
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    const expected = new Float32Array(n);
    const actual = new Float32Array(n);
    let [acc1, acc2] = [f(0.9), f(0.999)];
    for (let step = 0; step < 3; step++) {
      const g = Float32Array.from({ length: n }, (_, i) => (i % 9 === 0 ? 0 : rand() - 0.5));
      const k: AdamConstants = {
        beta1: f(0.9),
        beta2: f(0.999),
        keep1: f(0.1),
        keep2: f(1 - 0.999),
        c1: f(1 - acc1),
        c2: f(1 - acc2),
        eps: f(1e-7),
        lr: f(-0.01),
      };
      scalarAdam(values, g, m, v, expected, k);
      // Two ranges, the first not ending on a group of 4: each call covers whole groups and says where it stopped.
      const stop = simd!.update(values, g, actual, 0, 10, k);
      expect(stop).toBe(8);
      expect(simd!.update(values, g, actual, 8, n, k)).toBe(40);
      // The caller finishes the tail; here with the reference on the moments the SIMD kept.
      for (const [from, to] of [[40, n]] as const) {
        const tail = (a: Float32Array) => a.subarray(from, to);
        scalarAdam(tail(values), tail(g), tail(simd!.m), tail(simd!.v), tail(actual), k);
      }
      expect(Array.from(actual)).toEqual(Array.from(expected));
      expect(Array.from(simd!.m.subarray(0, n))).toEqual(Array.from(m));
      values.set(actual);
      [acc1, acc2] = [f(acc1 * 0.9), f(acc2 * 0.999)];
    }
  });
});
