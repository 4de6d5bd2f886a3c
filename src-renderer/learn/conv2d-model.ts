/**
 * The 2-D lab as data: every matrix parsed (shape mismatches between channels or kernels are
 * errors too), the padding and the whole output computed once per change of the settings, and
 * what one step shows (filter, row, column and its window) read from that.
 */
import {
  conv2d,
  padding2d,
  window2d,
  type AxisPadding,
  type Conv2dOptions,
  type Image,
  type Kernels,
  type Window2d,
} from '../../src-shared/learn/convolution';
import type { Conv2dSettings } from './lab-settings';
import { parseMatrix, type ParseError } from './parse';
import { mapsOf, positionAt, type GridPosition } from './positions';

/** Why one field of the 2-D lab cannot be used (worded by strings.ts). */
export type FieldError =
  | ParseError
  | { readonly kind: 'bias' }
  | { readonly kind: 'channel-shape'; readonly got: string; readonly expected: string }
  | { readonly kind: 'kernel-shape'; readonly got: string; readonly expected: string };

export interface Errors2d {
  readonly image: readonly (FieldError | null)[];
  /** kernels[filter][channel]. */
  readonly kernels: readonly (readonly (FieldError | null)[])[];
  readonly bias: readonly (FieldError | null)[];
}

export interface Parsed2d {
  /** [h][w][channels], as the shared arithmetic takes it. */
  readonly image: Image;
  /** [kh][kw][channels][filters], as Keras stores it. */
  readonly kernels: Kernels;
  readonly bias: readonly number[];
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly kh: number;
  readonly kw: number;
  readonly f: number;
  /** The matrices as typed, for display: imageM[channel]. */
  readonly imageM: readonly (readonly number[])[][];
}

function shapeOf(m: readonly (readonly number[])[]): string {
  return `${m.length}×${m[0]?.length ?? 0}`;
}

/** A bias as typed: empty means 0; null when it is not a number. */
export function parseBias(text: string): number | null {
  const v = text.trim() === '' ? 0 : Number(text.replace(/\u2212/g, '-'));
  return Number.isFinite(v) ? v : null;
}

/** Parses every matrix of the settings; `value` is null unless every field is usable. */
export function parse2d(s: Conv2dSettings): { readonly value: Parsed2d | null; readonly errors: Errors2d } {
  const image = s.image.map((txt) => parseMatrix(txt));
  const kernels = s.kernels.map((row) => row.map((txt) => parseMatrix(txt)));
  const bias = s.bias.map(parseBias);
  const imageErrors: (FieldError | null)[] = image.map((r) => (r.ok ? null : r.error));
  const kernelErrors: (FieldError | null)[][] = kernels.map((row) => row.map((r) => (r.ok ? null : r.error)));
  const biasErrors: (FieldError | null)[] = bias.map((b) => (b === null ? { kind: 'bias' } : null));
  const first = image[0];
  if (first?.ok) {
    const expected = shapeOf(first.value);
    image.forEach((r, i) => {
      if (r.ok && shapeOf(r.value) !== expected) imageErrors[i] = { kind: 'channel-shape', got: shapeOf(r.value), expected };
    });
  }
  const k0 = kernels[0]?.[0];
  if (k0?.ok) {
    const expected = shapeOf(k0.value);
    kernels.forEach((row, f) =>
      row.forEach((r, c) => {
        if (r.ok && shapeOf(r.value) !== expected) kernelErrors[f]![c] = { kind: 'kernel-shape', got: shapeOf(r.value), expected };
      }),
    );
  }
  const errors: Errors2d = { image: imageErrors, kernels: kernelErrors, bias: biasErrors };
  const clean = [...imageErrors, ...kernelErrors.flat(), ...biasErrors].every((e) => e === null);
  if (!clean || !first?.ok || !k0?.ok) return { value: null, errors };
  const imageM = image.map((r) => (r.ok ? r.value : []));
  const kernelM = kernels.map((row) => row.map((r) => (r.ok ? r.value : [])));
  const h = first.value.length;
  const w = first.value[0]!.length;
  const c = imageM.length;
  const kh = k0.value.length;
  const kw = k0.value[0]!.length;
  const f = kernelM.length;
  const img = Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, q) => imageM.map((ch) => ch[r]![q]!)));
  const ker = Array.from({ length: kh }, (_, i) =>
    Array.from({ length: kw }, (_, j) => Array.from({ length: c }, (_, ch) => kernelM.map((filter) => filter[ch]![i]![j]!))),
  );
  return { value: { image: img, kernels: ker, bias: bias.map((b) => b ?? 0), h, w, c, kh, kw, f, imageM }, errors };
}

export type Lab2d =
  | { readonly ok: false; readonly errors: Errors2d }
  | {
      readonly ok: true;
      readonly errors: Errors2d;
      readonly p: Parsed2d;
      readonly options: Conv2dOptions;
      readonly rows: AxisPadding;
      readonly cols: AxisPadding;
      /** Every output value, computed once: maps[filter][row][col]. */
      readonly maps: readonly (readonly (readonly number[])[])[];
      /** Positions to step through: every filter's every output. */
      readonly count: number;
    };

/** Parses the settings and computes the whole 2-D result. */
export function build2d(s: Conv2dSettings): Lab2d {
  const { value: p, errors } = parse2d(s);
  if (!p) return { ok: false, errors };
  const options: Conv2dOptions = { op: s.op, padding: s.padding, stride: s.stride, sameStyle: s.sameStyle, bias: p.bias };
  const [rows, cols] = padding2d(p.h, p.w, p.kh, p.kw, options);
  const count = rows.outLength * cols.outLength * p.f;
  const maps = count > 0 ? mapsOf(conv2d(p.image, p.kernels, options), p.f) : [];
  return { ok: true, errors, p, options, rows, cols, maps, count };
}

/** What changes the walk: a new value restarts the stepper. */
export function stepKey2d(s: Conv2dSettings): string {
  return JSON.stringify([s.image, s.kernels, s.bias, s.op, s.padding, s.sameStyle, s.stride]);
}

/** One step of the 2-D lab: the output position, its window, and the window's box in the padded grid. */
export interface Step2d {
  readonly at: GridPosition;
  readonly window: Window2d;
  readonly box: { readonly top: number; readonly left: number; readonly h: number; readonly w: number };
}

/** The window behind step `index`; null when there is no output. */
export function step2d(lab: Extract<Lab2d, { ok: true }>, index: number): Step2d | null {
  if (index < 0 || index >= lab.count) return null;
  const at = positionAt(index, lab.rows.outLength, lab.cols.outLength);
  const window = window2d(lab.p.image, lab.p.kernels, lab.options, at.row, at.col, at.map);
  const box = { top: window.top + lab.rows.before, left: window.left + lab.cols.before, h: lab.p.kh, w: lab.p.kw };
  return { at, window, box };
}
