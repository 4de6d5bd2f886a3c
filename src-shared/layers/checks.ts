import type { LayerProblem, Result, Shape } from './types';
import { formatShape } from './format';

/** Spatial layers need (height, width, channels); says what to do otherwise. */
export function requireImage(input: Shape, what: string): LayerProblem | undefined {
  if (input.length === 3) return undefined;
  return {
    message: `${what} needs a 3-D input (height, width, channels) but receives ${formatShape(input)} — place it before Flatten/Dense, or give the Input a shape like 28, 28, 1`,
  };
}

export function fail<T>(problem: LayerProblem): Result<T> {
  return { ok: false, problem };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export const ZERO = { value: 0, formula: '0' } as const;
