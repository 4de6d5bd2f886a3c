/**
 * The pooling lab as data: the input parsed, the padding and the whole output computed once per
 * change of the settings, and what one step shows (the window, where its maximum sits, how many
 * padded cells it leaves out) read from that.
 */
import { axisPadding, type AxisPadding, type Image } from '../../src-shared/learn/convolution';
import { pool2d, poolWindow, type PoolOptions, type PoolWindow } from '../../src-shared/learn/pooling';
import type { PoolSettings } from './lab-settings';
import { parseMatrix, type ParseError } from './parse';
import { mapsOf, positionAt, type GridPosition } from './positions';

export type PoolLab =
  | { readonly ok: false; readonly error: ParseError }
  | {
      readonly ok: true;
      readonly m: readonly (readonly number[])[];
      /** The same input as a one-channel image, for the shared arithmetic. */
      readonly image: Image;
      readonly options: PoolOptions;
      readonly rows: AxisPadding;
      readonly cols: AxisPadding;
      /** Every output value, computed once: maps[0][row][col]. */
      readonly maps: readonly (readonly (readonly number[])[])[];
      readonly count: number;
    };

/** The stride in effect: an empty field (NaN) means the pool size, as Keras's strides=None. */
export function poolStride(s: Pick<PoolSettings, 'stride' | 'size'>): number {
  return Number.isFinite(s.stride) ? s.stride : s.size;
}

/** Parses the settings and pools the whole input. */
export function buildPool(s: PoolSettings): PoolLab {
  const parsed = parseMatrix(s.input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const m = parsed.value;
  const stride = poolStride(s);
  const options: PoolOptions = { kind: s.kind, poolSize: [s.size, s.size], strides: [stride, stride], padding: s.padding };
  const rows = axisPadding(m.length, s.size, s.padding, stride, 'keras');
  const cols = axisPadding(m[0]!.length, s.size, s.padding, stride, 'keras');
  const count = rows.outLength * cols.outLength;
  const image = m.map((r) => r.map((v) => [v]));
  const maps = count > 0 ? mapsOf(pool2d(image, options), 1) : [];
  return { ok: true, m, image, options, rows, cols, maps, count };
}

/** What changes the walk: a new value restarts the stepper. */
export function stepKeyPool(s: PoolSettings): string {
  return JSON.stringify([s.input, s.kind, s.size, poolStride(s), s.padding]);
}

/** One step of the pooling lab. */
export interface PoolStep {
  readonly at: GridPosition;
  readonly window: PoolWindow;
  /** Padded cells under the window: they never count. */
  readonly padCells: number;
  /** Max pooling: the input cell [row, col] holding the (first) maximum, in the order the window is read. */
  readonly maxCell: readonly [number, number] | null;
  /** Index of the maximum among `window.values` (−1 for average pooling). */
  readonly maxAt: number;
}

/** The window behind step `index`; null when there is no output. */
export function stepPool(lab: Extract<PoolLab, { ok: true }>, index: number): PoolStep | null {
  if (index < 0 || index >= lab.count) return null;
  const at = positionAt(index, lab.rows.outLength, lab.cols.outLength);
  const window = poolWindow(lab.image, lab.options, at.row, at.col, 0);
  const [k] = lab.options.poolSize;
  const h = lab.m.length;
  const w = lab.m[0]!.length;
  const maxAt = lab.options.kind === 'max' ? window.values.indexOf(window.result) : -1;
  let maxCell: [number, number] | null = null;
  let n = 0;
  for (let r = Math.max(0, window.top); r < Math.min(h, window.top + k) && maxAt >= 0 && !maxCell; r++)
    for (let c = Math.max(0, window.left); c < Math.min(w, window.left + k) && !maxCell; c++) if (n++ === maxAt) maxCell = [r, c];
  return { at, window, padCells: k * k - window.values.length, maxCell, maxAt };
}
