import * as tf from '@tensorflow/tfjs';
import type { InputAdapter } from '../../../src-shared/training/compatibility';

/** Images ready for the model: normalised, padded and laid out as its input wants, plus labels. */
export interface Examples {
  /** count × (values per example), float32 in [0, 1]. */
  readonly x: Float32Array;
  readonly labels: Uint8Array;
  readonly count: number;
  /** The model's input shape without the batch dimension. */
  readonly shape: readonly number[];
}

/** Values per example the adapter produces. */
export function exampleSize(adapter: InputAdapter, side = 28): number {
  return adapter.kind === 'flat' ? side * side : adapter.height * adapter.width * adapter.channels;
}

/** Converts 28×28 uint8 images (row-major) to the model's input: pixels / 255, zero-padded and channel-repeated as needed. */
export function toExamples(pixels: Uint8Array, labels: Uint8Array, indices: ArrayLike<number>, adapter: InputAdapter, side = 28): Examples {
  const size = exampleSize(adapter, side);
  const x = new Float32Array(indices.length * size);
  const out = new Uint8Array(indices.length);
  const image = side * side;
  for (let n = 0; n < indices.length; n++) {
    const src = indices[n]! * image;
    out[n] = labels[indices[n]!]!;
    const base = n * size;
    if (adapter.kind === 'flat' || (adapter.padTop === 0 && adapter.padLeft === 0 && adapter.channels === 1)) {
      for (let i = 0; i < image; i++) x[base + i] = pixels[src + i]! / 255;
      continue;
    }
    const { width, channels, padTop, padLeft } = adapter;
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const v = pixels[src + r * side + c]! / 255;
        const at = base + ((r + padTop) * width + (c + padLeft)) * channels;
        for (let k = 0; k < channels; k++) x[at + k] = v;
      }
    }
  }
  const shape = adapter.kind === 'flat' ? [side * side] : [adapter.height, adapter.width, adapter.channels];
  return { x, labels: out, count: indices.length, shape };
}

/** Writes the examples `indices` into `xs` and their one-hot labels (`classes` classes) into `ys`, from the start. */
export function fillBatch(ex: Examples, indices: ArrayLike<number>, classes: number, xs: Float32Array, ys: Float32Array): void {
  const size = ex.x.length / Math.max(ex.count, 1);
  ys.fill(0, 0, indices.length * classes);
  for (let n = 0; n < indices.length; n++) {
    const i = indices[n]!;
    xs.set(ex.x.subarray(i * size, (i + 1) * size), n * size);
    ys[n * classes + ex.labels[i]!] = 1;
  }
}

/** A batch of examples as tensors; one-hot labels for `classes` classes. */
export function batchTensors(ex: Examples, indices: ArrayLike<number>, classes: number): { x: tf.Tensor; y: tf.Tensor2D } {
  const size = ex.x.length / Math.max(ex.count, 1);
  const xs = new Float32Array(indices.length * size);
  const ys = new Float32Array(indices.length * classes);
  fillBatch(ex, indices, classes, xs, ys);
  return { x: tf.tensor(xs, [indices.length, ...ex.shape], 'float32'), y: tf.tensor2d(ys, [indices.length, classes], 'float32') };
}

/** A contiguous batch [start, end) without copying into a shuffled order. */
export function rangeTensors(ex: Examples, start: number, end: number, classes: number): { x: tf.Tensor; y: tf.Tensor2D } {
  const idx = new Uint32Array(end - start);
  for (let i = 0; i < idx.length; i++) idx[i] = start + i;
  return batchTensors(ex, idx, classes);
}
