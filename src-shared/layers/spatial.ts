import type { Explained } from './types';
import type { Padding } from './params';

/**
 * One spatial output dimension by TensorFlow's rules, with its formula:
 * valid → floor((n − ((k−1)·d+1)) / s) + 1, same → ceil(n / s).
 */
export function outputLength(n: number, k: number, s: number, d: number, padding: Padding): Explained {
  if (padding === 'same') {
    const value = Math.ceil(n / s);
    return { value, formula: `ceil(${n} / ${s}) = ${value}` };
  }
  const effective = (k - 1) * d + 1;
  const value = Math.floor((n - effective) / s) + 1;
  const kernel = d === 1 ? `${k}` : `((${k}−1)·${d}+1)`;
  return { value, formula: `floor((${n} − ${kernel}) / ${s}) + 1 = ${value}` };
}

/** The size a window covers once dilated: (k−1)·d+1. */
export function effectiveKernel(k: number, d: number): number {
  return (k - 1) * d + 1;
}

/** Explains a dimension that passes through unchanged. */
export function same(value: number, what = 'channels'): Explained {
  return { value, formula: `${value} (${what})` };
}
