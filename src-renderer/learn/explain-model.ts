/**
 * The arithmetic of "Explain this layer" that is not drawing: tensors as the shared functions
 * take them, value ranges for the heat maps, map sizes, one channel of an output, and which
 * output a click on an input pixel goes to.
 */
import type { Image, Kernels } from '../../src-shared/learn/convolution';

/** A tensor as the engine sends it: a shape and its values, row-major. */
export interface ExplainTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface Dims {
  readonly h: number;
  readonly w: number;
  readonly c: number;
}

/** [h, w, c] or [h, w] (one channel); null for any other shape. */
export function dimsOf(shape: readonly number[]): Dims | null {
  if (shape.length === 3) return { h: shape[0]!, w: shape[1]!, c: shape[2]! };
  if (shape.length === 2) return { h: shape[0]!, w: shape[1]!, c: 1 };
  return null;
}

/** A [h, w, c] tensor as an image [h][w][c]. */
export function toImage(t: ExplainTensor, d: Dims): Image {
  return Array.from({ length: d.h }, (_, r) =>
    Array.from({ length: d.w }, (_, q) => Array.from(t.data.subarray((r * d.w + q) * d.c, (r * d.w + q + 1) * d.c))),
  );
}

/** A [kh, kw, in, out] kernel tensor as nested arrays. */
export function toKernels(t: ExplainTensor): Kernels {
  const [kh, kw, cin, cout] = t.shape as [number, number, number, number];
  return Array.from({ length: kh }, (_, i) =>
    Array.from({ length: kw }, (_, j) =>
      Array.from({ length: cin }, (_, c) =>
        Array.from(t.data.subarray(((i * kw + j) * cin + c) * cout, ((i * kw + j) * cin + c + 1) * cout)),
      ),
    ),
  );
}

/** The range a heat map spans for one channel: it always includes 0, and is never empty. */
export function rangeOf(data: Float32Array | readonly number[], channels: number, channel: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = channel; i < data.length; i += channels) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min: Math.min(min, 0), max: Math.max(max, min === max ? min + 1 : max) } : { min: 0, max: 1 };
}

/** Display size of one cell so that a map fits in about `target` pixels. */
export function cellSize(rows: number, cols: number, target = 300): number {
  return Math.max(4, Math.min(34, Math.floor(target / Math.max(rows, cols, 1))));
}

/** One channel of an [h, w, channels] output, as a flat h·w map. */
export function channelOf(data: Float32Array, cells: number, channels: number, channel: number): Float32Array {
  return Float32Array.from({ length: cells }, (_, i) => data[i * channels + channel]!);
}

/** How a layer slides over one axis: its window, stride, leading padding and number of outputs. */
export interface Slide {
  readonly size: number;
  readonly stride: number;
  readonly before: number;
  readonly outputs: number;
}

/** The first output whose window covers input position `i` (convolution: every window that fits). */
export function firstCovering(i: number, s: Slide): number {
  return Math.max(0, Math.min(s.outputs - 1, Math.ceil((i + s.before - s.size + 1) / s.stride)));
}

/** The output whose window starts at or before input position `i` (pooling: windows rarely overlap). */
export function startingAt(i: number, s: Slide): number {
  return Math.max(0, Math.min(s.outputs - 1, Math.floor((i + s.before) / s.stride)));
}

/** A pooling window's values at their places, null where it hangs over the edge. */
export function patchOf(image: Image, top: number, left: number, kh: number, kw: number, channel: number): (number | null)[][] {
  const h = image.length;
  const w = image[0]?.length ?? 0;
  return Array.from({ length: kh }, (_, i) =>
    Array.from({ length: kw }, (_, j) => {
      const y = top + i;
      const x = left + j;
      return y >= 0 && y < h && x >= 0 && x < w ? image[y]![x]![channel]! : null;
    }),
  );
}

/** Where the (first) maximum of a patch sits, reading row by row. */
export function maxOf(patch: readonly (readonly (number | null)[])[], max: number): [number, number] | null {
  for (let i = 0; i < patch.length; i++) for (let j = 0; j < patch[i]!.length; j++) if (patch[i]![j] === max) return [i, j];
  return null;
}

/** The engine's value agrees with ours within float32 rounding. */
export function agrees(mine: number, engine: number): boolean {
  return Math.abs(mine - engine) <= 1e-4 + 1e-3 * Math.abs(engine);
}
