import { describe, expect, it } from 'vitest';
import {
  formatBytesApprox,
  formatCountApprox,
  formatMessage,
  formatNumber,
  formatPercent,
  placeholders,
} from '../../../src-shared/i18n/format';

describe('formatMessage', () => {
  it('writes numbers with thousands separators in both languages', () => {
    expect(formatMessage('en', '= {n}', { n: 196100 })).toBe('= 196,100');
    expect(formatMessage('ko', '= {n}', { n: 196100 })).toBe('= 196,100');
  });

  it('leaves strings as they are and unknown placeholders visible', () => {
    expect(formatMessage('en', '{name}: {missing}', { name: 'conv2d' })).toBe('conv2d: {missing}');
  });

  it('chooses the English singular for one and the plural otherwise', () => {
    const layers = { count: 'n', one: '{n} layer', other: '{n} layers' };
    expect(formatMessage('en', layers, { n: 1 })).toBe('1 layer');
    expect(formatMessage('en', layers, { n: 2 })).toBe('2 layers');
    expect(formatMessage('en', layers, { n: 0 })).toBe('0 layers');
    expect(formatMessage('ko', { count: 'n', other: '층 {n}개' }, { n: 1 })).toBe('층 1개');
  });
});

describe('formatNumber and formatPercent', () => {
  it('round to the digits asked for', () => {
    expect(formatNumber('en', 1234.56789)).toBe('1,234.568');
    expect(formatNumber('en', 0.5, 0)).toBe('1');
  });

  it('write every percentage with the same number of decimals', () => {
    expect(formatPercent('en', 0.08)).toBe('8.0%');
    expect(formatPercent('en', 0.3634)).toBe('36.3%');
    expect(formatPercent('ko', 1)).toBe('100.0%');
  });
});

describe('placeholders', () => {
  it('lists the names in every plural form', () => {
    expect([...placeholders({ count: 'n', one: '{n} layer', other: '{n} layers of {kind}' })].sort()).toEqual(['kind', 'n']);
  });
});

describe('formatCountApprox and formatBytesApprox', () => {
  it('prints counts digit by digit up to 2^53 and as a power of ten beyond, in both languages', () => {
    expect(formatCountApprox('en', 1_960_000_100)).toBe('1,960,000,100');
    expect(formatCountApprox('ko', Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
    // 2^53 + 2 is not exact in float64's neighbourhood of integers: no digits it cannot vouch for.
    expect(formatCountApprox('en', 2 ** 53 + 2)).toBe('≈ 9.0 × 10^15');
    expect(formatCountApprox('en', 1.2e16)).toBe('≈ 1.2 × 10^16');
    expect(formatCountApprox('ko', 9.96e20)).toBe('≈ 1.0 × 10^21');
    expect(formatCountApprox('en', Infinity)).toBe('Infinity');
  });

  it('prints estimated sizes with two significant figures in binary units, and powers of ten past exabytes', () => {
    expect(formatBytesApprox('en', 6_294_432)).toBe('6 MB');
    expect(formatBytesApprox('en', 2.5 * 2 ** 30)).toBe('2.5 GB');
    expect(formatBytesApprox('ko', 31_795_000_000)).toBe('30 GB');
    expect(formatBytesApprox('en', 512)).toBe('512 B');
    expect(formatBytesApprox('en', 1.2e30)).toBe('1.2 × 10^30 B');
  });
});
