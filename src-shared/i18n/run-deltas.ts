/**
 * The compare view's metric deltas: each run's figure against the first selected run's, its sign
 * written out, and whether it is an improvement. Numbers only; the words come from the dictionary.
 */
import { formatCountApprox, formatNumber } from './format';
import { LOCALES, type Language } from './language';

/** Which way a metric improves ('neither': a size or a count, neither good nor bad). */
export type Better = 'higher' | 'lower' | 'neither';

/** 'better' / 'worse' by the metric's direction, 'same' within its resolution, 'neutral' for sizes. */
export type DeltaTone = 'better' | 'worse' | 'same' | 'neutral';

export interface Delta {
  readonly value: number;
  readonly tone: DeltaTone;
}

/** `value − base` and its tone; null when either figure is missing. `epsilon`: smaller differences are 'same'. */
export function deltaOf(base: number | null | undefined, value: number | null | undefined, better: Better, epsilon = 0): Delta | null {
  if (base === null || base === undefined || value === null || value === undefined) return null;
  if (!Number.isFinite(base) || !Number.isFinite(value)) return null;
  const d = value - base;
  if (Math.abs(d) <= epsilon) return { value: d, tone: 'same' };
  if (better === 'neither') return { value: d, tone: 'neutral' };
  return { value: d, tone: d > 0 === (better === 'higher') ? 'better' : 'worse' };
}

// U+2212 MINUS SIGN: the typographic minus lines up with "+" in a column of deltas.
const MINUS = '\u2212';

/** Prefixes a formatted magnitude with "+" or "−" ("±0" when it rounds to zero). */
function signed(magnitude: string, value: number, zero: boolean): string {
  if (zero) return `±${magnitude}`;
  return `${value > 0 ? '+' : MINUS}${magnitude}`;
}

/** A signed number with at most `digits` decimals in the language's format: "+0.12", "−1,024", "±0". */
export function formatSigned(language: Language, value: number, digits: number): string {
  const magnitude = formatNumber(language, Math.abs(value), digits);
  const zero = Number(Math.abs(value).toFixed(digits)) === 0;
  return signed(zero ? formatNumber(language, 0, 0) : magnitude, value, zero);
}

/** A signed whole count (parameters, MACs) with separators: "+1,210", "−95,000". */
export function formatSignedCount(language: Language, value: number): string {
  const rounded = Math.round(value);
  return signed(formatCountApprox(language, Math.abs(rounded)), rounded, rounded === 0);
}

/** A difference of two fractions in percentage points, always one decimal as percentages are shown: 0.05 → "+5.0" (the unit is the dictionary's). */
export function formatSignedPoints(language: Language, fraction: number): string {
  const points = fraction * 100;
  const zero = Number(Math.abs(points).toFixed(1)) === 0;
  const magnitude = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    zero ? 0 : Math.abs(points),
  );
  return signed(magnitude, points, zero);
}
