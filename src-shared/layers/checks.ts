import type { Caption, Explained, LayerKindId, LayerProblem, ParamCount, Result, Shape, ShapeInference } from './types';
import { formatShape, num } from './format';

/** Spatial layers need (height, width, channels); the problem says what to do otherwise. */
export function requireImage(input: Shape, kind: LayerKindId): LayerProblem | undefined {
  if (input.length === 3) return undefined;
  return { code: 'needs-image', values: { kind, shape: formatShape(input) } };
}

export function fail<T>(problem: LayerProblem): Result<T> {
  return { ok: false, problem };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export const ZERO: Explained = { value: 0, formula: '0' };

/** Zero, with a caption that says why ("no weights"). */
export function zero(caption: Caption): Explained {
  return { value: 0, formula: '0', caption };
}

/** The output of a layer that keeps its input's shape, each dimension explained as unchanged. */
export function unchangedShape(input: Shape): Result<ShapeInference> {
  return ok({ shape: input, dims: input.map((value) => unchanged(value)) });
}

/** A dimension that passes through as it is. */
export function unchanged(value: number, caption: Caption = { code: 'unchanged', values: {} }): Explained {
  return { value, formula: num(value), caption };
}

/** Parameter counts of a layer without weights. */
export function noWeights(): ParamCount {
  return { trainable: zero({ code: 'no-weights', values: {} }), nonTrainable: ZERO };
}

/** Multiply-accumulates of a layer that does none. */
export function noMacs(): Explained {
  return zero({ code: 'no-macs', values: {} });
}
