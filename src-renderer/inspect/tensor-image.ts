import type { KernelRole, TensorView } from '../../src-shared/engine/protocol';

/**
 * Pure helpers that turn tensors from the engine into grayscale pixels: feature maps [h, w, c],
 * kernels of every convolution kind (see `kernelDims`), model inputs ([h, w, c] or a flat 784-vector).
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

/** RGBA pixels of a small image, as PixelCanvas draws them. */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
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
export function channelImage(view: TensorView, channel: number, range: Range = view): PixelImage {
  const { height, width, channels } = mapDims(view.shape);
  return { width, height, pixels: rgba(width, height, (x, y) => view.data[(y * width + x) * channels + channel] ?? 0, range) };
}

export interface KernelDims {
  readonly kh: number;
  readonly kw: number;
  /** Input channels. */
  readonly cin: number;
  /** Filters (output channels); for a depthwise kernel, the kernels per input channel (depth_multiplier). */
  readonly cout: number;
}

/** A kernel's role as the engine sent it; older engines sent Conv2D kernels only, without one. */
export function roleOf(k: { readonly role?: KernelRole | undefined }): KernelRole {
  return k.role ?? 'conv';
}

/**
 * The sizes of a kernel in TensorFlow's layouts: conv [kh, kw, cin, cout], depthwise [kh, kw, cin,
 * multiplier], pointwise [1, 1, cin, cout], transpose [kh, kw, cout, cin] (output channels first).
 */
export function kernelDims(shape: readonly number[], role: KernelRole = 'conv'): KernelDims {
  const [kh = 1, kw = 1, a = 1, b = 1] = shape;
  return role === 'transpose' ? { kh, kw, cin: b, cout: a } : { kh, kw, cin: a, cout: b };
}

/** Where weight (y, x) of `filter` over input channel `inChannel` lies in the kernel's data. */
function weightIndex(d: KernelDims, role: KernelRole, y: number, x: number, filter: number, inChannel: number): number {
  const cell = y * d.kw + x;
  return role === 'transpose' ? (cell * d.cout + filter) * d.cin + inChannel : (cell * d.cin + inChannel) * d.cout + filter;
}

/** The weights of one filter for one input channel, row-major kh×kw (for depthwise, `filter` is the multiplier index). */
export function kernelSlice(view: TensorView, filter: number, inChannel: number, role: KernelRole = 'conv'): Float32Array {
  const d = kernelDims(view.shape, role);
  const out = new Float32Array(d.kh * d.kw);
  for (let y = 0; y < d.kh; y++)
    for (let x = 0; x < d.kw; x++) out[y * d.kw + x] = view.data[weightIndex(d, role, y, x, filter, inChannel)]!;
  return out;
}

/** Columns and rows of the tile grid that shows a filter's `cin` input-channel slices. */
export function sliceGrid(cin: number): { cols: number; rows: number } {
  const cols = Math.ceil(Math.sqrt(cin));
  return { cols, rows: Math.ceil(cin / cols) };
}

/**
 * One filter of a conv or transposed kernel as an image: its slices for every input channel side
 * by side in a grid, one transparent pixel apart, normalised by `range` (the kernel's min/max by default).
 */
export function filterImage(view: TensorView, filter: number, range: Range = view, role: KernelRole = 'conv'): PixelImage {
  const { kh, kw, cin } = kernelDims(view.shape, role);
  const { cols, rows } = sliceGrid(cin);
  const width = cols * kw + (cols - 1);
  const height = rows * kh + (rows - 1);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let c = 0; c < cin; c++) {
    const slice = kernelSlice(view, filter, c, role);
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

function rangeOf(values: Iterable<number>): Range {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) ? { min, max } : { min: 0, max: 0 };
}

/** The min and max of one filter over all its input channels. */
export function filterRange(view: TensorView, filter: number, role: KernelRole = 'conv'): Range {
  const { cin } = kernelDims(view.shape, role);
  return rangeOf(Array.from({ length: cin }, (_, c) => Array.from(kernelSlice(view, filter, c, role))).flat());
}

/** How many tiles a kernel shows: one per filter, or for a depthwise one, one per input channel and multiplier. */
export function tileCount(shape: readonly number[], role: KernelRole): number {
  const { cin, cout } = kernelDims(shape, role);
  return role === 'depthwise' ? cin * cout : role === 'pointwise' ? 1 : cout;
}

/**
 * Which input channel and which of its kernels make output channel `out` of a depthwise
 * convolution: TensorFlow orders them channel by channel, out = channel · multiplier + m.
 */
export function depthwiseSource(out: number, multiplier: number): { channel: number; multiplier: number } {
  const dm = Math.max(1, multiplier);
  return { channel: Math.floor(out / dm), multiplier: out % dm };
}

/** The kh×kw kernel of depthwise output channel `out`. */
export function depthwiseSlice(view: TensorView, out: number): Float32Array {
  const { cout: dm } = kernelDims(view.shape, 'depthwise');
  const { channel, multiplier } = depthwiseSource(out, dm);
  return kernelSlice(view, multiplier, channel, 'depthwise');
}

/** Values as a width×height grayscale image, row-major. */
function valuesImage(values: ArrayLike<number>, width: number, height: number, range: Range): PixelImage {
  return { width, height, pixels: rgba(width, height, (x, y) => values[y * width + x] ?? 0, range) };
}

/** The kernel of depthwise output channel `out` as an image, normalised by `range` (the whole kernel's by default). */
export function depthwiseImage(view: TensorView, out: number, range: Range = view): PixelImage {
  const { kh, kw } = kernelDims(view.shape, 'depthwise');
  return valuesImage(depthwiseSlice(view, out), kw, kh, range);
}

/** The min and max of depthwise output channel `out`'s kernel. */
export function depthwiseRange(view: TensorView, out: number): Range {
  return rangeOf(depthwiseSlice(view, out));
}

/** A pointwise (1×1) kernel as a matrix: `rows` input channels by `cols` filters; `at(r, f)` is one weight. */
export function pointwiseMatrix(view: TensorView): { rows: number; cols: number; at(row: number, filter: number): number } {
  const { cin, cout } = kernelDims(view.shape, 'pointwise');
  return { rows: cin, cols: cout, at: (r, f) => view.data[r * cout + f] ?? 0 };
}

/** A pointwise kernel as an image: one pixel per weight, a row per input channel, a column per filter. */
export function pointwiseImage(view: TensorView, range: Range = view): PixelImage {
  const m = pointwiseMatrix(view);
  return { width: m.cols, height: m.rows, pixels: rgba(m.cols, m.rows, (x, y) => m.at(y, x), range) };
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

/** A 3-channel map as a colour image (channels read as red, green, blue), all channels on one `range`. */
export function colourImage(view: TensorView, range: Range = view): PixelImage {
  const { height, width, channels } = mapDims(view.shape);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = grayLevel(view.data[i * channels + Math.min(c, channels - 1)] ?? 0, range);
    pixels[i * 4 + 3] = 255;
  }
  return { width, height, pixels };
}

/**
 * A model input as the user knows it: in colour when it has 3 channels, else its first channel;
 * on the 0–1 scale of the pictures unless the values leave it (a standardised input uses its own range).
 */
export function inputImage(view: TensorView): PixelImage {
  const range = view.min >= 0 && view.max <= 1 ? { min: 0, max: 1 } : { min: view.min, max: view.max };
  return mapDims(view.shape).channels === 3 ? colourImage(view, range) : channelImage(view, 0, range);
}

/** True when a kernel's filters read 3 input channels, so each can be shown as one colour patch (a first layer on colour pictures). */
export function hasColourFilters(shape: readonly number[], role: KernelRole): boolean {
  return role === 'conv' && kernelDims(shape, role).cin === 3;
}

/** One filter over 3 input channels as a kh×kw colour patch: its weights for the 3 channels as red, green, blue on `range`. */
export function filterColourImage(view: TensorView, filter: number, range: Range = view): PixelImage {
  const { kh, kw } = kernelDims(view.shape, 'conv');
  const slices = [0, 1, 2].map((c) => kernelSlice(view, filter, c, 'conv'));
  const pixels = new Uint8ClampedArray(kh * kw * 4);
  for (let i = 0; i < kh * kw; i++) {
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = grayLevel(slices[c]![i]!, range);
    pixels[i * 4 + 3] = 255;
  }
  return { width: kw, height: kh, pixels };
}

/** The indices of the `n` most probable classes, most probable first (ties keep class order). */
export function topClasses(probs: readonly number[], n: number): number[] {
  return probs
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .slice(0, Math.max(0, n))
    .map((x) => x.i);
}
