/** Reshape by Keras 3's rules: the same values in target_shape, one -1 computed; no weights. */
import { describe, expect, it } from 'vitest';
import { reshape } from '../../../src-shared/layers/reshape';
import { problemText } from '../../../src-shared/i18n/issue-text';
import { describeText, formulaText } from '../../../src-shared/i18n/layer-text';
import type { Shape } from '../../../src-shared/layers/types';

const params = (raw: Record<string, unknown>) => reshape.schema.parse(raw);
const result = (input: Shape, target: number[]) => reshape.inferShape(input, params({ target_shape: target }));
const shape = (input: Shape, target: number[]) => {
  const r = result(input, target);
  return r.ok ? r.value.shape : problemText('en', r.problem);
};
const codes = (raw: unknown) => reshape.schema.safeParse({ target_shape: raw }).error?.issues.map((i) => i.message);

describe('Reshape', () => {
  // Keras docs: Input(shape=(12,)) → Reshape((3, 4)) → (None, 3, 4); Reshape((-1, 2, 2)) → (None, 3, 2, 2).
  it('(3, 4) on 12 → 3×4', () => expect(shape([12], [3, 4])).toEqual([3, 4]));
  it('(-1, 2, 2) on 12 → 3×2×2', () => expect(shape([12], [-1, 2, 2])).toEqual([3, 2, 2]));
  it('(7, 7, 16) on 784 → 7×7×16, and back with (-1,)', () => {
    expect(shape([784], [7, 7, 16])).toEqual([7, 7, 16]);
    expect(shape([7, 7, 16], [-1])).toEqual([784]);
  });

  it('explains the computed dimension with the real numbers', () => {
    const r = result([28, 28, 1], [-1, 7, 4]);
    expect(r.ok && r.value.dims.map((d) => formulaText('en', d))).toEqual([
      '(28·28·1) / (7·4) = 28 (the -1: what the other dimensions leave of the input values)',
      '7 (given)',
      '4 (given)',
    ]);
    const flat = result([2, 3], [-1]);
    expect(flat.ok && flat.value.dims[0]!.formula).toBe('2·3 = 6');
    const one = result([12], [-1, 4]);
    expect(one.ok && one.value.dims[0]!.formula).toBe('12 / 4 = 3');
  });

  it('refuses a different number of values, naming both counts and what to do', () => {
    const r = result([28, 28, 1], [7, 7, 10]);
    expect(!r.ok && r.problem).toMatchObject({ code: 'reshape-count', param: 'target_shape' });
    expect(shape([28, 28, 1], [7, 7, 10])).toBe(
      'cannot rearrange 28×28×1 (784 values) into 7×7×10 (490 values) — choose dimensions whose product is 784, or write -1 for one of them',
    );
    expect(!r.ok && problemText('ko', r.problem)).toBe(
      '28×28×1 (784개 값)을 7×7×10 (490개 값)로 바꿀 수 없습니다 — 곱이 784인 차원을 고르거나, 한 차원을 -1로 두세요',
    );
  });

  it('refuses a -1 that cannot be whole', () =>
    expect(shape([28, 28, 1], [-1, 5])).toBe(
      'the -1 in -1×5 cannot be filled: 28×28×1 has 784 values, which is not a multiple of the other dimensions (5) — choose dimensions whose product divides 784',
    ));

  it('accepts at most one -1 and otherwise whole numbers ≥ 1 (Keras: "must not contain more than one -1")', () => {
    expect(codes([-1, -1])).toEqual(['target-shape-unknowns']);
    expect(codes([0, 4])).toEqual(['target-shape']);
    expect(codes([-2, 4])).toEqual(['target-shape']);
    expect(codes([2.5])).toEqual(['target-shape']);
    expect(codes([])).toEqual(['shape-empty']);
    expect(codes('12')).toEqual(['shape-not-list']);
  });

  it('has no weights', () => {
    const c = reshape.countParams([12], [3, 4], params({ target_shape: [3, 4] }));
    expect([c.trainable.value, c.nonTrainable.value]).toEqual([0, 0]);
  });

  it('describes, writes and reads target_shape as Keras does (TensorFlow.js writes its -1 as null)', () => {
    const p = params({ target_shape: [-1, 2, 2] });
    expect(describeText('en', reshape.describe(p))).toBe('to -1 × 2 × 2');
    expect(reshape.toKerasConfig(p)).toEqual({ target_shape: [-1, 2, 2] });
    expect(params(reshape.fromKerasConfig({ name: 'r', target_shape: [3, 4] }))).toEqual({ target_shape: [3, 4] });
    expect(params(reshape.fromKerasConfig({ name: 'r', target_shape: [null, 2, 2] }))).toEqual(p);
    expect(reshape.toPython(p)).toBe('Reshape((-1, 2, 2))');
    expect(reshape.toPython(params({ target_shape: [784] }))).toBe('Reshape((784,))');
  });
});
