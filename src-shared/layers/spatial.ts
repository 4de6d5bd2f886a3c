import type { Explained } from './types';
import type { Padding } from './params';
import { num } from './format';

/**
 * One spatial output dimension by TensorFlow's rules, with its formula:
 * valid → floor((n − ((k−1)·d+1)) / s) + 1, same → ceil(n / s).
 */
export function outputLength(n: number, k: number, s: number, d: number, padding: Padding): Explained {
  if (padding === 'same') {
    const value = Math.ceil(n / s);
    return { value, formula: `ceil(${num(n)} / ${num(s)}) = ${num(value)}` };
  }
  const effective = (k - 1) * d + 1;
  const value = Math.floor((n - effective) / s) + 1;
  const kernel = d === 1 ? num(k) : `((${num(k)}−1)·${num(d)}+1)`;
  return { value, formula: `floor((${num(n)} − ${kernel}) / ${num(s)}) + 1 = ${num(value)}` };
}

/** The size a window covers once dilated: (k−1)·d+1. */
export function effectiveKernel(k: number, d: number): number {
  return (k - 1) * d + 1;
}

/** A dimension that passes through unchanged, captioned with what it counts. */
export function same(value: number, what: 'channels' | 'filters' = 'channels'): Explained {
  return { value, formula: num(value), caption: { code: what, values: {} } };
}
