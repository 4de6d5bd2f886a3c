import * as tf from '@tensorflow/tfjs';
import type { InputAdapter } from '../../../src-shared/training/compatibility';

/**
 * Images ready for the model: bytes in its input's layout (padded and channel-repeated as needed),
 * converted to float only a batch at a time, so a set costs one byte per value. A split names its
 * examples by index into bytes that training and validation share.
 */
export interface Examples {
  /** Records of `shape`'s size, 0–255, in the input's layout; may hold more records than this split uses. */
  readonly pixels: Uint8Array;
  /** For each example of the split, its record in `pixels`. */
  readonly index: Uint32Array;
  /** For each example of the split, its label. */
  readonly labels: Uint8Array;
  readonly count: number;
  /** The model's input shape without the batch dimension. */
  readonly shape: readonly number[];
}

/** The model's input shape (without the batch dimension) the adapter produces. */
export function inputShape(adapter: InputAdapter, side = 28): readonly number[] {
  if (adapter.kind === 'flat') return [side * side];
  if (adapter.kind === 'resized') return adapter.shape;
  return [adapter.height, adapter.width, adapter.channels];
}

/** Values per example the adapter produces. */
export function exampleSize(adapter: InputAdapter, side = 28): number {
  return inputShape(adapter, side).reduce((a, b) => a * b, 1);
}

/** True when the data layer's bytes already are the input's layout (pictures resized to it, or 28×28×1 fed as is). */
function sameLayout(adapter: InputAdapter): boolean {
  return adapter.kind !== 'image' || (adapter.padTop === 0 && adapter.padLeft === 0 && adapter.channels === 1);
}

/**
 * The records `indices` of `pixels` (side×side grayscale for IDX data, the input's own size for
 * pictures) in the model's input layout: zero-padded and channel-repeated as the adapter says.
 * Returns `pixels` itself, not a copy, when all records are wanted and already fit.
 */
export function inputBytes(pixels: Uint8Array, indices: ArrayLike<number> | 'all', adapter: InputAdapter, side = 28): Uint8Array {
  const size = exampleSize(adapter, side);
  const source = adapter.kind === 'resized' ? size : side * side;
  if (indices === 'all' && sameLayout(adapter)) return pixels;
  const count = indices === 'all' ? pixels.length / source : indices.length;
  const at = (n: number) => (indices === 'all' ? n : indices[n]!);
  const out = new Uint8Array(count * size);
  for (let n = 0; n < count; n++) {
    const src = at(n) * source;
    const base = n * size;
    if (sameLayout(adapter)) {
      out.set(pixels.subarray(src, src + source), base);
      continue;
    }
    const { width, channels, padTop, padLeft } = adapter as Extract<InputAdapter, { kind: 'image' }>;
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = pixels[src + r * side + c]!;
        const to = base + ((r + padTop) * width + (c + padLeft)) * channels;
        for (let k = 0; k < channels; k++) out[to + k] = v;
      }
    }
  }
  return out;
}

/** A split over records that are already in the input's layout: example n is record indices[n]. */
export function examplesOf(pixels: Uint8Array, labels: Uint8Array, indices: ArrayLike<number>, shape: readonly number[]): Examples {
  const index = Uint32Array.from(indices);
  return { pixels, index, labels: Uint8Array.from(index, (i) => labels[i]!), count: index.length, shape };
}

/** Converts the records `indices` of data-layer images to examples of their own (a copy in the input's layout). */
export function toExamples(pixels: Uint8Array, labels: Uint8Array, indices: ArrayLike<number>, adapter: InputAdapter, side = 28): Examples {
  const bytes = inputBytes(pixels, indices, adapter, side);
  const index = new Uint32Array(indices.length);
  for (let i = 0; i < index.length; i++) index[i] = i;
  return {
    pixels: bytes,
    index,
    labels: Uint8Array.from(indices, (i) => labels[i]!),
    count: index.length,
    shape: inputShape(adapter, side),
  };
}

/** One example as float32 in [0, 1] (the lecture's pixels / 255), in the input's layout. */
export function exampleValues(ex: Examples, n: number): Float32Array {
  const size = ex.shape.reduce((a, b) => a * b, 1);
  const src = ex.index[n]! * size;
  const out = new Float32Array(size);
  for (let k = 0; k < size; k++) out[k] = ex.pixels[src + k]! / 255;
  return out;
}

/** A batch of examples (by position in the split) as tensors: pixels / 255 as float32 and one-hot labels for `classes` classes. */
export function batchTensors(ex: Examples, indices: ArrayLike<number>, classes: number): { x: tf.Tensor; y: tf.Tensor2D } {
  const size = ex.shape.reduce((a, b) => a * b, 1);
  const xs = new Float32Array(indices.length * size);
  const ys = new Float32Array(indices.length * classes);
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n]!;
    const src = ex.index[i]! * size;
    const base = n * size;
    for (let k = 0; k < size; k++) xs[base + k] = ex.pixels[src + k]! / 255;
    ys[n * classes + ex.labels[i]!] = 1;
  }
  return { x: tf.tensor(xs, [indices.length, ...ex.shape], 'float32'), y: tf.tensor2d(ys, [indices.length, classes], 'float32') };
}

/** A contiguous batch [start, end) of the split. */
export function rangeTensors(ex: Examples, start: number, end: number, classes: number): { x: tf.Tensor; y: tf.Tensor2D } {
  const idx = new Uint32Array(end - start);
  for (let i = 0; i < idx.length; i++) idx[i] = start + i;
  return batchTensors(ex, idx, classes);
}

/** Writes the examples `indices` (positions in the split) as pixels / 255 into `xs`, and their one-hot labels (`classes` classes) into `ys`, from the start. */
export function fillBatch(ex: Examples, indices: ArrayLike<number>, classes: number, xs: Float32Array, ys: Float32Array): void {
  const size = ex.shape.reduce((a, b) => a * b, 1);
  ys.fill(0, 0, indices.length * classes);
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n]!;
    const src = ex.index[i]! * size;
    const dst = n * size;
    for (let k = 0; k < size; k++) xs[dst + k] = ex.pixels[src + k]! / 255;
    ys[n * classes + ex.labels[i]!] = 1;
  }
}
