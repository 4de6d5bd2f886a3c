import type { Explained, LayerProblem, ParamCount, Result, Shape, ShapeInference } from './types';
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

/** The output of a layer that keeps its input's shape, each dimension explained as unchanged. */
export function unchangedShape(input: Shape): Result<ShapeInference> {
  return ok({ shape: input, dims: input.map((value) => ({ value, formula: `${value} (unchanged)` })) });
}

/** Parameter counts of a layer without weights. */
export function noWeights(): ParamCount {
  return { trainable: { value: 0, formula: 'no weights' }, nonTrainable: ZERO };
}

/** Multiply-accumulates of a layer that does none. */
export function noMacs(): Explained {
  return { value: 0, formula: 'no multiply-accumulates' };
}
