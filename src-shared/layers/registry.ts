import type { Explained, LayerGroup, LayerKindId, ParamCount, Result, Shape, ShapeInference, SomeLayerKind } from './types';
import { inputLayer } from './input';
import { conv2d } from './conv2d';
import { maxPooling2d, averagePooling2d } from './pooling';
import { activationLayer } from './activation';
import { dropout } from './dropout';
import { flatten } from './flatten';
import { dense } from './dense';
import { batchNormalization } from './batch-normalization';
import { leakyReLU, reLU, softmax } from './activation-layers';
import { add, average, concatenate, maximum, minimum, multiply } from './merges';
import { separableConv2d } from './separable-conv2d';
import { depthwiseConv2d } from './depthwise-conv2d';
import { conv2dTranspose } from './conv2d-transpose';
import { globalAveragePooling2d, globalMaxPooling2d } from './global-pooling2d';
import { zeroPadding2d } from './zero-padding2d';
import { cropping2d } from './cropping2d';
import { upSampling2d } from './up-sampling2d';
import { reshape } from './reshape';
import { layerNormalization } from './layer-normalization';

// Each kind keeps its own parameter type; the registry forgets it, and callers parse through `schema`.
const ALL: readonly SomeLayerKind<never>[] = [
  inputLayer,
  conv2d,
  // Keras's order within Convolution: separable, depthwise, then transposed.
  separableConv2d,
  depthwiseConv2d,
  conv2dTranspose,
  maxPooling2d,
  averagePooling2d,
  activationLayer,
  dropout,
  flatten,
  dense,
  batchNormalization,
  globalAveragePooling2d,
  // Merging, with the two of residual and Inception-style networks first; then the activation layers.
  add,
  concatenate,
  multiply,
  average,
  maximum,
  minimum,
  reLU,
  leakyReLU,
  softmax,
  globalMaxPooling2d,
  layerNormalization,
  reshape,
  zeroPadding2d,
  cropping2d,
  upSampling2d,
] as unknown as readonly SomeLayerKind<never>[];

/** A layer kind whose parameters are only known to be whatever its schema produced. */
export type AnyLayerKind = SomeLayerKind<unknown>;

const BY_ID = new Map<string, AnyLayerKind>(ALL.map((k) => [k.kind, k as unknown as AnyLayerKind]));

/** Every layer kind, in palette order. */
export function allLayerKinds(): readonly AnyLayerKind[] {
  return ALL as unknown as readonly AnyLayerKind[];
}

/** The kind with this id (the Keras class name), if Convas knows it. */
export function layerKind(id: string): AnyLayerKind | undefined {
  return BY_ID.get(id);
}

/** The kind with this id; throws only for ids that the schema has already ruled out. */
export function requireLayerKind(id: LayerKindId): AnyLayerKind {
  const kind = BY_ID.get(id);
  if (!kind) throw new Error(`unknown layer kind ${id}`);
  return kind;
}

/** The palette's groups in Keras's order, each with its kinds. */
export function layerGroups(): { group: LayerGroup; kinds: AnyLayerKind[] }[] {
  const order: LayerGroup[] = ['Core', 'Convolution', 'Pooling', 'Merging', 'Activation', 'Regularization', 'Normalization', 'Reshaping'];
  return order.map((group) => ({ group, kinds: allLayerKinds().filter((k) => k.group === group) }));
}

/** True for kinds that join several inputs (Add, Concatenate, …). */
export function isMergeKind(kind: AnyLayerKind): kind is Extract<AnyLayerKind, { merge: true }> {
  return kind.merge === true;
}

/** The output of `kind` on its inputs in port order; a one-input kind reads the first. */
export function inferOutput(kind: AnyLayerKind, inputs: readonly Shape[], params: unknown): Result<ShapeInference> {
  return isMergeKind(kind) ? kind.inferShape(inputs, params) : kind.inferShape(inputs[0] ?? [], params);
}

/** Parameter counts of `kind` on its inputs in port order. */
export function countParamsOf(kind: AnyLayerKind, inputs: readonly Shape[], output: Shape, params: unknown): ParamCount {
  return isMergeKind(kind) ? kind.countParams(inputs, output, params) : kind.countParams(inputs[0] ?? [], output, params);
}

/** Multiply-accumulates of `kind` on its inputs in port order. */
export function macsOf(kind: AnyLayerKind, inputs: readonly Shape[], output: Shape, params: unknown): Explained {
  return isMergeKind(kind) ? kind.macs(inputs, output, params) : kind.macs(inputs[0] ?? [], output, params);
}
