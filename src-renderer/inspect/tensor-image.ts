import type { TensorView } from '../../src-shared/engine/protocol';

/**
 * Pure helpers that turn tensors from the engine into grayscale pixels: feature maps [h, w, c],
 * Conv2D kernels [kh, kw, cin, cout], model inputs ([h, w, c] or a flat 784-vector).
 */

export interface MapDims {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Height, width and channels of a map; a flat vector of 784 values is read as a 28×28 image. */
export function mapDims(shape: readonly number[]): MapDims {
  if (shape.length === 3) return { height: shape[0]!, width: shape[1]!, channels: shape[2]! };
  if (shape.length === 2) return { height: shape[0]!, width: shape[1]!, channels: 1 };
  const n = shape.reduce((a, b) => a * b, 1);
  const side = Math.round(Math.sqrt(n));
  return side * side === n ? { height: side, width: side, channels: 1 } : { height: 1, width: n, channels: 1 };
}

/** Gray level 0–255 of `v` in `range` (a flat range maps to black: nothing to see). */
export function grayLevel(v: number, range: Range): number {
  const span = range.max - range.min;
  if (!(span > 0) || !Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(255, Math.round(((v - range.min) / span) * 255)));
}

/** Fills RGBA pixels (opaque gray) from a value getter. */
function rgba(width: number, height: number, value: (x: number, y: number) => number, range: Range): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = grayLevel(value(x, y), range);
      const o = (y * width + x) * 4;
      out[o] = g;
      out[o + 1] = g;
      out[o + 2] = g;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** The min and max of one channel of a map. */
export function channelRange(view: TensorView, channel: number): Range {
  const { height, width, channels } = mapDims(view.shape);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < height * width; i++) {
    const v = view.data[i * channels + channel]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** One channel of a map as grayscale RGBA, normalised by `range` (the whole map's min/max by default). */
export function channelImage(
  view: TensorView,
  channel: number,
  range: Range = view,
): { width: number; height: number; pixels: Uint8ClampedArray<ArrayBuffer> } {
  const { height, width, channels } = mapDims(view.shape);
  return { width, height, pixels: rgba(width, height, (x, y) => view.data[(y * width + x) * channels + channel] ?? 0, range) };
}

export interface KernelDims {
  readonly kh: number;
  readonly kw: number;
  readonly cin: number;
  readonly cout: number;
}

export function kernelDims(shape: readonly number[]): KernelDims {
  return { kh: shape[0] ?? 1, kw: shape[1] ?? 1, cin: shape[2] ?? 1, cout: shape[3] ?? 1 };
}

/** The weights of one filter for one input channel, row-major kh×kw. */
export function kernelSlice(view: TensorView, filter: number, inChannel: number): Float32Array {
  const { kh, kw, cin, cout } = kernelDims(view.shape);
  const out = new Float32Array(kh * kw);
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) out[y * kw + x] = view.data[((y * kw + x) * cin + inChannel) * cout + filter]!;
  return out;
}

/** Columns and rows of the tile grid that shows a filter's `cin` input-channel slices. */
export function sliceGrid(cin: number): { cols: number; rows: number } {
  const cols = Math.ceil(Math.sqrt(cin));
  return { cols, rows: Math.ceil(cin / cols) };
}

/**
 * One filter as an image: its slices for every input channel side by side in a grid, one
 * transparent pixel apart, normalised by `range` (the layer's kernel min/max by default).
 */
export function filterImage(
  view: TensorView,
  filter: number,
  range: Range = view,
): { width: number; height: number; pixels: Uint8ClampedArray<ArrayBuffer> } {
  const { kh, kw, cin } = kernelDims(view.shape);
  const { cols, rows } = sliceGrid(cin);
  const width = cols * kw + (cols - 1);
  const height = rows * kh + (rows - 1);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let c = 0; c < cin; c++) {
    const slice = kernelSlice(view, filter, c);
    const ox = (c % cols) * (kw + 1);
    const oy = Math.floor(c / cols) * (kh + 1);
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        const g = grayLevel(slice[y * kw + x]!, range);
        const o = ((oy + y) * width + ox + x) * 4;
        pixels[o] = g;
        pixels[o + 1] = g;
        pixels[o + 2] = g;
        pixels[o + 3] = 255;
      }
    }
  }
  return { width, height, pixels };
}

/** The min and max of one filter over all its input channels. */
export function filterRange(view: TensorView, filter: number): Range {
  const { kh, kw, cin } = kernelDims(view.shape);
  let min = Infinity;
  let max = -Infinity;
  for (let c = 0; c < cin; c++) {
    for (const v of kernelSlice(view, filter, c)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return kh * kw * cin > 0 && Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** Class probabilities from the last layer's output: used as is when it already sums to 1, else softmax. */
export function toProbabilities(output: readonly number[]): number[] {
  if (output.length === 0) return [];
  const sum = output.reduce((a, b) => a + b, 0);
  if (output.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) < 1e-3) return [...output];
  const m = Math.max(...output);
  const e = output.map((v) => Math.exp(v - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** A short, readable number for value ranges: 0.0123, -1.52, 1.2e-5. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(2);
  return v
    .toPrecision(3)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}
