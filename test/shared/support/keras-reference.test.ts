import { describe, expect, it } from 'vitest';
import { evaluate, formulaProblem, kerasOutputLength } from './keras-reference';

// The reference itself is checked against numbers printed in Keras's documentation, so the
// property tests that lean on it compare Convas with Keras, not with a copy of Convas.
describe('the test reference', () => {
  it("reproduces the shapes of Keras's documentation examples", () => {
    // Conv2D docs: x of shape (4, 10, 10, 128), Conv2D(32, 3) → (4, 8, 8, 32).
    expect(kerasOutputLength(10, 3, 1, 1, 'valid')).toBe(8);
    // MaxPooling2D docs: a 3×3 input, pool (2, 2), strides (1, 1), 'valid' → 2×2; 'same' → 3×3.
    expect(kerasOutputLength(3, 2, 1, 1, 'valid')).toBe(2);
    expect(kerasOutputLength(3, 2, 1, 1, 'same')).toBe(3);
    // MaxPooling2D docs: a 3×4 input, pool (2, 2), strides (2, 2), 'valid' → 1×2.
    expect([kerasOutputLength(3, 2, 2, 1, 'valid'), kerasOutputLength(4, 2, 2, 1, 'valid')]).toEqual([1, 2]);
    // A kernel larger than the input: Keras reports a negative dimension.
    expect(kerasOutputLength(4, 5, 1, 1, 'valid')).toBeLessThan(1);
  });

  it('evaluates formula arithmetic and rejects what it cannot read', () => {
    expect(evaluate('3·3·1·10 + 10')).toBe(100);
    expect(evaluate('floor((28 − ((3−1)·2+1)) / 1) + 1')).toBe(24);
    expect(evaluate('ceil(7 / 2)')).toBe(4);
    expect(() => evaluate('3 x 3')).toThrow();
    expect(() => evaluate('(3 + 1')).toThrow();
  });

  it('finds a formula whose arithmetic or stated value is wrong, or that has words', () => {
    const f = (formula: string) => ({ formula });
    expect(formulaProblem(f('3·3·1·10 + 10 = 100'), 100)).toBeUndefined();
    expect(formulaProblem(f('28·28·10·4 B = 31,360 B'), 31360)).toBeUndefined();
    expect(formulaProblem(f('1,960·100 + 100 = 196,100'), 196100)).toBeUndefined();
    expect(formulaProblem(f('2·32 = 64'), 64)).toBeUndefined();
    expect(formulaProblem(f('10'), 10)).toBeUndefined();
    expect(formulaProblem(f('0'), 0)).toBeUndefined();
    expect(formulaProblem(f('3·3·1·10 + 10 = 100'), 90)).toBeDefined();
    expect(formulaProblem(f('3·3·1·10 = 100'), 100)).toBeDefined();
    expect(formulaProblem(f('no weights'), 0)).toBeDefined();
    expect(formulaProblem(f('10 (filters)'), 10)).toBeDefined();
    expect(formulaProblem(f('11'), 10)).toBeDefined();
  });
});
