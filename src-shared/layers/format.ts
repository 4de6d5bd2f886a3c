import { formatCountApprox, formatNumber } from '../i18n/format';
import type { Shape } from './types';

/**
 * "197210" → "197,210", as Keras prints counts (the same separators in every language Convas
 * speaks); past 2^53, where float64 no longer counts exactly, "≈ 1.2 × 10^16".
 */
export function formatCount(n: number): string {
  return formatCountApprox('en', n);
}

/** The Keras way of printing a batched shape: "(None, 28, 28, 10)". */
export function formatShape(shape: Shape): string {
  return `(${['None', ...shape.map(String)].join(', ')})`;
}

/** Keras's spelling of a per-sample shape with the batch dimension: [null, 28, 28, 10]. */
export function batchShape(shape: Shape): (number | null)[] {
  return [null, ...shape];
}

/** "28×28" for a pair. */
export function formatPair(pair: readonly [number, number]): string {
  return `${pair[0]}×${pair[1]}`;
}

/** The product of dimensions, 1 for an empty shape. */
export function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

/** A number as formulas print it: with thousands separators ("196,100"), the same in every language. */
export function num(n: number): string {
  // Formulas are written for every node on every edit; whole numbers (nearly all of them) skip Intl, which is slow.
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return formatNumber('en', n, 6);
}

/** "14·14·10 = 1,960": a product written out with its value. */
export function productFormula(values: readonly number[]): string {
  if (values.length === 0) return '1';
  if (values.length === 1) return num(values[0]!);
  return `${values.map(num).join('·')} = ${num(product(values))}`;
}
