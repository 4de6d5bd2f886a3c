/**
 * How the generated PyTorch module lays tensors out and pads them, so that it computes what
 * TensorFlow computes: images channels-first, every other tensor in Keras's own order, and
 * TensorFlow's 'same' padding with the odd row or column at the end.
 */
import type { Shape } from '../layers/types';
import { sampleAxis } from '../layers/axis';

/** Where a per-sample dimension of a Keras shape lies in the PyTorch tensor (batch at 0): an image's h, w, c go to 2, 3, 1. */
export function torchDim(index: number, rank: number): number {
  return rank === 3 ? ([2, 3, 1] as const)[index]! : index + 1;
}

/** The PyTorch dimension of a Keras axis (counted with the batch, negative from the end); undefined for one the shape lacks. */
export function torchAxis(axis: number, shape: Shape): number | undefined {
  const index = sampleAxis(axis, shape);
  return index === undefined ? undefined : torchDim(index, shape.length);
}

/** The channel dimension Keras's "last axis" means: 1 for an image (NCHW), the last otherwise. */
export function lastAxisDim(rank: number): number {
  return rank === 3 ? 1 : rank;
}

/** The zeros TensorFlow's 'same' adds before and after one axis of length n: half the total, the odd one at the end. */
export function samePadding(n: number, k: number, s: number, d: number): readonly [number, number] {
  const total = Math.max((Math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** An expression turning an NCHW image into Keras's NHWC order (other ranks are already in Keras's order). */
export function toKerasOrder(x: string, rank: number): string {
  return rank === 3 ? `${x}.permute(0, 2, 3, 1)` : x;
}

/** An expression turning an NHWC image back into PyTorch's NCHW order. */
export function fromKerasOrder(x: string, rank: number): string {
  return rank === 3 ? `${x}.permute(0, 3, 1, 2)` : x;
}
