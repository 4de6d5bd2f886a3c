import type { LayerKindId, LayerProblem, Shape } from './types';
import { formatShape } from './format';

/**
 * The index in a per-sample shape of a Keras `axis`, which counts the batch as axis 0: axis 1 is the
 * first dimension of a sample, -1 its last. Undefined for the batch axis or an axis the shape lacks.
 */
export function sampleAxis(axis: number, shape: Shape): number | undefined {
  const rank = shape.length;
  const index = axis < 0 ? rank + axis : axis - 1;
  return index >= 0 && index < rank ? index : undefined;
}

/** Axis 0 is the batch: Keras would mix samples (Softmax) or stack batches (Concatenate), never what a layer in a model means. */
export function batchAxisProblem(kind: LayerKindId, axis: number): LayerProblem | undefined {
  return axis === 0 ? { code: 'batch-axis', values: { kind }, param: 'axis' } : undefined;
}

/** The problem of an axis outside the input, naming the axes that exist. */
export function axisRangeProblem(kind: LayerKindId, axis: number, shape: Shape): LayerProblem {
  return { code: 'axis-range', values: { kind, axis, shape: formatShape(shape), max: shape.length }, param: 'axis' };
}
