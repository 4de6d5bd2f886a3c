import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { num } from '../../../src-shared/layers/format';

describe('num', () => {
  it('writes whole numbers exactly as Intl does in English, thousands separators and sign included', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => num(n) === intl.format(n)));
    for (const n of [0, 7, 999, 1000, -1000, 196100, 1234567, Number.MAX_SAFE_INTEGER]) expect(num(n)).toBe(intl.format(n));
  });

  it('keeps up to six decimals for fractions', () => {
    expect(num(0.001)).toBe('0.001');
    expect(num(1234.5)).toBe('1,234.5');
  });
});
