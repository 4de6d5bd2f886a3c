/**
 * The arithmetic of the convolution lab: 1-D and 2-D convolution and cross-correlation with
 * valid / same / full padding and strides, in SciPy's and in TensorFlow's convention for 'same'.
 * Every output value can be explained as its window of products (see `window1d`, `window2d`).
 */

export type ConvOp = 'convolve' | 'correlate';
export type ConvPadding = 'valid' | 'same' | 'full';
/**
 * Where 'same' puts the padding when it cannot be split evenly: SciPy centres the output on the
 * 'full' result (the extra zero goes before), TensorFlow/Keras put the extra zero after (bottom/right).
 */
export type SameStyle = 'scipy' | 'keras';

export interface ConvOptions {
  readonly op: ConvOp;
  readonly padding: ConvPadding;
  readonly stride?: number;
  readonly sameStyle?: SameStyle;
}

/** Zeros added before and after one axis, and the resulting output length. */
export interface AxisPadding {
  readonly before: number;
  readonly after: number;
  readonly outLength: number;
  /** The output-size formula with the numbers filled in. */
  readonly formula: string;
}

/** How one axis of length n is padded for a kernel of length k and a stride. */
export function axisPadding(n: number, k: number, padding: ConvPadding, stride = 1, sameStyle: SameStyle = 'scipy'): AxisPadding {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 1 && Number.isInteger(stride) && stride >= 1)) {
    throw new RangeError('input, kernel and stride sizes must be whole numbers ≥ 1');
  }
  if (padding === 'valid') {
    const outLength = n >= k ? Math.floor((n - k) / stride) + 1 : 0;
    return { before: 0, after: 0, outLength, formula: `(N − F) / stride + 1 = floor((${n} − ${k}) / ${stride}) + 1 = ${outLength}` };
  }
  if (padding === 'full') {
    // F − 1 zeros on each side: the padded length N + 2(F − 1) less F, over the stride, plus 1 —
    // N + F − 1 outputs for stride 1.
    const outLength = Math.floor((n + k - 2) / stride) + 1;
    return {
      before: k - 1,
      after: k - 1,
      outLength,
      formula: `(N + F − 2) / stride + 1 = floor((${n} + ${k} − 2) / ${stride}) + 1 = ${outLength}`,
    };
  }
  if (sameStyle === 'keras') {
    const outLength = Math.ceil(n / stride);
    const total = Math.max((outLength - 1) * stride + k - n, 0);
    const before = Math.floor(total / 2);
    return { before, after: total - before, outLength, formula: `ceil(N / stride) = ceil(${n} / ${stride}) = ${outLength}` };
  }
  // SciPy: the central part of 'full' with the input's length, then every stride-th value.
  const before = k - 1 - Math.floor((k - 1) / 2);
  const outLength = Math.floor((n - 1) / stride) + 1;
  return { before, after: k - 1 - before, outLength, formula: `ceil(N / stride) = ceil(${n} / ${stride}) = ${outLength}` };
}

/** The kernel as it slides: flipped for true convolution, as is for cross-correlation. */
export function effectiveKernel1d(w: readonly number[], op: ConvOp): number[] {
  return op === 'convolve' ? [...w].reverse() : [...w];
}

/** One output value explained: the input positions under the window (−1 for padding), the products and their sum. */
export interface Window1d {
  readonly output: number;
  readonly positions: readonly number[];
  readonly inputs: readonly number[];
  readonly weights: readonly number[];
  readonly products: readonly number[];
  readonly sum: number;
}

/** The window that produces output `index` of a 1-D convolution. */
export function window1d(x: readonly number[], w: readonly number[], options: ConvOptions, index: number): Window1d {
  const stride = options.stride ?? 1;
  const pad = axisPadding(x.length, w.length, options.padding, stride, options.sameStyle);
  const kernel = effectiveKernel1d(w, options.op);
  const start = index * stride - pad.before;
  const positions = kernel.map((_, j) => start + j);
  const inputs = positions.map((p) => (p >= 0 && p < x.length ? x[p]! : 0));
  const products = inputs.map((v, j) => v * kernel[j]!);
  return {
    output: index,
    positions: positions.map((p) => (p >= 0 && p < x.length ? p : -1)),
    inputs,
    weights: kernel,
    products,
    sum: products.reduce((a, b) => a + b, 0),
  };
}

/** 1-D convolution or cross-correlation, equal to SciPy's `np.convolve` / `np.correlate` (plus strides). */
export function conv1d(x: readonly number[], w: readonly number[], options: ConvOptions): number[] {
  const pad = axisPadding(x.length, w.length, options.padding, options.stride ?? 1, options.sameStyle);
  return Array.from({ length: pad.outLength }, (_, i) => window1d(x, w, options, i).sum);
}

/** A 2-D image: rows of pixels, each pixel a list of channel values. */
export type Image = readonly (readonly (readonly number[])[])[];
/** Kernels as Keras stores them: [kh][kw][inChannels][filters]. */
export type Kernels = readonly (readonly (readonly (readonly number[])[])[])[];

export interface Conv2dOptions extends ConvOptions {
  readonly strides?: readonly [number, number];
  /** One bias per filter (default 0). */
  readonly bias?: readonly number[];
}

/** One output value of a 2-D convolution explained, channel by channel, with the bias. */
export interface Window2d {
  readonly row: number;
  readonly col: number;
  readonly filter: number;
  /** Per input channel: the k×k input patch (0 where padded), the kernel as applied, and the sum of products. */
  readonly channels: readonly { patch: number[][]; kernel: number[][]; products: number[][]; sum: number }[];
  readonly bias: number;
  readonly sum: number;
  /** Top-left corner of the window in input coordinates (negative inside the padding). */
  readonly top: number;
  readonly left: number;
}

function dims(image: Image, kernels: Kernels): { h: number; w: number; c: number; kh: number; kw: number; f: number } {
  const h = image.length;
  const w = image[0]?.length ?? 0;
  const c = image[0]?.[0]?.length ?? 0;
  const kh = kernels.length;
  const kw = kernels[0]?.length ?? 0;
  const kc = kernels[0]?.[0]?.length ?? 0;
  const f = kernels[0]?.[0]?.[0]?.length ?? 0;
  if (h < 1 || w < 1 || c < 1 || image.some((r) => r.length !== w || r.some((p) => p.length !== c)))
    throw new RangeError('the image must be a non-empty rectangle with the same channels in every pixel');
  if (
    kh < 1 ||
    kw < 1 ||
    f < 1 ||
    kc !== c ||
    kernels.some((r) => r.length !== kw || r.some((t) => t.length !== c || t.some((v) => v.length !== f)))
  ) {
    throw new RangeError(`the kernels must be [kh][kw][${c}][filters] to match the image's ${c} channel(s)`);
  }
  return { h, w, c, kh, kw, f };
}

/** Paddings of both axes for a 2-D convolution. */
export function padding2d(height: number, width: number, kh: number, kw: number, options: Conv2dOptions): [AxisPadding, AxisPadding] {
  const [sh, sw] = options.strides ?? [options.stride ?? 1, options.stride ?? 1];
  return [axisPadding(height, kh, options.padding, sh, options.sameStyle), axisPadding(width, kw, options.padding, sw, options.sameStyle)];
}

/** The window that produces output (row, col) of `filter`. */
export function window2d(image: Image, kernels: Kernels, options: Conv2dOptions, row: number, col: number, filter: number): Window2d {
  const { h, w, c, kh, kw } = dims(image, kernels);
  const [ph, pw] = padding2d(h, w, kh, kw, options);
  const [sh, sw] = options.strides ?? [options.stride ?? 1, options.stride ?? 1];
  const top = row * sh - ph.before;
  const left = col * sw - pw.before;
  const flip = options.op === 'convolve';
  const channels = Array.from({ length: c }, (_, ch) => {
    const patch: number[][] = [];
    const kernel: number[][] = [];
    const products: number[][] = [];
    let sum = 0;
    for (let i = 0; i < kh; i++) {
      patch.push([]);
      kernel.push([]);
      products.push([]);
      for (let j = 0; j < kw; j++) {
        const r = top + i;
        const q = left + j;
        const v = r >= 0 && r < h && q >= 0 && q < w ? image[r]![q]![ch]! : 0;
        const k = flip ? kernels[kh - 1 - i]![kw - 1 - j]![ch]![filter]! : kernels[i]![j]![ch]![filter]!;
        patch[i]!.push(v);
        kernel[i]!.push(k);
        products[i]!.push(v * k);
        sum += v * k;
      }
    }
    return { patch, kernel, products, sum };
  });
  const bias = options.bias?.[filter] ?? 0;
  return { row, col, filter, channels, bias, sum: channels.reduce((a, ch) => a + ch.sum, 0) + bias, top, left };
}

/** 2-D convolution / cross-correlation over several channels and filters: output [rows][cols][filters]. */
export function conv2d(image: Image, kernels: Kernels, options: Conv2dOptions): number[][][] {
  const { h, w, kh, kw, f } = dims(image, kernels);
  const [ph, pw] = padding2d(h, w, kh, kw, options);
  return Array.from({ length: ph.outLength }, (_, r) =>
    Array.from({ length: pw.outLength }, (_, q) => Array.from({ length: f }, (_, k) => window2d(image, kernels, options, r, q, k).sum)),
  );
}

/** Single-channel, single-filter 2-D helper: plain matrices in and out, as the lecture writes them. */
export function conv2dPlain(x: readonly (readonly number[])[], w: readonly (readonly number[])[], options: Conv2dOptions): number[][] {
  const image = x.map((row) => row.map((v) => [v]));
  const kernels = w.map((row) => row.map((v) => [[v]]));
  return conv2d(image, kernels, options).map((row) => row.map((p) => p[0]!));
}
