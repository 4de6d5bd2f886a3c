import { describe, expect, it } from 'vitest';
import { normalizePixels, oneHot, permuteRecords, stratifiedHoldout, stratifiedSplit } from '../../../../src-main/engine/data/preprocess';
import { loadDataset } from '../../../../src-main/engine/data/index';
import { SAMPLE_DIR } from './helpers';

/** Labels with deliberately unequal classes: class c has 10·(c+1) + c examples, interleaved. */
function unevenLabels(): Uint8Array {
  const out: number[] = [];
  for (let c = 0; c < 10; c++) for (let i = 0; i < 10 * (c + 1) + c; i++) out.push(c);
  // Interleave deterministically so classes are not in blocks.
  return Uint8Array.from(
    out
      .map((c, i) => ({ c, k: (i * 7919) % out.length }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c),
  );
}

function countByClass(labels: Uint8Array, indices: Uint32Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const i of indices) counts[labels[i]!]! += 1;
  return counts;
}

describe('normalizePixels and oneHot', () => {
  it('divides by 255 into float32', () => {
    const out = normalizePixels(Uint8Array.from([0, 51, 255]));
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([0, Math.fround(0.2), 1]);
  });

  it('makes n×10 one-hot rows', () => {
    const out = oneHot(Uint8Array.from([3, 0, 9]));
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(30);
    expect(Array.from(out.subarray(0, 10))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(out[10]).toBe(1);
    expect(out[29]).toBe(1);
    expect(out.reduce((a, b) => a + b, 0)).toBe(3);
    expect(() => oneHot(Uint8Array.from([10]))).toThrow(RangeError);
  });
});

describe('stratifiedSplit', () => {
  const labels = unevenLabels();

  it('covers every sample exactly once', () => {
    const { train, validation } = stratifiedSplit(labels, 0.2, 7);
    const all = [...train, ...validation].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: labels.length }, (_, i) => i));
  });

  it('splits each class in proportion', () => {
    const { train, validation } = stratifiedSplit(labels, 0.2, 7);
    expect(validation.length).toBe(Math.round(labels.length * 0.2));
    const perClass = countByClass(labels, validation);
    const sizes = countByClass(labels, Uint32Array.from(labels.keys()));
    perClass.forEach((v, c) => {
      expect(Math.abs(v - sizes[c]! * 0.2)).toBeLessThan(1);
    });
    expect(countByClass(labels, train).map((t, c) => t + perClass[c]!)).toEqual(sizes);
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    const a = stratifiedSplit(labels, 0.2, 42);
    const b = stratifiedSplit(labels, 0.2, 42);
    const c = stratifiedSplit(labels, 0.2, 43);
    expect(Array.from(a.validation)).toEqual(Array.from(b.validation));
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(c.validation)).not.toEqual(Array.from(a.validation));
    // Still stratified for the other seed.
    expect(countByClass(labels, c.validation)).toEqual(countByClass(labels, a.validation));
  });

  it('picks validation examples at random within a class, not the first ones', () => {
    const { validation } = stratifiedSplit(labels, 0.2, 1);
    const firstOfClass0 = Array.from(labels.keys())
      .filter((i) => labels[i] === 0)
      .slice(0, countByClass(labels, validation)[0]);
    expect(Array.from(validation).filter((i) => labels[i] === 0)).not.toEqual(firstOfClass0);
  });

  it('handles 0% and rejects fractions outside [0, 1)', () => {
    const none = stratifiedSplit(labels, 0, 1);
    expect(none.validation.length).toBe(0);
    expect(none.train.length).toBe(labels.length);
    expect(() => stratifiedSplit(labels, 1, 1)).toThrow(RangeError);
    expect(() => stratifiedSplit(labels, -0.1, 1)).toThrow(RangeError);
    expect(() => stratifiedSplit(labels, Number.NaN, 1)).toThrow(RangeError);
  });

  it('splits the shipped sample 20% per class by default', async () => {
    const { train } = await loadDataset({ dataset: 'sample', sampleDir: SAMPLE_DIR });
    const split = stratifiedSplit(train.labels);
    expect(split.validation.length).toBe(600);
    expect(countByClass(train.labels, split.validation)).toEqual(new Array(10).fill(60));
    expect(countByClass(train.labels, split.train)).toEqual(new Array(10).fill(240));
  });
});

describe('stratifiedHoldout', () => {
  it('holds out round(n·fraction) of each class, at least one and never all, the same for the same seed', () => {
    // Class 0: 10 examples, class 1: 2, class 2: 3 (interleaved).
    const labels = Uint8Array.from([0, 1, 0, 2, 0, 1, 0, 2, 0, 0, 2, 0, 0, 0, 0]);
    const a = stratifiedHoldout(labels, 0.2, 5);
    const count = (idx: Uint32Array, c: number) => Array.from(idx).filter((i) => labels[i] === c).length;
    expect([0, 1, 2].map((c) => count(a.test, c))).toEqual([2, 1, 1]);
    expect(a.train.length + a.test.length).toBe(labels.length);
    expect(new Set([...a.train, ...a.test]).size).toBe(labels.length);
    expect(Array.from(a.test)).toEqual([...a.test].sort((x, y) => x - y));
    expect(a.short).toEqual([]);
    expect(Array.from(stratifiedHoldout(labels, 0.2, 5).test)).toEqual(Array.from(a.test));
    // A fraction that would take a whole class still leaves it one training example.
    const most = stratifiedHoldout(labels, 0.9, 5);
    expect([0, 1, 2].map((c) => count(most.train, c))).toEqual([1, 1, 1]);
  });

  it('names the classes too small to give both parts', () => {
    expect(stratifiedHoldout(Uint8Array.from([0, 0, 1, 2, 2]), 0.2, 1).short).toEqual([1]);
  });
});

describe('permuteRecords', () => {
  it('reorders records of any size in place by the permutation given', () => {
    const data = Uint8Array.from([10, 11, 20, 21, 30, 31, 40, 41, 50, 51]);
    permuteRecords(data, 2, [3, 0, 4, 2, 1]);
    expect(Array.from(data)).toEqual([40, 41, 10, 11, 50, 51, 30, 31, 20, 21]);
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
    const order = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    permuteRecords(bytes, 1, order);
    expect(Array.from(bytes)).toEqual(order);
  });
});
