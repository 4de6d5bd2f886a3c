import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { planMatMul } from '../../../../src-main/engine/kernels/batch-mat-mul';
import { randomValues, relativeError, valuesOn } from './compare';

interface Case {
  readonly a: number[];
  readonly b: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

const cases: Case[] = [
  // The lecture CNN's Dense(100) backward pass: dx = dy·Wᵀ and dW = xᵀ·dy.
  { a: [8, 100], b: [490, 100], transposeA: false, transposeB: true },
  { a: [8, 490], b: [8, 100], transposeA: true, transposeB: false },
  { a: [1, 4, 64], b: [1, 300, 64], transposeA: false, transposeB: true },
  { a: [3, 5], b: [7, 3], transposeA: true, transposeB: true },
  { a: [64, 40], b: [64, 3], transposeA: true, transposeB: false },
  { a: [6, 20], b: [20, 9], transposeA: false, transposeB: false },
  // Batches of several matrices go to the stock kernel unchanged.
  { a: [3, 4, 6], b: [3, 5, 6], transposeA: false, transposeB: true },
  { a: [2, 6, 4], b: [2, 6, 5], transposeA: true, transposeB: false },
];

describe('BatchMatMul on wasm', () => {
  it.each(cases.map((c, i) => [JSON.stringify(c), c, i] as const))('matches the cpu backend: %s', async (_, c, i) => {
    const a = randomValues(c.a, 200 + i);
    const b = randomValues(c.b, 300 + i);
    const product = () => tf.matMul(tf.tensor(a, c.a), tf.tensor(b, c.b), c.transposeA, c.transposeB);
    const expected = await valuesOn('cpu', product);
    let shape: number[] = [];
    const actual = await valuesOn('wasm', () => {
      const p = product();
      shape = p.shape;
      return p;
    });
    expect(shape).toEqual(tf.tidy(product).shape);
    expect(relativeError(actual, expected)).toBeLessThanOrEqual(1e-4);
  });

  it('takes both routes among the cases above', () => {
    const plans = cases.slice(0, 5).map((c) => {
      const [ra, ca] = c.a.slice(-2) as [number, number];
      const [rb, cb] = c.b.slice(-2) as [number, number];
      return planMatMul(c.transposeA ? ca : ra, c.transposeA ? ra : ca, c.transposeB ? rb : cb, c.transposeA, c.transposeB);
    });
    expect(new Set(plans)).toEqual(new Set(['direct', 'swapped']));
  });

  it('packs the small operand for a Dense backward pass', () => {
    // dx = dy[32,100] · W[1960,100]ᵀ: pack dyᵀ (3 200 floats), not Wᵀ (196 000).
    expect(planMatMul(32, 100, 1960, false, true)).toBe('swapped');
    // dW = x[32,1960]ᵀ · dy[32,100]: pack dy.
    expect(planMatMul(1960, 32, 100, true, false)).toBe('direct');
  });

  it('surfaces shape mismatches as errors', async () => {
    await valuesOn('wasm', () => tf.scalar(0));
    expect(() => tf.matMul(tf.zeros([3, 4]), tf.zeros([5, 4]), true, true)).toThrow();
  });
});
