import { describe, expect, it } from 'vitest';
import { deltaOf, formatSigned, formatSignedCount, formatSignedPoints } from '../../../src-shared/i18n/run-deltas';

describe('metric deltas', () => {
  it('says whether a change is better by the way the metric improves', () => {
    expect(deltaOf(0.8, 0.85, 'higher')).toEqual({ value: 0.85 - 0.8, tone: 'better' });
    expect(deltaOf(0.8, 0.75, 'higher')?.tone).toBe('worse');
    expect(deltaOf(0.5, 0.4, 'lower')?.tone).toBe('better');
    expect(deltaOf(0.5, 0.6, 'lower')?.tone).toBe('worse');
    expect(deltaOf(100, 300, 'neither')).toEqual({ value: 200, tone: 'neutral' });
    expect(deltaOf(0.8, 0.8004, 'higher', 0.0005)?.tone).toBe('same');
  });

  it('has no delta when a figure is missing', () => {
    expect(deltaOf(null, 0.5, 'higher')).toBeNull();
    expect(deltaOf(0.5, undefined, 'higher')).toBeNull();
    expect(deltaOf(Number.NaN, 0.5, 'higher')).toBeNull();
  });

  it('writes the sign out, with a true minus, and ±0 for what rounds to nothing', () => {
    expect(formatSigned('en', 0.1234, 3)).toBe('+0.123');
    expect(formatSigned('en', -0.1234, 2)).toBe('\u22120.12');
    expect(formatSigned('en', 0.00004, 3)).toBe('±0');
    expect(formatSigned('ko', -1234.5, 1)).toBe('\u22121,234.5');
  });

  it('counts parameters with separators and accuracy in percentage points', () => {
    expect(formatSignedCount('en', 1210)).toBe('+1,210');
    expect(formatSignedCount('en', -95000)).toBe('\u221295,000');
    expect(formatSignedCount('en', 0)).toBe('±0');
    expect(formatSignedPoints('en', 0.8512 - 0.8281)).toBe('+2.3');
    expect(formatSignedPoints('en', -0.004)).toBe('\u22120.4');
  });
});
