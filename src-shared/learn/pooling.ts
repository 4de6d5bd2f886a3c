import { axisPadding, type Image } from './convolution';

export type PoolKind = 'max' | 'average';

export interface PoolOptions {
  readonly kind: PoolKind;
  readonly poolSize: readonly [number, number];
  /** Defaults to the pool size, as in Keras. */
  readonly strides?: readonly [number, number];
  readonly padding: 'valid' | 'same';
}

/** One pooled value explained: the window's values (padding left out, as TensorFlow does) and the result. */
export interface PoolWindow {
  readonly values: number[];
  readonly result: number;
  readonly top: number;
  readonly left: number;
}

/** The window behind output (row, col) of one channel. */
export function poolWindow(image: Image, options: PoolOptions, row: number, col: number, channel: number): PoolWindow {
  const h = image.length;
  const w = image[0]?.length ?? 0;
  const [kh, kw] = options.poolSize;
  const [sh, sw] = options.strides ?? options.poolSize;
  const ph = axisPadding(h, kh, options.padding, sh, 'keras');
  const pw = axisPadding(w, kw, options.padding, sw, 'keras');
  const top = row * sh - ph.before;
  const left = col * sw - pw.before;
  const values: number[] = [];
  for (let i = top; i < top + kh; i++)
    for (let j = left; j < left + kw; j++) if (i >= 0 && i < h && j >= 0 && j < w) values.push(image[i]![j]![channel]!);
  const result = options.kind === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
  return { values, result, top, left };
}

/** Max or average pooling with TensorFlow's rules ('same' pads, and padded cells never count). */
export function pool2d(image: Image, options: PoolOptions): number[][][] {
  const h = image.length;
  const w = image[0]?.length ?? 0;
  const c = image[0]?.[0]?.length ?? 0;
  const [sh, sw] = options.strides ?? options.poolSize;
  const rows = axisPadding(h, options.poolSize[0], options.padding, sh, 'keras').outLength;
  const cols = axisPadding(w, options.poolSize[1], options.padding, sw, 'keras').outLength;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, q) => Array.from({ length: c }, (_, k) => poolWindow(image, options, r, q, k).result)),
  );
}
